// Large JSON batches are split over worker threads, one per core: each parses the body text and evaluates
// its share, so a batch of 10,000 episodes uses both cores of a small machine. Small batches stay inline.
// Diffs of two versions (seconds of work for the behavioural one) run in a worker too.
import { Worker } from 'node:worker_threads';
import type { EvaluateCaseOptions } from '../engine/api';
import type { BatchJob, BatchReply, DiffJob } from './batch-worker';

export type PoolAnswer = { ok: true; count: number; parts: Uint8Array[] } | { ok: false; problem: 'json'; message: string } | { ok: false; problem: 'not-array' } | { ok: false; problem: 'too-many'; count: number } | { ok: false; problem: 'lost'; message: string } | { ok: false; problem: 'diff'; code: string; message: string };

export class BatchPool {
  private workers: Worker[] = [];
  private waiting = new Map<number, (r: BatchReply) => void>();
  private nextId = 0;
  private turn = 0;
  readonly size: number;

  constructor(private policiesDir: string, size: number) {
    this.size = size;
  }

  private worker(i: number): Worker {
    let w = this.workers[i];
    if (w) return w;
    w = new Worker(new URL('./batch-worker-boot.mjs', import.meta.url), { workerData: { policiesDir: this.policiesDir } });
    w.unref();
    w.on('message', (r: BatchReply) => {
      const done = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      done?.(r);
    });
    const lost = (why: string) => {
      if (this.workers[i] === w) delete this.workers[i];
      for (const [id, done] of [...this.waiting]) if (id % this.size === i) done({ id, ok: false, problem: 'lost', message: `worker stopped: ${why}` });
    };
    w.on('error', (e: Error) => lost(e.message));
    w.on('exit', (code) => lost(`exit ${code}`));
    this.workers[i] = w;
    return w;
  }

  /** Evaluates a JSON array (as text) over all workers; `generation` tells them when to reload the policies. */
  async run(text: string, generation: number, max: number, options: EvaluateCaseOptions): Promise<PoolAnswer> {
    const replies = await Promise.all(Array.from({ length: this.size }, (_, part) => new Promise<BatchReply>((resolve) => {
      let id = this.nextId++;
      id += (part - (id % this.size) + this.size) % this.size; // keep id % size === part, so a lost worker fails its own jobs
      this.nextId = id + 1;
      this.waiting.set(id, resolve);
      this.worker(part).postMessage({ type: 'batch', id, generation, text, part, parts: this.size, max, options } satisfies BatchJob);
    })));
    const bad = replies.find((r) => !r.ok);
    if (bad && !bad.ok) {
      const { id: _id, ...rest } = bad;
      return rest as PoolAnswer;
    }
    const ok = replies as Extract<BatchReply, { ok: true; bytes: Uint8Array }>[];
    return { ok: true, count: ok[0].count, parts: ok.map((r) => r.bytes).filter((b) => b.length > 0) };
  }

  /** Both diffs of two versions, as JSON text, computed in one worker. */
  async diff(agreement: string, from: string, to: string, behaviour: boolean, generation: number): Promise<Exclude<BatchReply, { bytes: Uint8Array }>> {
    const part = this.turn++ % this.size;
    let id = this.nextId++;
    id += (part - (id % this.size) + this.size) % this.size;
    this.nextId = id + 1;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve as (r: BatchReply) => void);
      this.worker(part).postMessage({ type: 'diff', id, generation, agreement, from, to, behaviour } satisfies DiffJob);
    });
  }

  /** Starts the workers (they take a moment to load the engine) without waiting for them. */
  warm(generation: number): void {
    void this.run('[]', generation, 1, {}).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.filter(Boolean).map((w) => w.terminate()));
    this.workers = [];
  }
}
