/**
 * Turns CSV records (csv.ts) into rows and per-line errors, with real line numbers. Shared by the
 * streaming reader (a whole file) and the workers (one chunk of a file).
 */
import { UserError } from '../errors.js';
import { type CanonicalColumn, type HsScheme, type Row, type RowValues } from '../model/row.js';
import { aliasesOf, mapHeaders, type ColumnMapping } from './columns.js';
import { countNewlines, CsvReader, fieldCount, isIncomplete } from './csv.js';
import { makeRow } from './row.js';

export type ManifestEvent = { kind: 'row'; row: Row } | { kind: 'error'; input: string; line: number; message: string };

const IDENTIFYING: CanonicalColumn[] = ['description', 'hs_code', 'control_code'];

export interface Header {
  headers: string[];
  mapping: ColumnMapping;
}

export function readHeader(path: string, record: string[], map: Partial<Record<CanonicalColumn, string>> | undefined): Header {
  const headers = record.map((h) => h.trim());
  const mapping = mapHeaders(headers, map);
  const [clash] = mapping.repeated;
  if (clash) {
    const h = (i: number): string => `"${headers[i]}" (column ${i + 1})`;
    throw new UserError(
      `${path}: ${h(clash.first)} and ${h(clash.second)} both give ${clash.column}, which holds one value per row: dualscreen refuses the file rather than screen one and drop the other. ` +
        `Rename one header, or choose one with --map ${clash.column}=HEADER (the other is then kept as an extra column, not screened).`,
    );
  }
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
  records = 0;
  rejected = 0;
  header: Header | undefined;
  /** The header's canonical columns as [column, index] pairs, worked out once. */
  private columns: [CanonicalColumn, number][] | undefined;

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

  /** One record at `line`: a row, an error, or nothing (the header, a blank line). */
  record(record: string[], line: number): ManifestEvent | undefined {
    if (!this.header) {
      this.header = readHeader(this.path, record, this.map);
      return undefined;
    }
    if (record.every((v) => v.trim() === '')) return undefined;
    this.records++;
    if (record.length === this.header.headers.length && record.every((v, i) => v.trim() === this.header!.headers[i])) {
      return this.reject(line, 'the header row again (were files joined?)');
    }
    const width = this.header.headers.length;
    const found = fieldCount(record, width);
    if (found !== width) return this.reject(line, `expected ${width} fields as in the header, found ${found}`);
    const nul = record.findIndex((v) => v.includes('\u0000'));
    if (nul !== -1) return this.reject(line, `NUL byte in column "${this.header.headers[nul]}"`);
    const bad = this.invalidText ? record.findIndex(this.invalidText.startsWith('utf-16') ? undecodable16 : undecodable) : -1;
    if (bad !== -1) return this.reject(line, `bytes that are not valid ${this.invalidText} in column "${this.header.headers[bad]}"`);
    return { kind: 'row', row: this.toRow(line, record) };
  }

  /** Reads one block of complete records (blocks.ts), `sink` getting rows and errors in input order. */
  readBlock(text: string, delimiter: string, sink: (event: ManifestEvent) => void): void {
    const reader = new CsvReader(text, delimiter, this.header?.headers.length);
    let line = this.lineOffset + 1;
    for (let pos = 0; pos < text.length; ) {
      const r = reader.read(pos, true);
      if (isIncomplete(r)) break; // cannot happen with final reads
      const event = r.error ? this.malformed(line, r.error) : this.record(r.fields, line);
      if (event) sink(event);
      reader.width ??= this.header?.headers.length;
      line += r.lines;
      pos = r.end;
    }
    // counted here, not summed from the records, so that nothing can shift later line numbers
    this.lineOffset += countNewlines(text);
  }

  private malformed(line: number, message: string): ManifestEvent {
    if (!this.header) throw new UserError(`${this.path}: the header row cannot be read: ${message}`);
    this.records++;
    return this.reject(line, message);
  }

  /** The read stopped inside a record that starts after the last one read. */
  unfinished(message: string): ManifestEvent {
    this.records++;
    return this.reject(this.lineOffset + 1, message);
  }

  private reject(line: number, message: string): ManifestEvent {
    this.rejected++;
    return { kind: 'error', input: this.path, line, message };
  }

  private toRow(line: number, record: string[]): Row {
    this.columns ??= Object.entries(this.header!.mapping.columns) as [CanonicalColumn, number][];
    const { more, extras: others } = this.header!.mapping;
    const values: RowValues = {};
    for (const [column, at] of this.columns) {
      const also = more[column];
      const v = also ? [at, ...also].map((i) => record[i] ?? '').filter((x) => x.trim() !== '').join('; ') : record[at];
      if (v !== undefined && v !== '') values[column] = v;
    }
    const extras: Record<string, string> = {};
    for (const { key, index: at } of others) {
      // a column named __proto__ is a column like any other (assignment would set the prototype)
      if (key === '__proto__') Object.defineProperty(extras, key, { value: record[at] ?? '', enumerable: true, writable: true, configurable: true });
      else extras[key] = record[at] ?? '';
    }
    return makeRow(this.path, this.records, line, values, extras, this.hsScheme);
  }
}

/** U+FFFD: what decoders put for bytes they cannot read. */
function undecodable(v: string): boolean {
  return v.includes('\ufffd');
}

/** In UTF-16 text, also a lone surrogate (the other decoders never produce one). */
function undecodable16(v: string): boolean {
  return v.includes('\ufffd') || !v.isWellFormed();
}
