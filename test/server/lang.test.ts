// The language of the service's answers: Swedish by default, English by `?lang=en` or Accept-Language,
// said in Content-Language; the codes are the same in both.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as makeApp, episode } from './helpers';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp();
});
afterAll(() => app.close());

const evaluate = (query = '', headers: Record<string, string> = {}, body: unknown = episode) =>
  app.inject({ method: 'POST', url: `/api/evaluate${query}`, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const texts = (r: { json: () => { explanation: { text: string }[] } }) => r.json().explanation.map((s) => s.text).join('\n');

describe('the language of an answer', () => {
  it('is Swedish by default', async () => {
    const r = await evaluate();
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-language']).toBe('sv');
    expect(texts(r)).toContain('Dag 1 är måndag 7 januari 2019: samma dag som meddelandet om utskrivningsklar.');
    expect(r.json().payments[0].reason).toMatch(/^betalningsansvar från /);
  });

  it('is English with ?lang=en, and with Accept-Language when no lang is given', async () => {
    const q = await evaluate('?lang=en');
    expect(q.headers['content-language']).toBe('en');
    expect(texts(q)).toContain('Day 1 is 2019-01-07: the same day as');
    const h = await evaluate('', { 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' });
    expect(h.headers['content-language']).toBe('en');
    expect(texts(h)).toBe(texts(q));
    // the query string wins over the header
    const both = await evaluate('?lang=sv', { 'accept-language': 'en' });
    expect(texts(both)).toContain('Dag 1 är');
    // a language we do not have: Swedish
    expect((await evaluate('', { 'accept-language': 'de-DE' })).headers['content-language']).toBe('sv');
  });

  it('gives errors in the language, with the same code', async () => {
    const sv = await evaluate('', {}, { ...episode, county: 'nowhere' });
    const en = await evaluate('?lang=en', {}, { ...episode, county: 'nowhere' });
    expect(sv.json().error.code).toBe('AVT-E003');
    expect(en.json().error.code).toBe('AVT-E003');
    expect(sv.json().error.message).toMatch(/^okänt län nowhere; kända län: /);
    expect(en.json().error.message).toMatch(/^unknown county nowhere; known counties: /);
    const notFound = await app.inject({ url: '/api/nothing', headers: { 'accept-language': 'en' } });
    expect(notFound.json().error).toMatchObject({ code: 'AVT-H005', message: 'no such route: GET /api/nothing' });
    expect((await app.inject('/api/nothing')).json().error.message).toBe('ingen sådan väg: GET /api/nothing');
    const badQuery = await evaluate('?lang=de');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.code).toBe('AVT-H004');
    // a query string the schema refuses: which part, which field, what is wrong, in the language
    const perhaps = await evaluate('?explain=perhaps');
    expect(perhaps.json().error).toMatchObject({ code: 'AVT-H004', pointer: '/explain', in: 'querystring', message: 'ogiltigt anrop: frågesträngen /explain: ska vara ja eller nej (true eller false)' });
    expect((await evaluate('?explain=perhaps&lang=en')).json().error.message).toBe('invalid request: querystring /explain must be boolean');
    expect((await evaluate('?on=2019-02-30')).json().error.message).toBe('ogiltigt anrop: frågesträngen /on: är inget datum: skriv ÅÅÅÅ-MM-DD');
  });

  it('gives the diffs in the language', async () => {
    const sv = await app.inject('/api/diff?agreement=varmland&from=2019-01-01&to=2026-f%C3%B6rslag&behaviour=false');
    const en = await app.inject('/api/diff?agreement=varmland&from=2019-01-01&to=2026-f%C3%B6rslag&behaviour=false&lang=en');
    const row = (r: typeof sv) => r.json().semantic.declarations.find((d: { id: string }) => d.id === 'middag').changes[0].text;
    expect(row(sv)).toBe('Brytpunkten middag: tid ändras från 12:00 till 13:00');
    expect(row(en)).toBe('Cutoff middag: time changes from 12:00 to 13:00');
  });

  it('gives the monthly ladder\'s explanations and diagnostics in the language', async () => {
    const months = (query: string) => app.inject({ method: 'POST', url: `/api/months${query}`, payload: { county: 'kronoberg', averages: { 'Kommun A': { '2025-01': 3.25, '2025-03': 2.7 } } } });
    const sv = (await months('')).json();
    const en = (await months('?lang=en')).json();
    expect(sv.municipalities[0].months[0].explanation[0].text).toBe('Genomsnittet 3,25 i januari 2025 är över gränsen 2,4; en månad i följd över gränsen i steget ingen_handlingsplan.');
    expect(en.municipalities[0].months[0].explanation[0].text).toBe('2025-01: average 3.25 is over the threshold 2.4; 1 month(s) in a row over in step ingen_handlingsplan');
    // the gap: AVT-M003, the same code in both
    expect(sv.diagnostics[0]).toMatchObject({ code: 'AVT-M003', message: 'inget medelvärde för Kommun A 2025-02: månaden mäts inte, och en följd av månader i rad börjar om efter den' });
    expect(en.diagnostics[0]).toMatchObject({ code: 'AVT-M003', message: expect.stringMatching(/^no average for Kommun A in 2025-02/) });
    const inBody = await app.inject({ method: 'POST', url: '/api/months', payload: { county: 'kronoberg', lang: 'en', averages: { 'Kommun A': { '2025-01': 3.25 } } } });
    expect(inBody.headers['content-language']).toBe('en');
    expect(inBody.json().municipalities[0].months[0].explanation[0].text).toMatch(/^2025-01: average 3.25 is over/);
    const bad = (await app.inject({ method: 'POST', url: '/api/months', payload: { county: 'kronoberg', averages: { 'Kommun A': { '2025-13': 3 } } } })).json();
    expect(bad.diagnostics[0]).toMatchObject({ code: 'AVT-M004', message: 'ogiltiga medelvärden: Kommun A: 2025-13 är ingen månad (ÅÅÅÅ-MM)' });
  });

  it('gives a version\'s diagnostics without their parameters', async () => {
    const r = await app.inject('/api/agreements/varmland/versions/2019-01-01?lang=en');
    for (const d of r.json().diagnostics) expect(d.args).toBeUndefined();
  });
});
