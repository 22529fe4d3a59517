import { UserError } from '../model/errors.js';
import { CANONICAL_COLUMNS, type CanonicalColumn, type ColumnMapping, headerKey } from '../model/row.js';

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
    'goods', 'material description', '品名', '中文品名', '英文品名', '货物名称', '貨物名稱', '商品名称',
    '商品名稱', '货物描述', '貨物描述', '品名及规格', '品名及規格', '商品名称及规格型号', '商品名稱及規格型號', '商品名',
    '品目', '品名・規格', '品名規格', '貨物名称',
    // Kingdee, Yonyou and SAP exports
    '物料名称', '物料名稱', '物料描述', '物料说明', '物料說明', '存货名称', '存貨名稱', '规格型号', '規格型號', '产品名称', '產品名稱',
    // German and French
    'warenbezeichnung', 'warenbeschreibung', 'artikelbezeichnung', 'bezeichnung', 'désignation', 'designation',
    'désignation des marchandises', 'description des marchandises', 'libellé', 'libellé article',
  ],
  hs_code: [
    'hs code', 'hs', 'hs no', 'hs number', 'hts', 'hts code', 'htsus', 'hs tariff', 'hs tariff code', 'harmonized code',
    'harmonized tariff code', 'tariff no', 'tariff number', 'tariff code', 'tariff classification', 'commodity code',
    'customs code', 'customs tariff', 'cn code', 'schedule b', 'schedule b number', 'hs编码', 'hs編碼', 'hs号',
    '商品编码', '商品編碼', '商品编号', '商品編號', '海关编码', '海關編碼', '海关商品编码', '海關商品編碼', '税则号列',
    '稅則號列', '税号', '稅號', 'hsコード', 'hs番号', '統計品目番号', '関税番号', '税番',
    'zolltarifnummer', 'zolltarifnr', 'warennummer', 'statistische warennummer', 'code sh', 'code nc', 'nomenclature douanière',
    'nomenclature combinée', 'code douanier',
  ],
  control_code: [
    'export control code', 'control code', 'eccn', 'export control classification', 'export control classification number',
    'export classification', 'control classification', 'classification', 'ecl', 'dual-use code', '管制编码', '管制編碼',
    '管制编号', '出口管制编码', '出口管制編碼', '两用物项编码', '兩用物項編碼', '该非判定番号', '該非判定番号', '該非判定',
    '該非番号', '該当項番', '規制番号', 'ausfuhrlistennummer', 'al nummer',
  ],
  cas_number: ['cas', 'cas no', 'cas number', 'cas rn', 'cas registry number', 'cas登录号', 'cas號', 'cas号', 'cas编号', 'cas番号', 'cas登録番号'],
  quantity: [
    'qty', 'quantity', 'quantity shipped', 'qty shipped', 'order quantity', 'order qty', 'delivery quantity', '数量', '數量', '实发数量', '實發數量', '销售数量', '銷售數量', '出库数量',
    '出荷数量', 'menge', 'quantité',
  ],
  unit: ['unit', 'uom', 'unit of measure', 'unit of measurement', '单位', '單位', '计量单位', '計量單位', '単位', 'einheit', 'mengeneinheit', 'unité'],
  value: [
    'value', 'amount', 'total value', 'total amount', 'line value', 'net value', 'invoice value', 'invoice amount', '金额', '金額',
    '总价', '總價', '价值', '價值', '货值', '貨值', '価格', 'wert', 'warenwert', 'valeur', 'montant',
  ],
  currency: ['currency', 'curr', 'ccy', 'currency code', '币种', '幣種', '币制', '幣制', '币别', '幣別', '货币', '貨幣', '通貨', '通貨コード', 'währung', 'devise'],
  origin_country: [
    'origin', 'country of origin', 'origin country', 'coo', 'made in', 'place of origin', 'country of manufacture',
    '原产国', '原產國', '原产地', '原產地', '原产国(地区)', '原産国', '原産地', 'ursprungsland', "pays d'origine", 'origine',
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
    '仕向け国', '仕向地', '仕向け地', 'bestimmungsland', 'pays de destination', 'destination finale',
  ],
  consignee: [
    'consignee', 'consignee name', 'ship to', 'ship-to party', 'ship to name', 'ship-to name', 'receiver', 'recipient',
    '收货人', '收貨人', '收货方', '收貨方', '境外收货人', '境外收貨人', '送达方', '送達方', '收货单位', '收貨單位',
    '荷受人', '受取人', '納入先', 'empfänger', 'empfaenger', 'warenempfänger', 'destinataire',
  ],
  consignee_country: ['consignee country', 'country of consignee', '收货人国家', '收貨人國家', '收货人所在国', '荷受人国', '荷受人の国'],
  end_user: [
    'end user', 'end-user', 'end user name', 'ultimate consignee', 'final user', '最终用户', '最終用戶', '最终用户名称',
    '最终使用者', '最終使用者', '最終需要者', '最終ユーザー', 'エンドユーザー', 'endverwender', 'endempfänger',
    'utilisateur final',
  ],
  end_user_country: [
    'end user country', 'country of end user', 'ultimate consignee country', '最终用户国家', '最終用戶國家',
    '最终用户所在国', '最終需要者国', '最終需要者の国', '最終ユーザー国',
  ],
  end_use: [
    'end use', 'end-use', 'intended use', 'intended end use', 'purpose', 'purpose of use', 'use', 'usage', 'application',
    '最终用途', '最終用途', '用途', '使用目的', '使用用途', 'verwendungszweck', 'endverwendung', 'utilisation finale',
  ],
};

/**
 * Names of a party that is the consignee only when no header names the consignee itself: the buyer
 * (SAP's sold-to party, 售达方, 客户名称, 得意先) beside a ship-to party. When both are there the buyer
 * stays an extra column, and the run says on stderr that it is not screened.
 */
const SECONDARY_ALIASES: Partial<Record<CanonicalColumn, readonly string[]>> = {
  consignee: [
    'buyer', 'importer', 'customer', 'customer name', 'sold to', 'sold-to party', 'sold to name', 'sold-to name', '买方', '買方',
    '进口商', '進口商', '售达方', '售達方', '客户名称', '客戶名稱', '客户', '客戶', '购货单位', '購貨單位', '輸入者', '得意先',
    '得意先名', '顧客名', 'kunde', 'auftraggeber', 'client',
  ],
};

/**
 * HS code headers under which the codes are another country's (the US HTS and Schedule B, Japan's
 * 9-digit 統計品目番号, the EU's CN and TARIC): they imply --hs-scheme intl for the file.
 */
const FOREIGN_HS_HEADERS = new Set(
  ['hts', 'hts code', 'htsus', 'hts number', 'schedule b', 'schedule b number', '統計品目番号', '税番', 'cn code', 'zolltarifnummer',
    'zolltarifnr', 'warennummer', 'statistische warennummer', 'code nc', 'nomenclature combinée'].map(headerKey),
);

/** Whether codes under this HS code header are another country's (compare their first 6 digits). */
export function foreignHsHeader(header: string): boolean {
  return FOREIGN_HS_HEADERS.has(keyOf(header)) || FOREIGN_HS_HEADERS.has(keyOf(header.normalize('NFKC').replace(NOTE, '')));
}

/** headerKey, except that a lone "#" (all punctuation, so otherwise empty) means the line number. */
function keyOf(header: string): string {
  return headerKey(header) || (header.normalize('NFKC').trim() === '#' ? 'no' : '');
}

const BY_KEY = new Map<string, CanonicalColumn>();
const SECONDARY_BY_KEY = new Map<string, CanonicalColumn>();
for (const [map, aliases] of [
  [BY_KEY, ALIASES],
  [SECONDARY_BY_KEY, SECONDARY_ALIASES],
] as const) {
  for (const column of CANONICAL_COLUMNS) {
    for (const alias of map === BY_KEY ? [column, ...(aliases[column] ?? [])] : (aliases[column] ?? [])) {
      const key = headerKey(alias);
      const prev = BY_KEY.get(key) ?? SECONDARY_BY_KEY.get(key);
      if (prev && prev !== column) throw new Error(`columns: alias "${alias}" is both ${prev} and ${column}`);
      map.set(key, column);
    }
  }
}

/** A trailing note in brackets: "Value (USD)", "原产国(地区)", "Qty [pcs]". */
const NOTE = /\s*(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)\s*$/u;

function lookUpWhole(map: Map<string, CanonicalColumn>, header: string): CanonicalColumn | undefined {
  return map.get(keyOf(header)) ?? map.get(keyOf(header.normalize('NFKC').replace(NOTE, '')));
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** Where a bilingual header changes language: "商品编码 HS Code", "品名Description", "Qty 数量". */
const SCRIPT_CHANGE = new RegExp(`(?<=[${CJK}）)])\\s*(?=[A-Za-z])|(?<=[A-Za-z.)])\\s*(?=[${CJK}])`, 'gu');

/** A header that may hold two names: a line break, a slash or bar, or Latin letters beside CJK ones. */
const BILINGUAL = new RegExp(`[\\r\\n/|／｜]|[A-Za-z].*[${CJK}]|[${CJK}].*[A-Za-z]`, 'u');

/**
 * The parts of a bilingual header, as Chinese and Japanese invoices write them: one name a line
 * ("品名\nDescription"), around a slash ("数量/Qty"), or side by side in two scripts ("商品编码 HS Code").
 */
function headerParts(header: string): string[] {
  if (!BILINGUAL.test(header)) return [header];
  return header
    .normalize('NFKC')
    .split(/[\r\n/|]+/)
    .flatMap((p) => p.split(SCRIPT_CHANGE))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The column a header names: as a whole, or as a bilingual header whose parts that name a column all name the same one. */
function lookUp(map: Map<string, CanonicalColumn>, header: string): CanonicalColumn | undefined {
  const whole = lookUpWhole(map, header);
  if (whole !== undefined) return whole;
  const parts = headerParts(header);
  if (parts.length < 2) return undefined;
  const named = new Set(parts.map((p) => lookUpWhole(map, p)).filter((c) => c !== undefined));
  const [only] = named;
  return named.size === 1 ? only : undefined;
}

const aliasColumn = (header: string): CanonicalColumn | undefined => lookUp(BY_KEY, header);

/** The columns that identify the goods: a manifest needs one of them. */
export const IDENTIFYING: readonly CanonicalColumn[] = ['description', 'hs_code', 'control_code'];

/** Whether any of these cells names a column that identifies the goods (a quick test before a row is mapped as a header). */
export const namesGoodsColumn = (cells: string[]): boolean => cells.some((c) => IDENTIFYING.includes(aliasColumn(c) as CanonicalColumn));

/** Whether a header names a canonical column (a buyer's name included). */
export const namesColumn = (header: string): boolean => aliasColumn(header) !== undefined || lookUp(SECONDARY_BY_KEY, header) !== undefined;

/** Columns that hold text or a list: a second column of the same kind (English and Chinese descriptions) is screened with the first. */
export const MULTI_VALUE: readonly CanonicalColumn[] = ['description', 'end_use', 'control_code', 'cas_number'];

const findHeader = (headers: string[], wanted: string): number => headers.findIndex((h) => keyOf(h) === keyOf(wanted));

const missingHeader = (what: string, wanted: string, headers: string[]): UserError =>
  new UserError(`${what}="${wanted}": the manifest has no such header (headers: ${headers.map((h) => `"${h}"`).join(', ')})`);

/**
 * Maps a manifest's header row to canonical columns. Overrides (canonical column → header text)
 * win over aliases; otherwise the first header with an alias of a column takes it, and a secondary
 * alias (a buyer for the consignee) only where no header has a primary one. A second header of a
 * text or list column is screened with the first; a second header of any other column is a conflict
 * the caller refuses (dropping it could drop a military end user). `lineId` names the columns whose
 * cells, joined, are the line id. Every header that maps to nothing is kept as an extra, in order.
 */
export function mapHeaders(headers: string[], overrides?: Partial<Record<CanonicalColumn, string>>, lineId?: string[]): ColumnMapping {
  const columns: Partial<Record<CanonicalColumn, number>> = {};
  const claimed = new Set<number>();
  for (const [column, wanted] of Object.entries(overrides ?? {})) {
    if (wanted === undefined) continue;
    if (!isCanonical(column)) {
      throw new UserError(`Unknown column "${column}" in column overrides; expected one of: ${CANONICAL_COLUMNS.join(', ')}`);
    }
    const index = findHeader(headers, wanted);
    if (index < 0) throw missingHeader(`Column override ${column}`, wanted, headers);
    columns[column] = index;
    claimed.add(index);
  }
  const lineIdColumns = lineId?.map((wanted) => {
    const index = findHeader(headers, wanted);
    if (index < 0) throw missingHeader('--line-id', wanted, headers);
    claimed.add(index);
    return index;
  });
  if (lineIdColumns?.length) columns.line_id = lineIdColumns[0];

  const more: ColumnMapping['more'] = {};
  const extras: ColumnMapping['extras'] = [];
  const repeated: ColumnMapping['repeated'] = [];
  const unscreened: NonNullable<ColumnMapping['unscreened']> = [];
  const keys = new Set<string>();
  const extra = (name: string, index: number): void => {
    let key = name === '' ? `column ${index + 1}` : name;
    if (keys.has(key)) key = `${name} (column ${index + 1})`;
    keys.add(key);
    extras.push({ name, key, index });
  };
  // each header looked up once: a file may have 100,000 columns
  const named = headers.map((h, i) => (claimed.has(i) ? undefined : aliasColumn(h)));
  const primary = new Set(named);
  headers.forEach((name, index) => {
    if (claimed.has(index)) return;
    let column = named[index];
    const secondary = column === undefined ? lookUp(SECONDARY_BY_KEY, name) : undefined;
    if (secondary !== undefined) {
      if (primary.has(secondary) || columns[secondary] !== undefined) {
        unscreened.push({ column: secondary, index });
        extra(name, index);
        return;
      }
      column = secondary;
    }
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
  return {
    columns,
    more,
    extras,
    repeated,
    ...(lineIdColumns && lineIdColumns.length > 1 ? { lineId: lineIdColumns } : {}),
    ...(unscreened.length ? { unscreened } : {}),
  };
}

function isCanonical(name: string): name is CanonicalColumn {
  return (CANONICAL_COLUMNS as readonly string[]).includes(name);
}

/** The header names recognised for a column, canonical name first (for error messages and docs). */
export function aliasesOf(column: CanonicalColumn): string[] {
  return [column, ...ALIASES[column], ...(SECONDARY_ALIASES[column] ?? [])];
}

/** Letter pairs of a header key, for closeness. */
function pairs(key: string): string[] {
  const chars = [...key];
  return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
}

function dice(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length === 0 || pb.length === 0) return 0;
  const left = new Map<string, number>();
  for (const p of pb) left.set(p, (left.get(p) ?? 0) + 1);
  let common = 0;
  for (const p of pa) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      common++;
      left.set(p, n - 1);
    }
  }
  return (2 * common) / (pa.length + pb.length);
}

/**
 * The canonical column whose names come closest to a header that maps to none ("Ship-to Name 2" →
 * consignee, "Warenbeschr." → description), with its score; undefined when nothing is close.
 */
export function closestColumn(header: string): { column: CanonicalColumn; alias: string } | undefined {
  const key = keyOf(header);
  if (key === '') return undefined;
  let best: { column: CanonicalColumn; alias: string; score: number } | undefined;
  for (const column of CANONICAL_COLUMNS) {
    for (const alias of aliasesOf(column)) {
      const ak = headerKey(alias);
      if (ak.length < 2) continue;
      // a name that contains a whole alias of three or more letters ("Ship-to Party Name") is close
      const score = ak.length >= 3 && (key.includes(ak) || ak.includes(key)) ? 0.9 + ak.length / 1000 : dice(key, ak);
      if (!best || score > best.score) best = { column, alias, score };
    }
  }
  return best && best.score >= 0.6 ? { column: best.column, alias: best.alias } : undefined;
}
