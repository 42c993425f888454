// Large JSON batches are split over worker threads, one per core: each parses the body text and evaluates
// its share, so a batch of 10,000 episodes uses both cores of a small machine. Small batches stay inline.
// NDJSON bodies come in groups of whole lines, which the workers take in turn. Diffs of two versions (seconds
// of work for the behavioural one) and monthly ladders run in a worker of their own, one job at a time from a
// queue of their own (at a lower CPU priority where the system allows it), so they never stand in front of a
// batch's share in a batch worker's queue; a job still queued when its request's deadline has passed is
// dropped, never computed for nobody. Each worker holds a copy of the
// policy set in use, built from the sources the main thread loaded; it is sent again before the first job
// after the set changed.
import { Worker } from 'node:worker_threads';
import type { EvaluateCaseOptions } from '../engine/api';
import type { MonthsInput, MonthsOptions } from '../engine/monthly';
import type { PolicySource } from '../engine/registry/policy-set';
import type { BatchJob, BatchReply, DiffJob, LinesJob, MonthsJob, PoliciesJob } from './batch-worker';
import type { MsgLang } from '../dsl/messages/render';
import type { jsonProblem } from '../dsl/messages/json';
import { REQUEST_DEADLINE_MS } from './limits';

export type PoolAnswer = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'json'; detail: ReturnType<typeof jsonProblem> } | { ok: false; problem: 'not-array' } | { ok: false; problem: 'too-many'; count: number } | { ok: false; problem: 'lost'; message: string } | { ok: false; problem: 'diff'; code: string; message: string } | { ok: false; problem: 'too-large'; size: number };

/** The set in use, as the workers need it. */
export type PoliciesNow = () => { generation: number; sources: readonly PolicySource[] };

/** A worker's reply to a batch share or an NDJSON group, without the job's id. */
function poolAnswer(r: BatchReply): PoolAnswer {
  if (!r.ok) {
    const { id: _id, ...rest } = r;
    return rest as PoolAnswer;
  }
  return { ok: true, bytes: (r as Extract<BatchReply, { bytes: Uint8Array }>).bytes };
}

// Compiled (dist/, one folder below the root like server/): the worker's own entry beside this chunk;
// from the TypeScript sources (tests, tsx): a boot file that registers tsx first.
const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? new URL('./batch-worker-boot.mjs', import.meta.url) : new URL('./batch-worker.js', import.meta.url);

export class BatchPool {
  private workers: Worker[] = [];
  /** the jobs posted and not answered: who answers them, and the worker they were posted to */
  private waiting = new Map<number, { done: (r: BatchReply) => void; worker: Worker }>();
  private nextId = 0;
  private nextBatch = 0;
  private turn = 0;
  /** the generation of the set each worker holds */
  private held = new WeakMap<Worker, number>();
  private warmed = false;
  /** months and diffs waiting for the slow worker (index `size`), which takes one at a time */
  private slowQueue: { start: () => void; expires: number; late: () => void }[] = [];
  private slowBusy = false;
  readonly size: number;

  /** `deadlineMs`: how long a months or diff job may wait in its queue (the request has been answered 503 after that). */
  constructor(private policies: PoliciesNow, size: number, private readonly deadlineMs = REQUEST_DEADLINE_MS) {
    this.size = size;
  }

  /** Whether every worker has started and answered once (true at once without workers). */
  get warm(): boolean {
    return this.size === 0 || this.warmed;
  }

  private worker(i: number): Worker {
    const now = this.policies();
    let w = this.workers[i];
    if (w) {
      if (this.held.get(w) !== now.generation) {
        w.postMessage({ type: 'policies', generation: now.generation, sources: now.sources } satisfies PoliciesJob);
        this.held.set(w, now.generation);
      }
      return w;
    }
    w = new Worker(WORKER_ENTRY, { workerData: { generation: now.generation, sources: now.sources, slow: i === this.size } });
    this.held.set(w, now.generation);
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

  /**
   * A months or diff job for the slow worker: queued, posted when the worker is free; answered 'lost' without
   * being computed when it is still queued after the deadline (its request has had its 503 by then).
   */
  private slow(job: (id: number) => DiffJob | MonthsJob): Promise<BatchReply> {
    return new Promise<BatchReply>((resolve) => {
      const id = this.nextId++;
      const finish = (r: BatchReply) => {
        resolve(r);
        this.slowBusy = false;
        this.nextSlow();
      };
      this.slowQueue.push({
        expires: Date.now() + this.deadlineMs,
        late: () => resolve({ id, ok: false, problem: 'lost', message: 'not started before the request deadline' }),
        start: () => {
          const worker = this.worker(this.size);
          this.waiting.set(id, { done: finish, worker });
          worker.postMessage(job(id));
        },
      });
      this.nextSlow();
    });
  }

  private nextSlow(): void {
    while (!this.slowBusy && this.slowQueue.length > 0) {
      const next = this.slowQueue.shift()!;
      if (Date.now() > next.expires) {
        next.late();
        continue;
      }
      this.slowBusy = true;
      next.start();
    }
  }

  /** Both diffs of two versions, as JSON text, computed in the slow worker. */
  async diff(agreement: string, from: string, to: string, behaviour: boolean, generation: number, lang: MsgLang = 'sv'): Promise<Exclude<BatchReply, { bytes: Uint8Array }>> {
    return this.slow((id) => ({ type: 'diff', id, generation, agreement, from, to, behaviour, lang })) as Promise<Exclude<BatchReply, { bytes: Uint8Array }>>;
  }

  /** A monthly ladder of one version, as the JSON of the result with `extra` merged in; in the slow worker. */
  months(agreement: string, version: string, input: MonthsInput, options: MonthsOptions, extra: Record<string, unknown>, maxBytes?: number): Promise<PoolAnswer> {
    return this.slow((id) => ({ type: 'months', id, generation: 0, agreement, version, input, options, extra, maxBytes })).then(poolAnswer);
  }

  /** Starts the workers (they take a moment to load the engine); resolves once every one has answered. */
  async warmUp(generation: number): Promise<void> {
    if (this.size > 0) this.worker(this.size); // the slow worker starts loading too, unwaited for
    const answers = await Promise.all(this.run('[]', generation, 1, {}));
    this.warmed = answers.every((a) => a.ok);
  }

  /** Starts the workers without waiting for them. */
  warmInBackground(generation: number): void {
    void this.warmUp(generation).catch(() => undefined);
  }

  async close(): Promise<void> {
    for (const queued of this.slowQueue.splice(0)) queued.late();
    await Promise.all(this.workers.filter(Boolean).map((w) => w.terminate()));
    this.workers = [];
  }
}
