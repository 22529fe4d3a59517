/** Streams a CSV manifest: detects encoding and delimiter, maps headers, yields rows and per-line errors. */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import type { CanonicalColumn, ColumnMapping } from './columns.js';
import { detectEncoding, ICONV_NAME, type Encoding } from './encoding.js';
import type { HsScheme } from './normalise.js';
import { CSV_OPTIONS, RecordConverter, type ManifestEvent, type RecordInfo } from './records.js';

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
  if (sample.length === 0 || /^[\s\ufeff]*$/.test(sample.toString('latin1').replace(/^\xef\xbb\xbf/, ''))) {
    throw new UserError(`${path}: empty file`);
  }
  const detected = detectEncoding(sample, options.encoding, path);
  const sampleText = iconv.decode(sample.subarray(detected.bomLength), ICONV_NAME[detected.encoding]);
  const delimiter = options.delimiter ?? detectDelimiter(sampleText);

  const hash = createHash('sha256');
  async function* bytes(): AsyncGenerator<Buffer> {
    hash.update(sample);
    yield sample.subarray(detected.bomLength);
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      hash.update(chunk);
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
  };
  const parser = parse({ ...CSV_OPTIONS, record_delimiter: [...CSV_OPTIONS.record_delimiter], delimiter });
  const decoded = Readable.from(bytes()).pipe(iconv.decodeStream(ICONV_NAME[detected.encoding]));
  decoded.on('error', (e) => parser.destroy(e));
  decoded.pipe(parser);
  return { summary, events: records(path, parser, summary, options, () => hash.digest('hex')) };
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

async function* records(
  path: string,
  parser: ReturnType<typeof parse>,
  summary: InputSummary,
  options: ReadOptions,
  digest: () => string,
): AsyncGenerator<ManifestEvent> {
  const converter = new RecordConverter(path, options.hsScheme, options.map);
  const skipped: ManifestEvent[] = [];
  parser.on('skip', (err: Error & { lines?: number }) => skipped.push(converter.failed(err)));
  const sync = (): void => {
    summary.rows = converter.rows;
    summary.rejected = converter.rejected;
    if (converter.header) {
      summary.headers = converter.header.headers;
      summary.mapping = converter.header.mapping;
    }
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: RecordInfo }>) {
      while (skipped.length > 0) yield skipped.shift()!;
      const event = converter.record(record, info);
      sync();
      if (event) yield event;
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    yield converter.failed(e as Error);
  }
  while (skipped.length > 0) yield skipped.shift()!;
  sync();
  if (!converter.header) throw new UserError(`${path}: no header row`);
  if (summary.rows === 0) throw new UserError(`${path}: has a header but no data rows`);
  summary.sha256 = digest();
}
