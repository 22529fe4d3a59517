/**
 * Splits a CSV file into byte ranges that start and end on record boundaries, for parallel
 * screening. One streaming pass with a quote-aware scan (a newline inside quotes is not a
 * boundary), which also hashes the whole file. Only for encodings in which the bytes of `"` and
 * `\n` never occur inside a multi-byte character (UTF-8, Shift_JIS, GB18030).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface Chunk {
  index: number;
  /** Byte range [start, end). */
  start: number;
  end: number;
  /** Physical lines before `start`. */
  lineOffset: number;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

export interface ScanResult {
  chunks: AsyncGenerator<Chunk>;
  /** The file's sha256, once the chunks are all out. */
  sha256: () => string;
}

export function scanChunks(path: string, dataStart: number, headerLines: number, targetBytes: number): ScanResult {
  const hash = createHash('sha256');
  let digest = '';
  async function* chunks(): AsyncGenerator<Chunk> {
    let index = 0;
    let chunkStart = dataStart;
    let chunkLines = headerLines;
    let lines = 0;
    let quoted = false;
    let offset = 0;
    for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(buf);
      // native indexOf from quote to quote: this thread scans the whole file while the workers screen
      let i = Math.max(0, dataStart - offset);
      let counted = i;
      const countLinesTo = (to: number): void => {
        for (let p = buf.indexOf(NEWLINE, counted); p !== -1 && p < to; p = buf.indexOf(NEWLINE, p + 1)) lines++;
        counted = to;
      };
      while (i < buf.length) {
        const q = buf.indexOf(QUOTE, i);
        const segmentEnd = q === -1 ? buf.length : q;
        // outside quotes, the first newline once the chunk is big enough ends it
        for (let from = Math.max(i, chunkStart + targetBytes - 1 - offset); !quoted && from < segmentEnd; ) {
          const nl = buf.indexOf(NEWLINE, from);
          if (nl === -1 || nl >= segmentEnd) break;
          countLinesTo(nl + 1);
          const end = offset + nl + 1;
          yield { index: index++, start: chunkStart, end, lineOffset: chunkLines };
          chunkStart = end;
          chunkLines = headerLines + lines;
          from = Math.max(nl + 1, chunkStart + targetBytes - 1 - offset);
        }
        if (q === -1) break;
        quoted = !quoted;
        i = q + 1;
      }
      countLinesTo(buf.length);
      offset += buf.length;
    }
    if (offset > chunkStart) yield { index: index++, start: chunkStart, end: offset, lineOffset: chunkLines };
    digest = hash.digest('hex');
  }
  return { chunks: chunks(), sha256: () => digest };
}
