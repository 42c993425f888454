// Smoke test for the browser editor: build it with Vite, serve editor/dist statically (no API: the
// editor opens the bundled Värmland agreement), load it in headless Chromium, check monaco renders, the
// language worker answers and nothing is fetched from outside. Screenshots are `npm run screenshots`'s
// job, not the tests'.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, chromiumAvailable, launchBrowser } from './browser';
import { distDir, ensureEditorBuilt } from './build';
import { startStaticServer, type StaticServer } from './serve';

// Per-test timeout is generous: cold Chromium + a 4 MB monaco bundle on a busy CI box.
const suiteName = `editor smoke${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`;
describe.skipIf(!chromiumAvailable)(suiteName, { timeout: 60_000 }, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const externalRequests: string[] = [];
  const pageErrors: string[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    timings.viteBuildMs = await ensureEditorBuilt();
    server = await startStaticServer(distDir);
    const launchStart = performance.now();
    browser = await launchBrowser();
    timings.browserLaunchMs = performance.now() - launchStart;
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    // Offline check: the bundle must not reach anything but our server.
    const origin = new URL(server.url).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      externalRequests.push(url);
      return route.abort();
    });
    page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`console.error: ${msg.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    if (Object.keys(timings).length > 0) {
      console.log(
        `[e2e timings] ${Object.entries(timings)
          .map(([k, v]) => `${k}=${Number.isNaN(v) ? 'reused' : Math.round(v)}`)
          .join(' ')}`,
      );
    }
    await browser?.close();
    await server?.close();
  });

  it('loads monaco and the language worker answers', async () => {
    const loadStart = performance.now();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('.monaco-editor .view-lines .view-line', { timeout: 30_000 });
    await page.waitForSelector('body[data-editor-ready="1"]', { timeout: 30_000 });
    timings.pageLoadToEditorReadyMs = performance.now() - loadStart;
    await page.waitForSelector('body[data-worker-ready="1"]', { timeout: 30_000 });
    timings.pageLoadToWorkerReadyMs = performance.now() - loadStart;

    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    timings.inPageEditorReadyMs = marks['avtal:editor-ready'];
    timings.inPageWorkerReadyMs = marks['avtal:worker-ready'];

    // Language registered and model uses it.
    const languageId = await page.evaluate(() => window.__avtal?.editor.getModel()?.getLanguageId());
    expect(languageId).toBe('avtal');
    // The generated tokenizer produced tokens.
    expect(await page.locator('.monaco-editor .view-lines span[class^="mtk"]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#status').textContent()).toBe('0 problem');
    expect(await page.evaluate(() => document.body.dataset.diagnosticsCount)).toBe('0');
  });

  it('re-analyses after typing', async () => {
    const before = Number(await page.evaluate(() => document.body.dataset.analysedVersion));
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    const typeStart = performance.now();
    await page.keyboard.type('x'); // a stray name after the last example: a syntax error
    await page.waitForFunction(
      (prev) => Number(document.body.dataset.analysedVersion) > prev,
      before,
      { timeout: 10_000 },
    );
    timings.keystrokeToDiagnosticsMs = performance.now() - typeStart; // includes the 150 ms debounce
    const text = await page.evaluate(() => window.__avtal?.editor.getValue());
    expect(text?.endsWith('x')).toBe(true);
    expect(Number(await page.evaluate(() => document.body.dataset.diagnosticsCount))).toBeGreaterThan(0);
    await page.keyboard.press('Backspace');
    await expect.poll(() => page.evaluate(() => document.body.dataset.diagnosticsCount), { timeout: 10_000 }).toBe('0');
  });

  it('shows diagnostics as monaco markers and in the Problems tab', async () => {
    await page.evaluate(() => window.__avtal?.editor.revealLine(2)); // squiggles are drawn for visible lines only
    await page.evaluate(() =>
      window.__avtal?.applyDiagnostics([
        { message: 'demo error', severity: 'error', startLine: 2, startColumn: 1, endLine: 2, endColumn: 6 },
      ]),
    );
    const markers = await page.evaluate(() => {
      const api = window.__avtal!;
      return api.monaco.editor.getModelMarkers({ owner: 'avtal' }).map((m) => m.message);
    });
    expect(markers).toEqual(['demo error']);
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
    expect(await page.locator('#panel-problems .problem').count()).toBe(1);
    expect(await page.locator('#status').textContent()).toBe('1 problem');
    await page.evaluate(() => window.__avtal?.applyDiagnostics([]));
    // monaco repaints decorations on the next animation frame: poll, don't assert once.
    await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
  });

  it('switches UI language sv <-> en', async () => {
    const tabTexts = () => page.locator('.tabs .tab').allTextContents();
    expect(await tabTexts()).toEqual(['Problem', 'Exempel', 'Simulering', 'Månad', 'Versioner', 'Källa', 'Hjälp']);
    await page.click('.lang-toggle button[data-lang="en"]');
    expect(await tabTexts()).toEqual(['Problems', 'Examples', 'Simulator', 'Monthly', 'Versions', 'Source', 'Help']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.click('.lang-toggle button[data-lang="sv"]');
    expect(await tabTexts()).toEqual(['Problem', 'Exempel', 'Simulering', 'Månad', 'Versioner', 'Källa', 'Hjälp']);
  });

  it('works offline and without errors', async () => {
    expect(externalRequests).toEqual([]);
    // The API is absent here: its 404s are expected (the editor falls back to the bundled policy).
    expect(pageErrors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
  });
});
