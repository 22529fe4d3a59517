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

/** The same for a stream of text, holding back the CRs at a chunk's end until the next chunk shows what follows them. */
export function toLf(crOnly: boolean): Transform {
  let held = '';
  return new Transform({
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding, done) {
      let text = held + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      held = '';
      if (!crOnly && text.endsWith('\r')) {
        const kept = text.replace(/\r+$/, '');
        held = text.slice(kept.length);
        text = kept;
      }
      done(null, normaliseNewlines(text, crOnly));
    },
    flush(done) {
      done(null, held);
    },
  });
}
