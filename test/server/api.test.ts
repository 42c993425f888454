// The HTTP API through Fastify's injection: reading agreements, evaluating, and every client error path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSchema } from '../../engine/case/schema';
import { evaluationResult, batchResponse, versionDetailResponse, agreementsResponse } from '../../server/schemas';
import { app as makeApp, episode } from './helpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(() => app.close());

const ajv = new Ajv({ strict: false });
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } });

describe('reading', () => {
  it('reports status', async () => {
    const r = await app.inject('/api/status');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ writable: false, version: expect.any(String), policiesDir: expect.stringMatching(/policies$/) });
  });

  it('lists agreements with their versions', async () => {
    const r = await app.inject('/api/agreements');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(ajv.validate(agreementsResponse, body)).toBe(true);
    const v = body.find((a: { agreement: string }) => a.agreement === 'varmland');
    expect(v.county).toBe('varmland');
    expect(v.versions[0]).toMatchObject({ version: '2019-01-01', status: 'published', validFrom: '2019-01-01', hash: expect.stringMatching(/^sha256:/) });
  });

  it('gives one version with its text, diagnostics and interpretations', async () => {
    const r = await app.inject('/api/agreements/varmland/versions/2019-01-01');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(ajv.validate(versionDetailResponse, body)).toBe(true);
    expect(body.text).toContain('avtal varmland');
    expect(body.interpretations.map((i: { id: string }) => i.id)).toContain('kl_12_exakt');
    expect(body.interpretations[0].citations[0].heading).toBeTruthy();
  });

  it('404s an unknown agreement or version', async () => {
    expect((await app.inject('/api/agreements/nowhere/versions/1')).json().error.code).toBe('AVT-H013');
    const r = await app.inject('/api/agreements/varmland/versions/1999');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('AVT-H014');
  });

  it('404s an unknown route with the error shape', async () => {
    const r = await app.inject('/api/nothing');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('AVT-H005');
  });

  it('400s a URL that does not decode and an unknown query parameter', async () => {
    const r = await app.inject('/api/agreements/%E0%A4%A/versions/x');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('AVT-H004');
    const q = await post('/api/evaluate?colour=blue', episode);
    expect(q.statusCode).toBe(400);
    expect(q.json().error).toMatchObject({ code: 'AVT-H004', pointer: '/colour' });
  });

  it('serves the editor build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avtal-editor-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Avtal</title>');
    const withEditor = await makeApp({ editorDir: dir });
    try {
      const r = await withEditor.inject('/');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body).toContain('<title>Avtal</title>');
      expect((await withEditor.inject('/api/status')).statusCode).toBe(200);
    } finally {
      await withEditor.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the case schema', async () => {
    const r = await app.inject('/api/schema/case');
    expect(r.json()).toEqual(JSON.parse(JSON.stringify(caseSchema)));
  });

  it('serves an OpenAPI document naming every route', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/status', '/api/agreements', '/api/agreements/{agreement}/versions/{version}', '/api/evaluate', '/api/evaluate/batch', '/api/schema/case', '/api/agreements/{agreement}/drafts', '/api/months', '/api/diff']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.paths['/api/evaluate'].post.parameters.map((p: { name: string }) => p.name)).toEqual(['on', 'version', 'explain', 'lang']);
    expect(doc.components.schemas.Case.properties.county).toBeDefined();
    // Every schema in the document is one ajv can compile, and each $ref points at a component.
    const strict = new Ajv({ strict: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) strict.addSchema(schema as object, `#/components/schemas/${name}`);
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas[ref.split('/').pop()!.replace('"', '')], ref).toBeDefined();
  });
});

describe('POST /api/evaluate', () => {
  it('evaluates an episode, naming the version and hash, with the explanation', async () => {
    const r = await post('/api/evaluate', episode);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(ajv.validate(evaluationResult, body), JSON.stringify(ajv.errors)).toBe(true);
    expect(body.caseId).toBe('ep-1');
    expect(body.version).toMatchObject({ agreement: 'varmland', version: '2019-01-01', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const pay = body.payments[0];
    expect(pay).toMatchObject({ status: 'responsible', firstPayableDay: '2019-01-10', billableDays: 5, amount: 39000 });
    expect(body.explanation.length).toBeGreaterThan(0);
    // Every step's rule has its citations in the answer, once; the payment rule's source is section 7.
    for (const step of body.explanation) expect(body.citations[step.rule], step.rule).toBeDefined();
    expect(Object.keys(body.citations).sort()).toEqual([...new Set(body.explanation.map((s: { rule: string }) => s.rule))].sort());
    expect(body.citations[pay.id][0]).toMatchObject({ file: 'varmland-samverkan-2019', heading: '7. Ekonomisk reglering' });
  });

  it('leaves the explanation out with explain=false', async () => {
    const r = await post('/api/evaluate?explain=false', episode);
    expect(r.statusCode).toBe(200);
    expect(r.json().explanation).toEqual([]);
    expect(r.json().citations).toEqual({});
    expect(r.json().payments[0].firstPayableDay).toBe('2019-01-10');
  });

  it('400s a schema violation with a pointer to the field', async () => {
    const r = await post('/api/evaluate', { ...episode, events: { ...episode.events, teleported: '2019-01-01T00:00' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-E001', pointer: '/events/teleported', message: 'ogiltigt ärende: är inget känt fält (se `avtal schema` för händelsernas namn)' });
    const en = await post('/api/evaluate?lang=en', { ...episode, events: { ...episode.events, teleported: '2019-01-01T00:00' } });
    expect(en.json().error.message).toBe('invalid case: is not a known field (see `avtal schema` for the event names)');
  });

  it('400s a wrong type deep in the case', async () => {
    const r = await post('/api/evaluate', { ...episode, facts: { sip_needed: 'yes' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.pointer).toBe('/facts/sip_needed');
  });

  it('400s a missing county', async () => {
    const r = await post('/api/evaluate', { events: {} });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.pointer).toBe('/county');
  });

  it('400s invalid JSON', async () => {
    const r = await post('/api/evaluate', '{"county": "varmland",');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('AVT-H001');
  });

  it('400s an empty body', async () => {
    const r = await post('/api/evaluate', '');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('AVT-H001');
  });

  it('415s a wrong content type', async () => {
    const r = await post('/api/evaluate', 'county=varmland', { 'content-type': 'text/plain' });
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('AVT-H002');
    const nd = await post('/api/evaluate', JSON.stringify(episode), { 'content-type': 'application/x-ndjson' });
    expect(nd.statusCode).toBe(415);
  });

  it('400s an array where an object is expected', async () => {
    const r = await post('/api/evaluate', [episode]);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-E001', pointer: '' });
  });

  it('400s huge numbers', async () => {
    const r = await post('/api/evaluate', `{"county":"varmland","events":{"admitted":"2019-01-03T09:00"},"facts":{"age":1e400}}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.pointer).toBe('/facts/age');
    const big = await post('/api/evaluate', `{"county":"varmland","facts":{"age":123456789012345678901234567890}}`);
    expect(big.statusCode).toBe(400);
  });

  it('400s deep nesting', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const r = await post('/api/evaluate', `{"county":"varmland","facts":{"sip_needed":${deep}}}`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toMatch(/^AVT-(E001|H001)$/);
  });

  it('400s prototype poisoning', async () => {
    const r = await post('/api/evaluate', '{"county":"varmland","__proto__":{"x":1}}');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toMatch(/^AVT-H00[14]$/);
  });

  it('413s an oversized body', async () => {
    const r = await post('/api/evaluate', JSON.stringify({ county: 'varmland', id: 'x'.repeat(1024 * 1024 + 10) }));
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('AVT-H003');
  });

  it('404s an unknown county or agreement', async () => {
    const r = await post('/api/evaluate', { ...episode, county: 'atlantis' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error).toMatchObject({ code: 'AVT-E003', pointer: '/county' });
    const a = await post('/api/evaluate', { ...episode, agreement: 'atlantis' });
    expect(a.statusCode).toBe(404);
    expect(a.json().error).toMatchObject({ code: 'AVT-E011', pointer: '/agreement' });
  });

  it('422s a date with no version in force', async () => {
    const r = await post('/api/evaluate?on=1990-01-01', { ...episode, agreement: 'varmland' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('AVT-E004');
  });

  it('422s an impossible history, located, and answers a history of withdrawn and repeated notices', async () => {
    const r = await post('/api/evaluate', { county: 'varmland', events: { admitted: '2019-01-10T09:00', discharged: '2019-01-05T10:00' } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'AVT-E013', pointer: '/events/discharged', message: 'omöjlig historik: utskrivningen (lördag 5 januari 2019 kl. 10.00) kommer före inskrivningen (torsdag 10 januari 2019 kl. 09.00)' });
    const en = await post('/api/evaluate?lang=en', { county: 'varmland', events: { admitted: '2019-01-10T09:00', discharged: '2019-01-05T10:00' } });
    expect(en.json().error).toEqual({ code: 'AVT-E013', pointer: '/events/discharged', message: 'impossible history: discharged at 2019-01-05 10:00 comes before the admission at 2019-01-10 09:00' });
    const h = await post('/api/evaluate', {
      county: 'varmland', facts: { sip_needed: false },
      events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: ['2019-01-07T11:00', '2019-01-21T13:00'], ready_withdrawn: '2019-01-14T09:00', discharged: '2019-01-28T10:00' },
    });
    expect(h.statusCode).toBe(200);
    expect(h.json().payments[0]).toMatchObject({ totalBillableDays: 8, periods: [{ endedBy: 'withdrawn' }, { endedBy: 'discharged' }] });
  });

  it('404s an unknown version label, 400s a bad query', async () => {
    const unknown = await post('/api/evaluate?version=1066', episode);
    expect([404, 422]).toContain(unknown.statusCode);
    const bad = await post('/api/evaluate?on=yesterday', episode);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'AVT-H004', pointer: '/on' });
    const extra = await post('/api/evaluate?explain=perhaps', episode);
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.pointer).toBe('/explain');
    const notADay = await post('/api/evaluate?on=2019-02-30', episode);
    expect(notADay.statusCode).toBe(400);
  });

  it('never answers 500 to odd bodies', async () => {
    for (const body of ['null', 'true', '0', '"x"', '[]', '{}', '{"county":null}', '{"county":"varmland","events":null}', '{"county":"varmland","events":{"admitted":"9999-99-99T99:99"}}', '{"county":"varmland","evaluationDate":"2019-13-45"}']) {
      const r = await post('/api/evaluate', body);
      expect(r.statusCode, body).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, body).toBeLessThan(500);
      expect(r.json().error.code, body).toMatch(/^AVT-/);
    }
  });
});

describe('POST /api/evaluate/batch', () => {
  it('answers each case of a JSON array, in order', async () => {
    const r = await post('/api/evaluate/batch?explain=false', [episode, { county: 'atlantis' }, { county: 'varmland', events: { admitted: 'never' } }, 42]);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(ajv.validate(batchResponse, body), JSON.stringify(ajv.errors)).toBe(true);
    expect(body.results.map((a: { ok: boolean; status?: number }) => a.status ?? 200)).toEqual([200, 404, 400, 400]);
    expect(body.results[0].result.payments[0].amount).toBe(39000);
    expect(body.results[2].error.pointer).toBe('/events/admitted');
  });

  it('400s a body that is not an array', async () => {
    const r = await post('/api/evaluate/batch', episode);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('AVT-H004');
  });

  it('413s too many cases', async () => {
    const r = await post('/api/evaluate/batch', '[' + Array(100_001).fill('{}').join(',') + ']');
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('AVT-H015');
  });

  it('streams NDJSON: one answer per line, bad lines answered too', async () => {
    const lines = [JSON.stringify(episode), '', 'not json', JSON.stringify({ county: 'atlantis' }), '{"county":"varmland","id":"' + 'x'.repeat(1024 * 1024 + 1) + '"}', JSON.stringify({ ...episode, id: 'last' })];
    const r = await post('/api/evaluate/batch', lines.join('\r\n') + '\n', { 'content-type': 'application/x-ndjson' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const out = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ ok: true, result: { caseId: 'ep-1' } });
    expect(out[1]).toMatchObject({ ok: false, line: 3, status: 400, error: { code: 'AVT-H001' } });
    expect(out[2]).toMatchObject({ ok: false, status: 404, error: { code: 'AVT-E003' } });
    expect(out[3]).toMatchObject({ ok: false, line: 5, status: 413, error: { code: 'AVT-H016' } });
    expect(out[4]).toMatchObject({ ok: true, result: { caseId: 'last' } });
  });
});
