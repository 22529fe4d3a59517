/** Streams a CSV manifest: detects encoding and delimiter, maps headers, yields rows and per-line errors. */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { UserError } from '../errors.js';
import { aliasesOf, mapHeaders, type CanonicalColumn, type ColumnMapping } from './columns.js';
import { detectEncoding, ICONV_NAME, type Encoding } from './encoding.js';
import type { HsScheme } from './normalise.js';
import { makeRow, type Row, type RowValues } from './row.js';

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

export type ManifestEvent = { kind: 'row'; row: Row } | { kind: 'error'; input: string; line: number; message: string };

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'];
const IDENTIFYING: CanonicalColumn[] = ['description', 'hs_code', 'control_code'];

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
  const parser = parse({
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
  });
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

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number };
}

async function* records(
  path: string,
  parser: ReturnType<typeof parse>,
  summary: InputSummary,
  options: ReadOptions,
  digest: () => string,
): AsyncGenerator<ManifestEvent> {
  // csv-parse counts a CRLF inside a quoted field as two lines; subtract those to report real line numbers
  let quotedCrlf = 0;
  const skipped: ManifestEvent[] = [];
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({ kind: 'error', input: path, line: (err.lines ?? 0) - quotedCrlf, message: describeParseError(err) });
  });
  let headerWidth = 0;
  let prevLines = 0;
  let prevEmpty = 0;
  let mapping: ColumnMapping | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      const line = prevLines + 1 + (info.empty_lines - prevEmpty);
      for (const field of record) if (field.includes('\r\n')) quotedCrlf += field.split('\r\n').length - 1;
      prevLines = info.lines - quotedCrlf;
      prevEmpty = info.empty_lines;
      yield* drain(skipped, summary);
      if (!mapping) {
        summary.headers = record.map((h) => h.trim());
        mapping = mapHeaders(summary.headers, options.map);
        summary.mapping = mapping;
        headerWidth = record.length;
        checkIdentifyingColumns(path, summary.headers, mapping);
        continue;
      }
      if (record.every((v) => v.trim() === '')) continue;
      summary.rows++;
      const width = fieldCount(record, headerWidth);
      if (width !== headerWidth) {
        summary.rejected++;
        yield { kind: 'error', input: path, line, message: `expected ${headerWidth} fields as in the header, found ${width}` };
        continue;
      }
      yield { kind: 'row', row: toRow(path, summary.rows, line, record, mapping, options.hsScheme) };
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    const err = e as Error & { lines?: number };
    summary.rejected++;
    summary.rows++;
    yield { kind: 'error', input: path, line: err.lines !== undefined ? err.lines - quotedCrlf : prevLines + 1, message: describeParseError(err) };
  }
  yield* drain(skipped, summary);
  if (!mapping) throw new UserError(`${path}: no header row`);
  if (summary.rows === 0) throw new UserError(`${path}: has a header but no data rows`);
  summary.sha256 = digest();
}

function* drain(skipped: ManifestEvent[], summary: InputSummary): Generator<ManifestEvent> {
  while (skipped.length > 0) {
    summary.rows++;
    summary.rejected++;
    yield skipped.shift()!;
  }
}

/** Trailing empty cells beyond the header (spreadsheet exports) do not make a row ragged. */
function fieldCount(record: string[], headerWidth: number): number {
  let n = record.length;
  while (n > headerWidth && record[n - 1] === '') n--;
  return n;
}

function checkIdentifyingColumns(path: string, headers: string[], mapping: ColumnMapping): void {
  if (IDENTIFYING.some((c) => mapping.columns[c] !== undefined)) return;
  const expected = IDENTIFYING.map((c) => `${c} (e.g. ${aliasesOf(c).slice(0, 4).join(', ')})`).join('; ');
  throw new UserError(
    `${path}: none of the columns identifies the goods. Found: ${headers.map((h) => JSON.stringify(h)).join(', ')}. ` +
      `Expected at least one of: ${expected}. Use --map description=HEADER to name yours.`,
  );
}

function toRow(path: string, index: number, line: number, record: string[], mapping: ColumnMapping, hsScheme: HsScheme): Row {
  const values: RowValues = {};
  for (const [column, at] of Object.entries(mapping.columns) as [CanonicalColumn, number][]) {
    const v = record[at];
    if (v !== undefined && v !== '') values[column] = v;
  }
  const extras: Record<string, string> = {};
  for (const { name, index: at } of mapping.extras) extras[name] = record[at] ?? '';
  return makeRow(path, index, line, values, extras, hsScheme);
}

function describeParseError(err: Error & { code?: string }): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (unclosed quote): the rest of the file could not be read';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a field is not escaped (write "" for a literal quote)';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'wrong number of fields';
    default:
      return err.message.replace(/\s+/g, ' ');
  }
}
