// The HTTP API served by `npm start` (server/). The editor also works without it: it then opens the
// bundled Värmland agreement, and versions and saving say they need the server.
import bundledVarmland from '../../policies/varmland/2019-01-01.avtal?raw';

import type { VersionInfo } from '../../engine/evaluator/result';
import type { BehaviouralDiff } from '../../engine/versions/behavioural-diff';
import type { SemanticDiff } from '../../engine/versions/semantic-diff';

export type { VersionInfo };

export interface AgreementInfo {
  agreement: string;
  title?: string;
  county?: string;
  versions: VersionInfo[];
}

export interface Status {
  writable: boolean;
  policiesDir?: string;
  version?: string;
}

export interface VersionText {
  info: VersionInfo;
  text: string;
}

export interface ApiError {
  status: number;
  code: string;
  message: string;
  errors?: unknown[];
}

const base = new URL('./', location.href);

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, base), { headers: { accept: 'application/json' } });
  if (!res.ok) throw await apiError(res);
  return (await res.json()) as T;
}

async function apiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; errors?: unknown[] } };
    return { status: res.status, code: body.error?.code ?? String(res.status), message: body.error?.message ?? res.statusText, errors: body.error?.errors };
  } catch {
    return { status: res.status, code: String(res.status), message: res.statusText };
  }
}

export const api = {
  status: () => getJson<Status>('api/status'),
  agreements: () => getJson<AgreementInfo[]>('api/agreements'),
  version: (agreement: string, version: string) => getJson<VersionText>(`api/agreements/${encodeURIComponent(agreement)}/versions/${encodeURIComponent(version)}`),
  diff: (agreement: string, from: string, to: string, lang: 'sv' | 'en' = 'sv') =>
    getJson<{ semantic: SemanticDiff; behavioural: BehaviouralDiff | null }>(`api/diff?agreement=${encodeURIComponent(agreement)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&lang=${lang}`),
  async saveDraft(agreement: string, version: string, text: string, token: string): Promise<{ ok: true; body: unknown } | { ok: false; error: ApiError }> {
    const res = await fetch(new URL(`api/agreements/${encodeURIComponent(agreement)}/drafts`, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ version, text }),
    });
    if (res.ok) return { ok: true, body: await res.json().catch(() => ({})) };
    return { ok: false, error: await apiError(res) };
  },
  /** Updates an unpublished draft; `baseHash` is the hash it was opened with (a 409 if it changed since). */
  async updateDraft(agreement: string, version: string, text: string, baseHash: string, token: string): Promise<{ ok: true; body: unknown } | { ok: false; error: ApiError }> {
    const res = await fetch(new URL(`api/agreements/${encodeURIComponent(agreement)}/drafts/${encodeURIComponent(version)}`, base), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text, baseHash }),
    });
    if (res.ok) return { ok: true, body: await res.json().catch(() => ({})) };
    return { ok: false, error: await apiError(res) };
  },
};

/** The agreement shown when no server answers. */
export const OFFLINE_AGREEMENTS: AgreementInfo[] = [
  {
    agreement: 'varmland', county: 'varmland', title: 'Överenskommelse om samverkan vid utskrivning från sluten hälso- och sjukvård i Värmland',
    versions: [{ agreement: 'varmland', version: '2019-01-01', status: 'published', validFrom: '2019-01-01', validTo: null, hash: 'bundled copy (no server)' }],
  },
];
export const OFFLINE_TEXTS: Record<string, string> = { 'varmland@2019-01-01': bundledVarmland };
