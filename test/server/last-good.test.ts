// A last good policy set: a file that does not load (a dangling symlink, a broken file, overlapping published
// versions) is left out or keeps the version loaded before, is named on /health and in the log, and never fails
// a save that has written; overlapping published versions are an error at evaluation, never a pick. /health and
// /ready give the set's generation and hash. Drafts cannot move an agreement to another county.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { app as makeApp, draftText, episode, repoPolicies, tempPolicies, varmlandText } from './helpers';

const TOKEN = 'last-good-token-0123456789';
const temps: ReturnType<typeof tempPolicies>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

/** A temporary policies folder, a service over it with a token, and its log lines. */
async function serve(prepare: (dir: string) => void = () => undefined, options: Parameters<typeof makeApp>[0] = {}) {
  const t = tempPolicies();
  temps.push(t);
  prepare(t.dir);
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _e, cb) {
    for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
    cb();
  } });
  const app = await makeApp({ policiesDir: t.dir, token: TOKEN, logger: { level: 'info', stream }, ...options });
  return { app, dir: t.dir, lines };
}

const save = (app: Awaited<ReturnType<typeof makeApp>>, version: string, text = draftText(version)) =>
  app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload: { version, text }, headers: { authorization: `Bearer ${TOKEN}` } });
const evaluate = (app: Awaited<ReturnType<typeof makeApp>>, body: object = episode, query = '?explain=false') =>
  app.inject({ method: 'POST', url: `/api/evaluate${query}`, payload: body });

/** Värmland's agreement as another published version, valid from `from`. */
const published = (version: string, from: string) =>
  varmlandText.replace('version "2019-01-01" publicerad', `version "${version}" publicerad`).replace('gäller från 2019-01-01 tills vidare', `gäller från ${from} tills vidare`);

describe('start-up with files that do not load', () => {
  it('starts on the good files and names each one left out, without a stack trace', async () => {
    const { app, lines } = await serve((dir) => {
      symlinkSync(join(dir, 'nowhere.avtal'), join(dir, 'varmland/dangling.avtal'));
      writeFileSync(join(dir, 'halland/broken.avtal'), 'avtal halland "x"\n  this is not a policy\n');
    });
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    const h = health.json();
    expect(h.status).toBe('degraded');
    expect(h.policies.problems.map((p: { file: string; code: string }) => `${p.code} ${p.file}`).sort()).toEqual(['AVT-V006 halland/broken.avtal', 'AVT-V006 varmland/dangling.avtal']);
    expect(h.policies.problems.find((p: { file: string }) => p.file === 'varmland/dangling.avtal').message).toMatch(/symbolisk länk/);
    const logged = lines.filter((l) => l.code === 'AVT-V006');
    expect(logged.map((l) => l.file).sort()).toEqual(['halland/broken.avtal', 'varmland/dangling.avtal']);
    expect(JSON.stringify(logged)).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect((await evaluate(app)).statusCode).toBe(200);
    await app.close();
  });

  it('refuses to pick between overlapping published versions: a date in the overlap is a 422', async () => {
    const { app } = await serve((dir) => writeFileSync(join(dir, 'varmland/2027-01-01.avtal'), published('2027-01-01', '2027-01-01')));
    const late = { ...episode, events: { admitted: '2027-03-01T09:00', ready_notice_sent: '2027-03-02T11:00' } };
    const r = await evaluate(app, late);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('AVT-V001');
    // Before the overlap, the one version in force is used.
    expect((await evaluate(app)).statusCode).toBe(200);
    await app.close();
  });
  it('refuses to pick for a month either: a months request over an overlap of published versions is a 422', async () => {
    const kronoberg = readFileSync(join(repoPolicies, 'kronoberg/2024-11-04.avtal'), 'utf8');
    const { app } = await serve((dir) => writeFileSync(join(dir, 'kronoberg/2026-01-01.avtal'), kronoberg.replace('version "2024-11-04" publicerad', 'version "2026-01-01" publicerad').replace('gäller från 2024-11-04', 'gäller från 2026-01-01')));
    const months = (averages: object) => app.inject({ method: 'POST', url: '/api/months', payload: { county: 'kronoberg', averages: { Växjö: averages } } });
    const over = await months({ '2025-12': 3, '2026-02': 3.25 });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.code).toBe('AVT-V001');
    // Months before the overlap have one version in force.
    const before = await months({ '2025-01': 3.25, '2025-02': 3.5 });
    expect(before.statusCode).toBe(200);
    expect(before.json().versions).toEqual([{ version: '2024-11-04', from: '2025-01', to: '2025-02' }]);
    await app.close();
  });
});

describe('a change on disk that does not load', () => {
  it('a dangling symlink added while running: the save still answers 201, the draft is served, the link is named', async () => {
    const { app, dir } = await serve();
    const before = (await app.inject({ method: 'GET', url: '/health' })).json().policies;
    symlinkSync(join(dir, 'gone.avtal'), join(dir, 'varmland/link.avtal'));
    const r = await save(app, 'd1');
    expect(r.statusCode).toBe(201);
    expect((await evaluate(app, episode, '?explain=false&version=d1')).json().version.version).toBe('d1');
    const after = (await app.inject({ method: 'GET', url: '/health' })).json().policies;
    expect(after.generation).toBe(before.generation + 1);
    expect(after.hash).not.toBe(before.hash);
    expect(after.problems).toEqual([expect.objectContaining({ file: 'varmland/link.avtal', code: 'AVT-V006' })]);
    await app.close();
  });

  it('a published file broken on disk keeps its last good version (same hash), reported as AVT-V007', async () => {
    const { app, dir } = await serve();
    const hash = (await evaluate(app)).json().version.hash;
    writeFileSync(join(dir, 'varmland/2019-01-01.avtal'), readFileSync(join(dir, 'varmland/2019-01-01.avtal'), 'utf8').replace('publicerad', 'publicerad\n  ??? nonsense'));
    expect((await save(app, 'd2')).statusCode).toBe(201);
    const r = await evaluate(app);
    expect(r.statusCode).toBe(200);
    expect(r.json().version.hash).toBe(hash);
    const problems = (await app.inject({ method: 'GET', url: '/health' })).json().policies.problems;
    expect(problems).toEqual([expect.objectContaining({ file: 'varmland/2019-01-01.avtal', code: 'AVT-V007' })]);
    await app.close();
  });

  it('a new published version overlapping one in use is not taken: the set in use is unchanged for that agreement', async () => {
    const { app, dir } = await serve();
    writeFileSync(join(dir, 'varmland/2027-01-01.avtal'), published('2027-01-01', '2027-01-01'));
    expect((await save(app, 'd3')).statusCode).toBe(201);
    const late = { ...episode, events: { admitted: '2027-03-01T09:00', ready_notice_sent: '2027-03-02T11:00' } };
    const r = await evaluate(app, late);
    expect(r.statusCode).toBe(200);
    expect(r.json().version.version).toBe('2019-01-01');
    const problems = (await app.inject({ method: 'GET', url: '/health' })).json().policies.problems;
    expect(problems).toEqual([expect.objectContaining({ file: 'varmland/2027-01-01.avtal', code: 'AVT-V006', message: expect.stringMatching(/AVT-V001/) })]);
    await app.close();
  });
});

describe('drafts cannot reroute a county', () => {
  it('400s a draft of Värmland declaring another county; one put on disk does not make that county resolvable', async () => {
    const stockholm = draftText('d4').replace('län varmland', 'län stockholm');
    const { app, dir } = await serve();
    const r = await save(app, 'd4', stockholm);
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-H030', pointer: '/text' });
    // Written by hand instead: Värmland's agreement is still Värmland's, and "stockholm" is unknown.
    writeFileSync(join(dir, 'varmland/d5.draft.avtal'), draftText('d5').replace('län varmland', 'län stockholm'));
    expect((await save(app, 'd6')).statusCode).toBe(201);
    const s = await evaluate(app, { ...episode, county: 'stockholm' });
    expect(s.statusCode).toBe(404);
    expect(s.json().error.code).toBe('AVT-E003');
    expect((await evaluate(app)).json().version.version).toBe('2019-01-01');
    await app.close();
  });

  it('an agreement with drafts only, put in the folder, neither takes nor blocks a county: evaluation and months keep the published one', async () => {
    const national = readFileSync(join(repoPolicies, 'national/2018-01-01.avtal'), 'utf8');
    const kronoberg = readFileSync(join(repoPolicies, 'kronoberg/2024-11-04.avtal'), 'utf8');
    const { app } = await serve((d) => {
      // a county-independent proposal beside the national law, and a second Kronoberg agreement with a ladder
      writeFileSync(join(d, 'national/x1.draft.avtal'), national.replace('avtal nationell_lag ', 'avtal lag_forslag ').replace('version "2018-01-01" publicerad', 'version "x1" utkast'));
      writeFileSync(join(d, 'kronoberg/x1.draft.avtal'), kronoberg.replace('avtal kronoberg ', 'avtal kronoberg_forslag ').replace('version "2024-11-04" publicerad', 'version "x1" utkast'));
    });
    expect((await app.inject({ method: 'GET', url: '/api/agreements' })).json().map((a: { agreement: string }) => a.agreement)).toEqual(expect.arrayContaining(['lag_forslag', 'kronoberg_forslag']));
    const law = await evaluate(app, { ...episode, county: 'national' });
    expect(law.statusCode).toBe(200);
    expect(law.json().version.agreement).toBe('nationell_lag');
    const months = await app.inject({ method: 'POST', url: '/api/months', payload: { county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } } } });
    expect(months.statusCode).toBe(200);
    expect(months.json().agreement).toBe('kronoberg');
    // Named, the proposal is reached.
    const named = await evaluate(app, { ...episode, county: 'national', agreement: 'lag_forslag' }, '?explain=false&version=x1');
    expect(named.statusCode).toBe(200);
    expect(named.json().version).toMatchObject({ agreement: 'lag_forslag', version: 'x1' });
    await app.close();
  });

  it('labels: NFC-normalized, ASCII digits only, at most 128 bytes (a 400, never a 500)', async () => {
    const { app, dir } = await serve();
    const fullwidth = await save(app, '２０２６', draftText('２０２６'));
    expect(fullwidth.statusCode).toBe(400);
    expect(fullwidth.json().error.pointer).toBe('/version');
    const long = '𝒜'.repeat(64); // 64 characters, 256 bytes
    const r = await save(app, long, draftText(long));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.limit).toEqual({ name: 'versionLabelBytes', max: 128, actual: 256 });
    const nfd = 'fo\u0308rslag-2';
    const saved = await save(app, nfd, draftText(nfd));
    expect(saved.statusCode).toBe(201);
    expect(saved.json().file).toBe('varmland/f\u00f6rslag-2.draft.avtal');
    expect(readFileSync(join(dir, 'varmland/f\u00f6rslag-2.draft.avtal'), 'utf8')).toContain('version "fo\u0308rslag-2"');
    await app.close();
  });
});

describe('GET /health and /ready', () => {
  it('/health answers with the generation and hash; /ready is 503 with Retry-After until the batch workers are warm', async () => {
    const { app } = await serve(undefined, { batchWorkers: 1 });
    await app.ready();
    const early = await app.inject({ method: 'GET', url: '/ready' });
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', policies: { generation: 0, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), problems: [] } });
    if (early.statusCode === 503) {
      expect(early.headers['retry-after']).toBe('1');
      expect(early.json().error).toMatchObject({ code: 'AVT-H024', message: expect.stringContaining('batchtrådarna startar (1)') });
    }
    await app.whenWarm();
    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true, workers: 1, policies: { hash: health.json().policies.hash } });
    await app.close();
  }, 60_000);

  it('are listed in the OpenAPI document, with the guards\' statuses on the routes', async () => {
    const app = await makeApp();
    const doc = (await app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths['/health'].get.responses)).toEqual(['200', '403']);
    expect(Object.keys(doc.paths['/ready'].get.responses).sort()).toEqual(['200', '403', '503']);
    expect(Object.keys(doc.paths['/api/months'].post.responses)).toEqual(expect.arrayContaining(['413', '422', '429', '503']));
    expect(Object.keys(doc.paths['/api/agreements/{agreement}/drafts'].post.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
    expect(doc.components.schemas.Error.properties.error.properties.limit.required).toEqual(['name', 'max', 'actual']);
    await app.close();
  });
});
