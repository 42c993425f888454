// The server for browser tests: the real `npm start` app (server/app.ts) over a temporary copy of the
// policies, with editor/dist as its editor. The copy adds a draft version of Värmland with one number
// changed, so the version comparison has something to show. When server/app.ts cannot be loaded, a small
// fake of the GET endpoints the editor reads stands in.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface AppServer {
  url: string;
  kind: 'real' | 'fake';
  policiesDir: string;
  close: () => Promise<void>;
}

export const DRAFT_LABEL = 'forslag-2';

/** A temporary policies folder: Värmland (and Kronoberg when it exists) plus a Värmland draft with 2 grace days. */
export function makePoliciesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'avtal-e2e-'));
  for (const county of ['varmland', 'kronoberg']) {
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

export async function startAppServer(options: { token?: string; preferFake?: boolean } = {}): Promise<AppServer> {
  const policiesDir = makePoliciesDir();
  const editorDir = resolve(repoRoot, 'editor/dist');
  const cleanup = () => rmSync(policiesDir, { recursive: true, force: true });
  if (!options.preferFake) {
    try {
      const { buildApp } = (await import('../../server/app')) as { buildApp: (o: { policiesDir: string; token?: string; editorDir?: string }) => Promise<FastifyInstance> };
      const app = await buildApp({ policiesDir, token: options.token, editorDir });
      const url = await listen(app);
      return { url, kind: 'real', policiesDir, close: async () => { await app.close(); cleanup(); } };
    } catch (err) {
      console.warn(`[e2e] server/app.ts unavailable (${err instanceof Error ? err.message : String(err)}); using the fake API`);
    }
  }
  const app = await fakeApi(policiesDir, editorDir);
  const url = await listen(app);
  return { url, kind: 'fake', policiesDir, close: async () => { await app.close(); cleanup(); } };
}

/** The two GET endpoints the editor reads (and status, diff), from the engine's own policy set. */
async function fakeApi(policiesDir: string, editorDir: string): Promise<FastifyInstance> {
  const { loadPolicySet } = await import('../../engine/registry/node');
  const set = loadPolicySet(policiesDir);
  const app = Fastify({ logger: false });
  app.get('/api/status', async () => ({ writable: false, policiesDir, version: 'fake' }));
  app.get('/api/agreements', async () => set.agreements().map((agreement) => ({ agreement, title: set.versionsOf(agreement)[0]?.info.title, county: set.versionsOf(agreement)[0]?.info.county, versions: set.versionsOf(agreement).map((v) => v.info) })));
  app.get<{ Params: { agreement: string; version: string } }>('/api/agreements/:agreement/versions/:version', async (req, reply) => {
    const v = set.versionsOf(req.params.agreement).find((x) => x.info.version === req.params.version);
    if (!v) return reply.code(404).send({ error: { code: 'AVT-H005', message: 'no such version' } });
    return { info: v.info, text: v.source.text, diagnostics: v.analysis.diagnostics, interpretations: [] };
  });
  app.get('/api/diff', async (_req, reply) => reply.code(404).send({ error: { code: 'AVT-H404', message: 'not in the fake' } }));
  await app.register(fastifyStatic, { root: editorDir, prefix: '/', index: ['index.html'] });
  return app;
}
