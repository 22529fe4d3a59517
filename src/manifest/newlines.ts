/**
 * Line endings → LF before parsing, so that line numbers are exact (csv.ts counts LF only). CRLF
 * becomes LF, which changes nothing a screen looks at; in a file whose first block has CR and no LF
 * (classic Mac OS), every CR ends a line.
 */
import { Transform } from 'node:stream';

export function normaliseNewlines(text: string, crOnly = false): string {
  if (crOnly) return text.replaceAll('\r', '\n');
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The same for a stream of text, holding back a CR at a chunk's end until the next chunk shows what follows it. */
export function toLf(crOnly: boolean): Transform {
  let held = '';
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      let text = held + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      held = '';
      if (!crOnly && text.endsWith('\r')) {
        held = '\r';
        text = text.slice(0, -1);
      }
      done(null, normaliseNewlines(text, crOnly));
    },
    flush(done) {
      done(null, held);
    },
  });
}
