// End-to-end tests of the policy editor in headless Chromium (Debian's chromium + playwright-core),
// against the real server app (server/app.ts) over a temporary copy of the policies. Each test drives
// the page as a user would (typing, clicking, filling forms) and reads the outcome from the page.
// Timings are measured and printed, with only generous sanity bounds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_LABEL, startAppServer, type AppServer } from './app-server';
import { browserSkipReason, chromiumAvailable, cursorAt, launchBrowser } from './browser';
import { ensureEditorBuilt, repoRoot } from './build';

const TOKEN = 'e2e-secret-token';
const VARMLAND = readFileSync(join(repoRoot, 'policies/varmland/2019-01-01.avtal'), 'utf8');
const EXAMPLES = VARMLAND.match(/^exempel /gm)?.length ?? 0;

/** Värmland with its examples (and what follows them) repeated under new names until the text has at least 500 lines. */
function bigPolicy(): string {
  const examples = VARMLAND.slice(VARMLAND.indexOf('exempel exempel_1'));
  let text = VARMLAND;
  for (let i = 1; text.split('\n').length < 500; i++) text += `\n${examples.replace(/^(\p{L}+) ([\p{L}\p{N}_]+)/gmu, (_m, kw: string, n: string) => `${kw} ${n}_${i}`)}`;
  return text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---------------------------------------------------------------- page helpers

async function analysedVersion(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.body.dataset.analysedVersion ?? '0'));
}

/** Runs `action`, then waits until the worker has analysed a newer text. */
async function afterAnalysis(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await analysedVersion(page);
  await action();
  await page.waitForFunction((prev) => Number(document.body.dataset.analysedVersion) > prev, before, { timeout: 15_000 });
}

/** The 1-based line of the first match of `needle` in the editor. */
async function lineOf(page: Page, needle: string): Promise<number> {
  const line = await page.evaluate((n) => window.__avtal!.editor.getModel()!.findMatches(n, false, false, true, null, false)[0]?.range.startLineNumber ?? -1, needle);
  expect(line, `"${needle}" is in the text`).toBeGreaterThan(0);
  return line;
}

/**
 * Within the first match of `needle`, selects the part `from` and types `to` over it with real keystrokes
 * (Backspace when `to` is empty). Keep `to` short: a digit or a letter.
 */
async function typeOver(page: Page, needle: string, from: string, to: string): Promise<void> {
  await page.evaluate(([n, f]) => {
    const { editor } = window.__avtal!;
    const model = editor.getModel()!;
    const match = model.findMatches(n, false, false, true, null, false)[0];
    if (!match) throw new Error(`not found: ${n}`);
    const start = model.getOffsetAt(match.range.getStartPosition()) + n.indexOf(f);
    const a = model.getPositionAt(start);
    const b = model.getPositionAt(start + f.length);
    editor.setSelection({ startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column });
    editor.revealLineInCenter(a.lineNumber);
    editor.focus();
  }, [needle, from] as const);
  if (to === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(to);
}

async function runAction(page: Page, id: string): Promise<void> {
  await page.evaluate((a) => window.__avtal!.editor.trigger('e2e', a, {}), id);
}

async function openEditor(context: BrowserContext, url: string, errors: string[]): Promise<{ page: Page; usableMs: number; marks: Record<string, number> }> {
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console.error: ${msg.text()}`);
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
  const usableMs = performance.now() - started;
  // the worker's own marks (its script running, its modules loaded, the first analysis) follow just after
  await page.waitForSelector('body[data-worker-timings="1"]', { state: 'attached', timeout: 10_000 });
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  return { page, usableMs, marks };
}

// ---------------------------------------------------------------- tests

const suiteName = `policy editor${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`;
describe.skipIf(!chromiumAvailable)(suiteName, { timeout: 90_000 }, () => {
  let server: AppServer;
  let readonlyServer: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const timings: Record<string, number> = {};
  let firstLoadMarks: Record<string, number> = {};

  beforeAll(async () => {
    timings.viteBuildMs = await ensureEditorBuilt();
    server = await startAppServer({ token: TOKEN });
    readonlyServer = await startAppServer({});
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Every Content-Security-Policy violation of the pages, from their first script on (read by the CSP test below).
    await context.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const opened = await openEditor(context, server.url, errors);
    page = opened.page;
    timings.pageUsableMs = opened.usableMs;
    timings.inPageEditorReadyMs = opened.marks['avtal:editor-ready'];
    timings.inPageUsableMs = opened.marks['avtal:usable'];
    firstLoadMarks = opened.marks;
  }, 240_000);

  afterAll(async () => {
    console.log(`[e2e editor] ${Object.entries(timings).map(([k, v]) => `${k}=${Number.isNaN(v) ? 'reused' : Math.round(v)}`).join(' ')}`);
    // where the first load's time went, in ms from the page's navigation start (avtal:* marks, in order)
    const marks = Object.entries(firstLoadMarks).filter(([k]) => k.startsWith('avtal:')).sort((a, b) => a[1] - b[1]);
    console.log(`[e2e editor] first load marks: ${marks.map(([k, v]) => `${k.slice(6)}=${Math.round(v)}`).join(' ')}`);
    await browser?.close();
    await server?.close();
    await readonlyServer?.close();
  });

  it('opens Värmland from the server, usable, with no problems and all examples passing', async () => {
    expect(await page.evaluate(() => document.body.dataset.online)).toBe('1');
    expect(await page.locator('#agreement-select').inputValue()).toBe('varmland');
    expect(await page.locator('#version-select').inputValue()).toBe('2019-01-01');
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toBe(VARMLAND);
    expect(await page.locator('#status').textContent()).toBe('0 problem');
    expect(EXAMPLES).toBeGreaterThanOrEqual(8);
    expect(await page.evaluate(() => document.body.dataset.examplesPassed)).toBe(String(EXAMPLES));
    // page usable (text shown and checked) well within a sanity bound; the figure is printed
    expect(timings.pageUsableMs).toBeLessThan(20_000);
  });

  it('colours tokens from the keyword table, Swedish and English, by role', async () => {
    const tokens = await page.evaluate(() =>
      window.__avtal!.monaco.editor
        .tokenize('tidsfrist x "Titel" inom 3 dagar efter utskrivningsklar_meddelad\ndeadline y within 24 hours after admitted # note\nbrytpunkt m kl 12:00, 12:00 räknas som före', 'avtal')
        .map((line) => line.map((tk) => tk.type)),
    );
    const flat = tokens.flat();
    for (const type of ['keyword.declaration.avtal', 'string.avtal', 'keyword.operator.avtal', 'number.avtal', 'type.unit.avtal', 'variable.event.avtal', 'comment.avtal', 'number.time.avtal', 'keyword.clause.avtal']) {
      expect(flat, type).toContain(type);
    }
    expect(tokens[0][0]).toBe('keyword.declaration.avtal'); // tidsfrist
    expect(tokens[1][0]).toBe('keyword.declaration.avtal'); // deadline
  });

  it('shows a typed error as a squiggle at the right line, in the problems list and on hover', async () => {
    const line = await lineOf(page, '  kräver inskrivningsmeddelande_skickat');
    await afterAnalysis(page, () => typeOver(page, 'kräver inskrivningsmeddelande_skickat', 'dd', 'd'));
    await expect.poll(() => page.locator('#panel-problems .problem').count()).toBe(1);
    const problem = page.locator('#panel-problems .problem').first();
    expect(await problem.getAttribute('data-line')).toBe(String(line));
    expect(await problem.getAttribute('data-code')).toBe('AVT-C002');
    expect(await problem.textContent()).toContain('inskrivningsmedelande_skickat');
    const markers = await page.evaluate(() => window.__avtal!.monaco.editor.getModelMarkers({ owner: 'avtal' }).map((m) => ({ line: m.startLineNumber, code: String(m.code) })));
    expect(markers).toEqual([{ line, code: 'AVT-C002' }]);
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
    // the message on hover
    await cursorAt(page, 'inskrivningsmedelande_skickat', 3);
    await runAction(page, 'editor.action.showHover');
    await expect.poll(() => page.locator('.monaco-hover:visible').allTextContents().then((t) => t.join(' ')), { timeout: 10_000 }).toContain('okänt namn'); // Swedish, the editor's default language
    await page.keyboard.press('Escape');
    // put the letter back: the problem goes away
    await afterAnalysis(page, () => typeOver(page, 'kräver inskrivningsmedelande_skickat', 'd', 'dd'));
    await expect.poll(() => page.evaluate(() => document.body.dataset.diagnosticsCount)).toBe('0');
  });

  it('hovers a rule with its citation and quote, completes names, goes to a definition, formats', async () => {
    // hover on the rule an example refers to
    await cursorAt(page, 'för kommunens_betalningsansvar', 8);
    await runAction(page, 'editor.action.showHover');
    const hover = page.locator('.monaco-hover:visible');
    await expect.poll(() => hover.allTextContents().then((t) => t.join(' ')), { timeout: 10_000 }).toContain('7. Ekonomisk reglering');
    const hoverText = (await hover.allTextContents()).join(' ');
    expect(hoverText).toContain('Betalningsansvar');
    expect(hoverText).toContain('Ekonomisk reglering inträder tre dagar efter');
    await page.keyboard.press('Escape');

    // go to definition: the example's `för RULE` → the payment rule
    const declLine = await lineOf(page, 'betalningsansvar kommunens_betalningsansvar');
    await cursorAt(page, 'för kommunens_betalningsansvar', 8);
    await runAction(page, 'editor.action.revealDefinition');
    await expect.poll(() => page.evaluate(() => window.__avtal!.editor.getPosition()!.lineNumber)).toBe(declLine);

    // completion after `se`: interpretations first
    await cursorAt(page, '  se kl_12_exakt', 5);
    await runAction(page, 'editor.action.triggerSuggest');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 10_000 });
    const first = await rows.first().getAttribute('aria-label');
    expect(['avliden_avslutar', 'återkallat_meddelande', 'kl_12_exakt', 'meddelandedagen_är_fristdag_1', 'regionens_insatser_hela_vårdtiden', 'sip_inom_tre_dagar', 'tvåsiffrigt_årtal', 'utan_dröjsmål_mäts_inte', 'utskrivningsdagen_räknas'].some((n) => first?.startsWith(n))).toBe(true);
    await page.keyboard.press('Escape');

    // format document: still no problems, examples still pass
    await runAction(page, 'editor.action.formatDocument');
    await expect.poll(() => page.evaluate(() => document.body.dataset.diagnosticsCount)).toBe('0');
  });

  it('runs the examples: all pass; a broken number makes example 2 fail, expected beside actual', async () => {
    await page.click('#tab-examples');
    await expect.poll(() => page.locator('[data-testid="examples-summary"]').textContent()).toBe(`${EXAMPLES} av ${EXAMPLES} exempel stämmer`);
    await afterAnalysis(page, () => typeOver(page, 'frist 4 dagar när', '4', '5'));
    // exempel_2, and the withdrawn-and-repeated notice sent at 13.00 (its second period's four grace days)
    await expect.poll(() => page.locator('[data-testid="examples-summary"]').textContent()).toBe(`${EXAMPLES - 2} av ${EXAMPLES} exempel stämmer`);
    const failed = page.locator('.example[data-pass="false"]');
    expect(await failed.count()).toBe(2);
    expect(await failed.first().getAttribute('data-example')).toBe('exempel_2');
    const failingRows = failed.first().locator('tr.fail');
    const cells = await failingRows.first().locator('td').allTextContents();
    expect(cells[1]).toBe('4 dagar'); // expected (frist 4 dagar)
    expect(cells[2]).toBe('5 dagar'); // actual
    const all = (await failingRows.allTextContents()).join(' ');
    expect(all).toContain('2019-01-11');
    expect(all).toContain('2019-01-12');
    // clicking the example jumps to it in the text
    await failed.first().locator('.example-title').click();
    expect(await page.evaluate(() => window.__avtal!.editor.getPosition()!.lineNumber)).toBe(await lineOf(page, 'exempel exempel_2'));
    // put the number back
    await afterAnalysis(page, () => typeOver(page, 'frist 5 dagar när', '5', '4'));
    await expect.poll(() => page.locator('[data-testid="examples-summary"]').textContent()).toBe(`${EXAMPLES} av ${EXAMPLES} exempel stämmer`);
  });

  it('simulates Värmland example 2 from the form and shows the first payable day 2019-01-11', async () => {
    await page.click('#tab-simulator');
    const fill = async (event: string, date: string, time: string) => {
      await page.fill(`input[name="event-${event}-date"]`, date);
      await page.fill(`input[name="event-${event}-time"]`, time);
    };
    await fill('admitted', '2019-01-03', '09:00');
    await fill('admission_notice_sent', '2019-01-03', '15:00');
    await fill('ready_assessed', '2019-01-07', '10:00');
    await fill('ready_notice_sent', '2019-01-07', '13:00');
    expect(await page.isChecked('input[name="fact-sip_needed"]')).toBe(false);
    const first = page.locator('[data-testid="sim-first-payable-0"]');
    await expect.poll(() => first.getAttribute('data-iso'), { timeout: 10_000 }).toBe('2019-01-11');
    expect(await first.textContent()).toContain('2019-01-11');
    expect(await page.locator('[data-testid="sim-grace-0"]').textContent()).toBe('4');
    // the calendar: four grace days from Monday, Friday the first payable day
    expect(await page.locator('.cal-day.grace').count()).toBe(4);
    expect(await page.locator('.cal-day.first-payable').getAttribute('data-date')).toBe('2019-01-11');
    // the reasons cite the agreement
    const reason = page.locator('.reason[data-rule="kommunens_betalningsansvar"]');
    expect(await reason.textContent()).toContain('7. Ekonomisk reglering');
  });

  it("runs under the service's Content-Security-Policy without 'unsafe-eval': the worker validates a case the schema refuses, and nothing was blocked", async () => {
    const csp = (await page.request.get(server.url)).headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-eval');
    // A month 13 and a fact of the wrong type go the careful way: the generated schema validator, in the worker.
    const result = await page.evaluate(() => {
      const { client, editor } = window.__avtal!;
      const scenario = { events: { admitted: '2019-01-03 09:00', ready_notice_sent: '2019-13-07 13:00' }, facts: { sip_needed: 'ja' } };
      return client.request('simulate', { text: editor.getValue(), scenario, ui: 'en' });
    });
    expect(result.base.ok).toBe(false);
    expect(result.base.errors.join('\n')).toMatch(/ready_notice_sent: invalid case: must match pattern/);
    expect(result.base.errors.join('\n')).toMatch(/sip_needed: invalid case: must be boolean/);
    // and in Swedish, as the simulator shows it by default
    const sv = await page.evaluate(() => {
      const { client, editor } = window.__avtal!;
      const scenario = { events: { admitted: '2019-01-03 09:00', ready_notice_sent: '2019-13-07 13:00' }, facts: { sip_needed: 'ja' } };
      return client.request('simulate', { text: editor.getValue(), scenario, ui: 'sv' });
    });
    expect(sv.base.errors.join('\n')).toMatch(/ready_notice_sent: ogiltigt ärende: är ingen tidpunkt/);
    expect(sv.base.errors.join('\n')).toMatch(/sip_needed: ogiltigt ärende: ska vara ja eller nej/);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('what-if: moving the cutoff to 14:00 gives 3 grace days, side by side, without editing the file', async () => {
    const before = await page.evaluate(() => window.__avtal!.editor.getValue());
    await page.locator('details.what-if > summary').click();
    await page.fill('input[data-tweak="cutoff:middag"]', '14:00');
    await expect.poll(() => page.locator('[data-testid="sim-first-payable-1"]').getAttribute('data-iso'), { timeout: 10_000 }).toBe('2019-01-10');
    expect(await page.locator('[data-testid="sim-first-payable-0"]').getAttribute('data-iso')).toBe('2019-01-11');
    expect(await page.locator('[data-testid="sim-grace-1"]').textContent()).toBe('3');
    expect(await page.locator('tr[data-row="first-payable"]').getAttribute('class')).toContain('differs');
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toBe(before);
  });

  it('shares the scenario as a link and as YAML', async () => {
    await page.click('#sim-copy-link');
    const url = page.url();
    expect(url).toContain('s=');
    const yaml = await page.evaluate(() => window.__avtal!.simulator!.toYaml());
    expect(yaml).toContain('ready_notice_sent: 2019-01-07 13:00');
    expect(yaml).toContain('cutoff:middag: 14:00');

    // the link opens the same scenario, what-if included
    const other = await openEditor(context, url, errors);
    const p2 = other.page;
    await expect.poll(() => p2.locator('[data-testid="sim-first-payable-0"]').getAttribute('data-iso'), { timeout: 15_000 }).toBe('2019-01-11');
    expect(await p2.locator('[data-testid="sim-first-payable-1"]').getAttribute('data-iso')).toBe('2019-01-10');

    // YAML in: example 1's times (11:00) → Thursday
    await p2.setInputFiles('.share input[type="file"]', {
      name: 'scenario.yaml', mimeType: 'text/yaml',
      buffer: Buffer.from('events:\n  admitted: 2019-01-03 09:00\n  admission_notice_sent: 2019-01-03 15:00\n  ready_notice_sent: 2019-01-07 11:00\nfacts:\n  sip_needed: false\n'),
    });
    await expect.poll(() => p2.locator('[data-testid="sim-first-payable-0"]').getAttribute('data-iso'), { timeout: 10_000 }).toBe('2019-01-10');
    expect(await p2.inputValue('input[name="event-ready_notice_sent-time"]')).toBe('11:00');
    await p2.close();
  });

  it('monthly simulator: Kronoberg example 2 typed in month by month invoices March, April and May', async () => {
    await page.selectOption('#agreement-select', 'kronoberg');
    await page.waitForFunction(() => window.__avtal!.editor.getValue().includes('avtal kronoberg'), undefined, { timeout: 15_000 });
    await page.click('#tab-monthly');
    await page.waitForSelector('body[data-monthly]', { timeout: 15_000 });
    // the editor imports engine/monthly directly: a panel saying "unavailable" is a broken bridge
    expect(await page.evaluate(() => document.body.dataset.monthly)).toBe('ready');
    await page.click('#monthly-add');
    await page.click('#monthly-add');
    const averages = ['3.25', '3.0', '2.7', '2.6', '2.8'];
    for (const [i, v] of averages.entries()) await page.fill(`input[name="average-${i}"]`, v);
    expect(await page.inputValue('input[name="month-4"]')).toBe('2025-05');
    const invoiced = page.locator('[data-testid="monthly-invoiced-0"]');
    await expect.poll(() => invoiced.getAttribute('data-months'), { timeout: 15_000 }).toBe('2025-03,2025-04,2025-05');
    const text = await invoiced.textContent();
    for (const m of ['mars', 'april', 'maj']) expect(text).toContain(m);
    expect(await page.locator('table.months tr.invoiced').count()).toBe(3);
    expect(await page.locator('.chart rect').count()).toBe(5);
    // what-if: a threshold of 3.0 instead of 2.4 — nothing is invoiced, shown beside the agreement's outcome
    await page.locator('#panel-monthly details.what-if > summary').click();
    await page.fill('#panel-monthly input[data-tweak="threshold:betalningsstege"]', '3.0');
    await expect.poll(() => page.locator('[data-testid="monthly-invoiced-1"]').getAttribute('data-months'), { timeout: 15_000 }).toBe('');
    expect(await page.locator('[data-testid="monthly-invoiced-0"]').getAttribute('data-months')).toBe('2025-03,2025-04,2025-05');
    // an episodes file instead of averages: two January episodes of 4 and 2 days after ready → average 3
    await page.locator('#panel-monthly details.what-if button', { hasText: 'Återställ' }).click();
    await page.setInputFiles('#monthly-file', {
      name: 'vardtillfallen.csv', mimeType: 'text/csv',
      buffer: Buffer.from('id,kommun,inskrivning,utskrivningsklar_meddelad,utskrivning,samordningsärende\n' +
        'a,Växjö,2025-01-05 08:00,2025-01-10 10:00,2025-01-14 11:00,ja\n' +
        'b,Växjö,2025-01-06 08:00,2025-01-20 09:00,2025-01-22 11:00,ja\n'),
    });
    const jan = page.locator('#panel-monthly table.months tr[data-month="2025-01"]');
    // the averages typed in above also gave a January row (3,25): wait for the file's figures to replace it
    await expect.poll(async () => (await jan.locator('td').allTextContents())[1], { timeout: 15_000 }).toBe('3');
    const cells = await jan.locator('td').allTextContents();
    expect(cells[3]).toBe('Kontakt');
    expect(await page.locator('#panel-monthly h4', { hasText: 'Växjö' }).count()).toBe(1);
    // the threshold per year: Kronoberg's is a number for every year of its version
    expect(await page.locator('[data-testid="monthly-threshold-years"]').textContent()).toMatch(/^Gräns per år: 2024: 2,4 · 2025: 2,4/);
    // Blekinge sets its threshold each November: 2018 has one, 2019 has none yet, and the panel says so
    await page.selectOption('#agreement-select', 'blekinge');
    await page.waitForFunction(() => window.__avtal!.editor.getValue().includes('avtal blekinge'), undefined, { timeout: 15_000 });
    await page.click('#tab-monthly');
    const years = page.locator('[data-testid="monthly-threshold-years"]');
    await expect.poll(() => years.textContent(), { timeout: 15_000 }).toContain('2018: 3');
    expect(await years.textContent()).toContain('2019: inget värde');
    // back to Värmland for the tests that follow
    await page.selectOption('#agreement-select', 'varmland');
    await page.waitForFunction(() => window.__avtal!.editor.getValue().includes('avtal varmland'), undefined, { timeout: 15_000 });
  });

  it('compares two versions: Monaco diff editor shows the changed number; the semantic diff lists it', async () => {
    await page.click('#tab-versions');
    await page.selectOption('#diff-from', '2019-01-01');
    await page.selectOption('#diff-to', DRAFT_LABEL);
    await page.click('#diff-show');
    await page.waitForSelector('#diff:not([hidden]) .monaco-diff-editor', { timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => window.__avtal!.diffEditor()?.getLineChanges()?.length ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
    const changed = await page.evaluate(() => {
      const d = window.__avtal!.diffEditor()!;
      const { original, modified } = d.getModel()!;
      return d.getLineChanges()!.map((c) => ({ from: original.getLineContent(c.originalStartLineNumber).trim(), to: modified.getLineContent(c.modifiedStartLineNumber).trim() }));
    });
    expect(changed).toContainEqual({ from: 'frist 3 dagar', to: 'frist 2 dagar' });
    // the changed line on screen in the right-hand (new) side
    const shown = async () => {
      await page.evaluate(() => {
        const m = window.__avtal!.diffEditor()!.getModifiedEditor();
        m.revealLineInCenter(m.getModel()!.findMatches('frist 2 dagar', false, false, true, null, false)[0].range.startLineNumber);
      });
      return (await page.locator('.modified-in-monaco-diff-editor .view-line').allTextContents()).join('\n').replace(/\u00a0/g, ' ');
    };
    await expect.poll(shown, { timeout: 10_000 }).toContain('frist 2 dagar');
    expect(await page.locator('.modified-in-monaco-diff-editor .char-insert, .modified-in-monaco-diff-editor .line-insert').count()).toBeGreaterThan(0);
    const table = page.locator('[data-testid="semantic-diff"]');
    await table.waitFor({ timeout: 30_000 }); // /api/diff also runs the behavioural comparison
    const rows = await table.locator('tr').allTextContents();
    expect(rows.some((r) => r.includes('3') && r.includes('2') && /grace|frist/i.test(r))).toBe(true);
    await page.click('#diff-close');
    expect(await page.isVisible('#editor')).toBe(true);
  });

  it('saves a draft through the server only with the token; a read-only server says so and disables Save', async () => {
    // writable server: save the open (published) version as a new draft
    await page.fill('#save-label', 'e2e-utkast');
    await page.fill('#save-token', TOKEN);
    await page.click('#save-submit');
    await expect.poll(() => page.locator('#version-select').inputValue(), { timeout: 15_000 }).toBe('e2e-utkast');
    const saved = readFileSync(join(server.policiesDir, 'varmland/e2e-utkast.draft.avtal'), 'utf8');
    expect(saved).toContain('version "e2e-utkast" utkast');
    expect(readFileSync(join(server.policiesDir, 'varmland/2019-01-01.avtal'), 'utf8')).toBe(VARMLAND); // never overwritten

    // read-only server
    const ro = await openEditor(context, readonlyServer.url, errors);
    expect(await ro.page.isDisabled('#save-button')).toBe(true);
    await ro.page.click('#tab-versions');
    expect(await ro.page.locator('[data-testid="save-readonly"]').textContent()).toContain('startad utan nyckel');
    await ro.page.close();
  });

  it('keeps unsaved changes over a reload until they are discarded', async () => {
    await page.selectOption('#version-select', '2019-01-01');
    await expect.poll(() => page.evaluate(() => window.__avtal!.editor.getValue())).toBe(VARMLAND);
    await typeOver(page, 'frist 3 dagar\n', '3', '2');
    await page.waitForSelector('body[data-unsaved="1"]', { timeout: 10_000 });
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toContain('frist 2 dagar\n');
    expect(await page.isVisible('#discard-unsaved')).toBe(true);
    await page.click('#discard-unsaved');
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toBe(VARMLAND);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toBe(VARMLAND);
    expect(await page.isVisible('#discard-unsaved')).toBe(false);
  });

  it('measures keystroke to diagnostics on a 500-line policy', async () => {
    const text = bigPolicy();
    expect(text.split('\n').length).toBeGreaterThanOrEqual(500);
    await afterAnalysis(page, () => page.evaluate((t) => window.__avtal!.editor.setValue(t), text));
    await expect.poll(() => page.evaluate(() => document.body.dataset.diagnosticsCount)).toBe('0');
    const samples: number[] = [];
    const worker: number[] = [];
    // Each measured keystroke makes a text the worker has not seen (its small cache would answer a repeat
    // at once): a different letter typed into a name, an unknown-name error appears; then it is removed.
    for (const letter of ['q', 'w', 'z', 'v', 'j', 'k', 'b']) {
      await cursorAt(page, 'kräver sip_kallad', 14);
      let before = await analysedVersion(page);
      const started = performance.now();
      await page.keyboard.press(letter);
      await page.waitForFunction(
        (prev) => Number(document.body.dataset.analysedVersion) > prev && Number(document.body.dataset.diagnosticsCount) > 0,
        before,
        { timeout: 15_000 },
      );
      samples.push(performance.now() - started);
      worker.push(Number(await page.evaluate(() => document.body.dataset.lastWorkerMs)));
      before = await analysedVersion(page);
      await page.keyboard.press('Backspace');
      await page.waitForFunction(
        (prev) => Number(document.body.dataset.analysedVersion) > prev && document.body.dataset.diagnosticsCount === '0',
        before,
        { timeout: 15_000 },
      );
    }
    timings.keystrokeToDiagnosticsMedianMs = median(samples);
    timings.keystrokeToDiagnosticsMaxMs = Math.max(...samples);
    timings.workerAnalysisMedianMs = median(worker);
    console.log(`[e2e editor] keystroke→diagnostics on ${text.split('\n').length} lines (incl. 120 ms debounce): ${samples.map((s) => Math.round(s)).join(', ')} ms; worker ${worker.map((w) => Math.round(w)).join(', ')} ms`);
    expect(timings.keystrokeToDiagnosticsMedianMs).toBeLessThan(5_000); // sanity bound only; the target (~300 ms) is printed
  });

  it('had no page errors', () => {
    expect(errors).toEqual([]);
  });
});
