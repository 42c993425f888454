// Main-thread side of the language worker: request/response correlation by id, debounced analysis
// for keystrokes, and dropping stale analysis answers (only the newest text's result reaches the UI).
import { WORKER_NAME } from './first-text';
import type { AnalyseResult, RequestKind, RequestMap, UiLang, WorkerRequest, WorkerResponse } from './protocol';

export interface LanguageClientOptions {
  /** Debounce for `schedule()` in ms. */
  debounceMs?: number;
  /** Called with the analysis of the newest text only. */
  onAnalysis: (result: AnalyseResult, info: { id: number; roundTripMs: number; workerMs: number }) => void;
  /** Called if the worker fails to load or throws at top level. */
  onError?: (message: string) => void;
}

/** Starts the language worker; `name` may carry what it needs to fetch the first text itself (first-text.ts). */
export function startLanguageWorker(name = WORKER_NAME): Worker {
  // Standard module-worker syntax; Vite bundles the worker and the ../../dsl, ../../engine it imports
  // into their own chunk. Needs `worker.format: 'es'`.
  return new Worker(new URL('./language-worker.ts', import.meta.url), { type: 'module', name });
}

interface Pending {
  kind: RequestKind;
  sentAt: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class LanguageClient {
  private nextId = 1;
  private latestAnalyseId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly worker: Worker,
    private readonly options: LanguageClientOptions,
  ) {
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => this.onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      options.onError?.(event.message || 'worker error');
    });
    worker.addEventListener('messageerror', () => options.onError?.('worker messageerror'));
  }

  /** Any request to the worker. */
  request<K extends RequestKind>(kind: K, params: RequestMap[K]['params']): Promise<RequestMap[K]['result']> {
    const id = this.nextId++;
    if (kind === 'analyse') this.latestAnalyseId = id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { kind, sentAt: performance.now(), resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, kind, ...params } as WorkerRequest);
    });
  }

  /** Analyse now; resolves with this request's result. */
  analyse(text: string, ui: UiLang): Promise<AnalyseResult> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    return this.request('analyse', { text, ui });
  }

  /** Debounced analyse, for keystrokes. */
  schedule(getText: () => string, ui: () => UiLang): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.analyse(getText(), ui());
    }, this.options.debounceMs ?? 150);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.worker.terminate();
    this.pending.clear();
  }

  private onMessage(response: WorkerResponse): void {
    const entry = this.pending.get(response.id);
    if (!entry) return;
    this.pending.delete(response.id);
    if (!response.ok) {
      entry.reject(new Error(response.error));
      if (entry.kind === 'analyse') this.options.onError?.(response.error);
      return;
    }
    entry.resolve(response.result);
    // Only the newest analysis updates the UI; older answers are stale.
    if (entry.kind === 'analyse' && response.id === this.latestAnalyseId) {
      this.options.onAnalysis(response.result as AnalyseResult, { id: response.id, roundTripMs: performance.now() - entry.sentAt, workerMs: response.ms });
    }
  }
}
