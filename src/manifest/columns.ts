import { UserError } from '../errors.js';
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../model/row.js';

/**
 * Header aliases in English, Chinese (simplified, traditional) and Japanese, compared by headerKey.
 * Only names that mean one thing: "unit price", "code", "name" or "exporter" stay extras.
 */
const ALIASES: Record<CanonicalColumn, readonly string[]> = {
  line_id: [
    'line id', 'line', 'line no', 'line number', 'item no', 'item number', 'item', 'position', 'pos', 'row id',
    'order line', 'No', 'S.No.', 'Sr. No.', 'Sl. No.', '行号', '行號', '序号', '序號', '项号', '項號', '明细号',
    '明細號', '行番号', '明細番号', '項番',
  ],
  description: [
    'description', 'desc', 'description of goods', 'goods description', 'item description', 'product description',
    'part description', 'product', 'product name', 'item name', 'goods name', 'commodity', 'commodity description',
    'goods', 'material', 'material description', '品名', '中文品名', '英文品名', '货物名称', '貨物名稱', '商品名称',
    '商品名稱', '货物描述', '貨物描述', '品名及规格', '品名及規格', '商品名称及规格型号', '商品名稱及規格型號', '商品名',
    '品目', '品名・規格', '品名規格', '貨物名称',
  ],
  hs_code: [
    'hs code', 'hs', 'hs no', 'hs number', 'hts', 'hts code', 'htsus', 'hs tariff', 'hs tariff code', 'harmonized code',
    'harmonized tariff code', 'tariff no', 'tariff number', 'tariff code', 'tariff classification', 'commodity code',
    'customs code', 'customs tariff', 'cn code', 'schedule b', 'schedule b number', 'hs编码', 'hs編碼', 'hs号',
    '商品编码', '商品編碼', '商品编号', '商品編號', '海关编码', '海關編碼', '海关商品编码', '海關商品編碼', '税则号列',
    '稅則號列', '税号', '稅號', 'hsコード', 'hs番号', '統計品目番号', '関税番号', '税番',
  ],
  control_code: [
    'export control code', 'control code', 'eccn', 'export control classification', 'export control classification number',
    'export classification', 'control classification', 'classification', 'ecl', 'dual-use code', '管制编码', '管制編碼',
    '管制编号', '出口管制编码', '出口管制編碼', '两用物项编码', '兩用物項編碼', '该非判定番号', '該非判定番号', '該非判定',
    '該非番号', '該当項番', '規制番号',
  ],
  cas_number: ['cas', 'cas no', 'cas number', 'cas rn', 'cas registry number', 'cas登录号', 'cas號', 'cas号', 'cas编号', 'cas番号', 'cas登録番号'],
  quantity: ['qty', 'quantity', 'quantity shipped', 'qty shipped', '数量', '數量'],
  unit: ['unit', 'uom', 'unit of measure', 'unit of measurement', '单位', '單位', '计量单位', '計量單位', '単位'],
  value: [
    'value', 'amount', 'total value', 'total amount', 'line value', 'invoice value', 'invoice amount', '金额', '金額',
    '总价', '總價', '价值', '價值', '货值', '貨值', '価格',
  ],
  currency: ['currency', 'curr', 'ccy', 'currency code', '币种', '幣種', '币制', '幣制', '币别', '幣別', '货币', '貨幣', '通貨', '通貨コード'],
  origin_country: [
    'origin', 'country of origin', 'origin country', 'coo', 'made in', 'place of origin', 'country of manufacture',
    '原产国', '原產國', '原产地', '原產地', '原产国(地区)', '原産国', '原産地',
  ],
  export_country: [
    'export country', 'country of export', 'exporting country', 'ship from country', 'ship-from country',
    'country of dispatch', 'dispatch country', '出口国', '出口國', '输出国', '輸出國', '启运国', '啟運國', '輸出国', '船積国',
  ],
  // Plain "country" in a manifest is nearly always where the goods go.
  destination_country: [
    'country', 'destination', 'destination country', 'country of destination', 'ship to country', 'ship-to country',
    'dest', 'dest country', 'final destination', 'ultimate destination', 'country of ultimate destination',
    'import country', 'importing country', 'country of import', '目的国', '目的國', '目的地', '目的地国', '目的地國',
    '运抵国', '運抵國', '运抵国(地区)', '最终目的国', '最終目的國', '最终目的国(地区)', '进口国', '進口國', '仕向国',
    '仕向け国', '仕向地', '仕向け地',
  ],
  consignee: [
    'consignee', 'consignee name', 'ship to', 'ship-to party', 'ship to name', 'receiver', 'recipient', 'buyer',
    'importer', '收货人', '收貨人', '收货方', '收貨方', '境外收货人', '境外收貨人', '买方', '買方', '进口商', '進口商',
    '荷受人', '受取人', '輸入者',
  ],
  consignee_country: ['consignee country', 'country of consignee', '收货人国家', '收貨人國家', '收货人所在国', '荷受人国', '荷受人の国'],
  end_user: [
    'end user', 'end-user', 'end user name', 'ultimate consignee', 'final user', '最终用户', '最終用戶', '最终用户名称',
    '最终使用者', '最終使用者', '最終需要者', '最終ユーザー', 'エンドユーザー',
  ],
  end_user_country: [
    'end user country', 'country of end user', 'ultimate consignee country', '最终用户国家', '最終用戶國家',
    '最终用户所在国', '最終需要者国', '最終需要者の国', '最終ユーザー国',
  ],
  end_use: [
    'end use', 'end-use', 'intended use', 'intended end use', 'purpose', 'purpose of use', 'use', 'usage', 'application',
    '最终用途', '最終用途', '用途', '使用目的', '使用用途',
  ],
};

/** Header text reduced for comparison: "HS Code", "hs_code", "H.S. CODE" and "ＨＳコード"-style variants meet. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** headerKey, except that a lone "#" (all punctuation, so otherwise empty) means the line number. */
function keyOf(header: string): string {
  return headerKey(header) || (header.normalize('NFKC').trim() === '#' ? 'no' : '');
}

const BY_KEY = new Map<string, CanonicalColumn>();
for (const column of CANONICAL_COLUMNS) {
  for (const alias of [column, ...ALIASES[column]]) {
    const key = headerKey(alias);
    const prev = BY_KEY.get(key);
    if (prev && prev !== column) throw new Error(`columns: alias "${alias}" is both ${prev} and ${column}`);
    BY_KEY.set(key, column);
  }
}

/** A trailing note in brackets: "Value (USD)", "原产国(地区)", "Qty [pcs]". */
const NOTE = /\s*(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)\s*$/u;

function aliasColumn(header: string): CanonicalColumn | undefined {
  return BY_KEY.get(keyOf(header)) ?? BY_KEY.get(keyOf(header.normalize('NFKC').replace(NOTE, '')));
}

/** Columns that hold text or a list: a second column of the same kind (English and Chinese descriptions) is screened with the first. */
export const MULTI_VALUE: readonly CanonicalColumn[] = ['description', 'end_use', 'control_code', 'cas_number'];

export interface ColumnMapping {
  columns: Partial<Record<CanonicalColumn, number>>;
  /** Further columns of a MULTI_VALUE column, screened together with the first (their cells are also kept as extras). */
  more: Partial<Record<CanonicalColumn, number[]>>;
  /** Every other column, in order, under a key of its own: its header, `column N` when empty, `HEADER (column N)` when repeated. */
  extras: { name: string; key: string; index: number }[];
  /** A column that holds one value (a party, a country, a code) named by two headers: the file is refused. */
  repeated: { column: CanonicalColumn; first: number; second: number }[];
}

/**
 * Maps a manifest's header row to canonical columns. Overrides (canonical column → header text)
 * win over aliases; otherwise the first header with an alias of a column takes it. A second header of
 * a text or list column is screened with the first; a second header of any other column is a
 * conflict the caller refuses (dropping it could drop a military end user). Every header that maps to
 * nothing is kept as an extra, in order.
 */
export function mapHeaders(headers: string[], overrides?: Partial<Record<CanonicalColumn, string>>): ColumnMapping {
  const columns: Partial<Record<CanonicalColumn, number>> = {};
  const claimed = new Set<number>();
  for (const [column, wanted] of Object.entries(overrides ?? {})) {
    if (wanted === undefined) continue;
    if (!isCanonical(column)) {
      throw new UserError(`Unknown column "${column}" in column overrides; expected one of: ${CANONICAL_COLUMNS.join(', ')}`);
    }
    const index = headers.findIndex((h) => keyOf(h) === keyOf(wanted));
    if (index < 0) {
      throw new UserError(
        `Column override ${column}="${wanted}": the manifest has no such header (headers: ${headers.map((h) => `"${h}"`).join(', ')})`,
      );
    }
    columns[column] = index;
    claimed.add(index);
  }

  const more: ColumnMapping['more'] = {};
  const extras: ColumnMapping['extras'] = [];
  const repeated: ColumnMapping['repeated'] = [];
  const keys = new Set<string>();
  const extra = (name: string, index: number): void => {
    let key = name === '' ? `column ${index + 1}` : name;
    if (keys.has(key)) key = `${name} (column ${index + 1})`;
    keys.add(key);
    extras.push({ name, key, index });
  };
  headers.forEach((name, index) => {
    if (claimed.has(index)) return;
    const column = aliasColumn(name);
    const first = column === undefined ? undefined : columns[column];
    if (column === undefined) extra(name, index);
    else if (first === undefined) columns[column] = index;
    else {
      // when an override chose the column, the user decided which header it is
      if (!claimed.has(first)) {
        if (MULTI_VALUE.includes(column)) (more[column] ??= []).push(index);
        else repeated.push({ column, first, second: index });
      }
      extra(name, index);
    }
  });
  return { columns, more, extras, repeated };
}

function isCanonical(name: string): name is CanonicalColumn {
  return (CANONICAL_COLUMNS as readonly string[]).includes(name);
}

/** The header names recognised for a column, canonical name first (for error messages and docs). */
export function aliasesOf(column: CanonicalColumn): string[] {
  return [column, ...ALIASES[column]];
}
