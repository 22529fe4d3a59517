/**
 * CRLF → LF before parsing. csv-parse counts a CRLF inside a quoted field as two lines, and a
 * broken record's lines cannot be corrected afterwards; with LF only, its line numbers are exact.
 * A CRLF inside a quoted field becomes LF, which changes nothing a screen looks at.
 */
import { Transform } from 'node:stream';

export function normaliseNewlines(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The same for a stream of text, holding back a CR at a chunk's end until the next chunk shows what follows it. */
export function crlfToLf(): Transform {
  let held = '';
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      let text = held + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      held = '';
      if (text.endsWith('\r')) {
        held = '\r';
        text = text.slice(0, -1);
      }
      done(null, normaliseNewlines(text));
    },
    flush(done) {
      done(null, held);
    },
  });
}
