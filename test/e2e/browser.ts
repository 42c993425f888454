// Headless Chromium for e2e tests: Debian's `chromium` package driven by
// playwright-core (no Playwright browser download). Install it with
// `bash scripts/ensure-chromium.sh`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './build';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Containers often have a 64 MB /dev/shm; Debian's wrapper is meant to add
  // this flag itself but its /etc/chromium.d/dev-shm check is brittle.
  '--disable-dev-shm-usage',
];

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Why browser tests are skipped, or undefined if they can run. */
export const browserSkipReason: string | undefined = chromiumAvailable
  ? undefined
  : `${CHROMIUM_PATH} not found; run \`bash scripts/ensure-chromium.sh\` (as root) to enable browser tests`;

if (browserSkipReason) console.warn(`[e2e] skipping browser tests: ${browserSkipReason}`);

/**
 * Launch headless Chromium. playwright creates a fresh temporary
 * --user-data-dir for every non-persistent launch and deletes it on close
 * (passing --user-data-dir in `args` is rejected by playwright).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
}

/** Puts the cursor inside the first match of `needle`, `offset` characters in. */
export async function cursorAt(page: Page, needle: string, offset: number): Promise<void> {
  await page.evaluate(([n, o]) => {
    const { editor } = window.__avtal!;
    const match = editor.getModel()!.findMatches(n as string, false, false, true, null, false)[0];
    if (!match) throw new Error(`not found: ${n}`);
    const position = { lineNumber: match.range.startLineNumber, column: match.range.startColumn + (o as number) };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }, [needle, offset] as const);
}

interface AxeViolation { id: string; impact: string | null; nodes: { target: string[] }[] }
let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations on the page as it is now. The page's context needs `bypassCSP`:
 * axe-core is injected as an inline script, which the service's Content-Security-Policy (rightly) blocks.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
