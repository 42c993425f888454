// Bounded cost for every request: the months a ladder reports, its municipalities and their product, the cases
// of an explained batch, the answer's size; months and diffs in a worker thread; a per-client cap on expensive
// requests; one encoding rule for every body (a BOM accepted, invalid UTF-8 a 400).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_EXPLAINED_MAX, MONTHS_CELLS_MAX, MONTHS_MUNICIPALITIES_MAX, MONTHS_SPAN_MAX } from '../../server/limits';
import { app as makeApp, draftText, episode, tempPolicies } from './helpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(async () => {
  await app.close();
});

const months = (a: FastifyInstance, body: object) => a.inject({ method: 'POST', url: '/api/months', payload: body });
const averages = (n: number, month = '2025-01') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Kommun ${i}`, { [month]: 3.25 }]));

describe('POST /api/months is bounded', () => {
  it('422s a span of months over the limit, naming it, and answers at once', async () => {
    const r = await months(app, { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } }, from: '0001-01', to: '9999-12' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'AVT-H021', pointer: '/from', limit: { name: 'monthsSpan', max: MONTHS_SPAN_MAX, actual: 9999 * 12 } });
    expect(r.json().error.message).toContain('monthsSpan');
    // The span of the months the input mentions counts too, without from/to.
    const wide = await months(app, { county: 'kronoberg', averages: { Växjö: { '2000-01': 3, '2030-01': 3 } } });
    expect(wide.json().error.limit).toMatchObject({ name: 'monthsSpan', actual: 30 * 12 + 1 });
  });

  it('422s too many municipalities, and too many municipality-months', async () => {
    const many = await months(app, { county: 'kronoberg', averages: averages(MONTHS_MUNICIPALITIES_MAX + 1) });
    expect(many.statusCode).toBe(422);
    expect(many.json().error.limit).toEqual({ name: 'monthsMunicipalities', max: MONTHS_MUNICIPALITIES_MAX, actual: MONTHS_MUNICIPALITIES_MAX + 1 });
    const cells = await months(app, { county: 'kronoberg', averages: averages(100), from: '2025-01', to: '2039-12' });
    expect(cells.statusCode).toBe(422);
    expect(cells.json().error.limit).toEqual({ name: 'monthsCells', max: MONTHS_CELLS_MAX, actual: 100 * 180 });
    // Within the limits the same request is answered.
    const ok = await months(app, { county: 'kronoberg', averages: averages(10), from: '2025-01', to: '2026-12' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().municipalities).toHaveLength(10);
  });

  it('400s a date that is not in the calendar, as evaluation does', async () => {
    const r = await months(app, { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } }, on: '2023-02-30' });
    expect(r.statusCode).toBe(400);
    // the body's schema refuses it (format: date), as it does evaluation's ?on=2019-02-30
    expect(r.json().error).toMatchObject({ code: 'AVT-H004', pointer: '/on' });
    // only what is wrong, in the language: not the other shape of body (episodes) nor "must match a schema in anyOf"
    expect(r.json().error.errors).toEqual([{ code: 'AVT-H004', pointer: '/on', message: 'ogiltigt anrop: innehållet /on: är inget datum: skriv ÅÅÅÅ-MM-DD' }]);
  });
});

describe('JSON batches are bounded', () => {
  it('413s an explained batch over its limit, naming it; explain=false allows more', async () => {
    const cases = Array.from({ length: BATCH_EXPLAINED_MAX + 1 }, (_, i) => ({ ...episode, id: `c${i}` }));
    const body = JSON.stringify(cases);
    const r = await app.inject({ method: 'POST', url: '/api/evaluate/batch', payload: body, headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'AVT-H015', limit: { name: 'batchExplainedCases', max: BATCH_EXPLAINED_MAX, actual: BATCH_EXPLAINED_MAX + 1 } });
    const quiet = await app.inject({ method: 'POST', url: '/api/evaluate/batch?explain=false', payload: body, headers: { 'content-type': 'application/json' } });
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json().results).toHaveLength(BATCH_EXPLAINED_MAX + 1);
  }, 60_000);
});

describe('months and diffs in a worker thread, under a per-client cap', () => {
  let pooled: FastifyInstance;
  beforeAll(async () => {
    pooled = await makeApp({ batchWorkers: 1, clientConcurrency: 1 });
    await pooled.ready();
    await pooled.whenWarm();
  }, 60_000);
  afterAll(async () => {
    await pooled.close();
  });

  it('gives the same months answer from the worker as inline', async () => {
    const body = { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25, '2025-02': 3.5, '2025-03': 3.75 }, Alvesta: { '2025-01': 1 } } };
    const [a, b] = [await months(pooled, body), await months(app, body)];
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(b.json());
  }, 60_000);

  it('429s an expensive request while the same client has one in flight, with Retry-After; others go on', async () => {
    const diff = pooled.inject({ method: 'GET', url: '/api/diff?agreement=varmland&from=2019-01-01&to=2026-f%C3%B6rslag' });
    await new Promise((r) => setTimeout(r, 50));
    const busy = await months(pooled, { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } } });
    expect(busy.statusCode).toBe(429);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json().error.code).toBe('AVT-H022');
    // A cheap request is not counted, and is answered while the diff runs in its worker.
    const status = await pooled.inject({ method: 'GET', url: '/api/status' });
    expect(status.statusCode).toBe(200);
    expect((await diff).statusCode).toBe(200);
    // The slot is given back once answered.
    expect((await months(pooled, { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } } })).statusCode).toBe(200);
  }, 60_000);
});

describe('months and diffs in a queue of their own', () => {
  it('a batch is not kept waiting behind a diff: it is answered while the diff is still being computed', async () => {
    const a = await makeApp({ batchWorkers: 1 });
    try {
      await a.ready();
      await a.whenWarm();
      const done: string[] = [];
      const diff = a.inject({ method: 'GET', url: '/api/diff?agreement=varmland&from=2019-01-01&to=2026-f%C3%B6rslag' }).then((r) => {
        done.push('diff');
        return r;
      });
      await new Promise((r) => setTimeout(r, 100));
      // Over 256 KiB: evaluated by the batch worker, which before had the diff in its queue.
      const body = JSON.stringify(Array.from({ length: 1500 }, (_, i) => ({ ...episode, id: `q${i}` })));
      const batch = await a.inject({ method: 'POST', url: '/api/evaluate/batch?explain=false', payload: body, headers: { 'content-type': 'application/json' } });
      done.push('batch');
      expect(batch.statusCode).toBe(200);
      expect(batch.json().results).toHaveLength(1500);
      expect((await diff).statusCode).toBe(200);
      expect(done).toEqual(['batch', 'diff']);
    } finally {
      await a.close();
    }
  }, 60_000);
});

describe('one encoding rule for every body', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const bad = Buffer.from([0xff, 0xfe]);
  const post = (url: string, payload: Buffer, type = 'application/json') => app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } });

  it('accepts a byte-order mark at the start of a single case, a JSON batch and an NDJSON body', async () => {
    const one = await post('/api/evaluate?explain=false', Buffer.concat([BOM, Buffer.from(JSON.stringify(episode))]));
    expect(one.statusCode).toBe(200);
    const batch = await post('/api/evaluate/batch?explain=false', Buffer.concat([BOM, Buffer.from(JSON.stringify([episode]))]));
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results[0].ok).toBe(true);
    const nd = await post('/api/evaluate/batch?explain=false', Buffer.concat([BOM, Buffer.from(JSON.stringify(episode) + '\n' + JSON.stringify(episode) + '\n')]), 'application/x-ndjson');
    const lines = nd.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.ok)).toEqual([true, true]);
  });

  it('accepts it the same way in a months body, a draft body and at the start of a draft\'s text (as in a .avtal file)', async () => {
    const m = await post('/api/months', Buffer.concat([BOM, Buffer.from(JSON.stringify({ county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } } }))]));
    expect(m.statusCode).toBe(200);
    const t = tempPolicies();
    const token = 'encoding-token-0123456789';
    const w = await makeApp({ policiesDir: t.dir, token });
    try {
      const save = (payload: Buffer) => w.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      expect((await save(Buffer.concat([BOM, Buffer.from(JSON.stringify({ version: 'b1', text: draftText('b1') }))]))).statusCode).toBe(201);
      const saved = await save(Buffer.from(JSON.stringify({ version: 'b2', text: `\ufeff${draftText('b2')}` })));
      expect(saved.statusCode).toBe(201);
      expect(readFileSync(join(t.dir, 'varmland/b2.draft.avtal'), 'utf8')).toBe(draftText('b2')); // the mark dropped
      const update = await w.inject({ method: 'PUT', url: '/api/agreements/varmland/drafts/b2', payload: { text: `\ufeff${draftText('b2').replace('län varmland', 'län  varmland')}`, baseHash: saved.json().hash }, headers: { authorization: `Bearer ${token}` } });
      expect(update.statusCode).toBe(200);
      expect(readFileSync(join(t.dir, 'varmland/b2.draft.avtal'), 'utf8').charCodeAt(0)).not.toBe(0xfeff);
    } finally {
      await w.close();
      t.remove();
    }
  });

  it('400s invalid UTF-8 instead of replacing it: single, batch, months; an NDJSON line answers AVT-H025', async () => {
    const text = JSON.stringify({ ...episode, municipality: 'Karlstad' });
    const broken = Buffer.concat([Buffer.from(text.slice(0, 20)), bad, Buffer.from(text.slice(20))]);
    for (const url of ['/api/evaluate', '/api/evaluate/batch']) {
      const r = await post(url, url.endsWith('batch') ? Buffer.concat([Buffer.from('['), broken, Buffer.from(']')]) : broken);
      expect(r.statusCode, url).toBe(400);
      expect(r.json().error.code).toBe('AVT-H025');
      expect(r.json().error.message).toMatch(/byte 2[01]/);
    }
    const m = await post('/api/months', Buffer.concat([Buffer.from('{"county":"kronoberg","averages":{"V'), bad, Buffer.from('":{"2025-01":1}}}')]));
    expect(m.statusCode).toBe(400);
    expect(m.json().error.code).toBe('AVT-H025');
    const nd = await post('/api/evaluate/batch?explain=false', Buffer.concat([Buffer.from(text + '\n'), broken, Buffer.from('\n' + text + '\n')]), 'application/x-ndjson');
    const lines = nd.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.ok)).toEqual([true, false, true]);
    expect(lines[1]).toMatchObject({ line: 2, status: 400, error: { code: 'AVT-H025' } });
  });

  it('400s a __proto__ key as a forbidden key, not as bad JSON', async () => {
    const r = await post('/api/evaluate', Buffer.from('{"county":"varmland","__proto__":{"x":1}}'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('AVT-H004');
    expect(r.json().error.message).toMatch(/prototype/);
  });
});

describe('the answer\'s size and the request deadline, lowered for the test', () => {
  const body = { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25, '2025-02': 3.5 } } };

  it('413s a months answer over answerBytes, naming the limit, inline and from the worker', async () => {
    for (const batchWorkers of [0, 1]) {
      const a = await makeApp({ batchWorkers, limits: { answerBytes: 2_000 } });
      try {
        const r = await months(a, body);
        expect(r.statusCode, `batchWorkers ${batchWorkers}`).toBe(413);
        expect(r.json().error).toMatchObject({ code: 'AVT-H021', limit: { name: 'answerBytes', max: 2_000, actual: expect.any(Number) } });
        expect(r.json().error.limit.actual).toBeGreaterThan(2_000);
        // the same request with the explanation left out fits
        expect((await months(a, { ...body, explain: false })).statusCode).toBe(200);
      } finally {
        await a.close();
      }
    }
  }, 60_000);

  it('503s a diff and a months request not answered within the deadline, with Retry-After; the service goes on', async () => {
    const a = await makeApp({ batchWorkers: 1, limits: { deadlineMs: 200 } });
    try {
      await a.ready();
      await a.whenWarm();
      const diff = await a.inject({ method: 'GET', url: '/api/diff?agreement=varmland&from=2019-01-01&to=2026-f%C3%B6rslag' });
      expect(diff.statusCode).toBe(503);
      expect(diff.headers['retry-after']).toBe('1');
      expect(diff.json().error).toMatchObject({ code: 'AVT-H023', limit: { name: 'deadlineMs', max: 200 } });
      // queued behind the diff still being computed: late too
      const m = await months(a, body);
      expect(m.statusCode).toBe(503);
      expect(m.json().error.code).toBe('AVT-H023');
      expect((await a.inject({ method: 'GET', url: '/api/status' })).statusCode).toBe(200);
    } finally {
      await a.close();
    }
  }, 60_000);
});

describe('the request deadline of work sent to a worker', () => {
  it('passes an answer that comes in time, and answers 503 AVT-H023 for one that does not', async () => {
    const { withDeadline } = await import('../../server/deadline');
    expect(await withDeadline(Promise.resolve('in time'), 1_000)).toBe('in time');
    const late = withDeadline(new Promise((r) => setTimeout(() => r('late'), 500)), 50);
    await expect(late).rejects.toMatchObject({ status: 503, body: { code: 'AVT-H023', limit: { name: 'deadlineMs', max: 50 } } });
  });
});
