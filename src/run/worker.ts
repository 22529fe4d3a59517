/** A screening worker: screens the chunks it is sent and sends their rows back in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileRuleSet } from '../engine/compile.js';
import { loadRulePacksQuickly } from '../rules/cached.js';
import { screenChunk } from './chunk-screen.js';
import type { ChunkJob, ChunkReply, WorkerSetup } from './jobs.js';

const setup = workerData as WorkerSetup;
const ruleSet = compileRuleSet(await loadRulePacksQuickly(setup.rules), { partyThresholds: setup.partyThresholds });

parentPort!.on('message', (job: ChunkJob) => {
  try {
    parentPort!.postMessage(screenChunk(job, ruleSet, setup) satisfies ChunkReply);
  } catch (e) {
    parentPort!.postMessage({ index: job.index, failure: (e as Error).stack ?? String(e) } satisfies ChunkReply);
  }
});
