/**
 * Cuts a stream of text into blocks that end on record boundaries, as the record reader (csv.ts)
 * sees them, so each block can be read on its own, in this thread or a worker, with the same result.
 * The first block ends with the header record (header.ts: a title block above it comes along). Text is
 * expected with LF line endings (newlines.ts).
 */
import { CsvReader, countNewlines, isIncomplete, MAX_QUOTED_LINES } from './csv.js';
import type { HeaderOptions } from './header.js';
import { findHeaderRecord } from './records.js';

const QUOTE = 34;
const NEWLINE = 10;

/** The quote that closes the quoted field opening at `open` ("" is a quote inside it); -1 when not in the text. */
function closingQuote(s: string, open: number): number {
  for (let at = open + 1; ; ) {
    const q = s.indexOf('"', at);
    if (q === -1 || q + 1 === s.length) return q === -1 ? -1 : q;
    if (s.charCodeAt(q + 1) !== QUOTE) return q;
    at = q + 2;
  }
}

export class RecordBlocks {
  private pending = '';
  /** The header's number of fields, once read. */
  private width: number | undefined;
  /** The record at the start of `pending` waits inside a quoted field holding this many newlines. */
  private openLines: number | undefined;
  /** The record at the start of `pending` waits for a newline. */
  private openLine = false;

  constructor(
    private readonly delimiter: string,
    /** The user's column overrides and line id columns, which decide which row is the header. */
    private readonly headerOptions: Pick<HeaderOptions, 'map' | 'lineId'> = {},
  ) {}

  /** Characters held back because no record boundary followed them yet. */
  get pendingLength(): number {
    return this.pending.length;
  }

  /** Adds text; returns the complete records it closes ('' when none). */
  push(text: string): string {
    this.pending += text;
    // nothing can end while the record waits in a quoted field and no quote comes, or for a newline that does not come
    if (this.openLines !== undefined && !text.includes('"')) {
      this.openLines += countNewlines(text);
      if (this.openLines <= MAX_QUOTED_LINES) return '';
    } else if (this.openLine && !text.includes('\n')) {
      return '';
    }
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
    let pos = 0;
    this.openLines = undefined;
    this.openLine = false;
    if (this.width === undefined) {
      // up to the header, so that a reader can take it before the rows
      const found = findHeaderRecord(reader, s.length, final, this.headerOptions);
      if (!found) return this.take(s.length); // no record at all
      if ('waiting' in found) return this.hold(found.waiting?.openLines);
      this.width = found.header.error ? undefined : found.header.fields.length;
      return this.take(found.header.end);
    }
    const delim = this.delimiter.charCodeAt(0);
    const n = s.length;
    // Quote to quote while every quoted field is regular (opens at a field start, closes on its own
    // line before a delimiter or a newline): there the reader ends each record at its newline. The
    // first irregular quote hands its record to the reader, which decides; then on again.
    let from = pos;
    let eol = s.indexOf('\n', from); // the end of the line `from` is on
    for (;;) {
      const q = s.indexOf('"', from);
      if (q === -1) {
        const nl = s.lastIndexOf('\n');
        if (nl >= pos) pos = nl + 1;
        if (pos < n) {
          if (final) pos = n;
          else this.openLine = true;
        }
        break;
      }
      if (eol !== -1 && eol < q) {
        // the lines before the quote's line are whole records
        pos = s.lastIndexOf('\n', q) + 1;
        eol = s.indexOf('\n', q);
      }
      const close = q === pos || s.charCodeAt(q - 1) === delim ? closingQuote(s, q) : -1;
      const after = close === -1 ? -1 : close + 1 < n ? s.charCodeAt(close + 1) : final ? NEWLINE : -1;
      if ((after === delim || after === NEWLINE) && (eol === -1 || eol > close)) {
        from = close + 1;
        continue;
      }
      const record = reader.read(pos, final);
      if (isIncomplete(record)) {
        this.openLines = record.openLines;
        this.openLine = record.openLines === undefined;
        break;
      }
      pos = from = record.end;
      eol = s.indexOf('\n', from);
    }
    return this.take(pos);
  }

  private hold(openLines: number | undefined): string {
    this.openLines = openLines;
    this.openLine = openLines === undefined;
    return '';
  }

  private take(boundary: number): string {
    const block = this.pending.slice(0, boundary);
    this.pending = this.pending.slice(boundary);
    return block;
  }
}
