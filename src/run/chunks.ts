/**
 * Groups a manifest's text blocks (whole records, blocks.ts) into chunks of about `targetChars` for
 * the screening workers, each with the physical lines before it. The text is kept as UTF-8 bytes from
 * the moment it is taken: off the heap, copied to a worker in one piece, and decoded there to the
 * same text (this thread's decoded strings die young instead of piling up in its heap).
 */

export interface Chunk {
  index: number;
  /** The records' text, UTF-8. */
  bytes: Uint8Array;
  /** Physical lines before the chunk. */
  lineOffset: number;
}

/** A chunk's text again. */
export const chunkText = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

export class ChunkCutter {
  private index = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private start = 0;
  /** Physical lines of all the text seen. */
  lines = 0;

  constructor(private readonly targetChars: number) {}

  /** Text not to screen (the header): only its lines count. */
  skip(lines: number): void {
    this.lines += lines;
    if (this.size === 0) this.start = this.lines;
  }

  /** A block of `lines` lines; a chunk once enough text is together. */
  add(text: string, lines: number): Chunk | undefined {
    this.parts.push(Buffer.from(text, 'utf8'));
    this.size += text.length;
    this.lines += lines;
    return this.size >= this.targetChars ? this.flush() : undefined;
  }

  /** What is together so far, if anything. */
  flush(): Chunk | undefined {
    if (this.size === 0) return undefined;
    const bytes = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const chunk = { index: this.index++, bytes, lineOffset: this.start };
    this.parts = [];
    this.size = 0;
    this.start = this.lines;
    return chunk;
  }
}
