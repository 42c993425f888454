// Browser tests of the editor as a working day needs it (issue 17): the keyboard and assistive technology
// (axe-core), the layout at 1280, 1000 and 768 px (screenshots into docs/screenshots/layout-*.png), the save
// flow (confirmation, friendly names, updating an open draft, a stale base, Ctrl+S, failing examples),
// reviewing (side by side, progress, counterexamples old against new), help (/docs, copy as API request),
// links and fields. Against the real server over a temporary copy of the policies.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_LABEL, startAppServer, type AppServer } from './app-server';
import { axeViolations, browserSkipReason, chromiumAvailable, cursorAt, launchBrowser } from './browser';
import { ensureEditorBuilt, repoRoot } from './build';

const TOKEN = 'e2e-workday-token';
const WIDTHS = [1280, 1000, 768] as const;

async function open(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console.error: ${msg.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
  return page;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
const inEditor = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('#editor'));

const suiteName = `editor for a working day${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`;
describe.skipIf(!chromiumAvailable)(suiteName, { timeout: 120_000 }, () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureEditorBuilt();
    server = await startAppServer({ token: TOKEN });
    browser = await launchBrowser();
    // bypassCSP: axe-core is injected as an inline script, which the service's Content-Security-Policy (rightly) blocks.
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', bypassCSP: true });
    page = await open(context, server.url, errors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no serious or critical accessibility violations (axe-core) in the editor, the simulator, the versions and help', async () => {
    expect(await axeViolations(page)).toEqual([]);
    for (const tab of ['simulator', 'versions', 'help'] as const) {
      await page.click(`#tab-${tab}`);
      if (tab === 'simulator') await page.selectOption('#sim-example', 'exempel_2');
      if (tab === 'simulator') await page.waitForSelector('[data-testid="sim-first-payable-0"]', { timeout: 15_000 });
      if (tab === 'help') await page.waitForSelector('.help-doc h4', { timeout: 15_000 });
      expect(await axeViolations(page), tab).toEqual([]);
    }
    await page.click('#tab-problems');
  });

  it('no keyboard trap: skip links first, the panel before the editor, Esc and Ctrl+M leave the editor', async () => {
    await page.click('#tab-problems');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
    expect(await inEditor(page)).toBe(false); // the focus does not start in the editor
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
    // Tab alone reaches the side panel's tabs before the editor
    const seen: string[] = [];
    for (let i = 0; i < 30 && !(await inEditor(page)); i++) {
      await page.keyboard.press('Tab');
      seen.push(await activeId(page));
    }
    expect(seen, seen.join(' > ')).toContain('tab-problems');
    expect(seen.indexOf('tab-problems')).toBeLessThan(seen.length - 1);
    expect(await inEditor(page)).toBe(true);
    // Esc leaves the editor for the selected tab; nothing was typed
    const text = await page.evaluate(() => window.__avtal!.editor.getValue());
    await page.keyboard.press('Escape');
    expect(await activeId(page)).toBe('tab-problems');
    // Ctrl+M: Tab then moves the focus out of the editor instead of inserting spaces
    await cursorAt(page, 'frist 3 dagar', 0);
    await page.keyboard.press('Control+m');
    await page.keyboard.press('Tab');
    expect(await inEditor(page)).toBe(false);
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toBe(text);
    await cursorAt(page, 'frist 3 dagar', 0);
    await page.keyboard.press('Control+m'); // back to Tab indenting
    // the skip link to the panel
    await page.evaluate(() => (document.querySelector('.skip-link[data-skip="panel"]') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    expect(await activeId(page)).toBe('tab-problems');
  });

  it('is usable at 1280, 1000 and 768 px: header in one row, nothing clipped, the editor wide enough; screenshots', async () => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(300);
      const m = await page.evaluate(() => {
        const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
        const bar = document.querySelector('.topbar')!;
        const controls = ['#agreement-select', '#version-select', '#save-button', '#help-button', '#panel-toggle', '.lang-toggle button[data-lang="en"]'].map((s) => ({ s, right: box(s).right, bottom: box(s).bottom }));
        return { barHeight: bar.getBoundingClientRect().height, controls, editor: box('#editor').width, editorHeight: box('#editor').height, panel: box('#side-panel').width, panelHeight: box('#side-panel').height };
      });
      expect(m.barHeight, `${width}: header height`).toBeLessThanOrEqual(48);
      for (const c of m.controls) {
        expect(c.right, `${width}: ${c.s} inside the window`).toBeLessThanOrEqual(width);
        expect(c.bottom, `${width}: ${c.s} in the header's one row`).toBeLessThanOrEqual(48);
      }
      expect(m.editor, `${width}: editor width`).toBeGreaterThanOrEqual(width === 768 ? 700 : 480);
      expect(m.panelHeight, `${width}: panel height`).toBeGreaterThan(250);
      await page.screenshot({ path: join(repoRoot, `docs/screenshots/layout-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('the side panel resizes by keyboard, collapses and widens', async () => {
    const width = () => page.evaluate(() => document.querySelector('#side-panel')!.getBoundingClientRect().width);
    const before = await width();
    await page.focus('#resizer');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await width()).toBeGreaterThan(before + 40);
    await page.keyboard.press('Home');
    expect(Math.abs((await width()) - before)).toBeLessThan(2);
    await page.click('#panel-toggle');
    expect(await page.isVisible('#side-panel')).toBe(false);
    expect(await page.evaluate(() => document.querySelector('#editor')!.getBoundingClientRect().width)).toBeGreaterThan(1200);
    await page.click('#panel-toggle');
    expect(await page.isVisible('#side-panel')).toBe(true);
    await page.click('#wide-toggle');
    expect(await width()).toBeGreaterThan(1280 * 0.6);
    await page.click('#wide-toggle');
    expect(Math.abs((await width()) - before)).toBeLessThan(2);
  });

  it('calendar cells keep whole words at 768 px; labels are Swedish names, pickers show titles', async () => {
    await page.setViewportSize({ width: 768, height: 800 });
    await page.click('#tab-simulator');
    await page.selectOption('#sim-example', 'exempel_2');
    await page.waitForSelector('.cal-day', { timeout: 15_000 });
    // no note is cut off by its cell, and none is broken inside a word except at a soft hyphen (a compound's joint)
    const overflowing = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.cal-note')].filter((n) => n.scrollWidth > n.clientWidth + 1).map((n) => n.textContent));
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => [...document.querySelectorAll('.cal-day[data-date="2019-01-03"] .cal-note')].map((n) => n.textContent).join(' | '))).toContain('Inskrivnings\u00ADmeddelande');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.cal-note')!).wordBreak)).toBe('normal');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.cal-note')!).overflowWrap)).toBe('normal');
    expect(await page.locator('.event-row[data-event="sip_called"] .event-name').textContent()).toBe('SIP kallad');
    expect(await page.locator('#agreement-select option[value="varmland"]').textContent()).toMatch(/^Värmland — Överenskommelse/);
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('clearing an event time does not mean 00:00: the event waits for a time and says so', async () => {
    await page.click('#tab-simulator');
    await page.selectOption('#sim-example', 'exempel_2');
    await expect.poll(() => page.locator('[data-testid="sim-first-payable-0"]').getAttribute('data-iso'), { timeout: 15_000 }).toBe('2019-01-11');
    await page.fill('input[name="event-ready_notice_sent-time"]', '');
    expect(await page.isVisible('#event-ready_notice_sent-time-missing')).toBe(true);
    expect(await page.getAttribute('input[name="event-ready_notice_sent-time"]', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => window.__avtal!.simulator!.scenario.events.ready_notice_sent)).toBeUndefined();
    await page.fill('input[name="event-ready_notice_sent-time"]', '13:00');
    expect(await page.isVisible('#event-ready_notice_sent-time-missing')).toBe(false);
    expect(await page.evaluate(() => window.__avtal!.simulator!.scenario.events.ready_notice_sent)).toBe('2019-01-07 13:00');
  });

  it('copies the episode as an API request that the server answers with the same outcome', async () => {
    await page.click('#sim-copy-json');
    const json = await page.evaluate(() => window.__avtal!.simulator!.lastApiCopy!);
    const body = JSON.parse(json) as { events: Record<string, string> };
    expect(body.events.ready_notice_sent).toBe('2019-01-07T13:00');
    const r = await fetch(new URL('api/evaluate?version=2019-01-01', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    expect(r.status, `${json}\n${await r.clone().text()}`).toBe(200);
    const result = (await r.json()) as { payments: { firstPayableDay: string }[] };
    expect(result.payments[0].firstPayableDay).toBe('2019-01-11');
    await page.click('#sim-copy-curl');
    const curl = await page.evaluate(() => window.__avtal!.simulator!.lastApiCopy!);
    expect(curl).toMatch(/^curl -sS -X POST '.*\/api\/evaluate\?version=2019-01-01'/);
    expect(curl).toContain("-H 'content-type: application/json'");
  });

  it('help: the language reference in a panel, and an interactive API page at /docs', async () => {
    await page.click('#help-button');
    await page.waitForSelector('#panel-help .help-doc h4', { timeout: 15_000 });
    expect(await page.locator('#panel-help .help-doc').textContent()).toContain('Values and types');
    expect(await page.getAttribute('#help-button', 'aria-expanded')).toBe('true');
    const docs = await context.newPage();
    await docs.goto(new URL('docs', server.url).href, { waitUntil: 'load' });
    await docs.waitForSelector('.swagger-ui .opblock', { timeout: 30_000 });
    expect(await docs.locator('.swagger-ui .opblock').count()).toBeGreaterThan(5);
    expect(await docs.locator('.swagger-ui').textContent()).toContain('/api/evaluate');
    await docs.close();
  });

  it('a link to something that does not exist gives a notice; a changed hash is followed', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}#a=finnsinte`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-usable="1"]', { timeout: 30_000 });
    expect(await page.isVisible('#link-notice')).toBe(true);
    expect(await page.locator('#link-notice').textContent()).toContain('»finnsinte«');
    await page.evaluate(() => {
      location.hash = 'a=varmland&v=1999';
    });
    await expect.poll(() => page.locator('#link-notice').textContent(), { timeout: 10_000 }).toContain('»1999«');
    await page.evaluate((v) => {
      location.hash = `a=varmland&v=${v}`;
    }, DRAFT_LABEL);
    await expect.poll(() => page.locator('#version-select').inputValue(), { timeout: 30_000 }).toBe(DRAFT_LABEL);
    expect(await page.isVisible('#link-notice')).toBe(false);
    // The link is followed as it was given, even when the address is rewritten before the hash change is
    // handled (an earlier open finishing in between writes the version it opened into the address).
    await page.evaluate((v) => {
      location.hash = 'a=varmland&v=2019-01-01';
      history.replaceState(null, '', `#a=varmland&v=${v}`);
    }, DRAFT_LABEL);
    await expect.poll(() => page.locator('#version-select').inputValue(), { timeout: 30_000 }).toBe('2019-01-01');
    expect(await page.evaluate(() => location.hash)).toBe('#a=varmland&v=2019-01-01');
  });

  it('compares side by side when wide, shows progress, and a counterexample old against new in the simulator', async () => {
    await page.evaluate(() => {
      location.hash = 'a=varmland&v=2019-01-01';
    });
    await expect.poll(() => page.locator('#version-select').inputValue(), { timeout: 10_000 }).toBe('2019-01-01');
    await page.click('#tab-versions');
    await page.selectOption('#diff-from', '2019-01-01');
    await page.selectOption('#diff-to', DRAFT_LABEL);
    // the progress line is there from the click until the behavioural diff arrives (watched from inside the page:
    // on a busy machine the page may be too busy to answer a poll in between)
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="diff-progress"]')) w.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.click('#diff-show');
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    await page.waitForSelector('#diff:not([hidden]) .monaco-diff-editor', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="behavioural-diff"]', { timeout: 60_000 });
    expect(await page.isVisible('[data-testid="diff-progress"]')).toBe(false);
    expect(await page.evaluate(() => window.__avtal!.diffEditor()!.getOriginalEditor().getDomNode()!.getBoundingClientRect().width)).toBeGreaterThan(200); // both sides drawn
    await page.locator('[data-testid="behavioural-diff"] .counterexamples button').first().click();
    await page.waitForSelector('[data-testid="sim-comparing"]', { timeout: 15_000 });
    // both versions' outcomes arrive after the form: the summary's header names the two versions
    const heads = () => page.locator('[data-testid="sim-summary"] tr').first().locator('th').allTextContents();
    await expect.poll(async () => (await heads()).slice(1), { timeout: 20_000 }).toEqual(['2019-01-01', DRAFT_LABEL]);
    await expect.poll(() => page.locator('[data-testid="sim-summary"] tr.differs').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.click('#sim-compare-stop');
    expect(await page.isVisible('[data-testid="sim-comparing"]')).toBe(false);
    await page.click('#tab-versions');
    await page.click('#diff-close');
  });

  it('saving: a friendly name with a suggestion, a visible confirmation, a warning for failing examples', async () => {
    await page.click('#tab-versions');
    await page.fill('#save-token', TOKEN);
    await page.fill('#save-label', 'mitt utkast');
    expect(await page.locator('#save-label-problem').textContent()).toContain('mitt-utkast');
    expect(await page.locator('#save-label-problem').textContent()).not.toMatch(/must match|pattern/);
    await page.click('#save-submit');
    expect(await page.locator('#version-select').inputValue()).toBe('2019-01-01'); // not saved
    await page.click('#save-use-suggestion');
    expect(await page.inputValue('#save-label')).toBe('mitt-utkast');
    // a failing example: warned before saving, and in the confirmation
    await cursorAt(page, 'frist 4 dagar när', 6);
    await page.keyboard.press('Delete');
    await page.keyboard.type('5');
    await page.waitForFunction(() => Number(document.body.dataset.examplesFailed) > 0, undefined, { timeout: 15_000 });
    await page.click('#tab-versions');
    await page.waitForSelector('[data-testid="save-examples-warning"]', { timeout: 5_000 });
    await page.fill('#save-token', TOKEN);
    await page.fill('#save-label', 'mitt-utkast');
    await page.click('#save-submit');
    await page.waitForSelector('body[data-saved="mitt-utkast"]', { timeout: 15_000 });
    expect(await page.locator('#version-select').inputValue()).toBe('mitt-utkast');
    expect(await page.isVisible('#toast')).toBe(true);
    expect(await page.locator('#toast').textContent()).toContain('Sparat som utkast mitt-utkast');
    expect(await page.locator('#toast').textContent()).toContain('räkneexempel');
    expect(await activeId(page)).toBe('save-result');
    expect(readFileSync(join(server.policiesDir, 'varmland/mitt-utkast.draft.avtal'), 'utf8')).toContain('frist 5 dagar när');
  });

  it('updates the open draft with Ctrl+S, and refuses when someone else changed it since (409)', async () => {
    await cursorAt(page, 'frist 5 dagar när', 6);
    await page.keyboard.press('Delete');
    await page.keyboard.type('4');
    await page.waitForSelector('body[data-unsaved="1"]', { timeout: 10_000 });
    await page.evaluate(() => {
      delete document.body.dataset.saved;
    });
    await page.keyboard.press('Control+s');
    await page.waitForSelector('body[data-saved="mitt-utkast"]', { timeout: 15_000 });
    const file = join(server.policiesDir, 'varmland/mitt-utkast.draft.avtal');
    expect(readFileSync(file, 'utf8')).toContain('frist 4 dagar när');
    expect(await page.locator('#toast').textContent()).toContain('Sparat som utkast mitt-utkast');
    // someone else updates the draft through the API; this editor still has the older hash
    const info = (await (await fetch(new URL('api/agreements/varmland/versions/mitt-utkast', server.url))).json()) as { info: { hash: string }; text: string };
    const other = info.text.replace('# ', '# ändrat av en kollega: ');
    const put = await fetch(new URL('api/agreements/varmland/drafts/mitt-utkast', server.url), { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ text: other, baseHash: info.info.hash }) });
    expect(put.status).toBe(200);
    await cursorAt(page, 'frist 4 dagar när', 6);
    await page.keyboard.press('Delete');
    await page.keyboard.type('6');
    await page.waitForSelector('body[data-unsaved="1"]', { timeout: 10_000 });
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#toast').textContent(), { timeout: 15_000 }).toContain('ändrats av någon annan');
    expect(readFileSync(file, 'utf8')).toBe(other); // the colleague's change was not overwritten
    writeFileSync(join(server.policiesDir, '.keep'), ''); // (the folder stays for the server's close)
  });

  it("writing: completion offers the rule's clause keywords first; Ctrl+. fixes the cutoff's two times (C014)", async () => {
    await page.selectOption('#version-select', '2019-01-01');
    await expect.poll(() => page.evaluate(() => document.body.dataset.unsaved), { timeout: 10_000 }).not.toBe('1');
    // completion on a new, empty line inside the payment rule
    await cursorAt(page, 'betalningsansvar kommunens_betalningsansvar', 'betalningsansvar kommunens_betalningsansvar'.length);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.evaluate(() => {
      // an empty line indented as a clause of the rule, whatever the auto-indent did
      const { editor } = window.__avtal!;
      const line = editor.getPosition()!.lineNumber;
      editor.executeEdits('e2e', [{ range: { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: editor.getModel()!.getLineMaxColumn(line) }, text: '  ' }]);
      editor.setPosition({ lineNumber: line, column: 3 });
    });
    await page.evaluate(() => window.__avtal!.editor.trigger('e2e', 'editor.action.triggerSuggest', {}));
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 10_000 });
    const labels = await page.locator('.suggest-widget.visible .monaco-list-row .label-name').allTextContents();
    expect(labels.slice(0, 3).every((l) => ['dag', 'dagar', 'enligt', 'ersättning', 'från', 'frist', 'kräver', 'se', 'till', 'undantag'].includes(l)), labels.join(', ')).toBe(true);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.__avtal!.editor.setValue(window.__avtal!.state.baseText));
    // C014: the cutoff's time changed, its boundary not; the preferred quick fix makes them agree
    const cutoff = await page.evaluate(() => /brytpunkt \S+ kl (\d{1,2}:\d{2}), (\d{1,2}:\d{2})/.exec(window.__avtal!.editor.getValue())?.slice(0, 3));
    expect(cutoff).toBeDefined();
    await cursorAt(page, cutoff![0], cutoff![0].indexOf(' kl ') + 4);
    await page.evaluate(([from]) => {
      const { editor } = window.__avtal!;
      const p = editor.getPosition()!;
      editor.executeEdits('e2e', [{ range: { startLineNumber: p.lineNumber, startColumn: p.column, endLineNumber: p.lineNumber, endColumn: p.column + from.length }, text: '14:00' }]);
    }, [cutoff![1]] as const);
    await page.click('#tab-problems');
    await page.waitForSelector('#panel-problems .problem[data-code="AVT-C014"]', { timeout: 10_000 });
    await page.click('#panel-problems .problem[data-code="AVT-C014"]'); // the cursor goes to the boundary
    await page.keyboard.press('Control+.');
    await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 10_000 });
    const offered = await page.locator('.action-widget .monaco-list-row.action').allTextContents();
    expect(offered.join(' | ')).toContain('Gränsen ska också vara 14:00');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#panel-problems .problem[data-code="AVT-C014"]'), undefined, { timeout: 15_000 });
    expect(await page.evaluate(() => window.__avtal!.editor.getValue())).toMatch(/brytpunkt \S+ kl 14:00, 14:00/);
    await page.evaluate(() => window.__avtal!.editor.setValue(window.__avtal!.state.baseText));
  });

  it('had no page errors', () => {
    expect(errors).toEqual([]);
  });
});
