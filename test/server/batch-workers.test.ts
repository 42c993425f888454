// Large JSON batches go to worker threads: the answers equal the inline ones, in order, errors included,
// and the workers see a draft saved after they started.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episode as loadEpisode } from '../../bench/load-cases';
import type { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { loadLastGood } from '../../engine/registry/last-good';
import { BatchPool } from '../../server/batch-pool';
import { PolicyStore } from '../../server/policy-store';
import { evaluateRoutes } from '../../server/routes/evaluate';
import { app as makeApp, draftText, repoPolicies, tempPolicies } from './helpers';

const TOKEN = 'pool-token-0123456789';
let pooled: FastifyInstance;
let inline: FastifyInstance;
let temp: ReturnType<typeof tempPolicies>;
beforeAll(async () => {
  temp = tempPolicies();
  pooled = await makeApp({ policiesDir: temp.dir, batchWorkers: 2, token: TOKEN });
  inline = await makeApp({ policiesDir: temp.dir, batchWorkers: 0 });
}, 120_000);
afterAll(async () => {
  await pooled.close();
  await inline.close();
  temp.remove();
});

const cases = Array.from({ length: 2000 }, (_, i) => (i % 97 === 5 ? { county: 'atlantis' } : i % 101 === 7 ? { county: 'varmland', events: { admitted: 'soon' } } : loadEpisode(i)));
const batch = (app: FastifyInstance, payload: string, query = '') =>
  app.inject({ method: 'POST', url: `/api/evaluate/batch${query}`, payload, headers: { 'content-type': 'application/json' } });

describe('batches over worker threads', () => {
  it('answers like the inline path, in order', async () => {
    const body = JSON.stringify(cases);
    expect(body.length).toBeGreaterThan(256 * 1024);
    const [a, b] = [await batch(pooled, body, '?explain=false'), await batch(inline, body, '?explain=false')];
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    const results = a.json().results;
    expect(results).toHaveLength(2000);
    expect(results[5]).toMatchObject({ ok: false, status: 404 });
    expect(results[7]).toMatchObject({ ok: false, status: 400, error: { pointer: '/events/admitted' } });
    expect(results[1999].result.caseId).toBe('load-1999');
  }, 120_000);

  it('keeps batches in flight at the same time apart, each answered in order', async () => {
    const other = JSON.stringify(cases.map((c, i) => (i % 2 ? c : loadEpisode(i + 5000))).reverse());
    const body = JSON.stringify(cases);
    const [a, b] = await Promise.all([batch(pooled, body, '?explain=false'), batch(pooled, other, '?explain=false')]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    expect(a.body).toBe((await batch(inline, body, '?explain=false')).body);
    expect(b.body).toBe((await batch(inline, other, '?explain=false')).body);
  }, 120_000);

  it('400s invalid JSON and a non-array, 413s too many cases', async () => {
    const big = 'x'.repeat(300 * 1024);
    expect((await batch(pooled, `[{"id":"${big}"`)).json().error.code).toBe('AVT-H001');
    const obj = await batch(pooled, JSON.stringify({ id: big }));
    expect(obj.statusCode).toBe(400);
    expect(obj.json().error.code).toBe('AVT-H004');
    const many = await batch(pooled, '[' + Array(100_001).fill('{}').join(',') + ']');
    expect(many.statusCode).toBe(413);
    expect(many.json().error.code).toBe('AVT-H015');
  }, 60_000);

  it('answers NDJSON over the workers like the inline path: in order, bad lines in their place', async () => {
    // Over several groups of lines: bad JSON, a line too long and an unknown county fall in different groups.
    const body = cases.map((c, i) => (i === 300 ? 'not json' : i === 777 ? `{"id":"${'x'.repeat(1024 * 1024 + 1)}"}` : JSON.stringify(c))).join('\n') + '\n';
    const nd = (app: FastifyInstance, payload: string) =>
      app.inject({ method: 'POST', url: '/api/evaluate/batch?explain=false', payload, headers: { 'content-type': 'application/x-ndjson' } });
    const [a, b] = [await nd(pooled, body), await nd(inline, body)];
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    const out = a.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(cases.length);
    expect(out[300]).toMatchObject({ ok: false, line: 301, status: 400, error: { code: 'AVT-H001' } });
    expect(out[777]).toMatchObject({ ok: false, line: 778, status: 413, error: { code: 'AVT-H016' } });
    expect(out[5]).toMatchObject({ ok: false, status: 404 });
    expect(out[1999].result.caseId).toBe('load-1999');
    // Fewer lines than a group: answered inline, the same.
    const few = cases.slice(0, 10).map((c) => JSON.stringify(c)).join('\n');
    expect((await nd(pooled, few)).body).toBe((await nd(inline, few)).body);
  }, 120_000);

  it('computes a diff in a worker, the same as inline', async () => {
    const url = '/api/diff?agreement=varmland&from=2019-01-01&to=2019-01-01';
    const [a, b] = [await pooled.inject(url), await inline.inject(url)];
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
  }, 60_000);

  it('sees a draft saved after the workers started', async () => {
    const saved = await pooled.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload: { version: 'pool-draft', text: draftText('pool-draft') }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(saved.statusCode).toBe(201);
    const r = await batch(pooled, JSON.stringify(cases.slice(0, 1500)), '?explain=false&version=pool-draft');
    expect(r.statusCode).toBe(200);
    expect(r.json().results[0].result.version.version).toBe('pool-draft');
  }, 60_000);
});

/** The repository's policies, as a pool's workers receive them. */
const loaded = loadLastGood(repoPolicies);
const policiesNow = () => ({ generation: 0, sources: loaded.sources });

/** The pool's worker threads, by index (private: these tests stop them). */
const workersOf = (pool: BatchPool) => (pool as unknown as { workers: Worker[] }).workers;

describe('a batch worker that stops', () => {
  it('fails its own shares as lost, not the other worker\'s; the next batch gets a new worker', async () => {
    const pool = new BatchPool(policiesNow, 2);
    try {
      const body = JSON.stringify(cases);
      const first = pool.run(body, 0, 100_000, { explain: false }, 2);
      // Worker 0 takes shares 0 and 2, worker 1 shares 1 and 3. Stop worker 0 while they are in its queue.
      const workers = workersOf(pool);
      await workers[0].terminate();
      const answers = await Promise.all(first);
      expect(answers.map((a) => (a.ok ? 'ok' : a.problem))).toEqual(['lost', 'ok', 'lost', 'ok']);
      const share = (a: (typeof answers)[number]) => (a.ok ? (JSON.parse(`[${new TextDecoder().decode(a.bytes)}]`) as unknown[]).length : -1);
      expect(share(answers[1]) + share(answers[3])).toBe(cases.length / 2);

      const again = await Promise.all(pool.run(body, 0, 100_000, { explain: false }, 2));
      expect(again.every((a) => a.ok)).toBe(true);
      expect(again.reduce((n, a) => n + share(a), 0)).toBe(cases.length);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('an NDJSON answer whose worker stops is cut short, never ended as if whole', async () => {
    // The evaluate routes alone, over a pool this test holds.
    const pool = new BatchPool(policiesNow, 1);
    const app = Fastify();
    evaluateRoutes(app, new PolicyStore(repoPolicies), pool);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      const body = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
      const res = await fetch(`http://127.0.0.1:${port}/api/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      // The first answers have come; the next groups are in the worker's queue when it stops.
      await workersOf(pool)[0].terminate();
      let text = new TextDecoder().decode(first.value);
      const rest = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return text;
          text += new TextDecoder().decode(value);
        }
      })();
      // The answer ends with a line that says it is cut short (a 500 of ours), never as if whole.
      const lines = (await rest).split('\n').filter(Boolean);
      expect(lines.length).toBeLessThan(cases.length + 1);
      expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ ok: false, status: 500, incomplete: true, error: { code: 'AVT-H019', message: expect.stringMatching(/^internt fel \(en grupp NDJSON-rader förlorades: /) } });
    } finally {
      await app.close();
      await pool.close();
    }
  }, 120_000);

  it('a JSON batch answer whose worker stops is cut short: valid JSON that says it is incomplete, never ended as if whole', async () => {
    const pool = new BatchPool(policiesNow, 1);
    const app = Fastify();
    evaluateRoutes(app, new PolicyStore(repoPolicies), pool);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as { port: number };
      // With the explanation: four shares of seconds each, so the later ones are still in the worker's queue.
      const many = Array.from({ length: 8000 }, (_, i) => loadEpisode(i));
      const res = await fetch(`http://127.0.0.1:${port}/api/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(many) });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      await workersOf(pool)[0].terminate();
      let text = new TextDecoder().decode(first.value);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      const answer = JSON.parse(text);
      expect(answer).toMatchObject({ incomplete: true, error: { code: 'AVT-H019', message: expect.stringMatching(/^internt fel \(en del av batchen förlorades: /) } });
      expect(answer.results.length).toBeLessThan(many.length);
    } finally {
      await app.close();
      await pool.close();
    }
  }, 120_000);

  it('a stopped worker\'s late exit does not fail the jobs of the worker that replaced it', async () => {
    const pool = new BatchPool(policiesNow, 1);
    try {
      const body = JSON.stringify(cases);
      const workers = workersOf(pool);
      const first = pool.run(body, 0, 100_000, { explain: false });
      const old = workers[0];
      // A worker's 'error' and 'exit' come apart: the error fails its job and the next batch starts a new worker…
      old.emit('error', new Error('out of memory'));
      expect((await Promise.all(first)).map((a) => (a.ok ? 'ok' : a.problem))).toEqual(['lost']);
      const second = pool.run(body, 0, 100_000, { explain: false });
      expect(workers[0]).not.toBe(old);
      // …and the old one's exit, arriving now, is about the old one only.
      old.emit('exit', 1);
      expect((await Promise.all(second)).map((a) => (a.ok ? 'ok' : a.problem))).toEqual(['ok']);
      await old.terminate();
    } finally {
      await pool.close();
    }
  }, 120_000);
});
