// POST /api/months and GET /api/diff through the HTTP layer.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as makeApp, draftText, tempPolicies } from './helpers';

let app: FastifyInstance;
let temp: ReturnType<typeof tempPolicies>;
const TOKEN = 'diff-token-0123456789';
beforeAll(async () => {
  temp = tempPolicies();
  app = await makeApp({ policiesDir: temp.dir, token: TOKEN });
});
afterAll(async () => {
  await app.close();
  temp.remove();
});

const months = (payload: unknown) => app.inject({ method: 'POST', url: '/api/months', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

describe('POST /api/months', () => {
  it('runs the county ladder over averages', async () => {
    const r = await months({ county: 'kronoberg', averages: { Växjö: { '2025-01': 2.6, '2025-02': 2.41 } }, explain: false });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ ok: true, agreement: 'kronoberg', input: 'averages', version: { agreement: 'kronoberg', hash: expect.stringMatching(/^sha256:/) } });
    expect(body.municipalities[0].municipality).toBe('Växjö');
    expect(body.municipalities[0].months.map((m: { month: string; comparison: string }) => [m.month, m.comparison])).toEqual([['2025-01', 'over'], ['2025-02', 'over']]);
  });

  it('reports input problems as diagnostics in the result', async () => {
    const r = await months({ county: 'kronoberg', averages: { Växjö: { 'januari': 2.6 } } });
    expect(r.statusCode).toBe(200);
    expect(r.json().ok).toBe(false);
    expect(r.json().diagnostics[0].code).toMatch(/^AVT-M/);
  });

  it('400s a malformed request with a pointer', async () => {
    const both = await months({ county: 'kronoberg', averages: {}, episodes: [] });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.code).toBe('AVT-H004');
    const neither = await months({ county: 'kronoberg' });
    expect(neither.statusCode).toBe(400);
    const wrong = await months({ county: 'kronoberg', averages: [1, 2] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.pointer).toBe('/averages');
    const extra = await months({ county: 'kronoberg', averages: {}, colour: 'blue' });
    expect(extra.json().error.pointer).toBe('/colour');
    expect((await months([1])).statusCode).toBe(400);
  });

  it('404s a county without a ladder and an unknown agreement; 422s no version in force', async () => {
    expect((await months({ county: 'atlantis', averages: {} })).json().error.code).toBe('AVT-H020');
    expect((await months({ agreement: 'atlantis', averages: {} })).statusCode).toBe(404);
    const r = await months({ county: 'kronoberg', on: '1990-01-01', averages: {} });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('AVT-E004');
  });
});

describe('GET /api/diff', () => {
  it('gives the semantic and behavioural diff of two versions', async () => {
    const saved = await app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload: { version: 'diff-draft', text: draftText('diff-draft').replace('frist 3 dagar\n', 'frist 2 dagar\n') }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(saved.statusCode).toBe(201);
    const r = await app.inject('/api/diff?agreement=varmland&from=2019-01-01&to=diff-draft');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.semantic).toBeTypeOf('object');
    expect(body.behavioural).not.toBeNull();
    expect(JSON.stringify(body.semantic)).toContain('kommunens_betalningsansvar');
    const again = await app.inject('/api/diff?agreement=varmland&from=2019-01-01&to=diff-draft');
    expect(again.body).toBe(r.body);
    const semanticOnly = await app.inject('/api/diff?agreement=varmland&from=2019-01-01&to=diff-draft&behaviour=false');
    expect(semanticOnly.json().behavioural).toBeNull();
  }, 60_000);

  it('404s an unknown agreement or version, 400s a missing parameter', async () => {
    expect((await app.inject('/api/diff?agreement=atlantis&from=a&to=b')).json().error.code).toBe('AVT-H013');
    const v = await app.inject('/api/diff?agreement=varmland&from=2019-01-01&to=1066');
    expect(v.statusCode).toBe(404);
    expect(v.json().error).toMatchObject({ code: 'AVT-H014', pointer: '/to' });
    const missing = await app.inject('/api/diff?agreement=varmland&from=2019-01-01');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.pointer).toBe('/to');
  });
});
