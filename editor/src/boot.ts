// The page's entry. Monaco is about 3.5 MB of script that takes the main thread most of a second to fetch,
// compile and run; this small module first starts everything that does not need it, so that it runs on the
// worker's core meanwhile: the language worker (it loads the parser, checker and compiler), the server's
// agreements, the text the page opens and that text's first analysis. Then it loads the editor (main.ts),
// which picks these up.
import './style.css';
import { api, OFFLINE_AGREEMENTS, OFFLINE_TEXTS, type AgreementInfo, type Status, type VersionInfo } from './api';
import { unsavedChanges } from './drafts';
import { readHash } from './hash';
import { pickVersion, workerName } from './first-text';
import { LanguageClient, type LanguageClientOptions, startLanguageWorker } from './language-client';

performance.mark('avtal:start');

/** main.ts's handlers of the worker's answers. A worker error before main.ts has loaded is kept for it. */
export const listeners: Pick<LanguageClientOptions, 'onAnalysis' | 'onError'> & { earlyError?: string } = {
  onAnalysis: () => undefined,
  onError: (message) => {
    listeners.earlyError ??= message;
  },
};

/** Whether this browser keeps unsaved changes of some version (the page may then open them, not the server's text). */
function keepsUnsaved(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i)?.startsWith('avtal.unsaved.')) return true;
  } catch {
    /* storage may be unavailable */
  }
  return false;
}

// The worker is told (in its name) which text the link opens, and fetches it itself (worker-prefetch.ts).
const link = readHash();
const worker = startLanguageWorker(workerName({ base: new URL('./', location.href).href, a: link.get('a') ?? undefined, v: link.get('v') ?? undefined, skip: keepsUnsaved() }));
export const client = new LanguageClient(worker, {
  debounceMs: 120,
  onAnalysis: (result, info) => listeners.onAnalysis(result, info),
  onError: (message) => listeners.onError?.(message),
});

export interface Server {
  online: boolean;
  status?: Status;
  agreements: AgreementInfo[];
}

/** The server's status and agreements; without a server, the bundled agreement. */
export async function fetchAgreements(): Promise<Server> {
  try {
    const [status, agreements] = await Promise.all([api.status(), api.agreements()]);
    return { online: true, status, agreements };
  } catch {
    return { online: false, agreements: OFFLINE_AGREEMENTS };
  }
}

export { pickVersion };

/** A version's text, from the server or (offline) the bundle. */
export async function fetchText(online: boolean, agreement: AgreementInfo, version: VersionInfo): Promise<string> {
  if (!online) return OFFLINE_TEXTS[`${agreement.agreement}@${version.version}`] ?? '';
  return (await api.version(agreement.agreement, version.version)).text;
}

export const firstServer = fetchAgreements();

/** The version the page opens first (from the link, else Värmland), and its text, requested at once. */
export const firstOpen = firstServer.then((server) => {
  const hash = readHash();
  const picked = pickVersion(server.agreements, hash.get('a') ?? 'varmland', hash.get('v') ?? undefined);
  if (!picked) return undefined;
  const text = fetchText(server.online, picked.agreement, picked.version);
  // The worker parses, checks, compiles and runs the examples of the text now; main.ts's first analysis
  // of the same text, once Monaco has loaded, is then answered from the worker's cache.
  text.then(
    (t) => {
      performance.mark('avtal:text-fetched');
      void client.request('prepare', { text: unsavedChanges(picked.agreement.agreement, picked.version.version, t)?.text ?? t }).catch(() => undefined);
    },
    () => undefined,
  );
  return { ...picked, text };
});

// Monaco's chunks are requested at once. (They used to wait for the worker's script to run, up to 250 ms, so
// as not to slow its fetch while the worker's start was the longer path; since the worker fetches and analyses
// the first text by itself, Monaco is the longer path, and the wait only delayed it: 340 ms of the median in
// an A/B of cold loads, docs/performance.md.)
import('./main').catch((err: unknown) => {
  console.error('[avtal] the editor failed to load:', err);
  document.body.dataset.loadError = String(err);
});
