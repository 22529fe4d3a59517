/**
 * Groups a manifest's blocks (whole records, blocks.ts and byte-blocks.ts) into chunks of about
 * `targetBytes` for the screening workers, each with the physical lines before it. A chunk is UTF-8
 * bytes: the file's own, or the text encoded from the moment it is taken; off the heap, copied to a
 * worker in one piece, and decoded there (this thread's decoded strings die young instead of piling
 * up in its heap).
 */
import { normaliseNewlines } from '../manifest/newlines.js';

export interface Chunk {
  index: number;
  /** The records, UTF-8, with the file's line ends. */
  bytes: Uint8Array;
  /** Physical lines before the chunk. */
  lineOffset: number;
}

/** A chunk's text: it ends after a LF, so no CRLF is cut in two. */
export const chunkText = (bytes: Uint8Array): string => normaliseNewlines(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));

export class ChunkCutter {
  private index = 0;
  private parts: Uint8Array[] = [];
  private size = 0;
  private start = 0;
  /** Physical lines of all the text seen. */
  lines = 0;

  constructor(private readonly targetBytes: number) {}

  /** Text not to screen (the header): only its lines count. */
  skip(lines: number): void {
    this.lines += lines;
    if (this.size === 0) this.start = this.lines;
  }

  /** A block of `lines` lines, text or UTF-8 bytes; a chunk once enough is together. */
  add(block: string | Uint8Array, lines: number): Chunk | undefined {
    const bytes = typeof block === 'string' ? Buffer.from(block, 'utf8') : block;
    this.parts.push(bytes);
    this.size += bytes.length;
    this.lines += lines;
    return this.size >= this.targetBytes ? this.flush() : undefined;
  }

  /** What is together so far, if anything. */
  flush(): Chunk | undefined {
    if (this.size === 0) return undefined;
    const bytes = Buffer.concat(this.parts, this.size);
    const chunk = { index: this.index++, bytes, lineOffset: this.start };
    this.parts = [];
    this.size = 0;
    this.start = this.lines;
    return chunk;
  }
}
