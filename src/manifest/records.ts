/**
 * Turns csv-parse records into rows and per-line errors, with real line numbers. Shared by the
 * streaming reader (a whole file) and the parallel reader (one chunk of a file in a worker).
 */
import { parse as parseSync } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { countNewlines } from './blocks.js';
import { parseFast } from './fast-csv.js';
import { aliasesOf, mapHeaders, type CanonicalColumn, type ColumnMapping } from './columns.js';
import type { HsScheme } from './normalise.js';
import { makeRow, type Row, type RowValues } from './row.js';

export type ManifestEvent = { kind: 'row'; row: Row } | { kind: 'error'; input: string; line: number; message: string };

/**
 * csv-parse options that feed a converter from csv-parse's own callbacks, so records and skipped
 * records reach `sink` in input order (the stream's 'skip' event runs ahead of the records it
 * has buffered). `on_record` returns `emit()`'s value, which the stream then passes on.
 */
/** csv-parse's options for every reader; the text arrives with CRLF turned into LF (newlines.ts). */
export const CSV_PARSE_OPTIONS = {
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
  record_delimiter: '\n',
  skip_records_with_error: true,
} as const;

export function converterOptions<T>(converter: RecordConverter, delimiter: string, sink: (event: ManifestEvent) => void, emit: () => T) {
  return {
    ...CSV_PARSE_OPTIONS,
    delimiter,
    // with `info: true` csv-parse hands on_record { record, info }, which its types do not say
    on_record: ((entry: { record: string[]; info: RecordInfo }) => {
      const event = converter.record(entry.record, entry.info);
      if (event) sink(event);
      return emit();
    }) as unknown as () => null,
    on_skip: (err: Error | undefined): undefined => {
      if (err) sink(converter.failed(err));
      return undefined;
    },
  };
}

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
  private prevLines = 0;
  /** The header's canonical columns as [column, index] pairs, worked out once. */
  private columns: [CanonicalColumn, number][] | undefined;
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
    private lineOffset = 0,
    /** The encoding's name when undecodable bytes (shown as U+FFFD) make a row unreadable. */
    private readonly invalidText?: string,
  ) {
    this.header = header;
  }

  record(record: string[], info: RecordInfo): ManifestEvent | undefined {
    const line = this.lineOffset + this.prevLines + 1 + (info.empty_lines - this.prevEmpty);
    this.prevLines = info.lines;
    this.prevEmpty = info.empty_lines;
    if (!this.header) {
      this.header = readHeader(this.path, record, this.map);
      return undefined;
    }
    if (record.every((v) => v.trim() === '')) return undefined;
    this.rows++;
    if (record.length === this.header.headers.length && record.every((v, i) => v.trim() === this.header!.headers[i])) {
      return this.reject(line, 'the header row again (were files joined?)');
    }
    const width = this.header.headers.length;
    const found = fieldCount(record, width);
    if (found !== width) return this.reject(line, `expected ${width} fields as in the header, found ${found}`);
    const nul = record.findIndex((v) => v.includes('\u0000'));
    if (nul !== -1) return this.reject(line, `NUL byte in column "${this.header.headers[nul]}"`);
    const bad = this.invalidText ? record.findIndex((v) => v.includes('\ufffd')) : -1;
    if (bad !== -1) return this.reject(line, `bytes that are not valid ${this.invalidText} in column "${this.header.headers[bad]}"`);
    return { kind: 'row', row: this.toRow(line, record) };
  }

  /** Reads one block of complete records (blocks.ts), `sink` getting rows and errors in input order. */
  readBlock(text: string, delimiter: string, sink: (event: ManifestEvent) => void): void {
    this.prevLines = 0;
    this.prevEmpty = 0;
    const fast = parseFast(text, delimiter);
    if (fast) {
      for (const { record, info } of fast) {
        const event = this.record(record, info);
        if (event) sink(event);
      }
    } else {
      // not plain RFC 4180 somewhere in this block: csv-parse reads it and says what is wrong
      try {
        parseSync(text, converterOptions(this, delimiter, sink, () => null));
      } catch (e) {
        sink(this.failed(e as Error));
      }
    }
    // counted here, not taken from csv-parse, so a broken record cannot shift later line numbers
    this.lineOffset += countNewlines(text);
  }

  /** A record csv-parse skipped or could not finish: reported at the line where it starts. */
  failed(err: Error & { code?: string; lines?: number; empty_lines?: number }): ManifestEvent {
    this.rows++;
    const empty = err.empty_lines ?? this.prevEmpty;
    // csv-parse reports where it noticed the error; the record may have started earlier
    const start = this.prevLines + 1 + (empty - this.prevEmpty);
    const line = this.lineOffset + Math.min(start, err.lines ?? start);
    if (err.lines !== undefined) this.prevLines = Math.max(this.prevLines, err.lines);
    this.prevEmpty = empty;
    return this.reject(line, describeParseError(err));
  }

  /** The read stopped inside a record that starts after the last one read. */
  unfinished(message: string): ManifestEvent {
    this.rows++;
    return this.reject(this.lineOffset + 1, message);
  }

  private reject(line: number, message: string): ManifestEvent {
    this.rejected++;
    return { kind: 'error', input: this.path, line, message };
  }

  private toRow(line: number, record: string[]): Row {
    this.columns ??= Object.entries(this.header!.mapping.columns) as [CanonicalColumn, number][];
    const values: RowValues = {};
    for (const [column, at] of this.columns) {
      const v = record[at];
      if (v !== undefined && v !== '') values[column] = v;
    }
    const extras: Record<string, string> = {};
    for (const { name, index: at } of this.header!.mapping.extras) extras[name] = record[at] ?? '';
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
      return 'a quote inside a quoted field is not doubled (write "" for a literal quote)';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field (quote the whole field and double the quote: "3/4"" pipe")';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'wrong number of fields';
    default:
      return err.message.replace(/\s+/g, ' ');
  }
}
