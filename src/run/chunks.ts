/**
 * Groups a manifest's text blocks (whole records, blocks.ts) into chunks of about `targetChars` for
 * the screening workers, each with the physical lines before it.
 */

export interface Chunk {
  index: number;
  text: string;
  /** Physical lines before the chunk. */
  lineOffset: number;
}

export class ChunkCutter {
  private index = 0;
  private parts: string[] = [];
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
    this.parts.push(text);
    this.size += text.length;
    this.lines += lines;
    return this.size >= this.targetChars ? this.flush() : undefined;
  }

  /** What is together so far, if anything. */
  flush(): Chunk | undefined {
    if (this.size === 0) return undefined;
    const chunk = { index: this.index++, text: this.parts.join(''), lineOffset: this.start };
    this.parts = [];
    this.size = 0;
    this.start = this.lines;
    return chunk;
  }
}
