/**
 * Cuts a stream of text into blocks that end on record boundaries, as the record reader (csv.ts)
 * sees them, so each block can be read on its own, in this thread or a worker, with the same result.
 * The first block ends with the header record (header.ts: a title block above it comes along). Text is
 * expected with LF line endings (newlines.ts).
 */
import { type CsvRecord, CsvReader, countNewlines, type Incomplete, isIncomplete, MAX_QUOTED_LINES } from './csv.js';
import type { HeaderOptions } from './header.js';
import { findHeaderRecord } from './records.js';

const QUOTE = 34;
const NEWLINE = 10;

/** The pending input as the cutter scans it: text here, the UTF-8 bytes of the text in byte-blocks.ts. */
export interface Scanned {
  readonly length: number;
  nextQuote(from: number): number;
  nextNewline(from: number): number;
  /** The last newline at or before `at`; -1 when none. */
  lastNewline(at: number): number;
  codeAt(at: number): number;
  /** The character at `at` as the record reader sees it, NEWLINE for a line end; -1 when the input so far does not show it yet. */
  following(at: number, final: boolean): number;
}

class ScannedText implements Scanned {
  constructor(private readonly s: string) {}
  get length(): number {
    return this.s.length;
  }
  nextQuote(from: number): number {
    return this.s.indexOf('"', from);
  }
  nextNewline(from: number): number {
    return this.s.indexOf('\n', from);
  }
  lastNewline(at: number): number {
    return this.s.lastIndexOf('\n', at);
  }
  codeAt(at: number): number {
    return this.s.charCodeAt(at);
  }
  following(at: number, final: boolean): number {
    return at < this.s.length ? this.s.charCodeAt(at) : final ? NEWLINE : -1;
  }
}

/** The quote that closes the quoted field opening at `open` ("" is a quote inside it); -1 when not in the input. */
function closingQuote(s: Scanned, open: number): number {
  for (let at = open + 1; ; ) {
    const q = s.nextQuote(at);
    if (q === -1 || q + 1 === s.length) return q;
    if (s.codeAt(q + 1) !== QUOTE) return q;
    at = q + 2;
  }
}

/** Where the complete records at the start of the input end, and why the record after them is not complete. */
export interface Cut {
  end: number;
  /** It waits inside a quoted field holding this many newlines. */
  openLines?: number;
  /** It waits for a newline. */
  openLine?: boolean;
}

/**
 * Quote to quote while every quoted field is regular (opens at a field start, closes on its own
 * line before a delimiter or a newline): there the reader ends each record at its newline. The
 * first irregular quote hands its record to the reader (`read`, the record at an index), which
 * decides; then on again.
 */
export function cutRecords(s: Scanned, delim: number, final: boolean, read: (at: number) => CsvRecord | Incomplete): Cut {
  const n = s.length;
  let pos = 0;
  let from = pos;
  let eol = s.nextNewline(from); // the end of the line `from` is on
  for (;;) {
    const q = s.nextQuote(from);
    if (q === -1) {
      const nl = s.lastNewline(n - 1);
      if (nl >= pos) pos = nl + 1;
      if (pos < n && !final) return { end: pos, openLine: true };
      return { end: n };
    }
    if (eol !== -1 && eol < q) {
      // the lines before the quote's line are whole records
      pos = s.lastNewline(q) + 1;
      eol = s.nextNewline(q);
    }
    const close = q === pos || s.codeAt(q - 1) === delim ? closingQuote(s, q) : -1;
    const after = close === -1 ? -1 : s.following(close + 1, final);
    if ((after === delim || after === NEWLINE) && (eol === -1 || eol > close)) {
      from = close + 1;
      continue;
    }
    const record = read(pos);
    if (isIncomplete(record)) return { end: pos, ...(record.openLines === undefined ? { openLine: true } : { openLines: record.openLines }) };
    pos = from = record.end;
    eol = s.nextNewline(from);
  }
}

/** Why the record at the start of the pending input is not complete: a piece that cannot complete it is not cut again. */
export class Waiting {
  private openLines: number | undefined;
  private openLine = false;

  set(cut: Cut): void {
    this.openLines = cut.openLines;
    this.openLine = cut.openLine ?? false;
  }

  /** Whether a piece, with or without a quote and a newline, can complete the record. */
  canEnd(hasQuote: boolean, hasNewline: boolean, newlines: () => number): boolean {
    if (this.openLines !== undefined && !hasQuote) {
      this.openLines += newlines();
      return this.openLines > MAX_QUOTED_LINES;
    }
    return !this.openLine || hasNewline;
  }
}

export class RecordBlocks {
  private pending = '';
  private readonly waiting = new Waiting();

  constructor(
    private readonly delimiter: string,
    /** The user's column overrides and line id columns, which decide which row is the header. */
    private readonly headerOptions: Pick<HeaderOptions, 'map' | 'lineId'> = {},
    /** The header's number of fields, once read (given: the text starts after the header). */
    private width?: number,
  ) {}

  /** Characters held back because no record boundary followed them yet. */
  get pendingLength(): number {
    return this.pending.length;
  }

  /** The header's number of fields, once its block is cut. */
  get headerWidth(): number | undefined {
    return this.width;
  }

  /** Adds text; returns the complete records it closes ('' when none). */
  push(text: string): string {
    this.pending += text;
    // nothing can end while the record waits in a quoted field and no quote comes, or for a newline that does not come
    if (!this.waiting.canEnd(text.includes('"'), text.includes('\n'), () => countNewlines(text))) return '';
    return this.cut(false);
  }

  /** What is left at the end of the input: the header's block first when it was still being looked for, then the rest. */
  end(): string[] {
    const blocks: string[] = [];
    while (this.pending.length > 0) {
      const block = this.cut(true);
      if (block === '') break;
      blocks.push(block);
    }
    return blocks;
  }

  private cut(final: boolean): string {
    const s = this.pending;
    const reader = new CsvReader(s, this.delimiter, this.width);
    this.waiting.set({ end: 0 });
    if (this.width === undefined) {
      // up to the header, so that a reader can take it before the rows
      const found = findHeaderRecord(reader, s.length, final, this.headerOptions);
      if (!found) return this.take(s.length); // no record at all
      if ('waiting' in found) return this.hold(found.waiting?.openLines);
      this.width = found.header.error ? undefined : found.header.fields.length;
      return this.take(found.header.end);
    }
    const cut = cutRecords(new ScannedText(s), this.delimiter.charCodeAt(0), final, (at) => reader.read(at, final));
    this.waiting.set(cut);
    return this.take(cut.end);
  }

  private hold(openLines: number | undefined): string {
    this.waiting.set(openLines === undefined ? { end: 0, openLine: true } : { end: 0, openLines });
    return '';
  }

  private take(boundary: number): string {
    const block = this.pending.slice(0, boundary);
    this.pending = this.pending.slice(boundary);
    return block;
  }
}
