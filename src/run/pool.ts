/**
 * Screens a file's chunks on worker threads and yields the replies in input order. At most
 * workers + 1 chunks are in flight, so memory stays bounded however large the file. A worker that
 * dies (out of memory on a huge record) fails only its own chunk, and is replaced.
 */
import { Worker } from 'node:worker_threads';
import type { ChunkJob, ChunkReply, WorkerSetup } from './jobs.js';

interface Slot {
  worker: Worker;
  job: ChunkJob | undefined;
}

export class ScreeningPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, (reply: ChunkReply) => void>();
  private readonly queue: ChunkJob[] = [];
  private closed = false;
  /** Workers started in place of dead ones; past a few, the pool shrinks instead. */
  private restarts = 0;

  constructor(
    readonly size: number,
    private readonly setup: WorkerSetup,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: this.setup,
      // the environment can lower the heap limit, so tests can run a worker out of memory
      resourceLimits: { maxOldGenerationSizeMb: Number(process.env.DUALSCREEN_WORKER_HEAP_MB) || 128, maxYoungGenerationSizeMb: 24 },
    });
    const slot: Slot = { worker, job: undefined };
    worker.on('message', (reply: ChunkReply) => {
      slot.job = undefined;
      this.reply(reply);
    });
    const fail = (why: string): void => {
      const job = slot.job;
      slot.job = undefined;
      const at = this.slots.indexOf(slot);
      if (at !== -1 && !this.closed) {
        if (this.restarts++ < 4 * this.size) this.slots[at] = this.start();
        else this.slots.splice(at, 1);
      }
      if (job) this.reply({ index: job.index, failure: why });
      // no worker left: the queued chunks are screened in the main thread
      if (this.slots.length === 0) for (const queued of this.queue.splice(0)) this.reply({ index: queued.index, failure: 'no screening worker left' });
    };
    worker.on('error', (e) => fail(e.stack ?? String(e)));
    worker.on('exit', (code) => fail(`the worker exited with code ${code}`));
    return slot;
  }

  private reply(reply: ChunkReply): void {
    this.waiting.get(reply.index)?.(reply);
    this.waiting.delete(reply.index);
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job) continue;
      slot.job = this.queue.shift()!;
      slot.worker.postMessage(slot.job);
    }
  }

  /** Runs the jobs a few at a time and yields each with its reply, in job order. */
  async *run(jobs: AsyncIterable<ChunkJob>): AsyncGenerator<{ job: ChunkJob; reply: ChunkReply }> {
    const pending: { job: ChunkJob; reply: Promise<ChunkReply> }[] = [];
    const window = this.size + 1;
    for await (const job of jobs) {
      pending.push({ job, reply: new Promise<ChunkReply>((resolve) => this.waiting.set(job.index, resolve)) });
      this.queue.push(job);
      this.dispatch();
      if (pending.length >= window) {
        const next = pending.shift()!;
        yield { job: next.job, reply: await next.reply };
      }
    }
    for (const next of pending) yield { job: next.job, reply: await next.reply };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
