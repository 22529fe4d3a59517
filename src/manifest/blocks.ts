/**
 * Cuts a stream of text into blocks that end on record boundaries, as the record reader (csv.ts)
 * sees them, so each block can be read on its own, in this thread or a worker, with the same result.
 * The first block is the header record alone. Text is expected with LF line endings (newlines.ts).
 */
import { CsvReader, countNewlines, isIncomplete, MAX_QUOTED_LINES } from './csv.js';

export class RecordBlocks {
  private pending = '';
  /** The header's number of fields, once read. */
  private width: number | undefined;
  /** The record at the start of `pending` waits inside a quoted field holding this many newlines. */
  private openLines: number | undefined;
  /** The record at the start of `pending` waits for a newline. */
  private openLine = false;

  constructor(private readonly delimiter: string) {}

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

  /** What is left at the end of the input. */
  end(): string {
    return this.cut(true);
  }

  private cut(final: boolean): string {
    const s = this.pending;
    const reader = new CsvReader(s, this.delimiter, this.width);
    let pos = 0;
    this.openLines = undefined;
    this.openLine = false;
    if (this.width === undefined) {
      // the header alone, so that a reader can take it before the rows
      const header = reader.read(0, final);
      if (isIncomplete(header)) return this.hold(header.openLines);
      this.width = header.error ? undefined : header.fields.length;
      return this.take(header.end);
    }
    while (pos < s.length) {
      const q = s.indexOf('"', pos);
      if (q === -1) {
        // no quote ahead: every newline ends a record
        const nl = s.lastIndexOf('\n');
        if (nl >= pos) pos = nl + 1;
        if (pos < s.length) {
          if (final) pos = s.length;
          else this.openLine = true;
        }
        break;
      }
      // the lines before the quote's line have no quote: they are whole records
      pos = Math.max(pos, s.lastIndexOf('\n', q) + 1);
      const record = reader.read(pos, final);
      if (isIncomplete(record)) {
        this.openLines = record.openLines;
        this.openLine = record.openLines === undefined;
        break;
      }
      pos = record.end;
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
