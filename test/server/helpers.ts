// Shared fixtures for the HTTP service tests: a temporary copy of the policies folder (tests never write
// into the repository's policies/), a case and a draft text built from the Värmland agreement.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type AppOptions } from '../../server/app';
import { checkedApp } from '../support/openapi-check';

export const repoPolicies = fileURLToPath(new URL('../../policies', import.meta.url));
export const varmlandText = readFileSync(join(repoPolicies, 'varmland/2019-01-01.avtal'), 'utf8');

export function tempPolicies(): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'avtal-server-'));
  const dir = join(root, 'policies');
  cpSync(repoPolicies, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The app, its every inject answer checked against the OpenAPI document (test/support/openapi-check.ts). */
export async function app(options: Partial<AppOptions> = {}) {
  return checkedApp(await buildApp({ policiesDir: repoPolicies, logger: false, batchWorkers: 0, ...options }));
}

/** Example 1 of the Värmland agreement: notice at 11:00 on Monday 2019-01-07, discharged 2019-01-14. */
export const episode = {
  id: 'ep-1',
  county: 'varmland',
  events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T11:00', discharged: '2019-01-14T10:00' },
  facts: { sip_needed: false },
};

/** The Värmland agreement as a draft with another version label. */
export function draftText(version: string, status = 'utkast'): string {
  return varmlandText.replace('version "2019-01-01" publicerad', `version "${version}" ${status}`);
}
