// Which agreement a request reaches over HTTP: the national law by county `national` or by its id; an
// agreement of another county is a 422 naming both, alone and inside a batch.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as makeApp, episode } from './helpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(() => app.close());

const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

describe('routing a case to its agreement', () => {
  it('reaches the national law by county national, without a placeholder county', async () => {
    const r = await post('/api/evaluate?explain=false', { ...episode, county: 'national' });
    expect(r.statusCode).toBe(200);
    expect(r.json().version).toMatchObject({ agreement: 'nationell_lag' });
  });

  it('reaches the national law by its id from any county', async () => {
    const r = await post('/api/evaluate?explain=false', { ...episode, agreement: 'nationell_lag' });
    expect(r.statusCode).toBe(200);
    expect(r.json().version).toMatchObject({ agreement: 'nationell_lag' });
  });

  it('422s an agreement of another county, naming the agreement and both counties', async () => {
    const r = await post('/api/evaluate', { ...episode, agreement: 'kronoberg' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'AVT-E015', pointer: '/agreement' });
    expect(r.json().error.message).toMatch(/kronoberg.*varmland/);
    const batch = await post('/api/evaluate/batch', [episode, { ...episode, agreement: 'blekinge' }]);
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results[1]).toMatchObject({ ok: false, status: 422, error: { code: 'AVT-E015' } });
  });
});
