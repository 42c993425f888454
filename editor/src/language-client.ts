// Main-thread side of the language worker: request/response correlation by id,
// debouncing, and dropping stale answers.
import type { AnalyseRequest, AnalyseResponse, Diagnostic } from './protocol';

export interface LanguageClientOptions {
  /** Debounce for `schedule()` in ms. */
  debounceMs?: number;
  /** Called with the diagnostics of the newest request only. */
  onDiagnostics: (diagnostics: Diagnostic[], info: { id: number; roundTripMs: number }) => void;
  /** Called if the worker fails to load or throws at top level. */
  onError?: (message: string) => void;
}

export function startLanguageWorker(): Worker {
  // Standard module-worker syntax; Vite bundles the worker (and anything it
  // imports, e.g. ../dsl later) into its own chunk. Needs `worker.format: 'es'`.
  return new Worker(new URL('./language-worker.ts', import.meta.url), {
    type: 'module',
    name: 'avtal-language',
  });
}

export class LanguageClient {
  private nextId = 1;
  private latestId = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, { sentAt: number; resolve: (d: Diagnostic[]) => void }>();

  constructor(
    private readonly worker: Worker,
    private readonly options: LanguageClientOptions,
  ) {
    worker.addEventListener('message', (event: MessageEvent<AnalyseResponse>) => this.onMessage(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      options.onError?.(event.message || 'worker error');
    });
    worker.addEventListener('messageerror', () => options.onError?.('worker messageerror'));
  }

  /** Analyse now; resolves with this request's diagnostics. */
  analyse(text: string): Promise<Diagnostic[]> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const id = this.nextId++;
    this.latestId = id;
    return new Promise((resolve) => {
      this.pending.set(id, { sentAt: performance.now(), resolve });
      const request: AnalyseRequest = { id, text };
      this.worker.postMessage(request);
    });
  }

  /** Debounced analyse, for keystrokes. */
  schedule(getText: () => string): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.analyse(getText());
    }, this.options.debounceMs ?? 150);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.worker.terminate();
    this.pending.clear();
  }

  private onMessage(response: AnalyseResponse): void {
    const entry = this.pending.get(response.id);
    if (!entry) return;
    this.pending.delete(response.id);
    entry.resolve(response.diagnostics);
    // Only the newest request updates the UI; older answers are stale.
    if (response.id === this.latestId) {
      this.options.onDiagnostics(response.diagnostics, {
        id: response.id,
        roundTripMs: performance.now() - entry.sentAt,
      });
    }
  }
}
