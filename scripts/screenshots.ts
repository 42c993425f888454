// `npm run screenshots`: pictures of each main view of the browser editor, for docs/screenshots/.
// Builds the editor when needed, serves it with the real server over a temporary copy of the policies,
// and drives headless Chromium (Debian's chromium + playwright-core) in Swedish.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DRAFT_LABEL, startAppServer } from '../test/e2e/app-server';
import { cursorAt, launchBrowser } from '../test/e2e/browser';
import { ensureEditorBuilt, repoRoot } from '../test/e2e/build';

const outDir = join(repoRoot, 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let monaco paint decorations and hovers
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

const built = await ensureEditorBuilt();
console.log(Number.isNaN(built) ? 'editor build is up to date' : `built the editor in ${Math.round(built)} ms`);
const server = await startAppServer({ token: 'screenshots-only-token' }); // writable, for the save form (nothing is saved)
// Note: headless Chromium draws date and time fields in US form (01/07/2019, 01:00 PM) whatever the
// locale; a Swedish browser shows 2019-01-07 and 13:00.
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-usable="1"]', { timeout: 60_000 });

  // 1. the editor: hover on the rule an example refers to shows the rule's citation and quote
  await cursorAt(page, 'för kommunens_betalningsansvar', 8);
  await page.evaluate(() => window.__avtal!.editor.trigger('shot', 'editor.action.showHover', {}));
  await page.waitForSelector('.monaco-hover:visible', { timeout: 10_000 });
  await shot(page, 'editor-hover');
  await page.keyboard.press('Escape');

  // 2. a typed mistake: squiggle and the problems list
  await cursorAt(page, 'kräver inskrivningsmeddelande_skickat', 21);
  await page.keyboard.press('Delete');
  await page.waitForSelector('#panel-problems .problem', { timeout: 10_000 });
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
  await shot(page, 'problems');
  await page.keyboard.type('d');
  await page.waitForFunction(() => document.body.dataset.diagnosticsCount === '0', undefined, { timeout: 10_000 });

  // 3. the examples, one broken on purpose
  await page.click('#tab-examples');
  await cursorAt(page, 'frist 4 dagar när', 6);
  await page.keyboard.press('Delete');
  await page.keyboard.type('5');
  await page.waitForSelector('.example[data-pass="false"]', { timeout: 10_000 });
  await page.evaluate(() => document.querySelector('.example[data-pass="false"]')?.scrollIntoView({ block: 'center' }));
  await shot(page, 'examples');
  await cursorAt(page, 'frist 5 dagar när', 6);
  await page.keyboard.press('Delete');
  await page.keyboard.type('4');
  await page.waitForFunction(() => document.body.dataset.examplesFailed === '0', undefined, { timeout: 10_000 });

  // 4. the simulator: example 2, what-if cutoff 14:00, the calendar
  await page.click('#tab-simulator');
  await page.selectOption('#sim-example', 'exempel_2');
  await page.locator('#panel-simulator details.what-if > summary').click();
  await page.fill('#panel-simulator input[data-tweak="cutoff:middag"]', '14:00');
  await page.waitForFunction(() => document.querySelector('[data-testid="sim-first-payable-1"]')?.getAttribute('data-iso') === '2019-01-10', undefined, { timeout: 10_000 });
  await page.evaluate(() => document.querySelector('#panel-simulator .sim-result')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'simulator');
  // 4b. a history: the ready notice withdrawn and sent again (the worked example), its two billable periods
  await page.locator('#panel-simulator details.what-if button', { hasText: 'Återställ' }).click();
  await page.selectOption('#sim-example', 'återkallat_och_nytt_meddelande');
  await page.waitForSelector('[data-testid="sim-period-table-0"] tbody tr[data-period="2"]', { timeout: 10_000 });
  await page.evaluate(() => document.querySelector('#panel-simulator .sim-result')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'simulator-history');
  await page.evaluate(() => document.querySelector('#panel-simulator fieldset.events')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'simulator-form');

  // 5. versions: the published version against a draft with 2 grace days
  await page.click('#tab-versions');
  await page.selectOption('#diff-from', '2019-01-01');
  await page.selectOption('#diff-to', DRAFT_LABEL);
  await page.click('#diff-show');
  await page.waitForSelector('[data-testid="semantic-diff"]', { timeout: 60_000 });
  await page.evaluate(() => {
    const m = window.__avtal!.diffEditor()!.getModifiedEditor();
    m.revealLineInCenter(m.getModel()!.findMatches('frist 2 dagar', false, false, true, null, false)[0].range.startLineNumber);
  });
  await shot(page, 'versions');
  // 5b. a counterexample of the behavioural diff, old against new in the simulator
  await page.waitForSelector('[data-testid="behavioural-diff"] .counterexamples button', { timeout: 60_000 });
  await page.locator('[data-testid="behavioural-diff"] .counterexamples button').first().click();
  await page.waitForSelector('[data-testid="sim-comparing"]', { timeout: 15_000 });
  await page.waitForSelector('[data-testid="sim-summary"]', { timeout: 15_000 });
  await page.evaluate(() => document.querySelector('#panel-simulator .sim-result')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'counterexample');
  await page.click('#sim-compare-stop');
  await page.click('#tab-versions');
  await page.click('#diff-close');

  // 5c. the save form: a name that cannot be used, and the suggestion
  await page.fill('#save-label', 'mitt utkast');
  await page.evaluate(() => document.querySelector('#save-section')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'save');

  // 5d. the help panel
  await page.click('#help-button');
  await page.waitForSelector('#panel-help .help-doc', { timeout: 15_000 });
  await shot(page, 'help');

  // 6. the monthly simulator: Kronoberg's example 2
  await page.selectOption('#agreement-select', 'kronoberg');
  await page.waitForFunction(() => window.__avtal!.editor.getValue().includes('avtal kronoberg'), undefined, { timeout: 15_000 });
  await page.click('#tab-monthly');
  await page.waitForSelector('body[data-monthly]', { timeout: 15_000 });
  if (await page.isVisible('#monthly-example')) {
    await page.selectOption('#monthly-example', 'exempel_2');
    await page.waitForSelector('[data-testid="monthly-invoiced-0"]', { timeout: 15_000 });
    await page.evaluate(() => document.querySelector('#panel-monthly .monthly-result')?.scrollIntoView({ block: 'start' }));
  }
  await shot(page, 'monthly');
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
