/** Streams a CSV manifest: detects encoding and delimiter, maps headers, yields rows and per-line errors. */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { parse as parseSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import type { CanonicalColumn, ColumnMapping } from './columns.js';
import { detectEncoding, ICONV_NAME, type Detected, type Encoding } from './encoding.js';
import { crlfToLf, normaliseNewlines } from './newlines.js';
import type { HsScheme } from './normalise.js';
import { RecordBlocks } from './blocks.js';
import { readHeader, RecordConverter, type Header, type ManifestEvent } from './records.js';

export type { ManifestEvent } from './records.js';

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: string;
  map?: Partial<Record<CanonicalColumn, string>>;
  hsScheme: HsScheme;
}

export interface InputSummary {
  path: string;
  sha256: string;
  encoding: Encoding;
  delimiter: string;
  headers: string[];
  mapping: ColumnMapping;
  /** Data records read (screened + rejected). */
  rows: number;
  /** Bytes taken from the input so far (for progress). */
  bytesRead: number;
  rejected: number;
}


const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];

export interface Manifest {
  /** Filled in as the events are consumed; complete once they end. */
  summary: InputSummary;
  events: AsyncIterable<ManifestEvent>;
}

export async function openManifest(path: string, options: ReadOptions): Promise<Manifest> {
  const stream = openStream(path);
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SAMPLE_BYTES) {
    const next = await iterator.next().catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`${path}: cannot read (${e.code ?? e.message})`);
    });
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(chunk);
    headBytes += chunk.length;
  }
  const sample = Buffer.concat(head);
  const { detected, delimiter } = inspectSample(path, sample, options);

  const hash = createHash('sha256');
  async function* bytes(): AsyncGenerator<Buffer> {
    hash.update(sample);
    summary.bytesRead = sample.length;
    yield sample.subarray(detected.bomLength);
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      hash.update(chunk);
      summary.bytesRead += chunk.length;
      yield chunk;
    }
  }

  const summary: InputSummary = {
    path,
    sha256: '',
    encoding: detected.encoding,
    delimiter,
    headers: [],
    mapping: { columns: {}, extras: [] },
    rows: 0,
    rejected: 0,
    bytesRead: 0,
  };
  // pipeline, unlike pipe, passes a read or decode error on to whoever iterates the text
  const decoded = pipeline(Readable.from(bytes()), iconv.decodeStream(ICONV_NAME[detected.encoding]), crlfToLf(), () => undefined) as AsyncIterable<string>;
  return { summary, events: records(path, decoded, delimiter, summary, options, () => hash.digest('hex')) };
}

function inspectSample(path: string, sample: Buffer, options: ReadOptions): { detected: Detected; delimiter: string } {
  if (sample.length === 0 || /^[\s\ufeff]*$/.test(sample.toString('latin1').replace(/^\xef\xbb\xbf/, ''))) {
    throw new UserError(`${path}: empty file`);
  }
  const detected = detectEncoding(sample, options.encoding, path);
  const sampleText = iconv.decode(sample.subarray(detected.bomLength), ICONV_NAME[detected.encoding]);
  return { detected, delimiter: options.delimiter ?? detectDelimiter(sampleText) };
}

export interface Layout {
  encoding: Encoding;
  delimiter: string;
  header: Header;
  /** Byte offset of the first data record, and the physical lines before it. */
  dataStart: number;
  headerLines: number;
}

/**
 * The layout of a regular file whose header fits in the first block, for the parallel reader;
 * undefined when the file must be read as one stream (UTF-16, a header longer than the block).
 */
export function sniffLayout(path: string, options: ReadOptions): Layout | undefined {
  const fd = openSync(path, 'r');
  const sample = Buffer.alloc(SAMPLE_BYTES);
  let length: number;
  try {
    length = readSync(fd, sample, 0, SAMPLE_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = sample.subarray(0, length);
  const { detected, delimiter } = inspectSample(path, bytes, options);
  if (detected.encoding === 'utf-16le' || detected.encoding === 'utf-16be') return undefined;
  let quoted = false;
  let headerLines = 0;
  for (let i = detected.bomLength; i < bytes.length; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x0a) {
      headerLines++;
      if (quoted) continue;
      const text = iconv.decode(bytes.subarray(detected.bomLength, i + 1), ICONV_NAME[detected.encoding]);
      const [record] = parseSync(normaliseNewlines(text), { delimiter, relax_column_count: true, record_delimiter: '\n' }) as string[][];
      if (!record) return undefined;
      return { encoding: detected.encoding, delimiter, header: readHeader(path, record, options.map), dataStart: i + 1, headerLines };
    }
  }
  return undefined;
}

function openStream(path: string): Readable {
  if (path === '-') return process.stdin;
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new UserError(`${path}: no such file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (st.isDirectory()) throw new UserError(`${path}: is a folder, not a CSV file`);
  return createReadStream(path, { highWaterMark: 256 * 1024 });
}

/** The most frequent candidate delimiter outside quotes on the header line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** A record that would keep growing past this (an unclosed quote in a large file) stops the read. */
const MAX_RECORD_CHARS = 64 << 20;

async function* records(path: string, decoded: AsyncIterable<string>, delimiter: string, summary: InputSummary, options: ReadOptions, digest: () => string): AsyncGenerator<ManifestEvent> {
  const converter = new RecordConverter(path, options.hsScheme, options.map, undefined, 0, summary.encoding);
  const blocks = new RecordBlocks();
  const events: ManifestEvent[] = [];
  const sink = (e: ManifestEvent): void => {
    events.push(e);
  };
  const sync = (): void => {
    summary.rows = converter.rows;
    summary.rejected = converter.rejected;
    if (converter.header) {
      summary.headers = converter.header.headers;
      summary.mapping = converter.header.mapping;
    }
  };
  let stopped = false;
  for await (const text of decoded) {
    const block = blocks.push(text);
    if (block) converter.readBlock(block, delimiter, sink);
    if (blocks.pendingLength > MAX_RECORD_CHARS) {
      sink(converter.unfinished(`a record runs for more than ${MAX_RECORD_CHARS >> 20} M characters (an unclosed quote?): the rest of the file was not read`));
      stopped = true;
    }
    sync();
    yield* events.splice(0);
    if (stopped) break;
  }
  if (!stopped) {
    const rest = blocks.end();
    if (rest) converter.readBlock(rest, delimiter, sink);
  }
  sync();
  yield* events.splice(0);
  if (!converter.header) throw new UserError(`${path}: no header row`);
  if (summary.rows === 0) throw new UserError(`${path}: has a header but no data rows`);
  summary.sha256 = digest();
}
