/**
 * Screens manifests and yields, in input order, every result, every rejected line and each input's
 * summary once it is read. Large regular files are split at record boundaries and screened on
 * worker threads; the merged stream is the same as the single-threaded one.
 */
import { statSync } from 'node:fs';
import { screen } from '../engine/screen.js';
import type { Result } from '../engine/types.js';
import { UserError } from '../errors.js';
import { openManifest, sniffLayout, type Layout, type ReadOptions } from '../manifest/read.js';
import type { RuleSet } from '../rules/compile.js';
import type { InputHeader, InputInfo, RowError } from '../report/types.js';
import { scanChunks } from './chunks.js';
import type { WorkerSetup } from './jobs.js';
import { ScreeningPool } from './pool.js';
import type { ProgressSink } from './progress.js';

export type ScreenEvent =
  | { kind: 'header'; header: InputHeader }
  | { kind: 'result'; result: Result }
  | { kind: 'error'; error: RowError }
  | { kind: 'input'; input: InputInfo }
  /** Clear rows that were only counted, because no reporter shows them. */
  | { kind: 'clear'; count: number };

export interface Parallelism {
  workers: number;
  setup: WorkerSetup;
  /** Files smaller than this are screened in this thread: starting workers would cost more. */
  minBytes: number;
  chunkBytes: number;
}

export const DEFAULT_MIN_PARALLEL_BYTES = 8 << 20;
export const DEFAULT_CHUNK_BYTES = 1 << 20;

export async function* screenManifests(
  files: string[],
  read: ReadOptions,
  ruleSet: RuleSet,
  asOf: string,
  parallel?: Parallelism,
  progress?: ProgressSink,
): AsyncGenerator<ScreenEvent> {
  let pool: ScreeningPool | undefined;
  try {
    for (const file of files) {
      const layout = parallel && parallel.workers > 1 ? parallelLayout(file, read, parallel.minBytes) : undefined;
      if (layout && parallel) {
        pool ??= new ScreeningPool(parallel.workers, parallel.setup);
        yield* screenInParallel(file, layout, pool, parallel.chunkBytes, progress);
      } else {
        yield* screenInThread(file, read, ruleSet, asOf, progress);
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

function parallelLayout(file: string, read: ReadOptions, minBytes: number): Layout | undefined {
  if (file === '-') return undefined;
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return undefined;
    size = st.size;
  } catch {
    return undefined; // the single-threaded reader reports it
  }
  return size >= minBytes ? sniffLayout(file, read) : undefined;
}

async function* screenInThread(file: string, read: ReadOptions, ruleSet: RuleSet, asOf: string, progress?: ProgressSink): AsyncGenerator<ScreenEvent> {
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
    else yield { kind: 'result', result: screen(event.row, ruleSet, { asOf }) };
  }
  const s = manifest.summary;
  yield { kind: 'input', input: { path: s.path, sha256: s.sha256, encoding: s.encoding, rows: s.rows, rejected: s.rejected } };
}

async function* screenInParallel(
  file: string,
  layout: Layout,
  pool: ScreeningPool,
  chunkBytes: number,
  progress?: ProgressSink,
): AsyncGenerator<ScreenEvent> {
  const scan = scanChunks(file, layout.dataStart, layout.headerLines, chunkBytes);
  const size = progress ? fileSize(file) : undefined;
  const { encoding, delimiter, header } = layout;
  let rows = 0;
  let rejected = 0;
  yield { kind: 'header', header: { path: file, ...header } };
  for await (const reply of pool.run(scan.chunks, (c) => ({ ...c, path: file, encoding, delimiter, header }))) {
    progress?.bytes(file, reply.end, size);
    for (const item of reply.items) {
      if (item.kind === 'error') {
        yield { kind: 'error', error: { input: file, line: item.line, message: item.message } };
      } else {
        item.result.row.row += rows;
        yield { kind: 'result', result: item.result };
      }
    }
    if (reply.unsentClearRows > 0) yield { kind: 'clear', count: reply.unsentClearRows };
    rows += reply.rows;
    rejected += reply.rejected;
  }
  if (rows === 0) throw new UserError(`${file}: has a header but no data rows`);
  yield { kind: 'input', input: { path: file, sha256: scan.sha256(), encoding, rows, rejected } };
}
