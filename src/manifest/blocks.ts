/**
 * Cuts a stream of text into blocks that end on a record boundary (a newline outside quotes), so
 * each block can be parsed on its own. Text is expected with LF line endings (newlines.ts).
 */

export class RecordBlocks {
  private pending = '';
  private quoted = false;
  private scanned = 0;

  /** Characters held back because no record boundary followed them yet. */
  get pendingLength(): number {
    return this.pending.length;
  }

  /** Adds text; returns the complete records it closes ('' when none). */
  push(text: string): string {
    this.pending += text;
    let boundary = -1;
    let quoted = this.quoted;
    const s = this.pending;
    // jump from quote to quote; outside quotes the last newline before the next quote is a boundary
    for (let i = this.scanned; ; ) {
      const q = s.indexOf('"', i);
      const end = q === -1 ? s.length : q;
      if (!quoted && end > i) {
        const nl = s.lastIndexOf('\n', end - 1);
        if (nl >= i) boundary = nl + 1;
      }
      if (q === -1) break;
      quoted = !quoted;
      i = q + 1;
    }
    this.quoted = quoted;
    if (boundary === -1) {
      this.scanned = s.length;
      return '';
    }
    const block = s.slice(0, boundary);
    this.pending = s.slice(boundary);
    this.scanned = this.pending.length;
    return block;
  }

  /** What is left at the end of the input: a last record without a newline, or an unclosed quote. */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    this.scanned = 0;
    return rest;
  }
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
