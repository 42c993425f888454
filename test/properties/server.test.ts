// Bad requests never make the service fail: random and malformed bodies, content types, query strings
// and path parameters get a 4xx with an error body (or a 2xx when they happen to be valid) — never a
// 5xx. Concurrent saves of drafts never leave a half-written, stray or lost file. Every app here
// works on a temporary copy of the policies folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { checkedApp } from '../support/openapi-check';
import { caseObject, notACase } from '../fuzz/cases';
import { anyPolicyText } from '../fuzz/broken-text';
import { runAsyncProperty, testTimeout } from '../fuzz/profile';

const TOKEN = 'fuzz-token-0123456789';
const POLICIES = join(import.meta.dirname, '..', '..', 'policies');

function tempPolicies(): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'avtal-fuzz-'));
  const dir = join(root, 'policies');
  cpSync(POLICIES, dir, { recursive: true });
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [relative(dir, full).split('\\').join('/')];
  });
}

// ---- requests -------------------------------------------------------------------------------------

const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** Bodies that are not JSON, or not the JSON the endpoint wants. */
const malformedBody: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  caseObject.map((c) => json(c).slice(0, -1)), // truncated
  fc.constantFrom('', '{', '[', '}', 'null', '""', '{"county": }', '{"__proto__": {"county": "varmland"}}', '{"constructor": {"prototype": {"x": 1}}}', '\uFEFF{}', '{"county": "varmland"}{"county": "varmland"}', '[]'.repeat(10_000), '['.repeat(5000) + ']'.repeat(5000)),
);

/** Bodies that are JSON: random values, plausible and corrupted cases, draft and months bodies. */
const jsonBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map(json),
  caseObject.map(json),
  notACase.map(json),
  fc.record({ version: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2019-01-01', 'x', '../x', 'a/b', '.', '..')), text: fc.oneof(anyPolicyText, fc.string({ maxLength: 20 })) }, { requiredKeys: [] }).map(json),
  fc.record({ county: fc.constantFrom('varmland', 'kronoberg', 'x'), averages: fc.jsonValue({ maxDepth: 2 }), episodes: fc.oneof(fc.array(caseObject, { maxLength: 3 }), fc.string({ maxLength: 40 })), format: fc.constantFrom('jsonl', 'csv', 'xml') }, { requiredKeys: [] }).map(json),
  fc.array(caseObject, { maxLength: 4 }).map((cs) => cs.map(json).join('\n')), // NDJSON
);

const contentType = fc.constantFrom<string | undefined>('application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'application/x-ndjson', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined);

const queryValue = fc.oneof(fc.constantFrom('true', 'false', '2019-01-07', '2019-02-30', '2019-01-01', '', 'x'), fc.string({ maxLength: 12 }));
const query = fc.dictionary(fc.constantFrom('explain', 'on', 'version', 'agreement', 'from', 'to', 'behaviour', 'x'), queryValue, { maxKeys: 3 })
  .map((q) => { const s = new URLSearchParams(q).toString(); return s ? `?${s}` : ''; });
const segment = fc.oneof(fc.constantFrom('varmland', 'halland', '2019-01-01', '2026-proposal', '..', '%E0%A4%A', '%00', 'x'.repeat(300)), fc.string({ maxLength: 20 }).map(encodeURIComponent));

interface Req { method: 'GET' | 'POST'; url: string; body?: string | Buffer; type?: string; auth?: string; malformed: boolean }

const request: fc.Arbitrary<Req> = fc.oneof(
  fc.record({
    url: fc.tuple(fc.constantFrom('/api/evaluate', '/api/evaluate/batch', '/api/months', '/api/agreements/varmland/drafts'), query).map(([p, q]) => p + q),
    malformed: fc.boolean(),
    type: contentType,
    auth: fc.constantFrom(`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, 'Bearer wrong', undefined),
  }).chain((r) => (r.malformed ? malformedBody : jsonBody).map((body): Req => ({ method: 'POST', url: r.url, body, type: r.type, auth: r.auth, malformed: r.malformed }))),
  fc.tuple(segment, segment).map(([a, v]): Req => ({ method: 'GET', url: `/api/agreements/${a}/versions/${v}`, malformed: false })),
  fc.tuple(segment, segment).map(([a, v]): Req => ({ method: 'POST', url: `/api/agreements/${a}/drafts`, body: json({ version: v, text: 'avtal x' }), type: 'application/json', auth: `Bearer ${TOKEN}`, malformed: false })),
  query.map((q): Req => ({ method: 'GET', url: `/api/diff${q}`, malformed: false })),
  fc.constantFrom<Req>({ method: 'GET', url: '/api/status', malformed: false }, { method: 'GET', url: '/api/agreements', malformed: false }, { method: 'GET', url: '/api/schema/case', malformed: false }, { method: 'GET', url: '/api/nope', malformed: false }),
);

const showReq = (r: Req) => JSON.stringify({ ...r, body: typeof r.body === 'string' ? r.body.slice(0, 1500) : r.body?.toString('base64').slice(0, 1500) });

// ---- properties -----------------------------------------------------------------------------------

describe('the HTTP service answers bad requests with 4xx and an error body, never 5xx', () => {
  let app: FastifyInstance;
  let remove: () => void;
  beforeAll(async () => {
    const t = tempPolicies();
    remove = t.remove;
    // every answer is also held to the OpenAPI document: a status or shape it does not describe fails
    app = checkedApp(await buildApp({ policiesDir: t.dir, token: TOKEN, logger: false, batchWorkers: 0 }));
  });
  afterAll(async () => {
    await app?.close();
    remove?.();
  });

  it('random and malformed requests to every endpoint', async () => {
    const statuses = new Map<number, number>();
    await runAsyncProperty('service: malformed requests', fc.asyncProperty(request, async (r) => {
      const headers: Record<string, string> = {};
      if (r.type) headers['content-type'] = r.type;
      if (r.auth) headers.authorization = r.auth;
      const res = await app.inject({ method: r.method, url: r.url, headers, ...(r.body !== undefined ? { payload: r.body } : {}) });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(500);
      if (res.statusCode >= 400) {
        const body = res.json();
        expect(typeof body.error?.code).toBe('string');
        expect(typeof body.error?.message).toBe('string');
      }
      // a body that is not JSON at all never gets a success from a JSON endpoint
      const isJson = (() => { try { JSON.parse(typeof r.body === 'string' ? r.body : r.body?.toString('utf8') ?? ''); return true; } catch { return false; } })();
      if (r.method === 'POST' && r.malformed && !isJson && !r.url.startsWith('/api/evaluate/batch')) expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }), { quick: 150, weight: 2, show: showReq });
    console.log(`[property] service: statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  }, testTimeout(2));
});

describe('concurrent saves never leave a half-written, stray or lost file', () => {
  // two apps on one folder: two server processes racing, as well as requests racing inside one
  let app: FastifyInstance;
  let other: FastifyInstance;
  let dir: string;
  let remove: () => void;
  let base: string;
  const saved = new Map<string, string>(); // file → text, every draft saved so far
  let run = 0;
  beforeAll(async () => {
    const t = tempPolicies();
    dir = t.dir;
    remove = t.remove;
    app = checkedApp(await buildApp({ policiesDir: dir, token: TOKEN, logger: false, batchWorkers: 0 }));
    other = checkedApp(await buildApp({ policiesDir: dir, token: TOKEN, logger: false, batchWorkers: 0 }));
    base = readFileSync(join(dir, 'varmland/2019-01-01.avtal'), 'utf8');
  });
  afterAll(async () => {
    await app?.close();
    await other?.close();
    remove?.();
  });

  const draft = (version: string, note: string) => base.replace(/version "2019-01-01" publicerad/, `version "${version}" utkast`) + `\n# ${note}\n`;

  it('racing saves of the same and different versions', async () => {
    const saves = fc.array(fc.record({ slot: fc.integer({ min: 0, max: 2 }), note: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }) }), { minLength: 2, maxLength: 5 });
    await runAsyncProperty('service: concurrent saves', fc.asyncProperty(saves, async (batch) => {
      run++;
      const jobs = batch.map((s, i) => ({ version: `fuzz-${run}-${s.slot}`, text: draft(`fuzz-${run}-${s.slot}`, `${i} ${s.note}`), app: i % 2 ? other : app }));
      const answers = await Promise.all(jobs.map((j) => j.app.inject({
        method: 'POST', url: '/api/agreements/varmland/drafts', headers: { authorization: `Bearer ${TOKEN}` }, payload: { version: j.version, text: j.text },
      })));
      for (const version of new Set(jobs.map((j) => j.version))) {
        const mine = jobs.map((j, i) => ({ ...j, status: answers[i].statusCode, body: answers[i].body })).filter((j) => j.version === version);
        for (const m of mine) expect([201, 409], m.body.slice(0, 300)).toContain(m.status);
        const winners = mine.filter((m) => m.status === 201);
        expect(winners).toHaveLength(1); // exactly one save of a version wins; the others are told 409
        const file = `varmland/${version}.draft.avtal`;
        expect(readFileSync(join(dir, file), 'utf8')).toBe(winners[0].text); // whole, and the winner's
        saved.set(file, winners[0].text);
        const served = await winners[0].app.inject(`/api/agreements/varmland/versions/${version}`);
        expect(served.statusCode).toBe(200);
        expect(served.json().text).toBe(winners[0].text);
      }
      // nothing saved earlier was lost or changed, and no temporary file is left behind
      for (const [file, text] of saved) expect(readFileSync(join(dir, file), 'utf8')).toBe(text);
      expect(filesBelow(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }), { quick: 4, show: (b: unknown) => JSON.stringify(b) });
  }, testTimeout());
});
