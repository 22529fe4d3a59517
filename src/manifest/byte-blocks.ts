/**
 * Cuts the UTF-8 bytes of a manifest, after its header, into blocks of whole records as RecordBlocks
 * (blocks.ts) cuts their text, without decoding them: quote and LF bytes never occur inside a UTF-8
 * multi-byte sequence, so the cutter's scan finds the same quotes and line ends in the bytes. Only a
 * record with an irregular quote is decoded, for the record reader to decide. The blocks keep the
 * file's line endings (CRLF): their reader decodes them and turns the line ends to LF (chunks.ts),
 * which gives the text the string cutter would have given, since a block ends after a LF.
 */
import { CsvReader, type CsvRecord, countNewlines, type Incomplete, isIncomplete } from './csv.js';
import { cutRecords, type Scanned, Waiting } from './blocks.js';
import { normaliseNewlines } from './newlines.js';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);

class ScannedBytes implements Scanned {
  constructor(private readonly b: Buffer) {}
  get length(): number {
    return this.b.length;
  }
  nextQuote(from: number): number {
    return this.b.indexOf(QUOTE, from);
  }
  nextNewline(from: number): number {
    return this.b.indexOf(NEWLINE, from);
  }
  lastNewline(at: number): number {
    return at < 0 ? -1 : this.b.lastIndexOf(NEWLINE, at);
  }
  codeAt(at: number): number {
    return this.b[at]!;
  }
  following(at: number, final: boolean): number {
    // CRs before a LF are no characters of the text (newlines.ts)
    let end = at;
    while (end < this.b.length && this.b[end] === CR) end++;
    if (end === this.b.length) return !final ? -1 : end === at ? NEWLINE : CR;
    return this.b[end] === NEWLINE ? NEWLINE : this.b[at]!;
  }
}

/** LF bytes in `bytes`: its physical lines. */
export function countLineFeeds(bytes: Uint8Array, from = 0): number {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = b.indexOf(NEWLINE, from); i !== -1; i = b.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** The index just past the `count`th LF from `from`; the end when there are fewer. */
export function pastLineFeeds(b: Buffer, from: number, count: number): number {
  let at = from;
  for (let i = 0; i < count; i++) {
    const nl = b.indexOf(NEWLINE, at);
    if (nl === -1) return b.length;
    at = nl + 1;
  }
  return at;
}

export class ByteRecordBlocks {
  private pending: Buffer = EMPTY;
  private readonly waiting = new Waiting();
  /** A window's text: a fresh decoder keeps a BOM character, which is no BOM inside a file. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    private readonly delimiter: string,
    /** The header's number of fields. */
    private readonly width: number | undefined,
  ) {}

  /** Bytes held back because no record boundary followed them yet. */
  get pendingBytes(): Buffer {
    return this.pending;
  }

  /** Adds bytes; returns the complete records they close (empty when none). */
  push(bytes: Buffer): Buffer {
    this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    if (!this.waiting.canEnd(bytes.includes(QUOTE), bytes.includes(NEWLINE), () => countLineFeeds(bytes))) return EMPTY;
    return this.cut(false);
  }

  /** What is left at the end of the input. */
  end(): Buffer {
    return this.pending.length === 0 ? EMPTY : this.cut(true);
  }

  private cut(final: boolean): Buffer {
    const b = this.pending;
    const cut = cutRecords(new ScannedBytes(b), this.delimiter.charCodeAt(0), final, (at) => this.read(at, final));
    this.waiting.set(cut);
    this.pending = b.subarray(cut.end);
    return b.subarray(0, cut.end);
  }

  /**
   * The record at `start`, read from the text of as few lines as the reader needs to decide (csv.ts:
   * a decision depends only on the text up to where it is made), then of twice as many, up to all the
   * pending bytes; its end in bytes.
   */
  private read(start: number, final: boolean): CsvRecord | Incomplete {
    const b = this.pending;
    for (let lines = 1; ; lines *= 2) {
      const end = pastLineFeeds(b, start, lines);
      const whole = end === b.length;
      const text = this.text(b.subarray(start, whole ? b.length : end), whole && !final);
      const record = new CsvReader(text, this.delimiter, this.width).read(0, whole && final);
      if (isIncomplete(record)) {
        if (whole) return record;
        continue;
      }
      // a record ends past a LF, or at the end of the input
      const ended = record.end === text.length && !text.endsWith('\n');
      return { ...record, end: ended ? b.length : pastLineFeeds(b, start, countNewlines(text, 0, record.end)) };
    }
  }

  /** Bytes from a record boundary as the string cutter sees them: with more to come, without a character cut at their end or the CRs before it. */
  private text(bytes: Buffer, more: boolean): string {
    let text = this.decoder.decode(bytes, { stream: more });
    if (more) {
      this.decoder.decode(); // what it held back is not read yet
      text = text.replace(/\r+$/, '');
    }
    return normaliseNewlines(text);
  }
}
