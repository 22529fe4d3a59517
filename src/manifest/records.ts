/**
 * Turns CSV records (csv.ts) into rows and per-line errors, with real line numbers. Shared by the
 * streaming reader (a whole file) and the workers (one chunk of a file).
 */
import { UserError } from '../model/errors.js';
import type { CanonicalColumn, Row, RowValues } from '../model/row.js';
import { countNewlines, CsvReader, fieldCount, type Incomplete, isIncomplete } from './csv.js';
import { HEADER_SEARCH_ROWS, isHeaderRow, isLaterHeaderRow, lineText, mergeHeaderRows, readHeader, sameHeader, type Header, type HeaderOptions } from './header.js';
import { emptyTally, type LineTally, namedLines, tallyLine } from './line-tally.js';
import { makeRow } from './row.js';
import { joinLegalForms, joinSplitNames } from './split-names.js';
import { columnChecks, joinSplitText } from './split-text.js';
import { emptySkipped, type Held, type SkippedLines, skippedNotes } from './skipped.js';
import { nonGoodsRow, totalsText } from './totals.js';

export type ManifestEvent = { kind: 'row'; row: Row } | { kind: 'error'; input: string; line: number; message: string };

export type { Header } from './header.js';

export class RecordConverter {
  /** The data records that are rows: screened or rejected. */
  get dataRecords(): number {
    return this.records - this.unscreened;
  }

  /** The file's first header, which the summary and its notes describe, also after a header row inside the data. */
  get opening(): Header | undefined {
    return this.skipped.headers.length > 0 ? this.initial : this.header;
  }

  /** Data records seen (screened + rejected), totals rows held back included: each row's number. */
  records = 0;
  rejected = 0;
  /** Records among them that are no goods and were not screened: subtotals between goods, the rows that ended an export above a header. */
  unscreened = 0;
  header: Header | undefined;
  /** Blank lines after the header. */
  blank: LineTally = emptyTally();
  /** Rows read with a cell that an unquoted delimiter cut in two joined again: a company name (split-names.ts) or another text (split-text.ts). */
  rejoined: LineTally = emptyTally();
  /** The delimiter of the text being read; undefined for a workbook's cells, which no comma can cut. */
  private delimiter: string | undefined;
  /** Rows that are no goods (totals.ts), held back until a row with content follows them or the input ends. */
  held: (Held & { event: ManifestEvent & { kind: 'row' } })[] = [];
  /** Rows and header rows not screened, for the notes (skipped.ts). */
  skipped: SkippedLines = emptySkipped();
  /** A header row came before any row or error of this converter's text (a worker's chunk): see ChunkDone. */
  openedWithHeader = false;
  /** A row or an error was given out. */
  private given = false;
  /** The first header, once a header row inside the data replaced it. */
  private initial: Header | undefined;
  /** Records before the header is found (title lines), while it is looked for. */
  private preamble: { fields: string[]; line: number }[] = [];
  /** A header row read one record at a time, until the next record tells whether a second header row follows. */
  private candidate: { fields: string[]; titles: { line: number; text: string }[] } | undefined;
  /** The header's canonical columns as [column, index] pairs, worked out once. */
  private columns: [CanonicalColumn, number][] | undefined;
  /** The columns a party name's second line continues, with those lines' indices, worked out once. */
  private continued: [CanonicalColumn, number[]][] | undefined;
  /** What each column's cells must hold (split-text.ts), worked out once. */
  private checks: ReturnType<typeof columnChecks> | undefined;
  /** Whether a record's cells may hold a NUL or undecodable text: false while a block that holds neither is read. */
  private textMayBeDamaged = true;
  /** UTF-16 text: a lone surrogate is undecodable too. */
  private readonly utf16: boolean;
  /** Changes a data record's cells before it is read (a workbook's HS codes that lost a leading zero). */
  fixRecord?: (fields: string[], line: number, header: Header) => string[];

  /**
   * @param header known in advance (a chunk after the header), or looked for in the first records
   * @param lineOffset physical lines before the text this converter sees
   */
  constructor(
    private readonly path: string,
    private readonly options: HeaderOptions,
    header?: Header,
    private lineOffset = 0,
    /** The encoding's name when undecodable bytes (shown as U+FFFD) make a row unreadable. */
    private readonly invalidText?: string,
  ) {
    this.header = header;
    this.utf16 = invalidText?.startsWith('utf-16') ?? false;
  }

  /**
   * One record at `line`: `sink` gets a row or an error, or nothing (a title line, the header, a blank
   * line). Before the header (a workbook's rows, one at a time) the header is looked for as the CSV
   * cutter does; call settleHeader at the end of the input.
   */
  record(record: string[], line: number, sink: (event: ManifestEvent) => void): void {
    if (!this.header) {
      const candidate = this.candidate;
      if (candidate) {
        // the row under the header: a second header row in another language, or the first data row
        this.candidate = undefined;
        const second = isHeaderRow(record, this.options);
        this.header = second
          ? readHeader(this.path, mergeHeaderRows(candidate.fields, record), this.options, candidate.titles, line)
          : readHeader(this.path, candidate.fields, this.options, candidate.titles);
        if (second) return;
      } else if (!isHeaderRow(record, this.options)) {
        this.preamble.push({ fields: record, line });
        if (this.preamble.length >= HEADER_SEARCH_ROWS) this.settleHeader(sink);
        return;
      } else {
        this.candidate = { fields: record, titles: this.preamble.map((p) => ({ line: p.line, text: lineText(p.fields) })) };
        this.preamble = [];
        return;
      }
    }
    if (record.every((v) => v.trim() === '')) {
      tallyLine(this.blank, line);
      return;
    }
    if (this.headerAgain(record, line)) return;
    this.records++;
    const event = this.dataRecord(record, line);
    const kind = event.kind === 'row' ? nonGoodsRow(event.row.values, event.row.extras, record) : undefined;
    if (event.kind === 'row' && kind) {
      this.held.push({ event, line, text: totalsText(record), worded: kind === 'worded' });
      return;
    }
    this.release(sink);
    this.give(sink, event);
  }

  private give(sink: (event: ManifestEvent) => void, event: ManifestEvent): void {
    this.given = true;
    sink(event);
  }

  /**
   * A header row among the data: the same header again (files joined), skipped; or another export's header,
   * whose columns the rows after it are read by. The rows held before it end the export above it: not screened.
   */
  private headerAgain(record: string[], line: number): boolean {
    const same = sameHeader(record, this.header!.headers);
    if (!same && (!fewNumbers(record) || !isLaterHeaderRow(record, this.options))) return false;
    if (!this.given) this.openedWithHeader = true;
    this.dropHeld();
    if (same) {
      tallyLine(this.skipped.headerAgain, line);
      return true;
    }
    const previous = this.header!;
    this.initial ??= previous;
    const header = { ...readHeader(this.path, record, this.options), recordWidth: previous.recordWidth ?? previous.headers.length };
    this.header = header;
    this.columns = undefined;
    this.continued = undefined;
    this.checks = undefined;
    this.skipped.headers.push({ line, header });
    return true;
  }

  /** The rows held back end an export: they are not screened. */
  dropHeld(): void {
    this.skipped.beforeHeader.push(...this.held.map(({ line, text }) => ({ line, text })));
    this.unscreened += this.held.length;
    this.held = [];
  }

  /** No header among the records so far: the first is the header, as it always was, and the rest are read as data. */
  settleHeader(sink: (event: ManifestEvent) => void): void {
    if (this.candidate) {
      this.header = readHeader(this.path, this.candidate.fields, this.options, this.candidate.titles);
      this.candidate = undefined;
    }
    if (this.header || this.preamble.length === 0) return;
    const [first, ...rest] = this.preamble;
    this.preamble = [];
    this.header = readHeader(this.path, first!.fields, this.options);
    for (const r of rest) this.record(r.fields, r.line, sink);
  }

  /** Held rows were not the end after all: subtotals are noted, bare numbers and remarks are rows like any other. */
  private release(sink: (event: ManifestEvent) => void): void {
    if (this.held.length === 0) return;
    for (const h of this.held) {
      if (h.worded) {
        tallyLine(this.skipped.subtotals, h.line);
        this.unscreened++;
      } else this.give(sink, h.event);
    }
    this.held = [];
  }

  /** At the end of the input: the rows held back are not screened; what the user should know of them, of blank lines and of header rows. */
  finish(): string[] {
    const held = this.held.map(({ line, text }) => ({ line, text }));
    this.records -= held.length;
    this.held = [];
    return [...trailingNotes(held, this.blank, this.rejoined), ...skippedNotes(this.skipped)];
  }

  private dataRecord(cells: string[], line: number): ManifestEvent {
    const header = this.header!;
    let record = this.fixRecord ? this.fixRecord(cells, line, header) : cells;
    const width = header.headers.length;
    const joined = this.delimiter === undefined ? undefined : this.joinSplitCells(record, width, this.delimiter);
    if (joined) {
      record = joined;
      tallyLine(this.rejoined, line);
    }
    const found = fieldCount(record, width);
    if (found < width) {
      // a totals row or a remark that leaves out its empty cells is no damaged goods row
      const padded = [...record, ...Array<string>(width - record.length).fill('')];
      const row = this.toRow(line, padded);
      if (nonGoodsRow(row.values, row.extras, padded)) return { kind: 'row', row };
    }
    if (found !== width) return this.reject(line, `expected ${width} fields as in the header, found ${found}`);
    if (this.textMayBeDamaged) {
      const nul = record.findIndex((v) => v.includes('\u0000'));
      if (nul !== -1) return this.reject(line, `NUL byte in column "${header.headers[nul]}"`);
      const bad = this.invalidText ? record.findIndex(this.utf16 ? undecodable16 : undecodable) : -1;
      if (bad !== -1) return this.reject(line, `bytes that are not valid ${this.invalidText} in column "${header.headers[bad]}"`);
    }
    return { kind: 'row', row: this.toRow(line, record) };
  }

  /** A record with more fields than the header, its cut company names, else its one cut text cell, joined again; undefined when neither fits. */
  private joinSplitCells(record: string[], width: number, delimiter: string): string[] | undefined {
    if (record.length <= width) return undefined;
    const header = this.header!;
    this.checks ??= columnChecks(header.mapping, width);
    const names = joinSplitNames(record, width, delimiter);
    if (names) return names;
    // a cut name and a cut description on one row: the names joined first
    const named = joinLegalForms(record, delimiter);
    return (named.length < record.length ? joinSplitText(named, this.checks, header.hsScheme, delimiter) : undefined) ?? joinSplitText(record, this.checks, header.hsScheme, delimiter);
  }

  /**
   * Reads one block of complete records (blocks.ts), `sink` getting rows and errors in input order.
   * Before the header, the block holds the records up to it (the cutter ends the first block there).
   */
  readBlock(text: string, delimiter: string, sink: (event: ManifestEvent) => void): void {
    // most blocks hold no NUL and nothing undecodable: their records' cells need no look
    this.textMayBeDamaged = text.includes('\u0000') || (this.invalidText !== undefined && (text.includes('\ufffd') || (this.utf16 && !text.isWellFormed())));
    try {
      this.readRecordsOf(text, delimiter, sink);
    } finally {
      this.textMayBeDamaged = true;
    }
  }

  private readRecordsOf(text: string, delimiter: string, sink: (event: ManifestEvent) => void): void {
    const reader = new CsvReader(text, delimiter, this.header && (this.header.recordWidth ?? this.header.headers.length));
    this.delimiter = delimiter;
    let line = this.lineOffset + 1;
    let pos = 0;
    if (!this.header) {
      const found = findHeaderRecord(reader, text.length, true, this.options);
      if (found && 'header' in found) {
        const { header, skipped } = found;
        if (header.error) throw new UserError(`${this.path}: the header row cannot be read: ${header.error}`);
        const titles = skipped.map((r) => ({ line: line + r.lineOffset, text: lineText(r.fields) }));
        this.header = readHeader(this.path, header.fields, this.options, titles, header.second === undefined ? undefined : line + header.second);
        line += header.lineOffset + header.lines;
        pos = header.end;
        reader.width = this.header.headers.length;
      }
    }
    for (; pos < text.length; ) {
      const r = reader.read(pos, true);
      if (isIncomplete(r)) break; // cannot happen with final reads
      if (r.error) this.malformed(line, r.error, sink);
      else this.record(r.fields, line, sink);
      line += r.lines;
      pos = r.end;
    }
    // counted here, not summed from the records, so that nothing can shift later line numbers
    this.lineOffset += countNewlines(text);
  }

  private malformed(line: number, message: string, sink: (event: ManifestEvent) => void): void {
    this.records++;
    this.release(sink);
    this.give(sink, this.reject(line, message));
  }

  /** The read stopped inside a record that starts after the last one read. */
  unfinished(message: string): ManifestEvent[] {
    const out: ManifestEvent[] = [];
    this.records++;
    this.release((e) => out.push(e));
    this.give((e) => out.push(e), this.reject(this.lineOffset + 1, message));
    return out;
  }

  private reject(line: number, message: string): ManifestEvent {
    this.rejected++;
    return { kind: 'error', input: this.path, line, message };
  }

  private toRow(line: number, record: string[]): Row {
    const header = this.header!;
    this.columns ??= Object.entries(header.mapping.columns) as [CanonicalColumn, number][];
    this.continued ??= Object.entries(header.mapping.continued ?? {}) as [CanonicalColumn, number[]][];
    const { more, extras: others, lineId, moreParties } = header.mapping;
    const values: RowValues = {};
    for (const [column, at] of this.columns) {
      const also = more[column];
      const v = also ? [at, ...also].map((i) => record[i] ?? '').filter((x) => x.trim() !== '').join('; ') : record[at];
      if (v !== undefined && v !== '') values[column] = v;
    }
    for (const [column, at] of this.continued) {
      const v = [values[column] ?? '', ...at.map((i) => record[i] ?? '')].map((x) => x.trim()).filter((x) => x !== '').join(' ');
      if (v !== '') values[column] = v;
    }
    if (lineId) {
      const id = lineId.map((i) => (record[i] ?? '').trim()).filter((x) => x !== '').join(LINE_ID_JOIN);
      if (id === '') delete values.line_id;
      else values.line_id = id;
    }
    const extras: Record<string, string> = {};
    for (const { key, index: at } of others) {
      // a column named __proto__ is a column like any other (assignment would set the prototype)
      if (key === '__proto__') Object.defineProperty(extras, key, { value: record[at] ?? '', enumerable: true, writable: true, configurable: true });
      else extras[key] = record[at] ?? '';
    }
    const parties = moreParties?.map(({ index }) => ({ field: header.headers[index]!, value: (record[index] ?? '').trim() })).filter((p) => p.value !== '');
    const otherText = header.otherText.map(({ key, index }) => ({ field: key, value: record[index] ?? '' }));
    const shipDate = header.shipDate === undefined ? undefined : record[header.shipDate];
    return makeRow(this.path, this.records, line, values, extras, header.hsScheme, parties, otherText, shipDate, header.controlScheme);
  }
}

/** At most one cell with a digit: a data row has more (its HS code, quantity, amount), a header row hardly any. A quick test first. */
function fewNumbers(cells: string[]): boolean {
  let n = 0;
  for (const c of cells) if (/\d/.test(c) && ++n > 1) return false;
  return true;
}

/** Between the cells of a composite line id (--line-id 单据编号,行号): SO-0001/10. */
export const LINE_ID_JOIN = '/';

/** U+FFFD: what decoders put for bytes they cannot read. */
function undecodable(v: string): boolean {
  return v.includes('\ufffd');
}

/** In UTF-16 text, also a lone surrogate (the other decoders never produce one). */
function undecodable16(v: string): boolean {
  return v.includes('\ufffd') || !v.isWellFormed();
}

/** A record as the header search sees it: where it starts relative to the first, and where it ends. */
interface Searched {
  fields: string[];
  error?: string;
  lineOffset: number;
  lines: number;
  end: number;
  /** A second header row under it (the names in another language), merged into `fields`: its line offset. */
  second?: number;
}

/**
 * The header among the first records of `reader`'s text (header.ts): the first that is a header row,
 * else the first record. `skipped` are the records above it. Undefined while the text may not hold the
 * decision yet (not `final`, and fewer than HEADER_SEARCH_ROWS records are complete); `waiting` then
 * tells what the last record waits for, as the reader's Incomplete does.
 */
export function findHeaderRecord(
  reader: CsvReader,
  length: number,
  final: boolean,
  o: Pick<HeaderOptions, 'map' | 'lineId'>,
): { header: Searched; skipped: Searched[] } | { waiting: Incomplete | undefined } | undefined {
  const seen: Searched[] = [];
  let pos = 0;
  let lineOffset = 0;
  while (seen.length < HEADER_SEARCH_ROWS && pos < length) {
    const r = reader.read(pos, final);
    if (isIncomplete(r)) return { waiting: r };
    const rec: Searched = { fields: r.fields, lineOffset, lines: r.lines, end: r.end, ...(r.error ? { error: r.error } : {}) };
    if (!r.error && isHeaderRow(r.fields, o)) {
      if (r.end >= length) return final ? { header: rec, skipped: seen } : { waiting: undefined };
      const next = reader.read(r.end, final);
      if (isIncomplete(next)) return { waiting: next };
      if (next.error || !isHeaderRow(next.fields, o)) return { header: rec, skipped: seen };
      const second = lineOffset + r.lines;
      return { header: { ...rec, fields: mergeHeaderRows(r.fields, next.fields), lines: r.lines + next.lines, end: next.end, second }, skipped: seen };
    }
    seen.push(rec);
    lineOffset += r.lines;
    pos = r.end;
  }
  if (seen.length < HEADER_SEARCH_ROWS && !final) return { waiting: undefined };
  if (seen.length === 0) return undefined;
  return { header: seen[0]!, skipped: [] };
}

/** Notes on the totals rows at the end of a file, its blank lines, and the rows read with a cut name joined again. */
export function trailingNotes(held: { line: number; text: string }[], blank: LineTally, rejoined: LineTally): string[] {
  const notes: string[] = [];
  if (held.length > 0) {
    const lines = held.map((h) => h.line);
    notes.push(
      `${lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`} after the last goods: ${lines.length === 1 ? 'a totals row' : 'totals rows'} (${held.map((h) => JSON.stringify(h.text)).join('; ')}), not screened`,
    );
  }
  if (blank.count > 0) notes.push(`${blank.count} blank line${blank.count === 1 ? '' : 's'} skipped (${namedLines(blank)})`);
  if (rejoined.count > 0) {
    notes.push(
      `${rejoined.count} row${rejoined.count === 1 ? '' : 's'} with a cell cut by an unquoted delimiter (a company name "Industries, Ltd.", a description "Gallium metal, 6N") read with the cell whole (${namedLines(rejoined)}); quote such fields`,
    );
  }
  return notes;
}
