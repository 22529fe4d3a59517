/** A screening worker: reads one chunk of a manifest, screens its rows, sends them back in order. */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { screen } from '../engine/screen.js';
import { ICONV_NAME } from '../manifest/encoding.js';
import { normaliseNewlines } from '../manifest/newlines.js';
import { RecordConverter, type ManifestEvent } from '../manifest/records.js';
import { compileRuleSet } from '../rules/compile.js';
import { loadRulePacks } from '../rules/load.js';
import type { ChunkItem, ChunkJob, ChunkReply, WorkerSetup } from './jobs.js';

const setup = workerData as WorkerSetup;
const ruleSet = compileRuleSet(loadRulePacks(setup.rules), { partyThresholds: setup.partyThresholds });

function readRange(path: string, start: number, end: number): Buffer {
  const buf = Buffer.alloc(end - start);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < buf.length) {
      const n = readSync(fd, buf, done, buf.length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

function screenChunk(job: ChunkJob): ChunkReply {
  const bytes = readRange(job.path, job.start, job.end);
  // a chunk holds whole records, so Node's own UTF-8 decoder can take it in one piece
  const text = normaliseNewlines(job.encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, ICONV_NAME[job.encoding]));
  const converter = new RecordConverter(job.path, setup.hsScheme, setup.map, job.header, job.lineOffset, job.encoding);
  const items: ChunkItem[] = [];
  let unsentClearRows = 0;
  const take = (event: ManifestEvent): void => {
    if (event.kind === 'error') {
      items.push({ kind: 'error', line: event.line, message: event.message });
      return;
    }
    const result = screen(event.row, ruleSet, { asOf: setup.asOf });
    // workers run only for reports that never show clear rows (see commands/screen.ts)
    if (result.verdict === 'clear') unsentClearRows++;
    else items.push({ kind: 'result', result });
  };
  converter.readBlock(text, job.delimiter, take);
  return { index: job.index, end: job.end, items, rows: converter.rows, rejected: converter.rejected, unsentClearRows };
}

parentPort!.on('message', (job: ChunkJob) => {
  try {
    parentPort!.postMessage(screenChunk(job));
  } catch (e) {
    parentPort!.postMessage({ index: job.index, failure: (e as Error).stack ?? String(e) } satisfies ChunkReply);
  }
});
