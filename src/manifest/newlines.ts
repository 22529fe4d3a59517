/**
 * Line endings → LF before parsing, so that line numbers are exact (csv.ts counts LF only). CRLF
 * (and CR CR LF) becomes LF, which changes nothing a screen looks at; in a file whose first block has CR and no LF
 * (classic Mac OS), every CR ends a line.
 */
import { Transform } from 'node:stream';

export function normaliseNewlines(text: string, crOnly = false): string {
  if (crOnly) return text.replaceAll('\r', '\n');
  // CR CR LF too: what Python's csv writer leaves on Windows when the file was not opened with newline=''
  return text.includes('\r\n') ? text.replace(/\r+\n/g, '\n') : text;
}

/** The same for text that comes in pieces, holding back the CRs at a piece's end until the next piece shows what follows them. */
export class LfText {
  private held = '';

  constructor(private readonly crOnly = false) {}

  push(piece: string): string {
    let text = this.held + piece;
    this.held = '';
    if (!this.crOnly && text.endsWith('\r')) {
      const kept = text.replace(/\r+$/, '');
      this.held = text.slice(kept.length);
      text = kept;
    }
    return normaliseNewlines(text, this.crOnly);
  }

  /** The CRs still held: the input ended after them. */
  end(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}

/** LfText as a stream. */
export function toLf(crOnly: boolean): Transform {
  const lf = new LfText(crOnly);
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      done(null, lf.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
    },
    flush(done) {
      done(null, lf.end());
    },
  });
}
