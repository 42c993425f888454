// The text the page opens first, found the same way on the page (boot.ts) and in the language worker
// (worker-prefetch.ts): the agreement and version the link names (else Värmland, its newest published
// version), read from the server. No DOM: it runs in the worker too.
import type { AgreementInfo, VersionInfo } from './api';

/** The agreement named (else the first), and the version named (else its newest published one). */
export function pickVersion(agreements: AgreementInfo[], agreementId: string, versionId?: string): { agreement: AgreementInfo; version: VersionInfo } | undefined {
  const agreement = agreements.find((a) => a.agreement === agreementId) ?? agreements[0];
  if (!agreement) return undefined;
  const published = agreement.versions.filter((v) => v.status === 'published');
  const version = agreement.versions.find((v) => v.version === versionId) ?? (published.length ? published : agreement.versions).at(-1);
  return version && { agreement, version };
}

/**
 * What the worker needs to fetch the first text itself, carried in the worker's name (the only thing a
 * module worker can read before the page has had time to post it a message): the page's base URL and the
 * link's agreement and version. `skip`: the browser keeps unsaved changes, so the page may open another text.
 */
export interface FirstTextHint {
  base: string;
  a?: string;
  v?: string;
  skip?: boolean;
}

export const WORKER_NAME = 'avtal-language';

export function workerName(hint: FirstTextHint): string {
  const p = new URLSearchParams({ base: hint.base });
  if (hint.a) p.set('a', hint.a);
  if (hint.v) p.set('v', hint.v);
  if (hint.skip) p.set('skip', '1');
  return `${WORKER_NAME}#${p.toString()}`;
}

export function hintFromName(name: string): FirstTextHint | undefined {
  const at = name.indexOf('#');
  if (at < 0) return undefined;
  const p = new URLSearchParams(name.slice(at + 1));
  const base = p.get('base');
  return base ? { base, a: p.get('a') ?? undefined, v: p.get('v') ?? undefined, skip: p.get('skip') === '1' } : undefined;
}

async function json<T>(url: URL): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${url.pathname}`);
  return (await res.json()) as T;
}

/** The first text from the server, or undefined (no server, or nothing to open). */
export async function fetchFirstText(hint: FirstTextHint): Promise<string | undefined> {
  try {
    const base = new URL(hint.base);
    const picked = pickVersion(await json<AgreementInfo[]>(new URL('api/agreements', base)), hint.a ?? 'varmland', hint.v);
    if (!picked) return undefined;
    const path = `api/agreements/${encodeURIComponent(picked.agreement.agreement)}/versions/${encodeURIComponent(picked.version.version)}`;
    return (await json<{ text: string }>(new URL(path, base))).text;
  } catch {
    return undefined;
  }
}
