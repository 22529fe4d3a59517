/**
 * A text cell cut by an unquoted delimiter: `Gallium metal, 6N` written into a CSV by hand, without
 * quotes, reads as two fields, and every cell after it moves one column to the right. The row is read
 * with the cell whole again when exactly one text column can have taken the extra fields: joined there,
 * every column that holds a code, a number or a country must hold one again. Where two text columns
 * could, or none, the row is rejected as before.
 */
import { parseCasColumn, parseControlCodes, parseHsCode } from '../match/codes.js';
import { countryCode } from '../match/countries.js';
import type { CanonicalColumn, ColumnMapping, HsScheme } from '../model/row.js';
import { fieldCount } from './csv.js';

type Check = (value: string, scheme: HsScheme) => boolean;

const blank = (v: string): boolean => v.trim() === '';
/** An amount as manifests write it: `1,200.50`, `5 000`, `12 kg`, `-3`. */
const AMOUNT = /^\s*[-+]?\d[\d.,'’ ]*\s*\p{L}{0,5}\.?\s*$/u;
const isCountry: Check = (v) => blank(v) || countryCode(v.trim()) !== undefined;

/** What a cell of each typed column must hold; the other columns (description, parties, end use, unknown columns) hold any text. */
const TYPED: Partial<Record<CanonicalColumn, Check>> = {
  // any text, but an id is never the cell that a stray comma cut
  line_id: () => true,
  hs_code: (v, scheme) => parseHsCode(v, scheme).kind !== 'invalid',
  control_code: (v) => parseControlCodes(v).kind !== 'invalid',
  cas_number: (v) => blank(v) || parseCasColumn(v).length > 0,
  quantity: (v) => blank(v) || AMOUNT.test(v),
  value: (v) => blank(v) || AMOUNT.test(v),
  // USD, RMB, 美元, 円, $
  currency: (v) => /^\s*(?:\p{L}{1,4}|[$€¥£￥])?\s*$/u.test(v),
  // pcs, kg, m3, PC, 个, セット
  unit: (v) => /^\s*[\p{L}\d/.³²]{0,8}\s*$/u.test(v),
  origin_country: isCountry,
  export_country: isCountry,
  destination_country: isCountry,
  consignee_country: isCountry,
  end_user_country: isCountry,
};

/** The check of each column index of a header, or undefined for a text column. */
export function columnChecks(mapping: ColumnMapping, width: number): (Check | undefined)[] {
  const checks: (Check | undefined)[] = new Array(width).fill(undefined);
  for (const [column, at] of Object.entries(mapping.columns) as [CanonicalColumn, number][]) {
    const check = TYPED[column];
    if (!check) continue;
    for (const i of [at, ...(mapping.more[column] ?? [])]) checks[i] = check;
  }
  return checks;
}

/**
 * The record with one text cell joined again, when exactly one text column can have taken the extra
 * fields; undefined when the record fits as it is, or when no text column or more than one can. Empty
 * cells at the end (a spreadsheet's) may hide the extra field: such a record fits as it is when its typed
 * columns hold what they must. Where text columns stand side by side (a consignee, an end user, an end
 * use), a cut written as people type it, a comma and a space, tells which: the only join whose extra
 * fields start with a space.
 */
export function joinSplitText(fields: string[], checks: (Check | undefined)[], scheme: HsScheme, delimiter: string): string[] | undefined {
  const width = checks.length;
  const fits = (record: string[]): boolean => fieldCount(record, width) === width && record.every((v, i) => checks[i]?.(v, scheme) ?? true);
  if (fields.length <= width || fits(fields)) return undefined;
  const fitting: { joined: string[]; spaced: boolean }[] = [];
  for (let extra = Math.max(1, fieldCount(fields, width) - width); extra <= fields.length - width; extra++) {
    for (let at = 0; at < width; at++) {
      if (checks[at]) continue;
      const cut = fields.slice(at, at + extra + 1);
      const joined = [...fields.slice(0, at), cut.join(delimiter), ...fields.slice(at + extra + 1)];
      if (fits(joined)) fitting.push({ joined, spaced: cut.slice(1).every((f) => /^\s/.test(f)) });
    }
  }
  if (fitting.length === 1) return fitting[0]!.joined;
  const spaced = fitting.filter((f) => f.spaced);
  return spaced.length === 1 ? spaced[0]!.joined : undefined;
}
