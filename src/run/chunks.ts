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
      const from = Math.max(0, dataStart - offset);
      for (let i = from; i < buf.length; i++) {
        const b = buf[i]!;
        if (b === QUOTE) quoted = !quoted;
        else if (b === NEWLINE) {
          lines++;
          const end = offset + i + 1;
          if (!quoted && end - chunkStart >= targetBytes) {
            yield { index: index++, start: chunkStart, end, lineOffset: chunkLines };
            chunkStart = end;
            chunkLines = headerLines + lines;
          }
        }
      }
      offset += buf.length;
    }
    if (offset > chunkStart) yield { index: index++, start: chunkStart, end: offset, lineOffset: chunkLines };
    digest = hash.digest('hex');
  }
  return { chunks: chunks(), sha256: () => digest };
}
