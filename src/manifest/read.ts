/** Streams a CSV manifest: detects encoding and delimiter, maps headers, yields rows and per-line errors. */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { UserError } from '../model/errors.js';
import type { ColumnMapping } from '../model/row.js';
import { type Encoding } from '../model/run.js';
import { RecordBlocks } from './blocks.js';
import { ByteRecordBlocks, countLineFeeds, pastLineFeeds } from './byte-blocks.js';
import { countNewlines } from './csv.js';
import { detectManifestDelimiter } from './delimiter.js';
import { decodeStream, detectEncoding, ICONV_NAME, type Detected } from './encoding.js';
import type { HeaderOptions } from './header.js';
import { LfText, normaliseNewlines, toLf } from './newlines.js';
import { RecordConverter, type ManifestEvent } from './records.js';

export type { ManifestEvent } from './records.js';

export interface ReadOptions extends HeaderOptions {
  encoding?: Encoding;
  delimiter?: string;
  /** A workbook's sheet: its name or its 1-based position (default: the first). */
  sheet?: string;
}

export interface InputSummary {
  path: string;
  sha256: string;
  encoding: Encoding;
  delimiter: string;
  headers: string[];
  mapping: ColumnMapping;
  /** Why the encoding was chosen, when it was a guess. */
  encodingReason?: string;
  /** What the reader decided that the user should know: title lines skipped, totals rows, the HS scheme. */
  notes: string[];
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** Rows screened; with `rejected`, every data record. */
  rows: number;
  /** Bytes taken from the input so far (for progress). */
  bytesRead: number;
  rejected: number;
}

const SAMPLE_BYTES = 64 * 1024;

/** A block of complete records (the first: the header alone), or the read stopped inside an endless record. */
export type TextBlock = { text: string } | { unfinished: string };

export interface ManifestText {
  /** Filled in as the blocks are consumed (bytesRead); sha256 once they end. */
  summary: InputSummary;
  blocks: AsyncIterable<TextBlock>;
}

/**
 * Whole records of a UTF-8 file after its header, as the file's bytes (byte-blocks.ts): CRLF kept,
 * to be decoded and given LF line ends by their reader (chunks.ts); `lines`: the LFs in them.
 */
export interface ByteBlock {
  bytes: Buffer;
  lines: number;
}

export interface ManifestBlocks {
  summary: InputSummary;
  blocks: AsyncIterable<TextBlock | ByteBlock>;
}

/** The manifest's text, decoded and cut at record boundaries: what every reader, in this thread or in workers, reads. */
export async function openManifestText(path: string, options: ReadOptions): Promise<ManifestText> {
  return (await openBlocks(path, options, false)) as ManifestText;
}

/** The same, but the records after the header of a UTF-8 file (not CR-only) as its bytes, which workers decode. */
export async function openManifestBlocks(path: string, options: ReadOptions): Promise<ManifestBlocks> {
  return openBlocks(path, options, true);
}

async function openBlocks(path: string, options: ReadOptions, asBytes: boolean): Promise<ManifestBlocks> {
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
  const { detected, delimiter, crOnly } = inspectSample(path, sample, options);

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
    ...(detected.reason ? { encodingReason: detected.reason } : {}),
    delimiter,
    headers: [],
    mapping: { columns: {}, more: {}, extras: [], repeated: [] },
    notes: [],
    rows: 0,
    rejected: 0,
    bytesRead: 0,
  };
  const stop = (): TextBlock => {
    summary.sha256 = hash.digest('hex'); // of the bytes read
    return { unfinished: `a record runs for more than ${MAX_RECORD_CHARS >> 20} M characters (an unclosed quote?): the rest of the file was not read` };
  };
  async function* textBlocks(): AsyncGenerator<TextBlock> {
    // pipeline, unlike pipe, passes a read or decode error on to whoever iterates the text
    const decoded = pipeline(Readable.from(bytes()), decodeStream(detected.encoding), toLf(crOnly), () => undefined) as AsyncIterable<string>;
    const cutter = new RecordBlocks(delimiter, options);
    for await (const text of decoded) {
      const block = cutter.push(text);
      if (block) yield { text: block };
      if (cutter.pendingLength > MAX_RECORD_CHARS) {
        yield stop();
        return;
      }
    }
    for (const rest of cutter.end()) yield { text: rest };
    summary.sha256 = hash.digest('hex');
  }
  async function* utf8Blocks(): AsyncGenerator<TextBlock | ByteBlock> {
    if (yield* utf8ByteBlocks(bytes(), delimiter, options)) yield stop();
    else summary.sha256 = hash.digest('hex');
  }
  return { summary, blocks: asBytes && detected.encoding === 'utf-8' && !crOnly ? utf8Blocks() : textBlocks() };
}

/** Bytes decoded and cut as text, as for any file. */
class DecodedBlocks {
  private readonly lf = new LfText();

  constructor(
    private readonly decoder: TextDecoder,
    readonly cutter: RecordBlocks,
  ) {}

  push(bytes: Buffer): string {
    return this.cutter.push(this.lf.push(this.decoder.decode(bytes, { stream: true })));
  }

  /** The text the decoder and the CRs held back at the end of the input, in the pieces a stream gives them. */
  ends(): string[] {
    return [this.lf.push(this.decoder.decode()), this.lf.end()].filter((piece) => piece !== '');
  }
}

const byteBlock = (bytes: Buffer): ByteBlock => ({ bytes, lines: countLineFeeds(bytes) });

/**
 * A UTF-8 file's blocks: the header's decoded and cut as for any file, the records after it cut as
 * bytes; true when the read stopped inside an endless record. Bytes held back for more than
 * MAX_RECORD_CHARS are decoded, and the rest of the file read as text, for the stop to count characters.
 */
async function* utf8ByteBlocks(input: AsyncIterable<Buffer>, delimiter: string, options: ReadOptions): AsyncGenerator<TextBlock | ByteBlock, boolean> {
  let text: DecodedBlocks | undefined = new DecodedBlocks(new TextDecoder('utf-8'), new RecordBlocks(delimiter, options));
  let bytes: ByteRecordBlocks | undefined;
  let width: number | undefined;
  // until the header's block is cut: the bytes read and not cut yet
  let head: Buffer[] | undefined = [];
  for await (const chunk of input) {
    let piece = chunk;
    if (bytes) {
      const block = bytes.push(chunk);
      if (block.length > 0) yield byteBlock(block);
      if (bytes.pendingBytes.length <= MAX_RECORD_CHARS) continue;
      // a fresh decoder: the bytes held start a record
      text = new DecodedBlocks(new TextDecoder('utf-8', { ignoreBOM: true }), new RecordBlocks(delimiter, options, width));
      piece = bytes.pendingBytes;
      bytes = undefined;
    }
    if (!text) continue;
    head?.push(piece);
    const block = text.push(piece);
    if (block) yield { text: block };
    if (text.cutter.pendingLength > MAX_RECORD_CHARS) return true;
    if (!head || !block) continue;
    if (!block.endsWith('\n')) {
      head = undefined; // where it ends in the bytes is not known: text to the end
      continue;
    }
    // the bytes after the block's last LF are the text not cut yet
    const read = Buffer.concat(head);
    const rest = read.subarray(pastLineFeeds(read, 0, countNewlines(block)));
    head = [rest];
    width = text.cutter.headerWidth;
    if (width !== undefined) {
      // the header's block is out: the records after it, as bytes
      head = undefined;
      text = undefined;
      bytes = new ByteRecordBlocks(delimiter, width);
      const records = bytes.push(rest);
      if (records.length > 0) yield byteBlock(records);
    }
  }
  if (bytes) {
    const rest = bytes.end();
    if (rest.length > 0) yield byteBlock(rest);
    return false;
  }
  for (const piece of text!.ends()) {
    const block = text!.cutter.push(piece);
    if (block) yield { text: block };
    if (text!.cutter.pendingLength > MAX_RECORD_CHARS) return true;
  }
  for (const rest of text!.cutter.end()) yield { text: rest };
  return false;
}

export interface Manifest {
  /** Filled in as the events are consumed; complete once they end. */
  summary: InputSummary;
  events: AsyncIterable<ManifestEvent>;
}

/** A CSV manifest, or the sheet of an .xlsx/.xlsm workbook. */
export async function openManifest(path: string, options: ReadOptions): Promise<Manifest> {
  if (isWorkbookFile(path)) return (await import('./workbook.js')).openWorkbookManifest(path, options);
  const text = await openManifestText(path, options);
  return { summary: text.summary, events: records(text, options) };
}

function inspectSample(path: string, sample: Buffer, options: ReadOptions): { detected: Detected; delimiter: string; crOnly: boolean } {
  if (sample.length === 0 || /^[\s\ufeff]*$/.test(sample.toString('latin1').replace(/^\xef\xbb\xbf/, ''))) {
    throw new UserError(`${path}: empty file`);
  }
  const detected = detectEncoding(sample, options.encoding, path);
  const sampleText = iconv.decode(sample.subarray(detected.bomLength), ICONV_NAME[detected.encoding]);
  // classic Mac OS line endings: CR alone ends a line when the sample has no LF at all
  const crOnly = sampleText.includes('\r') && !sampleText.includes('\n');
  return { detected, delimiter: options.delimiter ?? detectManifestDelimiter(normaliseNewlines(sampleText, crOnly), options), crOnly };
}

/** A file (not standard input) that starts as a ZIP archive does: a workbook. */
export function isWorkbookFile(path: string): boolean {
  if (path === '-') return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } catch {
    return false; // the reader says why it cannot read the file
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  // small reads: a block's flagged rows wait for the block to end, and fewer of them live through a young-generation GC
  return createReadStream(path, { highWaterMark: 32 * 1024 });
}

/** A record that would keep growing past this (one line of 64 M characters) stops the read. */
const MAX_RECORD_CHARS = 64 << 20;

/** Keeps the input's summary in step with what the converter has read. */
function syncSummary(summary: InputSummary, converter: RecordConverter): void {
  summary.rows = converter.dataRecords - converter.rejected;
  summary.rejected = converter.rejected;
  if (converter.opening) {
    summary.headers = converter.opening.headers;
    summary.mapping = converter.opening.mapping;
  }
}

/** Events a converter gives, gathered to be yielded, and the input's summary kept in step with it. */
export function collector(summary: InputSummary, converter: RecordConverter): { events: ManifestEvent[]; sink: (e: ManifestEvent) => void; sync: () => void } {
  const events: ManifestEvent[] = [];
  return {
    events,
    sink: (e) => {
      events.push(e);
    },
    sync: () => syncSummary(summary, converter),
  };
}

/**
 * Reads the manifest's records into `sink` as they are parsed, pausing after each block of text, where the caller
 * hands on what its sink made of them (a screen keeps only the flagged rows of a block, not every row).
 */
export async function* readRecords(text: ManifestText, options: ReadOptions, sink: (e: ManifestEvent) => void): AsyncGenerator<void> {
  const { summary } = text;
  const { path } = summary;
  const converter = new RecordConverter(path, options, undefined, 0, summary.encoding);
  for await (const block of text.blocks) {
    if ('text' in block) converter.readBlock(block.text, summary.delimiter, sink);
    else converter.unfinished(block.unfinished).forEach(sink);
    syncSummary(summary, converter);
    yield;
  }
  if (!converter.opening) throw new UserError(`${path}: no header row`);
  summary.notes = [...converter.opening.notes, ...converter.finish()];
  syncSummary(summary, converter);
  if (converter.dataRecords === 0) throw new UserError(`${path}: has a header but no data rows`);
}

async function* records(text: ManifestText, options: ReadOptions): AsyncGenerator<ManifestEvent> {
  const events: ManifestEvent[] = [];
  for await (const _ of readRecords(text, options, (e) => events.push(e))) yield* events.splice(0);
}
