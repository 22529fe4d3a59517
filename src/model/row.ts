/** A manifest row as every layer sees it: its canonical columns, other columns and normalised values. */

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
  | { kind: 'valid'; raw: string; digits: string }
  | { kind: 'invalid'; raw: string; reason: string };

export type ControlCodes =
  | { kind: 'none' }
  | { kind: 'valid'; raw: string; codes: string[] }
  | { kind: 'invalid'; raw: string; codes: string[]; unreadable: string[] };

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
}

export interface NormalisedRow {
  description: string;
  hs: HsCode;
  controlCodes: ControlCodes;
  cas: string[];
  originCountry?: string;
  exportCountry?: string;
  destinationCountry?: string;
  consigneeCountry?: string;
  endUserCountry?: string;
  consignee: string;
  endUser: string;
  endUse: string;
}
