// Saving drafts through the API: refused without the token, refused with errors or a wrong header,
// never overwriting, atomic under a race. Every test writes into its own temporary policies folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { app as makeApp, draftText, episode, tempPolicies } from './helpers';

const TOKEN = 's3cret-token-0123456789';
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});

async function writable(token: string | null = TOKEN): Promise<{ app: FastifyInstance; dir: string }> {
  const t = tempPolicies();
  const app = await makeApp({ policiesDir: t.dir, token: token ?? undefined });
  cleanup.push(() => void app.close(), t.remove);
  return { app, dir: t.dir };
}

const save = (app: FastifyInstance, body: unknown, token = TOKEN, agreement = 'varmland') =>
  app.inject({ method: 'POST', url: `/api/agreements/${agreement}/drafts`, payload: body as object, headers: { authorization: `Bearer ${token}` } });

describe('POST /api/agreements/:agreement/drafts', () => {
  it('saves a draft, then serves and evaluates it', async () => {
    const { app, dir } = await writable();
    const text = draftText('2026-utkast');
    const r = await save(app, { version: '2026-utkast', text });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ file: 'varmland/2026-utkast.draft.avtal', hash: expect.stringMatching(/^sha256:/), info: { version: '2026-utkast', status: 'draft' } });
    expect(readFileSync(join(dir, 'varmland/2026-utkast.draft.avtal'), 'utf8')).toBe(text);
    expect((await app.inject('/api/agreements/varmland/versions/2026-utkast')).statusCode).toBe(200);
    const ev = await app.inject({ method: 'POST', url: '/api/evaluate?version=2026-utkast', payload: episode });
    expect(ev.json().version).toMatchObject({ version: '2026-utkast', status: 'draft', hash: r.json().hash });
    expect((await app.inject('/api/status')).json().writable).toBe(true);
  });

  it('403s when the server has no token', async () => {
    const { app } = await writable(null);
    const r = await save(app, { version: 'x1', text: draftText('x1') });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('AVT-H006');
  });

  it('403s a wrong token, 401s a missing one (with WWW-Authenticate: Bearer)', async () => {
    const { app, dir } = await writable();
    const r = await save(app, { version: 'x1', text: draftText('x1') }, 'guess');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('AVT-H007');
    const none = await app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload: { version: 'x1', text: draftText('x1') } });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.json().error.code).toBe('AVT-H007');
    expect(existsSync(join(dir, 'varmland/x1.draft.avtal'))).toBe(false);
  });

  it('400s a text with checker errors, listing the diagnostics', async () => {
    const { app, dir } = await writable();
    const r = await save(app, { version: 'x2', text: draftText('x2') + '\ntidsfrist trasig "Ingen källa"\n  sip_kallad inom 3 dagar efter okänd_händelse\n' });
    expect(r.statusCode).toBe(400);
    const e = r.json().error;
    expect(e.code).toBe('AVT-H011');
    expect(e.errors.length).toBeGreaterThan(0);
    expect(e.errors[0]).toMatchObject({ severity: 'error', code: expect.stringMatching(/^AVT-/), range: { start: { line: expect.any(Number) } } });
    expect(existsSync(join(dir, 'varmland/x2.draft.avtal'))).toBe(false);
  });

  it('400s a header naming another agreement, a published status, or another version', async () => {
    const { app } = await writable();
    expect((await save(app, { version: 'x3', text: draftText('x3') }, TOKEN, 'halland')).json().error.code).toBe('AVT-H009');
    expect((await save(app, { version: 'x3', text: draftText('x3', 'publicerad') })).json().error.code).toBe('AVT-H010');
    const r = await save(app, { version: 'x4', text: draftText('x3') });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-H012', pointer: '/version' });
  });

  it('404s an unknown agreement', async () => {
    const { app } = await writable();
    const r = await save(app, { version: 'x1', text: draftText('x1').replace('avtal varmland', 'avtal atlantis') }, TOKEN, 'atlantis');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('AVT-H013');
  });

  it('400s a bad body with a pointer', async () => {
    const { app } = await writable();
    const r = await save(app, { version: '../../etc/passwd', text: 'x' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-H004', pointer: '/version' });
    const missing = await save(app, { version: 'x5' });
    expect(missing.json().error.pointer).toBe('/text');
    // said in the language, with what a valid label looks like
    const spaced = await save(app, { version: 'mitt utkast', text: 'x' });
    expect(spaced.json().error.message).toBe('ogiltigt anrop: innehållet /version: är ingen giltig versionsbeteckning: börja med en bokstav eller siffra och använd bara bokstäver, siffror, punkt, understreck och bindestreck (t.ex. forslag-2)');
    const spacedEn = await app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts?lang=en', payload: { version: 'mitt utkast', text: 'x' }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(spacedEn.json().error.message).toBe('invalid request: body /version is not a valid version label: start with a letter or digit and use only letters, digits, dot, underscore and hyphen (e.g. forslag-2)');
    expect(missing.json().error.message).toBe('ogiltigt anrop: innehållet /text: krävs');
    const arr = await save(app, [1, 2]);
    expect(arr.statusCode).toBe(400);
    const num = await save(app, { version: 5, text: draftText('5') });
    expect(num.statusCode).toBe(400);
  });

  it('409s a version that exists, published or draft', async () => {
    const { app, dir } = await writable();
    const published = await save(app, { version: '2019-01-01', text: draftText('2019-01-01') });
    expect(published.statusCode).toBe(409);
    expect(published.json().error.code).toBe('AVT-H008');
    expect(existsSync(join(dir, 'varmland/2019-01-01.draft.avtal'))).toBe(false);
    expect((await save(app, { version: 'x6', text: draftText('x6') })).statusCode).toBe(201);
    const again = await save(app, { version: 'x6', text: draftText('x6') + '\n# changed\n' });
    expect(again.statusCode).toBe(409);
    expect(readFileSync(join(dir, 'varmland/x6.draft.avtal'), 'utf8')).toBe(draftText('x6'));
  });

  it('lets exactly one of two racing saves win; the file is whole and no temporary file is left', async () => {
    const { app, dir } = await writable();
    const a = draftText('race') + '\n# from A\n';
    const b = draftText('race') + '\n# from B\n';
    const [ra, rb] = await Promise.all([save(app, { version: 'race', text: a }), save(app, { version: 'race', text: b })]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 409]);
    const winner = ra.statusCode === 201 ? a : b;
    expect(readFileSync(join(dir, 'varmland/race.draft.avtal'), 'utf8')).toBe(winner);
    expect(readdirSync(join(dir, 'varmland')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('lets exactly one win when two servers share the folder', async () => {
    const { app, dir } = await writable();
    const other = await makeApp({ policiesDir: dir, token: TOKEN });
    cleanup.push(() => void other.close());
    const results = await Promise.all([save(app, { version: 'shared', text: draftText('shared') + '\n# A\n' }), save(other, { version: 'shared', text: draftText('shared') + '\n# B\n' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(readFileSync(join(dir, 'varmland/shared.draft.avtal'), 'utf8')).toMatch(/# [AB]\n$/);
  });
});

describe('PUT /api/agreements/:agreement/drafts/:version', () => {
  const update = (app: FastifyInstance, version: string, body: unknown, token = TOKEN) =>
    app.inject({ method: 'PUT', url: `/api/agreements/varmland/drafts/${version}`, payload: body as object, headers: { authorization: `Bearer ${token}` } });

  it('updates an unpublished draft opened at its current hash, and 409s a stale base', async () => {
    const { app, dir } = await writable();
    const first = await save(app, { version: 'uppdatera-1', text: draftText('uppdatera-1') });
    expect(first.statusCode).toBe(201);
    const changed = draftText('uppdatera-1').replace('frist 3 dagar', 'frist 2 dagar');
    expect(changed).not.toBe(draftText('uppdatera-1'));
    const r = await update(app, 'uppdatera-1', { text: changed, baseHash: first.json().hash });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ file: 'varmland/uppdatera-1.draft.avtal', info: { version: 'uppdatera-1', status: 'draft' } });
    expect(r.json().hash).not.toBe(first.json().hash);
    expect(readFileSync(join(dir, 'varmland/uppdatera-1.draft.avtal'), 'utf8')).toBe(changed);
    expect((await app.inject('/api/agreements/varmland/versions/uppdatera-1')).json().info.hash).toBe(r.json().hash);
    // a second editor still holding the first hash is refused; the file keeps the first update
    const stale = await update(app, 'uppdatera-1', { text: draftText('uppdatera-1'), baseHash: first.json().hash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'AVT-H032', pointer: '/baseHash' });
    expect(readFileSync(join(dir, 'varmland/uppdatera-1.draft.avtal'), 'utf8')).toBe(changed);
    expect(readdirSync(join(dir, 'varmland')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a published version, an unknown version, a wrong token and a text with errors', async () => {
    const { app, dir } = await writable();
    const published = readFileSync(join(dir, 'varmland/2019-01-01.avtal'), 'utf8');
    const info = (await app.inject('/api/agreements/varmland/versions/2019-01-01')).json().info;
    const pub = await update(app, '2019-01-01', { text: published, baseHash: info.hash });
    expect(pub.statusCode).toBe(409);
    expect(pub.json().error.code).toBe('AVT-H033');
    expect(readFileSync(join(dir, 'varmland/2019-01-01.avtal'), 'utf8')).toBe(published);
    expect((await update(app, 'finns-inte', { text: draftText('finns-inte'), baseHash: 'x' })).json().error.code).toBe('AVT-H014');
    const saved = await save(app, { version: 'u2', text: draftText('u2') });
    expect((await update(app, 'u2', { text: draftText('u2'), baseHash: saved.json().hash }, 'guess')).statusCode).toBe(403);
    const broken = await update(app, 'u2', { text: draftText('u2') + '\ntidsfrist trasig "x"\n  sip_kallad inom 3 dagar efter okänd_händelse\n', baseHash: saved.json().hash });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('AVT-H011');
    expect((await update(app, 'u2', { text: draftText('u2') })).json().error.code).toBe('AVT-H004'); // baseHash is required
  });

  it('checks an update as it checks a new draft: it cannot move the agreement to another county', async () => {
    const { app, dir } = await writable();
    const saved = await save(app, { version: 'u3', text: draftText('u3') });
    expect(saved.statusCode).toBe(201);
    const stockholm = draftText('u3').replace('län varmland', 'län stockholm');
    expect(stockholm).not.toBe(draftText('u3'));
    const r = await update(app, 'u3', { text: stockholm, baseHash: saved.json().hash });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-H030', pointer: '/text' });
    expect(r.json().error.errors[0]).toMatchObject({ code: 'AVT-H030' });
    expect(readFileSync(join(dir, 'varmland/u3.draft.avtal'), 'utf8')).toBe(draftText('u3'));
    const relabelled = await update(app, 'u3', { text: draftText('u4'), baseHash: saved.json().hash });
    expect(relabelled.json().error).toMatchObject({ code: 'AVT-H012', pointer: '/version' });
  });
});
