/**
 * Screens manifests and yields, in input order, every result, every rejected line and each input's
 * summary once it is read. Large regular files are split at record boundaries and screened on
 * worker threads; the merged stream is the same as the single-threaded one.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { RuleSet } from '../engine/compile.js';
import { type JudgedOn, screenOnItsDates } from '../engine/dated-screen.js';
import { countNewlines } from '../manifest/csv.js';
import { addTally, emptyTally, tallyLine } from '../manifest/line-tally.js';
import { type InputSummary, isWorkbookFile, type ManifestEvent, openManifest, openManifestBlocks, openManifestText, type ReadOptions, readRecords } from '../manifest/read.js';
import { type Header, RecordConverter, trailingNotes } from '../manifest/records.js';
import { addSkipped, emptySkipped, skippedNotes } from '../manifest/skipped.js';
import { UserError } from '../model/errors.js';
import type { Result } from '../model/result.js';
import type { RenderedRows } from '../report/row-text.js';
import type { InputHeader, InputInfo, RowError } from '../report/types.js';
import { screenChunk } from './chunk-screen.js';
import { ChunkCutter, chunkText, type Chunk } from './chunks.js';
import type { ChunkDone, ChunkJob, RenderedTally, WorkerSetup } from './jobs.js';
import { ScreeningPool } from './pool.js';
import type { ProgressSink } from './progress.js';

export type ScreenEvent =
  | { kind: 'header'; header: InputHeader }
  | { kind: 'result'; result: Result }
  | { kind: 'error'; error: RowError }
  | { kind: 'input'; input: InputInfo }
  /** Clear rows that were only counted, because no reporter shows them. */
  | { kind: 'clear'; count: number }
  /** Flagged rows a worker rendered for the report (WorkerSetup.rowText), numbered within their chunk: `rowOffset` rows came before it. */
  | { kind: 'rows'; rows: RenderedRows; rowOffset: number }
  /** What the rendered rows of a chunk count for. */
  | { kind: 'tally'; tally: RenderedTally };

export interface Parallelism {
  /** Screening threads, this one included: above 1, workers screen with it. */
  workers: number;
  setup: WorkerSetup;
  /** Files smaller than this are screened in this thread: starting workers would cost more. */
  minBytes: number;
  chunkBytes: number;
}

export const DEFAULT_MIN_PARALLEL_BYTES = 8 << 20;
export const DEFAULT_CHUNK_BYTES = 256 << 10;

/** Never more workers than cores: more only add memory and contention. */
export function cappedWorkers(requested: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(requested, cores));
}

export interface ScreenRunOptions {
  parallel?: Parallelism;
  progress?: ProgressSink;
  /** No report shows clear rows: they are only counted (`clear` events), as the workers do. */
  countClear?: boolean;
}

export async function* screenManifests(files: string[], read: ReadOptions, ruleSet: RuleSet, on: JudgedOn, { parallel, progress, countClear = false }: ScreenRunOptions = {}): AsyncGenerator<ScreenEvent> {
  let pool: ScreeningPool | undefined;
  try {
    for (const file of files) {
      // a workbook is read in this thread: its rows come from a zipped XML stream, not text blocks
      if (parallel && parallel.workers > 1 && isLarge(file, parallel.minBytes) && !isWorkbookFile(file)) {
        pool ??= new ScreeningPool(parallel.workers, parallel.setup, (job) => screenChunk(job, ruleSet, parallel.setup));
        yield* screenInParallel(file, read, ruleSet, pool, parallel, progress);
      } else {
        yield* screenInThread(file, read, ruleSet, on, countClear, progress);
      }
    }
  } finally {
    await pool?.close();
  }
}

function fileSize(file: string): number | undefined {
  try {
    return file === '-' ? undefined : statSync(file).size;
  } catch {
    return undefined;
  }
}

function isLarge(file: string, minBytes: number): boolean {
  if (file === '-') return false;
  try {
    const st = statSync(file);
    return st.isFile() && st.size >= minBytes;
  } catch {
    return false; // the reader reports it
  }
}

const inputInfo = (s: InputSummary): InputInfo => ({
  path: s.path,
  sha256: s.sha256,
  encoding: s.encoding,
  ...(s.encodingReason ? { encodingReason: s.encodingReason } : {}),
  ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
  ...(s.notes.length ? { notes: s.notes } : {}),
  rows: s.rows,
  rejected: s.rejected,
});

async function* screenInThread(file: string, read: ReadOptions, ruleSet: RuleSet, on: JudgedOn, countClear: boolean, progress?: ProgressSink): AsyncGenerator<ScreenEvent> {
  if (isWorkbookFile(file)) {
    yield* screenWorkbook(file, read, ruleSet, on, progress);
    return;
  }
  const text = await openManifestText(file, read);
  const { summary } = text;
  const size = progress ? fileSize(file) : undefined;
  // each row is screened as it is parsed: a block's rows die young, and only its flagged rows wait to be reported
  const events: ScreenEvent[] = [];
  let clear = 0;
  const sink = (event: ManifestEvent): void => {
    if (event.kind === 'error') {
      events.push({ kind: 'error', error: { input: event.input, line: event.line, message: event.message } });
      return;
    }
    const result = screenOnItsDates(event.row, ruleSet, on);
    if (countClear && result.verdict === 'clear') clear++;
    else events.push({ kind: 'result', result });
  };
  let announced = false;
  for await (const _ of readRecords(text, read, sink)) {
    progress?.bytes(file, summary.bytesRead, size);
    if (!announced && summary.headers.length > 0) {
      announced = true;
      yield { kind: 'header', header: { path: file, headers: summary.headers, mapping: summary.mapping } };
    }
    yield* events.splice(0);
    if (clear > 0) yield { kind: 'clear', count: clear };
    clear = 0;
  }
  yield { kind: 'input', input: inputInfo(summary) };
}

async function* screenWorkbook(file: string, read: ReadOptions, ruleSet: RuleSet, on: JudgedOn, progress?: ProgressSink): AsyncGenerator<ScreenEvent> {
  const manifest = await openManifest(file, read);
  const size = progress ? fileSize(file) : undefined;
  let announced = false;
  for await (const event of manifest.events) {
    progress?.bytes(file, manifest.summary.bytesRead, size);
    const { headers, mapping } = manifest.summary;
    if (!announced && headers.length > 0) {
      announced = true;
      yield { kind: 'header', header: { path: file, headers, mapping } };
    }
    if (event.kind === 'error') yield { kind: 'error', error: { input: event.input, line: event.line, message: event.message } };
    else yield { kind: 'result', result: screenOnItsDates(event.row, ruleSet, on) };
  }
  yield { kind: 'input', input: inputInfo(manifest.summary) };
}

/**
 * The same blocks as the single-threaded reader (a UTF-8 file's as its bytes), its header read here,
 * the records after it screened in chunks by the pool's threads (this one among them); a chunk a worker
 * could not screen is screened here.
 */
async function* screenInParallel(
  file: string,
  read: ReadOptions,
  ruleSet: RuleSet,
  pool: ScreeningPool,
  parallel: Parallelism,
  progress?: ProgressSink,
): AsyncGenerator<ScreenEvent> {
  const { summary, blocks } = await openManifestBlocks(file, read);
  const { encoding, delimiter } = summary;
  const size = progress ? fileSize(file) : undefined;
  const reader = new RecordConverter(file, read, undefined, 0, encoding);
  const cutter = new ChunkCutter(parallel.chunkBytes);
  const events: ScreenEvent[] = [];
  let unfinished: string | undefined;
  async function* jobs(): AsyncGenerator<ChunkJob> {
    const job = (c: Chunk, header: Header): ChunkJob => ({ ...c, path: file, encoding, delimiter, header });
    for await (const block of blocks) {
      if ('unfinished' in block) {
        unfinished = block.unfinished;
        break;
      }
      const lines = 'text' in block ? countNewlines(block.text) : block.lines;
      if (!reader.header) {
        // the first block ends with the header record
        reader.readBlock('text' in block ? block.text : chunkText(block.bytes), delimiter, () => undefined);
        cutter.skip(lines);
        const header = reader.header as Header | undefined;
        if (header) events.push({ kind: 'header', header: { path: file, ...header } });
        continue;
      }
      const chunk = cutter.add('text' in block ? block.text : block.bytes, lines);
      if (chunk) yield job(chunk, reader.header);
    }
    const last = cutter.flush();
    if (last && reader.header) yield job(last, reader.header);
  }
  let records = 0;
  let rejected = 0;
  let unscreened = 0;
  let rowsSoFar = 0;
  const blank = emptyTally();
  const rejoined = emptyTally();
  const skipped = emptySkipped();
  // a header row inside the data put another in force: the chunks after it, read by the first, are read again here
  let current: Header | undefined;
  // rows that are no goods at the end of the chunks so far: rows like any other once goods follow them (subtotals aside)
  let held: ChunkDone['held'] = [];
  const release = function* (): Generator<ScreenEvent> {
    for (const h of held) {
      if (!h.worded) yield { kind: 'result', result: h.result };
      else {
        tallyLine(skipped.subtotals, h.result.row.line);
        unscreened++;
      }
    }
    held = [];
  };
  for await (const { job, reply } of pool.run(jobs())) {
    yield* events.splice(0);
    progress?.bytes(file, summary.bytesRead, size);
    const stale = current !== undefined && job.header !== current;
    const done = 'failure' in reply || stale ? screenChunk(current ? { ...job, header: current } : job, ruleSet, parallel.setup) : reply;
    if (done.openedWithHeader) {
      // the rows held so far ended an export: a header row follows them
      skipped.beforeHeader.push(...held.map((h) => ({ line: h.result.row.line, text: h.text })));
      unscreened += held.length;
      held = [];
    }
    if (done.items.length > 0 || done.unsentClearRows > 0) yield* release();
    for (const item of done.items) {
      if (item.kind === 'error') {
        yield { kind: 'error', error: { input: file, line: item.line, message: item.message } };
      } else if (item.kind === 'rows') {
        yield { kind: 'rows', rows: item.rows, rowOffset: rowsSoFar };
      } else {
        item.result.row.row += rowsSoFar;
        yield { kind: 'result', result: item.result };
      }
    }
    if (done.unsentClearRows > 0) yield { kind: 'clear', count: done.unsentClearRows };
    if (done.tally) yield { kind: 'tally', tally: done.tally };
    for (const h of done.held) {
      h.result.row.row += rowsSoFar;
      held.push(h);
    }
    addTally(blank, done.blank);
    addTally(rejoined, done.rejoined);
    addSkipped(skipped, done.skipped);
    if (done.header) current = done.header;
    rowsSoFar += done.records;
    records += done.records;
    rejected += done.rejected;
    unscreened += done.unscreened;
  }
  yield* events.splice(0);
  if (unfinished !== undefined) {
    yield* release();
    records++;
    rejected++;
    yield { kind: 'error', error: { input: file, line: cutter.lines + 1, message: unfinished } };
  }
  if (!reader.header) throw new UserError(`${file}: no header row`);
  records -= held.length + unscreened;
  const notes = [...reader.header.notes, ...trailingNotes(held.map((h) => ({ line: h.result.row.line, text: h.text })), blank, rejoined), ...skippedNotes(skipped)];
  if (records === 0) throw new UserError(`${file}: has a header but no data rows`);
  yield { kind: 'input', input: inputInfo({ ...summary, notes, rows: records - rejected, rejected }) };
}
