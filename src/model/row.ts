/** A manifest row as every layer sees it: its canonical columns, other columns and normalised values, and its identity. */
import { hash } from 'node:crypto';

export const CANONICAL_COLUMNS = [
  'line_id',
  'description',
  'hs_code',
  'control_code',
  'cas_number',
  'quantity',
  'unit',
  'value',
  'currency',
  'origin_country',
  'export_country',
  'destination_country',
  'consignee',
  'consignee_country',
  'end_user',
  'end_user_country',
  'end_use',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

export type RowValues = Partial<Record<CanonicalColumn, string>>;

/** cn: Chinese 4/6/8/10-digit codes; intl: another country's code, compared on its first 6 digits. */
export type HsScheme = 'cn' | 'intl';

export type HsCode =
  | { kind: 'none' }
  /**
   * `listed`: every code of a cell that lists several ("871200 / 650610"), in its order, one per good the description
   * names; `digits` is the first, or the one the row is screened under. `national`: under another country's tariff
   * (`intl`), the code's own digits when it has more than the 6 compared. `zeroRestored`: the cell lost a code's leading
   * zero ("30617"), put back in `digits`.
   */
  | { kind: 'valid'; raw: string; digits: string; listed?: string[]; national?: string; zeroRestored?: true }
  | { kind: 'invalid'; raw: string; reason: string };

export type ControlCodes =
  | { kind: 'none' }
  | { kind: 'valid'; raw: string; codes: string[] }
  | { kind: 'invalid'; raw: string; codes: string[]; unreadable: string[] }
  /** Another country's classification (a US ECCN, an EU Annex I entry, Japan's 項番 or 該非, Korea's 전략물자): not China's. */
  | { kind: 'foreign'; raw: string; scheme: string };

/** One manifest record as read, with its values normalised for matching. */
export interface Row {
  /** The input's name as given on the command line (`-` for standard input). */
  input: string;
  /** 1-based index of the record among the input's data records. */
  row: number;
  /** 1-based physical line where the record starts. */
  line: number;
  values: RowValues;
  /** Columns that are not canonical, by header, in input order. */
  extras: Record<string, string>;
  norm: NormalisedRow;
  /** The row's fingerprint once rowFingerprint has worked it out: a worker sends it with the row, so the main thread does not hash again. */
  fingerprint?: string;
}

/**
 * Work kept with one distinct text of a manifest (a description): what the engine derives from it for a rule set is
 * found here, without a lookup by the text (rows repeat their descriptions, and a lookup by a long string costs its hash).
 */
export interface TextFacts {
  /** `compute`'s answer for `owner` (a rule set) under `name`, worked out once per distinct text. */
  derive<V>(owner: object, name: string, compute: () => V): V;
}

export interface NormalisedRow {
  description: string;
  /** The row's description, as every row with the same description shares it. */
  descriptionFacts: TextFacts;
  hs: HsCode;
  controlCodes: ControlCodes;
  cas: string[];
  /** A CAS column whose digits make no valid CAS number (a wrong check digit, a cut number), as written. */
  casUnreadable?: string;
  originCountry?: string;
  exportCountry?: string;
  destinationCountry?: string;
  /** Further destinations the row gives (a declaration's country of arrival beside its final destination), each once. */
  moreDestinationCountries?: string[];
  consigneeCountry?: string;
  endUserCountry?: string;
  endUse: string;
  /**
   * Every party named on the row, trimmed: the consignee, the end user, the further party columns (a sold-to party, a buyer)
   * under their headers, and the names that phrases introduce in other columns and in the description ("END USER: …", "…向け").
   */
  parties: PartyCell[];
  /**
   * Text of the other columns (a remark, a column under a header dualscreen does not know), by header key, that may
   * name a party or declare the goods dual-use: not an order number or a date (one word with a digit, unless it speaks of
   * dual-use items), not a column the user left out (--ignore-columns).
   */
  others: PartyCell[];
  /** The row's ship date (manifest/ship-date.ts), when a column gives one. */
  shipDate?: ShipDate;
}

/** A ship date cell as written, and the days it may mean: two where day and month could be either way round (03/04/2026), none where it reads as no date. */
export interface ShipDate {
  written: string;
  days: string[];
}

/** A party's name with its field: consignee, end_user, or the header of a further party column. */
export interface PartyCell {
  field: string;
  value: string;
  /** The phrase that introduced the name in free text ("END USER:", "向け"): the name was read out of a remark or a description. */
  introducedBy?: string;
}

export interface ColumnMapping {
  columns: Partial<Record<CanonicalColumn, number>>;
  /** Further columns of a MULTI_VALUE column, screened together with the first (their cells are also kept as extras). */
  more: Partial<Record<CanonicalColumn, number[]>>;
  /** Every other column, in order, under a key of its own: its header, `column N` when empty, `HEADER (column N)` when repeated. */
  extras: { name: string; key: string; index: number }[];
  /** A column that holds one value (a country, a code) named by two headers: the file is refused. */
  repeated: { column: CanonicalColumn; first: number; second: number }[];
  /** Columns joined into the line id (--line-id), in order; the line id column is then this join. */
  lineId?: number[];
  /** Second lines of a party's name (`Consignee Name 2`), joined to its column's cell with a space ("GENERAL DYNAMICS" "MISSION SYSTEMS, INC."). */
  continued?: Partial<Record<CanonicalColumn, number[]>>;
  /** Headers of a party column another header already fills (a sold-to party beside the ship-to party, a second end-user header): kept as extras, and each screened as a further party. */
  moreParties?: { column: CanonicalColumn; index: number }[];
}

/** Header text reduced for comparison: "HS Code", "hs_code", "H.S. CODE" and "ＨＳコード"-style variants meet. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * A row's identity for baselines and waivers: a hash of all its values, canonical and other columns
 * (an order number, a date), normalised, so the same line keeps its fingerprint when the file is
 * re-ordered or re-exported with other spacing, and December's order of the same goods is another
 * row. Other columns are keyed `column:NAME`; a row without any hashes as before they counted.
 */
export function rowFingerprint(row: Pick<Row, 'values'> & Partial<Pick<Row, 'extras' | 'fingerprint'>>): string {
  return (row.fingerprint ??= hashedValues(row));
}

function hashedValues(row: Pick<Row, 'values'> & Partial<Pick<Row, 'extras'>>): string {
  const canonical: [string, string][] = [];
  // NFKC and case only, not foldText: a fingerprint must not change when matching learns to fold more
  const add = (key: string, value: string | undefined): void => {
    const text = fingerprintText(value ?? '');
    if (text !== '') canonical.push([key, text]);
  };
  for (const [k, v] of Object.entries(row.values)) add(k, v);
  if (row.extras) for (const [k, v] of Object.entries(row.extras)) add(columnKey(k), v);
  canonical.sort(([a], [b]) => (a < b ? -1 : 1));
  return hash('sha256', JSON.stringify(canonical)).slice(0, 16);
}

/** `column:` and the header's key, by header: a file's few headers come back on every row. */
const columnKeys = new Map<string, string>();
function columnKey(header: string): string {
  let key = columnKeys.get(header);
  if (key === undefined) {
    if (columnKeys.size >= 10_000) columnKeys.clear();
    key = `column:${headerKey(header) || header}`;
    columnKeys.set(header, key);
  }
  return key;
}

const PRINTABLE_ASCII = /^(?:[\x21-\x7e]+(?: [\x21-\x7e]+)*)?$/;

/** NFKC, lower case, runs of white space as one space, trimmed; most cells are printable ASCII with single spaces, which only need lower case. */
function fingerprintText(v: string): string {
  return PRINTABLE_ASCII.test(v) ? v.toLowerCase() : v.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
