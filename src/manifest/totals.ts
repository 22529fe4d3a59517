/**
 * Totals rows: invoices and ERP exports end with a row that sums the lines ("TOTAL", 合计, 合計, or only
 * the sums). Such a row names no goods and no party; screened, it would read as goods nobody
 * identified. The reader holds such rows back and notes them when nothing but blank lines or more
 * totals follow; a row of the kind followed by goods is screened like any other.
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

const NUMBER = /^[-+(]?[\p{Sc}]?\s*[\d.,'\s\u00a0]*\d[\d.,'\s\u00a0]*\s*[\p{Sc}%)]?$/u;
/** A unit or currency code beside a sum: USD, CNY, KG, PCS, 件, 个. */
const UNIT = /^(?:[A-Za-z]{2,4}|[件个個台套箱kgKG]{1,2})$/u;

/** Columns a totals row leaves empty: the goods (but for a word such as TOTAL in the description), the parties, where it goes and what for. */
const NAMED: (keyof RowValues)[] = [
  'hs_code', 'control_code', 'cas_number', 'consignee', 'end_user', 'end_use',
  'destination_country', 'consignee_country', 'end_user_country', 'origin_country', 'export_country',
];

function isTotalWord(cell: string): boolean {
  const c = cell.normalize('NFKC').trim().toLowerCase().replace(/[:：]$/, '');
  return TOTAL_WORDS.some((w) => c === w || c.startsWith(`${w} `) || (/^[\p{Script=Han}]/u.test(w) && c.startsWith(w)));
}

/** A row that only sums: no goods, party or country, and every cell a number, a unit, or a word such as TOTAL/合计. */
export function isTotalsRow(values: RowValues, extras: Record<string, string>): boolean {
  if (NAMED.some((c) => (values[c] ?? '').trim() !== '')) return false;
  const cells = [values.line_id, values.description, values.quantity, values.unit, values.value, values.currency, ...Object.values(extras)]
    .map((v) => (v ?? '').trim())
    .filter((v) => v !== '');
  const description = (values.description ?? '').trim();
  if (description !== '' && !isTotalWord(description)) return false;
  return cells.length > 0 && cells.every((v) => NUMBER.test(v) || UNIT.test(v) || isTotalWord(v));
}

/** The row as the note quotes it: its non-empty cells in the file's order. */
export function totalsText(cells: string[]): string {
  return cells
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .join(', ');
}
