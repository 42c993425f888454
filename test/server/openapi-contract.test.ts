// The OpenAPI document is the contract: as strict as the service, every object described, an operationId and
// an example on every operation (each example valid against its schema), every bundled example's real answer
// valid against the result schema, and a client generated from it (openapi-typescript) that compiles with no
// `any`, `unknown` or empty-record types. (That every answer the HTTP tests receive conforms is checked by
// test/support/openapi-check.ts, through the helpers' app.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExamples } from '../../engine/examples/run-examples';
import { loadPolicySet } from '../../engine/registry/node';
import { OPENAPI, validatorAt } from '../support/openapi-check';
import { app as makeApp, repoPolicies, tempPolicies } from './helpers';

type Json = Record<string, unknown>;
const ROOT = join(import.meta.dirname, '..', '..');
const operations = Object.entries(OPENAPI.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op: op as Json })));
const enc = (s: string) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

/** Every subschema of a schema, with its JSON pointer. */
function* subschemas(node: unknown, ptr: string): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, x] of node.entries()) yield* subschemas(x, `${ptr}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const s = node as Json;
  yield [ptr, s];
  for (const k of ['items', 'additionalProperties', 'not']) if (s[k] && typeof s[k] === 'object') yield* subschemas(s[k], `${ptr}/${k}`);
  for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(s[k])) yield* subschemas(s[k], `${ptr}/${k}`);
  for (const k of ['properties', 'patternProperties']) if (s[k] && typeof s[k] === 'object') for (const [n, x] of Object.entries(s[k] as Json)) yield* subschemas(x, `${ptr}/${k}/${n}`);
}

/** Every schema the document holds: components, parameters, request bodies and responses. */
function* allSchemas(): Generator<[string, Json]> {
  for (const [name, s] of Object.entries((OPENAPI.components as { schemas: Json }).schemas)) yield* subschemas(s, `#/components/schemas/${name}`);
  for (const { path, method, op } of operations) {
    for (const p of (op.parameters ?? []) as Json[]) yield* subschemas(p.schema, `${method} ${path} parameter ${p.name}`);
    for (const [t, m] of Object.entries(((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>)) yield* subschemas(m.schema, `${method} ${path} body ${t}`);
    for (const [status, r] of Object.entries(op.responses as Record<string, Json>)) {
      for (const [t, m] of Object.entries((r.content ?? {}) as Record<string, Json>)) yield* subschemas(m.schema, `${method} ${path} ${status} ${t}`);
    }
  }
}

describe('the OpenAPI document', () => {
  it('describes every object: its properties, or the schema of its values', () => {
    const bare = [...allSchemas()].filter(([, s]) => (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'))) && !s.properties && !s.additionalProperties && !s.patternProperties);
    expect(bare.map(([p]) => p)).toEqual([]);
    // and no open object: additionalProperties: true (or absent beside properties) would leave a client `unknown`
    const open = [...allSchemas()].filter(([, s]) => s.properties && s.additionalProperties === undefined && s.type === 'object');
    expect(open.map(([p]) => p)).toEqual([]);
  });

  it('has an operationId, unique, and an example on every operation', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const withoutExample = operations.filter(({ op }) => !JSON.stringify(op).includes('"example"')).map(({ method, path }) => `${method} ${path}`);
    expect(withoutExample).toEqual([]);
  });

  it('every example is valid against its schema', () => {
    let checked = 0;
    for (const { path, method, op } of operations) {
      const base = `/paths/${enc(path)}/${method}`;
      ((op.parameters ?? []) as Json[]).forEach((p, i) => {
        if (p.example === undefined) return;
        const v = validatorAt(`${base}/parameters/${i}/schema`);
        expect(v(p.example) ? 'valid' : `${method} ${path} parameter ${p.name}: ${JSON.stringify(v.errors)}`).toBe('valid');
        checked++;
      });
      const media: [string, Json][] = [
        ...Object.entries(((op.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>).map(([t, m]) => [`${base}/requestBody/content/${enc(t)}`, m] as [string, Json]),
        ...Object.entries(op.responses as Record<string, Json>).flatMap(([status, r]) =>
          Object.entries((r.content ?? {}) as Record<string, Json>).map(([t, m]) => [`${base}/responses/${status}/content/${enc(t)}`, m] as [string, Json])),
      ];
      for (const [ptr, m] of media) {
        if (m.example === undefined) continue;
        const v = validatorAt(`${ptr}/schema`);
        expect(v(m.example) ? 'valid' : `${ptr}: ${JSON.stringify(v.errors)}`).toBe('valid');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(operations.length);
  });

  it('is as strict as the service: requests it refuses, the document refuses', () => {
    const months = validatorAt(`/paths/${enc('/api/months')}/post/requestBody/content/${enc('application/json')}/schema`);
    expect(months({})).toBe(false);
    expect(months({ county: 'kronoberg', averages: {}, episodes: [] })).toBe(false);
    expect(months({ county: 'kronoberg', averages: { Växjö: { '2025-01': 2.6 } } })).toBe(true);
    const evaluateOn = (OPENAPI.paths['/api/evaluate'].post.parameters as Json[]).findIndex((p) => p.name === 'on');
    const on = validatorAt(`/paths/${enc('/api/evaluate')}/post/parameters/${evaluateOn}/schema`);
    expect([on('2019-13-45'), on('2019-02-30'), on('2020-02-29')]).toEqual([false, false, true]);
    const label = (OPENAPI.paths['/api/agreements/{agreement}/versions/{version}'].get.parameters as Json[]).findIndex((p) => p.name === 'version');
    expect(validatorAt(`/paths/${enc('/api/agreements/{agreement}/versions/{version}')}/get/parameters/${label}/schema`)('x'.repeat(65))).toBe(false);
  });

  it('documents the statuses found undocumented before: each answer below passes the OpenAPI check', async () => {
    const t = tempPolicies();
    const app = await makeApp({ policiesDir: t.dir, token: 'contract-token-0123456789' });
    try {
      const auth = { authorization: 'Bearer contract-token-0123456789' };
      expect((await app.inject(`/api/agreements/varmland/versions/${'x'.repeat(65)}`)).statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/api/agreements/atlantis/drafts', headers: auth, payload: { version: 'x1', text: 'avtal atlantis' } })).statusCode).toBe(404);
      const big = await app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', headers: auth, payload: { version: 'x1', text: 'x'.repeat(1_200_000) } });
      expect(big.statusCode).toBe(413);
      expect((await app.inject({ method: 'POST', url: '/api/months', payload: {} })).statusCode).toBe(400);
      expect((await app.inject({ method: 'POST', url: '/api/evaluate?on=2019-13-45', payload: { county: 'varmland' } })).json().error).toMatchObject({ code: 'AVT-H004', in: 'querystring' });
      const draft400 = await app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', headers: auth, payload: { version: 'x2', text: 'avtal varmland\n  trasig' } });
      expect(draft400.statusCode).toBe(400);
      expect(draft400.json().error.errors[0]).toHaveProperty('range');
    } finally {
      await app.close();
      t.remove();
    }
  });

  it('is what the service serves at /openapi.json', async () => {
    const app = await makeApp();
    try {
      const r = await app.inject('/openapi.json');
      expect(r.statusCode).toBe(200);
      expect({ ...r.json(), info: { ...r.json().info, version: 'test' } }).toEqual(OPENAPI);
    } finally {
      await app.close();
    }
  });
});

describe('the result schema', () => {
  it("holds every bundled policy's worked examples: their real answers are valid EvaluationResults", () => {
    const set = loadPolicySet(repoPolicies);
    const valid = validatorAt('/components/schemas/EvaluationResult');
    let answers = 0;
    const computed = new Set<number>();
    for (const v of set.versions) {
      if (!v.compiled) continue;
      for (const ex of runExamples(v.compiled, v.info)) {
        if (!ex.result) continue;
        const answer = JSON.parse(JSON.stringify(ex.result));
        expect(valid(answer) ? 'valid' : `${v.source.file} ${ex.id}: ${JSON.stringify(valid.errors)}`).toBe('valid');
        computed.add(answer.computed.length);
        answers++;
      }
    }
    expect(answers).toBeGreaterThan(20);
    expect([...computed].some((n) => n > 0)).toBe(true); // computed dates are in the answers, and the schema
  });
});

describe('a client generated from the document', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'avtal-client-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no any, unknown or empty-record types, and compiles against the API', () => {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(OPENAPI));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), join(dir, 'openapi.json'), '--output', join(dir, 'api.d.ts')], { stdio: 'pipe' });
    const types = readFileSync(join(dir, 'api.d.ts'), 'utf8');
    // The types only: not the comments; not the open header map openapi-typescript gives every response (the
    // API documents no headers); not the document's empty sections (no webhooks, $defs or external files).
    const body = types
      .replace(/\/\*\*[\s\S]*?\*\//g, '')
      .replace(/headers: \{\s*\[name: string\]: unknown;\s*\};/g, '')
      .replace(/^export type (webhooks|\$defs|external) = Record<string, never>;$/gm, '');
    expect(body).toContain('EvaluationResult');
    expect(body.match(/.*\b(any|unknown)\b.*|.*Record<string, never>.*/g) ?? []).toEqual([]);
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], skipLibCheck: false, types: [] }, files: ['client.ts', 'api.d.ts'] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    let out = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
    } catch (e) {
      out = String((e as { stdout?: Buffer }).stdout ?? e);
    }
    expect(out).toBe('');
  });
});

/** A small client written against the generated types: it must compile as written. */
const CLIENT = `import type { components, paths } from './api';

type Result = components['schemas']['EvaluationResult'];
type EvaluateBody = paths['/api/evaluate']['post']['requestBody']['content']['application/json'];
type EvaluateOk = paths['/api/evaluate']['post']['responses'][200]['content']['application/json'];
type EvaluateError = paths['/api/evaluate']['post']['responses'][400]['content']['application/json'];
type MonthsBody = paths['/api/months']['post']['requestBody']['content']['application/json'];
type MonthsOk = paths['/api/months']['post']['responses'][200]['content']['application/json'];
type DiffOk = paths['/api/diff']['get']['responses'][200]['content']['application/json'];
type DiffQuery = paths['/api/diff']['get']['parameters']['query'];

export async function evaluate(body: EvaluateBody): Promise<Result> {
  const r = await fetch('/api/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) {
    const e = (await r.json()) as EvaluateError;
    throw new Error(e.error.code + ' ' + e.error.message + ' ' + (e.error.pointer ?? '') + ' ' + (e.error.in ?? ''));
  }
  return (await r.json()) as EvaluateOk;
}

export function firstPayableDays(r: Result): (string | null)[] {
  const dates: (string | null)[] = r.computed.map((c) => c.date);
  const steps: string[] = r.explanation.map((s) => s.rule + ': ' + s.text + ' ' + Object.keys(s.values).join(','));
  const cited: number = Object.values(r.citations).reduce((n, cs) => n + cs.length, 0);
  void steps; void cited;
  return [...r.payments.map((p) => p.firstPayableDay), ...dates];
}

export const episode: EvaluateBody = { county: 'varmland', events: { admitted: '2019-01-03T09:00' }, facts: { sip_needed: false } };
export const averages: MonthsBody = { county: 'kronoberg', averages: { Växjö: { '2025-01': 2.6 } } };

export function invoiced(m: MonthsOk): number {
  const months: string[] = m.municipalities.flatMap((x) => x.months.filter((mo) => mo.invoiced).map((mo) => mo.month));
  return months.length + m.diagnostics.length + (m.version.validTo === null ? 0 : 1);
}

export function differing(d: DiffOk, q: DiffQuery): string {
  const changed: string[] = d.semantic.declarations.map((x) => x.kindLabel + ' ' + x.id);
  return q.agreement + ' ' + changed.join(', ') + ' ' + (d.behavioural ? d.behavioural.counterexamples.map((c) => c.text).join('; ') : 'no behaviour');
}
`;
