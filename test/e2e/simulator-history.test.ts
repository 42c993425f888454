// Browser tests of the scenario simulator with an episode's history (issue 16): an event that happens more
// than once gets a row per time ("+ ny tidpunkt"), the result shows the billable periods with their totals,
// the link, the YAML file and "copy as API request" carry the lists (old single-time links still open), and an
// impossible history is the engine's located error in the panel, in the UI's language. Every expected figure
// is the engine's own answer for the same case (evaluateCase over the bundled policies), and the worked example
// of Värmland's policy that has the same history agrees with it. Against the real server, in headless Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCase } from '../../engine/api';
import type { PaymentResult } from '../../engine/evaluator/result';
import { loadPolicySet } from '../../engine/registry/node';
import type { PolicySet } from '../../engine/registry/policy-set';
import { startAppServer, type AppServer } from './app-server';
import { axeViolations, browserSkipReason, chromiumAvailable, launchBrowser } from './browser';
import { ensureEditorBuilt, repoRoot } from './build';

const VARMLAND = readFileSync(join(repoRoot, 'policies/varmland/2019-01-01.avtal'), 'utf8');

/** What Värmland's worked example `återkallat_och_nytt_meddelande` (a notice withdrawn and sent again) expects. */
function workedExample(): { firstPayableDay: string; billableDays: number } {
  const block = VARMLAND.slice(VARMLAND.indexOf('exempel återkallat_och_nytt_meddelande'));
  const body = block.slice(0, block.indexOf('\nexempel ', 1));
  return {
    firstPayableDay: /förvänta första betalningsdag (\S+)/.exec(body)![1],
    billableDays: Number(/förvänta debiterbara dagar (\d+)/.exec(body)![1]),
  };
}

// The history typed into the form: admitted, a ready notice withdrawn a week later and sent again, discharged.
const HISTORY = {
  admitted: '2019-01-03T09:00',
  admission_notice_sent: '2019-01-03T15:00',
  ready_notice_sent: ['2019-01-07T11:00', '2019-01-21T13:00'],
  ready_withdrawn: '2019-01-14T09:00',
  discharged: '2019-01-28T10:00',
};

/** The events without one of them. */
function without(events: Record<string, string | string[]>, id: string): Record<string, string | string[]> {
  const { [id]: _, ...rest } = events;
  return rest;
}

interface PeriodRow { first: string; last: string; days: string; amount: string; endedBy: string }

const periodRows = (page: Page, table = 0): Promise<PeriodRow[]> =>
  page.locator(`[data-testid="sim-period-table-${table}"] tbody tr`).evaluateAll((rows) =>
    rows.map((r) => ({ first: r.getAttribute('data-first')!, last: r.getAttribute('data-last')!, days: r.getAttribute('data-days')!, amount: r.getAttribute('data-amount')!, endedBy: r.getAttribute('data-ended-by')! })));

/** The engine's periods as the table's data attributes give them. */
const asRows = (p: PaymentResult): PeriodRow[] =>
  p.periods.map((x) => ({ first: x.firstPayableDay ?? '', last: x.lastBillableDay ?? '', days: String(x.billableDays ?? ''), amount: String(x.amount ?? ''), endedBy: x.endedBy ?? '' }));

async function fillEvent(page: Page, event: string, at: string, occurrence = 1): Promise<void> {
  const key = occurrence === 1 ? `event-${event}` : `event-${event}-${occurrence}`;
  const [date, time] = at.split('T');
  await page.fill(`input[name="${key}-date"]`, date);
  await page.fill(`input[name="${key}-time"]`, time);
}

const suiteName = `simulator with a history${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`;
describe.skipIf(!chromiumAvailable)(suiteName, { timeout: 90_000 }, () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let set: PolicySet;
  const errors: string[] = [];

  /** The engine's answer for the case, as the CLI and the API give it. */
  const engine = (events: Record<string, string | string[]>, lang: 'sv' | 'en' = 'sv') =>
    evaluateCase(set, { county: 'varmland', events, facts: { sip_needed: false } }, { lang });

  async function open(url: string): Promise<Page> {
    const p = await context.newPage();
    p.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    p.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console.error: ${msg.text()}`);
    });
    await p.goto(url, { waitUntil: 'load' });
    await p.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
    return p;
  }

  beforeAll(async () => {
    set = loadPolicySet(join(repoRoot, 'policies'));
    await ensureEditorBuilt();
    server = await startAppServer({});
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', bypassCSP: true });
    page = await open(server.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('enters a withdrawn ready notice and a new one with "+ ny tidpunkt" by keyboard; the periods and totals are the engine\'s', async () => {
    await page.click('#tab-simulator');
    await page.waitForSelector('input[name="event-ready_notice_sent-date"]', { timeout: 15_000 });
    await fillEvent(page, 'admitted', HISTORY.admitted);
    await fillEvent(page, 'admission_notice_sent', HISTORY.admission_notice_sent);
    await fillEvent(page, 'ready_notice_sent', HISTORY.ready_notice_sent[0]);
    await fillEvent(page, 'ready_withdrawn', HISTORY.ready_withdrawn);
    // another occurrence of the notice, by keyboard: the button, Enter, and the focus is in the new row's date
    const add = page.locator('#sim-add-ready_notice_sent');
    expect(await add.textContent()).toBe('+ ny tidpunkt');
    await add.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('event-ready_notice_sent-2-date');
    expect(await page.getAttribute('input[name="event-ready_notice_sent-2-date"]', 'aria-label')).toBe('Utskrivningsklar meddelad, tidpunkt 2, Datum');
    await fillEvent(page, 'ready_notice_sent', HISTORY.ready_notice_sent[1], 2);
    await fillEvent(page, 'discharged', HISTORY.discharged);
    // the events that happen once (admission, discharge, death) have no second row to add
    expect(await page.locator('#sim-add-admitted, #sim-add-discharged, #sim-add-died').count()).toBe(0);
    expect(await page.evaluate(() => window.__avtal!.simulator!.scenario.events.ready_notice_sent)).toEqual(['2019-01-07 11:00', '2019-01-21 13:00']);

    const answer = engine(HISTORY);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const expected = answer.result.payments[0];
    expect(expected.periods.length).toBe(2);
    await expect.poll(() => periodRows(page), { timeout: 10_000 }).toEqual(asRows(expected));
    expect(await page.getAttribute('[data-testid="sim-total-days-0"]', 'data-value')).toBe(String(expected.totalBillableDays));
    expect(await page.getAttribute('[data-testid="sim-total-amount-0"]', 'data-value')).toBe(String(expected.totalAmount));
    expect(await page.locator('[data-testid="sim-billable-0"]').textContent()).toBe(String(expected.totalBillableDays));
    // the same as the policy's own worked example of this history
    const ex = workedExample();
    expect(expected.totalBillableDays).toBe(ex.billableDays);
    expect(await page.getAttribute('[data-testid="sim-first-payable-0"]', 'data-iso')).toBe(ex.firstPayableDay);
    // the calendar: both notices, the grace days of both periods, two first payable days
    expect(await page.locator('.cal-day.first-payable').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))).toEqual(expected.periods.map((x) => x.firstPayableDay));
    expect(await page.locator('.cal-day[data-date="2019-01-21"] .cal-note').first().textContent()).toContain('13:00');
  });

  it('carries the lists in the link, the YAML file and the API request; an old single-time link still opens', async () => {
    await page.click('#sim-copy-link');
    const url = page.url();
    const code = new URLSearchParams(new URL(url).hash.slice(1)).get('s')!;
    const linked = JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as { e: Record<string, unknown> };
    expect(linked.e.ready_notice_sent).toEqual(['2019-01-07 11:00', '2019-01-21 13:00']);
    expect(linked.e.admitted).toBe('2019-01-03 09:00'); // a single time stays a single time

    const expected = engine(HISTORY);
    if (!expected.ok) throw new Error('the engine refused the history');
    const opened = await open(url);
    await expect.poll(() => periodRows(opened), { timeout: 15_000 }).toEqual(asRows(expected.result.payments[0]));
    expect(await opened.inputValue('input[name="event-ready_notice_sent-2-time"]')).toBe('13:00');
    await opened.close();

    expect(await page.evaluate(() => window.__avtal!.simulator!.toYaml())).toContain('ready_notice_sent:\n    - 2019-01-07 11:00\n    - 2019-01-21 13:00\n');

    // the API request: the list as the case schema takes it, and the server answers with the same periods
    await page.click('#sim-copy-json');
    const json = await page.evaluate(() => window.__avtal!.simulator!.lastApiCopy!);
    const body = JSON.parse(json) as { events: Record<string, unknown> };
    expect(body.events.ready_notice_sent).toEqual(HISTORY.ready_notice_sent);
    const r = await fetch(new URL('api/evaluate?version=2019-01-01', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    expect(r.status, await r.clone().text()).toBe(200);
    const served = (await r.json()) as { payments: PaymentResult[] };
    expect(asRows(served.payments[0])).toEqual(asRows(expected.result.payments[0]));
    await page.click('#sim-copy-curl');
    expect(await page.evaluate(() => window.__avtal!.simulator!.lastApiCopy!)).toContain('"ready_notice_sent":["2019-01-07T11:00","2019-01-21T13:00"]');

    // a link made before histories (every event one time): it opens as it always did
    const old = Buffer.from(JSON.stringify({ e: { admitted: '2019-01-03 09:00', admission_notice_sent: '2019-01-03 15:00', ready_notice_sent: '2019-01-07 13:00' }, f: { sip_needed: false }, w: {} })).toString('base64url');
    const oldPage = await open(`${server.url}#a=varmland&v=2019-01-01&tab=simulator&s=${old}`);
    const single = engine({ admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T13:00' });
    if (!single.ok) throw new Error('the engine refused the single-time case');
    await expect.poll(() => oldPage.locator('[data-testid="sim-first-payable-0"]').getAttribute('data-iso'), { timeout: 15_000 }).toBe(single.result.payments[0].firstPayableDay);
    expect(await oldPage.locator('.event-row[data-event="ready_notice_sent"]').count()).toBe(1);
    expect(await oldPage.inputValue('input[name="event-ready_notice_sent-time"]')).toBe('13:00');
    await oldPage.close();
  });

  it('a death ends the second period; a discharge besides the death, or a notice after it, is the engine\'s located error in Swedish', async () => {
    // remove the discharge, the patient dies instead
    await page.click('.event-row[data-event="discharged"] button[aria-label^="Töm"]');
    await fillEvent(page, 'died', '2019-01-27T04:00');
    const died = engine({ ...without(HISTORY, 'discharged'), died: '2019-01-27T04:00' });
    if (!died.ok) throw new Error(JSON.stringify(died.error));
    expect(died.result.payments[0].periods.at(-1)?.endedBy).toBe('died');
    await expect.poll(() => periodRows(page), { timeout: 10_000 }).toEqual(asRows(died.result.payments[0]));

    // both a death and a discharge: refused by the engine, its message at the discharge
    await fillEvent(page, 'discharged', HISTORY.discharged);
    const both = engine({ ...HISTORY, died: '2019-01-27T04:00' });
    if (both.ok) throw new Error('the engine answered an impossible history');
    // (the engine finds two things wrong with the discharge: it is recorded besides the death, and after it)
    const messages = both.error.errors.map((e) => e.message);
    expect(both.error.errors.every((e) => e.code === 'AVT-E013' && e.pointer === '/events/discharged')).toBe(true);
    expect(messages.every((m) => m.startsWith('omöjlig historik: '))).toBe(true);
    const problem = page.locator('[data-testid="sim-problems"] li[data-code="AVT-E013"][data-pointer="/events/discharged"]');
    await expect.poll(() => problem.count(), { timeout: 10_000 }).toBe(messages.length);
    expect((await problem.allTextContents()).map((text, i) => text.includes(messages[i]))).toEqual(messages.map(() => true));
    expect(await page.getAttribute('.event-row[data-event="discharged"]', 'class')).toContain('invalid');
    expect(await page.getAttribute('input[name="event-discharged-date"]', 'aria-invalid')).toBe('true');
    expect(await page.locator('#event-discharged-problem').textContent()).toBe(messages.join(' '));
    expect(await page.locator('[data-testid="sim-period-table-0"]').count()).toBe(0);
    // the problem's field name takes the focus to the field
    await problem.first().locator('button').click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('event-discharged-date');

    // without the discharge, a second notice after the death: located at that occurrence (the second row)
    await page.click('.event-row[data-event="discharged"] button[aria-label^="Töm"]');
    await fillEvent(page, 'died', '2019-01-20T04:00');
    const after = engine({ ...without(HISTORY, 'discharged'), died: '2019-01-20T04:00' });
    if (after.ok) throw new Error('the engine answered an impossible history');
    expect(after.error.errors).toContainEqual(expect.objectContaining({ code: 'AVT-E013', pointer: '/events/ready_notice_sent/1' }));
    const atSecond = page.locator('[data-testid="sim-problems"] li[data-pointer="/events/ready_notice_sent/1"]');
    await expect.poll(() => atSecond.count(), { timeout: 10_000 }).toBe(1);
    expect(await atSecond.textContent()).toContain('Utskrivningsklar meddelad, tidpunkt 2');
    expect(await page.getAttribute('.event-row[data-event="ready_notice_sent"][data-occurrence="2"]', 'class')).toContain('invalid');
    expect(await page.getAttribute('.event-row[data-event="ready_notice_sent"][data-occurrence="1"]', 'class')).not.toContain('invalid');
  });

  it('has no serious or critical accessibility violations with occurrences, periods and a located problem', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.event-row[data-event="died"] button[aria-label^="Töm"]');
    await fillEvent(page, 'discharged', HISTORY.discharged);
    await page.waitForSelector('[data-testid="sim-period-table-0"]', { timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('removes an occurrence with its × button; in English the labels and the engine\'s message are English', async () => {
    // remove the second notice: one period again
    await page.click('.event-row[data-event="ready_notice_sent"][data-occurrence="2"] button[data-remove="2"]');
    expect(await page.evaluate(() => window.__avtal!.simulator!.scenario.events.ready_notice_sent)).toBe('2019-01-07 11:00');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('event-ready_notice_sent-date');
    const one = engine({ ...HISTORY, ready_notice_sent: HISTORY.ready_notice_sent[0] });
    if (!one.ok) throw new Error('the engine refused the case');
    await expect.poll(() => periodRows(page), { timeout: 10_000 }).toEqual(asRows(one.result.payments[0]));

    await page.click('.lang-toggle button[data-lang="en"]');
    await expect.poll(() => page.locator('#sim-add-ready_notice_sent').textContent(), { timeout: 10_000 }).toBe('+ another time');
    await expect.poll(() => page.locator('[data-testid="sim-period-table-0"] caption').textContent(), { timeout: 10_000 }).toBe('Billable periods');
    await fillEvent(page, 'discharged', '2019-01-01T10:00');
    const early = engine({ ...HISTORY, ready_notice_sent: HISTORY.ready_notice_sent[0], discharged: '2019-01-01T10:00' }, 'en');
    if (early.ok) throw new Error('the engine answered an impossible history');
    const problem = page.locator('[data-testid="sim-problems"] li[data-pointer="/events/discharged"]');
    await expect.poll(() => problem.textContent(), { timeout: 10_000 }).toContain(early.error.errors[0].message);
    expect(early.error.errors[0].message).toMatch(/^impossible history: discharged at 2019-01-01 10:00 comes before the admission/);
    await page.click('.lang-toggle button[data-lang="sv"]');
    await fillEvent(page, 'discharged', HISTORY.discharged);
  });

  it('fills in a worked example that has a history: a row per occurrence, the example\'s figures', async () => {
    await page.selectOption('#sim-example', 'återkallat_och_nytt_meddelande');
    const ex = workedExample();
    await expect.poll(() => page.getAttribute('[data-testid="sim-total-days-0"]', 'data-value'), { timeout: 10_000 }).toBe(String(ex.billableDays));
    expect(await page.locator('.event-row[data-event="ready_notice_sent"]').count()).toBe(2);
    expect(await page.inputValue('input[name="event-ready_notice_sent-2-date"]')).toBe('2019-01-21');
    expect(await page.getAttribute('[data-testid="sim-first-payable-0"]', 'data-iso')).toBe(ex.firstPayableDay);
  });

  it('a payment that is still pending (a SIP that can still be called in time) says so, in the summary and its period', async () => {
    const events = { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T11:00' };
    const answer = evaluateCase(set, { county: 'varmland', events, facts: { sip_needed: true }, evaluationDate: '2019-01-09' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    expect(answer.result.payments[0].status).toBe('pending');
    const code = Buffer.from(JSON.stringify({ e: Object.fromEntries(Object.entries(events).map(([k, v]) => [k, v.replace('T', ' ')])), f: { sip_needed: true }, d: '2019-01-09' })).toString('base64url');
    const p = await open(`${server.url}#a=varmland&v=2019-01-01&tab=simulator&s=${code}`);
    await expect.poll(() => p.locator('[data-testid="sim-first-payable-0"]').textContent(), { timeout: 15_000 }).toBe('Väntar: ett villkor kan ännu uppfyllas');
    expect(await p.locator('[data-testid="sim-period-table-0"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(answer.result.payments[0].periods.map((x) => x.status));
    expect(await p.getAttribute('[data-testid="sim-total-days-0"]', 'data-value')).toBe('');
    await p.close();
  });

  it('an agreement silent on payment (Halland) shows the law\'s payment, as evaluateCase gives it, and says why', async () => {
    const events = { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T10:00', ready_notice_sent: '2019-01-07T11:00', discharged: '2019-01-21T10:00' };
    const answer = evaluateCase(set, { county: 'halland', events, facts: { sip_needed: false } });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const expected = answer.result.payments[0];
    expect(answer.result.fallback?.reason).toMatch(/nationell_lag/);
    expect(expected.responsible).toBe(true);
    const code = Buffer.from(JSON.stringify({ e: Object.fromEntries(Object.entries(events).map(([k, v]) => [k, v.replace('T', ' ')])), f: { sip_needed: false } })).toString('base64url');
    const p = await open(`${server.url}#a=halland&tab=simulator&s=${code}`);
    await expect.poll(() => p.getAttribute('[data-testid="sim-first-payable-0"]', 'data-iso'), { timeout: 15_000 }).toBe(expected.firstPayableDay);
    expect(await p.locator('[data-testid="sim-billable-0"]').textContent()).toBe(String(expected.billableDays));
    expect(await p.locator('[data-testid="sim-fallback"]').textContent()).toBe(answer.result.fallback!.reason);
    // the law's rule has its title and citation among the reasons
    expect(await p.locator(`.reasons [data-rule="${expected.id}"] .cite`).count()).toBeGreaterThan(0);
    await p.close();
  });

  it('had no page errors', () => {
    expect(errors).toEqual([]);
  });
});
