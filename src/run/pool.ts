/**
 * Screens a file's chunks on `threads` screening threads and yields the replies in input order: worker threads, and
 * this thread, which screens a waiting chunk itself whenever it would otherwise wait for a worker's reply (one V8 heap
 * fewer than a worker per thread, and no thread idle). Each worker is sent its next chunk before it finishes the one in
 * hand, so it does not wait while this thread screens. At most a few chunks per thread are in flight, so memory stays
 * bounded however large the file. A worker that dies (out of memory on a huge record) fails only its own chunks, and is
 * replaced.
 */
import { Worker } from 'node:worker_threads';
import type { ChunkDone, ChunkJob, ChunkReply, WorkerSetup } from './jobs.js';

interface Slot {
  worker: Worker;
  /** Sent and not yet answered, in the order sent (a worker answers in that order). */
  jobs: ChunkJob[];
}

/** Chunks a worker holds at once: the one it screens and the next. */
const SENT_AHEAD = 2;

export class ScreeningPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, (reply: ChunkReply) => void>();
  private readonly queue: ChunkJob[] = [];
  private closed = false;
  /** Workers started in place of dead ones; past a few, the pool shrinks instead. */
  private restarts = 0;

  /**
   * @param threads screening threads, this one included (at least 2)
   * @param screenHere screens a chunk in this thread
   */
  constructor(
    readonly threads: number,
    private readonly setup: WorkerSetup,
    private readonly screenHere: (job: ChunkJob) => ChunkDone,
  ) {
    for (let i = 1; i < threads; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: this.setup,
      // the environment can lower the heap limit, so tests can run a worker out of memory; a worker's chunks are small
      // enough that a young generation of 12 MB costs no measurable time and keeps two threads near 295 MB at 1M rows
      resourceLimits: { maxOldGenerationSizeMb: Number(process.env.DUALSCREEN_WORKER_HEAP_MB) || 128, maxYoungGenerationSizeMb: 12 },
    });
    const slot: Slot = { worker, jobs: [] };
    worker.on('message', (reply: ChunkReply) => {
      slot.jobs.shift();
      this.reply(reply);
    });
    const fail = (why: string): void => {
      const lost = slot.jobs.splice(0);
      const at = this.slots.indexOf(slot);
      if (at !== -1 && !this.closed) {
        if (this.restarts++ < 4 * this.slots.length) this.slots[at] = this.start();
        else this.slots.splice(at, 1);
      }
      for (const job of lost) this.reply({ index: job.index, failure: why });
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
    for (let round = 0; round < SENT_AHEAD; round++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.jobs.length > round) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.worker.postMessage(job);
      }
    }
  }

  /** The reply to a job, screening queued jobs here until it comes (with no worker left, every job is screened here). */
  private async replyTo(next: { job: ChunkJob; reply: Promise<ChunkReply> }): Promise<ChunkReply> {
    let answered = false;
    void next.reply.then(() => (answered = true));
    // let replies that have arrived be taken first
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (!answered && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.reply(this.screenHere(job));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return next.reply;
  }

  /** Runs the jobs a few at a time and yields each with its reply, in job order. */
  async *run(jobs: AsyncIterable<ChunkJob>): AsyncGenerator<{ job: ChunkJob; reply: ChunkReply }> {
    const pending: { job: ChunkJob; reply: Promise<ChunkReply> }[] = [];
    // enough for every worker's chunks in hand and ahead, one here, and one waiting
    const window = SENT_AHEAD * this.slots.length + 2;
    for await (const job of jobs) {
      pending.push({ job, reply: new Promise<ChunkReply>((resolve) => this.waiting.set(job.index, resolve)) });
      this.queue.push(job);
      this.dispatch();
      if (pending.length >= window) {
        const next = pending.shift()!;
        yield { job: next.job, reply: await this.replyTo(next) };
      }
    }
    for (const next of pending) yield { job: next.job, reply: await this.replyTo(next) };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
