// The server for browser tests: the real `npm start` app (server/app.ts) over a temporary copy of the
// policies, with editor/dist as its editor. The copy adds a draft version of Värmland with one number
// changed, so the version comparison has something to show. It has no batch worker threads: the editor
// sends no batches (diffs are then computed in the server's own thread), and threads loading the policies
// in the background would compete with the browser while the tests measure the page's load.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface AppServer {
  url: string;
  policiesDir: string;
  close: () => Promise<void>;
}

export const DRAFT_LABEL = 'forslag-2';

/** A temporary policies folder: Värmland, Kronoberg, Blekinge, Halland (whose payment is the law's) and the law, plus a Värmland draft with 2 grace days. */
export function makePoliciesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'avtal-e2e-'));
  for (const county of ['varmland', 'kronoberg', 'blekinge', 'halland', 'national']) {
    const src = join(repoRoot, 'policies', county);
    if (existsSync(src)) cpSync(src, join(dir, county), { recursive: true });
  }
  const original = readFileSync(join(dir, 'varmland/2019-01-01.avtal'), 'utf8');
  const draft = original
    .replace('version "2019-01-01" publicerad', `version "${DRAFT_LABEL}" utkast`)
    .replace('  frist 3 dagar\n', '  frist 2 dagar\n');
  writeFileSync(join(dir, `varmland/${DRAFT_LABEL}.draft.avtal`), draft);
  return dir;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address: ${String(address)}`);
  return `http://127.0.0.1:${address.port}/`;
}

export async function startAppServer(options: { token?: string } = {}): Promise<AppServer> {
  const policiesDir = makePoliciesDir();
  const editorDir = resolve(repoRoot, 'editor/dist');
  const cleanup = () => rmSync(policiesDir, { recursive: true, force: true });
  const { buildApp } = await import('../../server/app');
  const app = await buildApp({ policiesDir, token: options.token, editorDir, batchWorkers: 0 });
  const url = await listen(app);
  return { url, policiesDir, close: async () => { await app.close(); cleanup(); } };
}
