import { readFileSync } from 'node:fs';
import { startAppServer } from './test/e2e/app-server';
import { launchBrowser } from './test/e2e/browser';
const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const server = await startAppServer({ token: 'x' });
const browser = await launchBrowser();
const errors: string[] = [];
for (const width of [1280, 1000, 768]) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('body[data-usable="1"]');
  console.log(width, 'usable', Date.now() - t0);
  await page.screenshot({ path: `/tmp/17e/w${width}.png` });
  if (width === 1280) {
    await page.addScriptTag({ content: axe });
    const r = await page.evaluate(async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations.map((v: any) => `${v.impact} ${v.id}: ${v.nodes.length} ${v.nodes.slice(0,3).map((n: any) => n.target.join(' ')).join(' | ')}`));
    console.log(r.join('\n'));
    const focus: string[] = [];
    for (let i = 0; i < 14; i++) { await page.keyboard.press('Tab'); focus.push(await page.evaluate(() => { const a = document.activeElement!; return a.id || a.className || a.tagName; })); }
    console.log('tab order', focus.join(' > '));
    await page.click('#tab-simulator');
    await page.waitForSelector('#sim-example');
    await page.selectOption('#sim-example', 'exempel_2');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/17e/w${width}-sim.png` });
    await page.click('#tab-help');
    await page.waitForSelector('.help-doc');
    await page.screenshot({ path: `/tmp/17e/w${width}-help.png` });
  }
  await page.close();
}
console.log(errors);
await browser.close(); await server.close();
