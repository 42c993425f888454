import { startAppServer } from './test/e2e/app-server';
import { launchBrowser } from './test/e2e/browser';
const server = await startAppServer({ token: 'x' });
const browser = await launchBrowser();
for (const enc of ['identity', 'br', 'identity', 'br']) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'accept-encoding': enc } });
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('body[data-usable="1"]');
  console.log(enc, 'usable', Date.now() - t0);
  await ctx.close();
}
await browser.close(); await server.close();
