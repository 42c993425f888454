// Large JSON batches are split over worker threads, one per core: each parses the body text and evaluates
// its share, so a batch of 10,000 episodes uses both cores of a small machine. Small batches stay inline.
// NDJSON bodies come in groups of whole lines, which the workers take in turn. Diffs of two versions (seconds
// of work for the behavioural one) run in a worker too.
import { Worker } from 'node:worker_threads';
import type { EvaluateCaseOptions } from '../engine/api';
import type { BatchJob, BatchReply, DiffJob, LinesJob } from './batch-worker';
import type { MsgLang } from '../dsl/messages/render';

export type PoolAnswer = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'json'; message: string } | { ok: false; problem: 'not-array' } | { ok: false; problem: 'too-many'; count: number } | { ok: false; problem: 'lost'; message: string } | { ok: false; problem: 'diff'; code: string; message: string };

/** A worker's reply to a batch share or an NDJSON group, without the job's id. */
function poolAnswer(r: BatchReply): PoolAnswer {
  if (!r.ok) {
    const { id: _id, ...rest } = r;
    return rest as PoolAnswer;
  }
  return { ok: true, bytes: (r as Extract<BatchReply, { bytes: Uint8Array }>).bytes };
}

export class BatchPool {
  private workers: Worker[] = [];
  /** the jobs posted and not answered: who answers them, and the worker they were posted to */
  private waiting = new Map<number, { done: (r: BatchReply) => void; worker: Worker }>();
  private nextId = 0;
  private nextBatch = 0;
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
      const job = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      job?.done(r);
    });
    // A worker that fails or exits fails the jobs it was given (not those of the worker that replaces it,
    // which the next job starts; its 'error' and 'exit' may come apart).
    const lost = (why: string) => {
      if (this.workers[i] === w) delete this.workers[i];
      for (const [id, job] of [...this.waiting]) {
        if (job.worker !== w) continue;
        this.waiting.delete(id);
        job.done({ id, ok: false, problem: 'lost', message: `worker stopped: ${why}` });
      }
    };
    w.on('error', (e: Error) => lost(e.message));
    w.on('exit', (code) => lost(`exit ${code}`));
    this.workers[i] = w;
    return w;
  }

  /**
   * Evaluates a JSON array (as text) over all workers, in `sharesPerWorker` shares each, which come back in order
   * of the array: the first can be sent while the others are evaluated. Each answer is one share's answers as
   * JSON (comma-separated, no brackets; empty for none), or why there are none (all shares agree on that, as
   * every worker parses the same text). `generation` tells the workers when to read the policies again.
   */
  run(text: string, generation: number, max: number, options: EvaluateCaseOptions, sharesPerWorker = 1): Promise<PoolAnswer>[] {
    const parts = this.size * sharesPerWorker;
    const batch = this.nextBatch++;
    return Array.from({ length: parts }, (_, part) => {
      const w = part % this.size;
      return new Promise<BatchReply>((resolve) => {
        const id = this.nextId++;
        const worker = this.worker(w);
        this.waiting.set(id, { done: resolve, worker });
        const first = part < this.size;
        const last = part + this.size >= parts;
        worker.postMessage({ type: 'batch', id, generation, batch, ...(first ? { text } : {}), part, parts, last, max, options } satisfies BatchJob);
      }).then(poolAnswer);
    });
  }

  /**
   * The NDJSON answers to a group of lines of an NDJSON body (`groupAnswers` in a worker, in UTF-8); the workers
   * take turns. The group's bytes are handed over, not copied: the caller must not use them again.
   */
  lines(group: { first: number; bytes: Uint8Array }, generation: number, options: EvaluateCaseOptions): Promise<PoolAnswer> {
    const id = this.nextId++;
    const worker = this.worker(this.turn++ % this.size);
    return new Promise<BatchReply>((resolve) => {
      this.waiting.set(id, { done: resolve, worker });
      worker.postMessage({ type: 'lines', id, generation, first: group.first, bytes: group.bytes, options } satisfies LinesJob, [group.bytes.buffer as ArrayBuffer]);
    }).then(poolAnswer);
  }

  /** Both diffs of two versions, as JSON text, computed in one worker. */
  async diff(agreement: string, from: string, to: string, behaviour: boolean, generation: number, lang: MsgLang = 'sv'): Promise<Exclude<BatchReply, { bytes: Uint8Array }>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const worker = this.worker(this.turn++ % this.size);
      this.waiting.set(id, { done: resolve as (r: BatchReply) => void, worker });
      worker.postMessage({ type: 'diff', id, generation, agreement, from, to, behaviour, lang } satisfies DiffJob);
    });
  }

  /** Starts the workers (they take a moment to load the engine) without waiting for them. */
  warm(generation: number): void {
    for (const share of this.run('[]', generation, 1, {})) void share.catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.filter(Boolean).map((w) => w.terminate()));
    this.workers = [];
  }
}
