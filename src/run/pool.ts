/**
 * Screens a file's chunks on worker threads and yields their items in input order. At most
 * workers + 1 chunks are in flight, so memory stays bounded however large the file.
 */
import { Worker } from 'node:worker_threads';
import type { Chunk } from './chunks.js';
import type { ChunkJob, ChunkReply, WorkerSetup } from './jobs.js';

type Done = Extract<ChunkReply, { items: unknown }>;

export class ScreeningPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly waiting = new Map<number, (reply: ChunkReply) => void>();
  private readonly queue: ChunkJob[] = [];

  constructor(size: number, setup: WorkerSetup) {
    const url = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => new Worker(url, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 } }));
    this.idle = [...this.workers];
    for (const w of this.workers) {
      w.on('message', (reply: ChunkReply) => {
        this.idle.push(w);
        this.waiting.get(reply.index)?.(reply);
        this.waiting.delete(reply.index);
        this.dispatch();
      });
      w.on('error', (e) => {
        for (const [index, resolve] of this.waiting) resolve({ index, failure: e.stack ?? String(e) });
        this.waiting.clear();
      });
    }
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift()!);
  }

  /** Runs jobs built from the chunks, a few at a time, and yields the replies in chunk order. */
  async *run(chunks: AsyncIterable<Chunk>, job: (c: Chunk) => ChunkJob): AsyncGenerator<Done> {
    const pending: Promise<ChunkReply>[] = [];
    const submit = (j: ChunkJob): void => {
      pending.push(new Promise<ChunkReply>((resolve) => this.waiting.set(j.index, resolve)));
      this.queue.push(j);
      this.dispatch();
    };
    const take = async (): Promise<Done> => {
      const reply = await pending.shift()!;
      if ('failure' in reply) throw new Error(`screening worker failed on chunk ${reply.index}: ${reply.failure}`);
      return reply;
    };
    const window = this.workers.length + 1;
    for await (const chunk of chunks) {
      submit(job(chunk));
      if (pending.length >= window) yield await take();
    }
    while (pending.length > 0) yield await take();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
