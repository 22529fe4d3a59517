/**
 * Rows that are no goods: invoices and ERP exports end with a row that sums the lines ("TOTAL", 合计, 合計,
 * or only the sums), add charges (Freight, 运费, 送料) and subtotals between pages, and put remarks under the
 * table ("Remarks:", "1. Country of origin: China", 備考). Such a row names no goods and no party; screened,
 * it would read as goods nobody identified. The reader holds such rows back: at the end of the input, or
 * before a header row (the end of one export of several joined), they are noted and not screened; followed by
 * goods, a row with a word that says what it is (TOTAL, 小计, Freight) is noted as a subtotal and not screened,
 * while a row of bare numbers or a lone remark is screened like any other (it may be a goods row that lost
 * its description).
 */
import type { RowValues } from '../model/row.js';

/** Words that mark a row of sums, compared in lower case, whole cell or cell start. */
const TOTAL_WORDS = [
  'total', 'totals', 'grand total', 'sub total', 'subtotal', 'sum', 'summe', 'gesamt', 'gesamtsumme', 'zwischensumme',
  'total général', 'montant total', 'sous-total', '合计', '合計', '总计', '總計', '小计', '小計', '总额', '總額', '总金额',
  '總金額', '合计金额', '総計', '総合計', '計', '大写', '金额大写',
  // the amount in words under an invoice: "SAY US DOLLARS ... ONLY", "SAY TOTAL ..."
  'say',
];

/** Charges added to the goods: whole cell only (a description "Freight container" is goods), compared in lower case. */
const CHARGE_WORDS = new Set([
  'freight', 'freight charge', 'freight charges', 'ocean freight', 'air freight', 'insurance', 'insurance premium', 'discount',
  'handling', 'handling charge', 'handling charges', 'packing', 'packing charge', 'packing charges', 'bank charge', 'bank charges',
  'shipping', 'shipping charge', 'shipping charges', 'delivery charge', 'surcharge', 'tax', 'vat', 'gst', 'sales tax', 'consumption tax',
  'fob', 'cif', 'cfr', 'exw', 'fracht', 'versicherung', 'verpackung', 'rabatt', 'mwst', 'fret', 'assurance', 'remise', 'tva',
  '运费', '運費', '保险费', '保險費', '运保费', '運保費', '包装费', '包裝費', '杂费', '雜費', '税额', '稅額', '增值税', '增值稅', '折扣',
  '運賃', '送料', '保険料', '手数料', '値引', '値引き', '消費税', '梱包費', '梱包料',
]);

const NUMBER = /^[-+(]?[\p{Sc}]?\s*[\d.,'\s\u00a0]*\d[\d.,'\s\u00a0]*\s*[\p{Sc}%)]?$/u;
/** A unit or currency beside a sum: USD, CNY, KG, PCS, 件, 个, 美元, 円. */
const UNIT = /^(?:[A-Za-z]{2,4}|[件个個台套箱kgKG]{1,2}|美元|人民币|人民幣|日元|欧元|歐元|港币|港幣|元|円|ドル|ユーロ)$/u;

/** Columns a totals row leaves empty: the goods (but for a word such as TOTAL in the description), the parties, where it goes and what for. */
const NAMED: (keyof RowValues)[] = [
  'hs_code', 'control_code', 'cas_number', 'consignee', 'end_user', 'end_use',
  'destination_country', 'consignee_country', 'end_user_country', 'origin_country', 'export_country',
];

function isTotalWord(cell: string): boolean {
  const c = cell.normalize('NFKC').trim().toLowerCase().replace(/[:：]$/, '');
  if (CHARGE_WORDS.has(c.replace(/\s*(?:\([^()]*\)|（[^（）]*）)$/u, ''))) return true;
  return TOTAL_WORDS.some((w) => c === w || c.startsWith(`${w} `) || (/^[\p{Script=Han}]/u.test(w) && c.startsWith(w)));
}

/**
 * What kind of row that is no goods this is, if it is one: `worded`, a row of sums or charges with a word that
 * says so (TOTAL, 小计, Freight: no goods, party or country, every cell a number, a unit or such a word); `sums`,
 * a row of bare numbers; `remark`, one text in the row's first cell and nothing else (`cells`: the row as read).
 */
export function nonGoodsRow(values: RowValues, extras: Record<string, string>, cells: string[]): 'worded' | 'sums' | 'remark' | undefined {
  if (NAMED.some((c) => (values[c] ?? '').trim() !== '')) return undefined;
  const description = (values.description ?? '').trim();
  const filled = [values.line_id, description, values.quantity, values.unit, values.value, values.currency, ...Object.values(extras)]
    .map((v) => (v ?? '').trim())
    .filter((v) => v !== '');
  if (filled.length === 0) return undefined;
  if ((description === '' || isTotalWord(description)) && filled.every((v) => NUMBER.test(v) || UNIT.test(v) || isTotalWord(v))) {
    return filled.some(isTotalWord) ? 'worded' : 'sums';
  }
  const remark = description === '' && (cells[0] ?? '').trim() !== '' && cells.every((c, i) => i === 0 || c.trim() === '');
  return remark && Object.keys(values).every((k) => k === 'line_id') ? 'remark' : undefined;
}

/** The row as the note quotes it: its non-empty cells in the file's order. */
export function totalsText(cells: string[]): string {
  return cells
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .join(', ');
}
