// The source panel in headless Chromium: the agreement's text beside the open policy (bundled Värmland),
// cited passages highlighted; a click on a passage lists the rules citing it and goes to one; the cursor
// in a rule, or the mouse over it, lights up its passages; a misquotation typed into the policy is a
// squiggle (AVT-C300); the steps of the simulator's and the examples' explanations go to their passages;
// the lines of a branch no example exercises are shaded.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, chromiumAvailable, launchBrowser } from './browser';
import { distDir, ensureEditorBuilt } from './build';
import { startStaticServer, type StaticServer } from './serve';

const suiteName = `source panel${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`;
describe.skipIf(!chromiumAvailable)(suiteName, { timeout: 60_000 }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureEditorBuilt();
    server = await startStaticServer(distDir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-worker-ready="1"]', { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '0 problem', null, { timeout: 30_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const lineOf = (needle: string) => page.evaluate((n) => window.__avtal!.editor.getModel()!.findMatches(n, false, false, true, null, false)[0]?.range.startLineNumber ?? -1, needle);

  it('shows the agreement with its cited passages and its text coverage', async () => {
    await page.click('#tab-source');
    await page.waitForSelector('[data-testid="source-text"] .seg.cited', { timeout: 15_000 });
    expect(await page.locator('[data-testid="source-meta"]').textContent()).toMatch(/källa varmland-samverkan-2019 · \d+ citerade ställen, 8 markerade som okodade, 0 obeslutade · texttäckning 100 %/);
    expect(await page.locator('[data-testid="source-text"]').textContent()).toContain('Om meddelandet skickas efter kl. 12.00');
    expect(await page.locator('[data-testid="source-branches"]').textContent()).toContain('Exemplen prövar alla grenar.');
  });

  it('a click on a passage lists the rules that cite it; a click on one goes to it in the policy', async () => {
    await page.locator('.seg.cited', { hasText: 'Om meddelandet skickas efter kl. 12.00' }).first().click();
    const details = page.locator('[data-testid="source-details"]');
    await expect.poll(() => details.textContent()).toContain('brytpunkt middag');
    expect(await details.textContent()).toContain('tolkning kl_12_exakt');
    const cutoffLine = await lineOf('brytpunkt middag');
    await details.locator('li', { hasText: 'brytpunkt middag' }).click();
    // the citation's own line, `enligt …` under the cutoff
    await expect.poll(() => page.evaluate(() => window.__avtal!.editor.getPosition()!.lineNumber)).toBe(cutoffLine + 1);
  });

  it('the cursor in a rule lights up the passages it cites', async () => {
    const line = await lineOf('tidsfrist kallelse_till_sip');
    await page.evaluate((l) => window.__avtal!.editor.setPosition({ lineNumber: l + 2, column: 3 }), line);
    await expect.poll(() => page.locator('.seg.active').allTextContents().then((t) => t.join(''))).toContain('inom tre dagar kalla berörda parter till en SIP');
  });

  it('the mouse over a rule lights up the passages it cites, and the cursor\'s rule again when it leaves the text', async () => {
    const cutoff = await lineOf('brytpunkt middag');
    await page.evaluate((l) => window.__avtal!.editor.setPosition({ lineNumber: l, column: 3 }), cutoff);
    const active = () => page.locator('.seg.active').allTextContents().then((t) => t.join(' '));
    await expect.poll(active).toContain('Om meddelandet skickas efter kl. 12.00');
    const sip = (await lineOf('tidsfrist kallelse_till_sip')) + 2;
    await page.evaluate((l) => window.__avtal!.editor.revealLineInCenter(l), sip);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const at = await page.evaluate((l) => {
      const { editor } = window.__avtal!;
      const p = editor.getScrolledVisiblePosition({ lineNumber: l, column: 4 })!;
      const r = editor.getDomNode()!.getBoundingClientRect();
      return { x: r.left + p.left + 2, y: r.top + p.top + p.height / 2 };
    }, sip);
    await page.mouse.move(at.x, at.y);
    await expect.poll(active).toContain('inom tre dagar kalla berörda parter till en SIP');
    expect(await active()).not.toContain('Om meddelandet skickas efter kl. 12.00');
    // the mouse leaves the text: the cursor's rule (the cutoff) again
    const meta = await page.locator('[data-testid="source-meta"]').boundingBox();
    await page.mouse.move(meta!.x + 5, meta!.y + 5);
    await expect.poll(active).toContain('Om meddelandet skickas efter kl. 12.00');
    expect(await active()).not.toContain('inom tre dagar kalla berörda parter till en SIP');
  });

  it('a misquotation typed into the policy is an error at the quotation, with the nearest passage', async () => {
    const line = await lineOf('citat "Tvister och samarbetsproblem löses i första hand på lokal chefsnivå."');
    const replace = (from: string, to: string) => page.evaluate(([l, f, t]) => {
      const { editor, monaco } = window.__avtal!;
      const model = editor.getModel()!;
      const col = model.getLineContent(l).indexOf(f) + 1;
      model.applyEdits([{ range: new monaco.Range(l, col, l, col + f.length), text: t }]);
    }, [line, from, to] as [number, string, string]);
    await replace('lokal chefsnivå', 'regional chefsnivå');
    await expect.poll(() => page.evaluate(() => window.__avtal!.monaco.editor.getModelMarkers({ owner: 'avtal' }).map((m) => `${m.code}:${m.startLineNumber}`)), { timeout: 15_000 }).toContain(`AVT-C300:${line}`);
    expect(await page.evaluate(() => window.__avtal!.monaco.editor.getModelMarkers({ owner: 'avtal' }).find((m) => m.code === 'AVT-C300')?.message)).toContain('lokal chefsnivå');
    await replace('regional chefsnivå', 'lokal chefsnivå');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toBe('0 problem');
  });

  it("the simulator's reasons go to the passage they rest on", async () => {
    await page.click('#tab-simulator');
    const fill = async (event: string, date: string, time: string) => {
      await page.fill(`input[name="event-${event}-date"]`, date);
      await page.fill(`input[name="event-${event}-time"]`, time);
    };
    await fill('admitted', '2019-01-03', '09:00');
    await fill('admission_notice_sent', '2019-01-03', '15:00');
    await fill('ready_notice_sent', '2019-01-07', '13:00');
    const link = page.locator('.reason[data-rule="kommunens_betalningsansvar"] [data-show-source]').first();
    await link.waitFor({ timeout: 15_000 });
    await link.click();
    expect(await page.evaluate(() => document.body.dataset.tab)).toBe('source');
    const active = () => page.locator('.seg.active').allTextContents().then((t) => t.join(' '));
    await expect.poll(active, { timeout: 15_000 }).toContain('Ekonomisk reglering inträder tre dagar');
    // each citation's link lights up its own passage: the second is the list of requirements
    expect(await active()).not.toContain('Kommunens betalningsansvar inträder om');
    await page.click('#tab-simulator');
    await page.locator('.reason[data-rule="kommunens_betalningsansvar"] [data-show-source]').nth(1).click();
    await expect.poll(active, { timeout: 15_000 }).toContain('Kommunens betalningsansvar inträder om');
    expect(await active()).not.toContain('Ekonomisk reglering inträder tre dagar');
  });

  it("each step of an example's explanation goes to the passage it rests on", async () => {
    await page.click('#tab-examples');
    const example = page.locator('#panel-examples li.example', { has: page.locator('[data-show-source="kommunens_betalningsansvar"]') }).first();
    await example.waitFor({ state: 'attached', timeout: 15_000 });
    await example.locator('.example-steps summary').click();
    const steps = example.locator('.example-steps li');
    expect(await steps.count()).toBeGreaterThan(1);
    // every step of a rule that quotes the agreement has its link (in Värmland every rule an example reaches quotes it)
    expect(await example.locator('.example-steps li:not(:has([data-show-source]))').count()).toBe(0);
    await example.locator('[data-show-source="kommunens_betalningsansvar"]').first().click();
    expect(await page.evaluate(() => document.body.dataset.tab)).toBe('source');
    await expect.poll(() => page.locator('.seg.active').allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toContain('Ekonomisk reglering inträder tre dagar');
    // a step of another rule lights up that rule's passages
    await page.click('#tab-examples');
    const sip = page.locator('#panel-examples li.example', { has: page.locator('[data-show-source="kallelse_till_sip"]') }).first();
    await sip.locator('.example-steps').evaluate((d) => ((d as HTMLDetailsElement).open = true)); // it may be the one already open
    await sip.locator('[data-show-source="kallelse_till_sip"]').first().click();
    await expect.poll(() => page.locator('.seg.active').allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toContain('inom tre dagar kalla berörda parter till en SIP');
  });

  it('shades the lines of a branch no example exercises whatever tab is open, and the source panel lists it', async () => {
    await page.click('#tab-problems');
    const shaded = () => page.evaluate(() => window.__avtal!.editor.getModel()!.getAllDecorations().filter((d) => d.options.className === 'avtal-unexercised-line').map((d) => d.range.startLineNumber));
    expect(await shaded()).toEqual([]);
    const original = await page.evaluate(() => window.__avtal!.editor.getModel()!.getValue());
    expect(original).toContain('givet sip_behövs ja\n');
    // no example needs a SIP: the SIP deadline is never met or missed
    await page.evaluate(() => {
      const model = window.__avtal!.editor.getModel()!;
      model.setValue(model.getValue().replaceAll('givet sip_behövs ja\n', 'givet sip_behövs nej\n'));
    });
    const sip = await lineOf('tidsfrist kallelse_till_sip');
    // on the problems tab: shaded all the same, in the line's own colour
    await expect.poll(shaded, { timeout: 15_000 }).toContain(sip);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.avtal-unexercised-line')!).backgroundColor)).toBe('rgba(198, 40, 40, 0.08)');
    await page.click('#tab-source');
    await expect.poll(() => page.locator('[data-testid="source-branches"]').textContent(), { timeout: 15_000 }).toContain(`${sip}: kallelse_till_sip`);
    // the text restored on another tab: the shading goes
    await page.click('#tab-problems');
    await page.evaluate((text) => window.__avtal!.editor.getModel()!.setValue(text), original);
    await expect.poll(shaded, { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 15_000 }).toBe('0 problem');
  });

  it('had no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
