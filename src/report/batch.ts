/** Text gathered until about 64 KB and then handed on in one piece: one write per batch, not one per row. */
export class TextBatch {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly sink: (text: string) => void,
    private readonly limit = 64 * 1024,
  ) {}

  readonly write = (text: string): void => {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.flush();
  };

  /** Hands on what is gathered, if anything. */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink(text);
  }
}
