/**
 * Turns csv-parse records into rows and per-line errors, with real line numbers. Shared by the
 * streaming reader (a whole file) and the parallel reader (one chunk of a file in a worker).
 */
import { UserError } from '../errors.js';
import { aliasesOf, mapHeaders, type CanonicalColumn, type ColumnMapping } from './columns.js';
import type { HsScheme } from './normalise.js';
import { makeRow, type Row, type RowValues } from './row.js';

export type ManifestEvent = { kind: 'row'; row: Row } | { kind: 'error'; input: string; line: number; message: string };

/** Options for csv-parse that every reader uses; `info` gives line counts. */
export const CSV_OPTIONS = {
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
  record_delimiter: ['\r\n', '\n'],
  skip_records_with_error: true,
} as const;

export interface RecordInfo {
  lines: number;
  empty_lines: number;
}

const IDENTIFYING: CanonicalColumn[] = ['description', 'hs_code', 'control_code'];

export interface Header {
  headers: string[];
  mapping: ColumnMapping;
}

export function readHeader(path: string, record: string[], map: Partial<Record<CanonicalColumn, string>> | undefined): Header {
  const headers = record.map((h) => h.trim());
  const mapping = mapHeaders(headers, map);
  if (!IDENTIFYING.some((c) => mapping.columns[c] !== undefined)) {
    const expected = IDENTIFYING.map((c) => `${c} (e.g. ${aliasesOf(c).slice(0, 4).join(', ')})`).join('; ');
    throw new UserError(
      `${path}: none of the columns identifies the goods. Found: ${headers.map((h) => JSON.stringify(h)).join(', ')}. ` +
        `Expected at least one of: ${expected}. Use --map description=HEADER to name yours.`,
    );
  }
  return { headers, mapping };
}

export class RecordConverter {
  /** Data records seen (screened + rejected). */
  rows = 0;
  rejected = 0;
  header: Header | undefined;
  // csv-parse counts a CRLF inside a quoted field as two lines; subtract those to report real line numbers
  private quotedCrlf = 0;
  private prevLines = 0;
  private prevEmpty = 0;

  /**
   * @param header known in advance (a chunk after the header), or read from the first record
   * @param lineOffset physical lines before the text this converter sees
   */
  constructor(
    private readonly path: string,
    private readonly hsScheme: HsScheme,
    private readonly map: Partial<Record<CanonicalColumn, string>> | undefined,
    header?: Header,
    private readonly lineOffset = 0,
  ) {
    this.header = header;
  }

  record(record: string[], info: RecordInfo): ManifestEvent | undefined {
    const line = this.lineOffset + this.prevLines + 1 + (info.empty_lines - this.prevEmpty);
    for (const field of record) if (field.includes('\r\n')) this.quotedCrlf += field.split('\r\n').length - 1;
    this.prevLines = info.lines - this.quotedCrlf;
    this.prevEmpty = info.empty_lines;
    if (!this.header) {
      this.header = readHeader(this.path, record, this.map);
      return undefined;
    }
    if (record.every((v) => v.trim() === '')) return undefined;
    this.rows++;
    const width = this.header.headers.length;
    const found = fieldCount(record, width);
    if (found !== width) return this.reject(line, `expected ${width} fields as in the header, found ${found}`);
    const nul = record.findIndex((v) => v.includes('\u0000'));
    if (nul !== -1) return this.reject(line, `NUL byte in column "${this.header.headers[nul]}"`);
    return { kind: 'row', row: this.toRow(line, record) };
  }

  /** A record csv-parse skipped or could not finish. */
  failed(err: Error & { code?: string; lines?: number }): ManifestEvent {
    this.rows++;
    const line = this.lineOffset + (err.lines !== undefined ? err.lines - this.quotedCrlf : this.prevLines + 1);
    if (err.lines !== undefined) this.prevLines = err.lines - this.quotedCrlf;
    return this.reject(line, describeParseError(err));
  }

  private reject(line: number, message: string): ManifestEvent {
    this.rejected++;
    return { kind: 'error', input: this.path, line, message };
  }

  private toRow(line: number, record: string[]): Row {
    const { mapping } = this.header!;
    const values: RowValues = {};
    for (const [column, at] of Object.entries(mapping.columns) as [CanonicalColumn, number][]) {
      const v = record[at];
      if (v !== undefined && v !== '') values[column] = v;
    }
    const extras: Record<string, string> = {};
    for (const { name, index: at } of mapping.extras) extras[name] = record[at] ?? '';
    return makeRow(this.path, this.rows, line, values, extras, this.hsScheme);
  }
}

/** Trailing empty cells beyond the header (spreadsheet exports) do not make a row ragged. */
function fieldCount(record: string[], headerWidth: number): number {
  let n = record.length;
  while (n > headerWidth && record[n - 1] === '') n--;
  return n;
}

function describeParseError(err: Error & { code?: string }): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (unclosed quote): the rest of the file could not be read';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a field is not escaped (write "" for a literal quote)';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'wrong number of fields';
    default:
      return err.message.replace(/\s+/g, ' ');
  }
}
