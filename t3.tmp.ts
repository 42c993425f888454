import { startAppServer } from './test/e2e/app-server';
const server = await startAppServer({ token: 'x' });
const html = await (await fetch(server.url)).text();
const js = html.match(/assets\/[^"]+\.js/)![0];
for (const enc of ['br', 'gzip', 'identity']) {
  const r = await fetch(server.url + js, { headers: { 'accept-encoding': enc } });
  const b = await r.arrayBuffer();
  console.log(enc, r.status, r.headers.get('content-encoding'), r.headers.get('cache-control'), r.headers.get('content-type'), b.byteLength);
}
const r = await fetch(server.url, { headers: { 'accept-encoding': 'br' } });
console.log('index', r.headers.get('content-encoding'), r.headers.get('cache-control'));
await server.close();
