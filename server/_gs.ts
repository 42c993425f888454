import { request } from 'node:http';
import { buildApp } from './app';
const app = await buildApp({ policiesDir: 'policies', logger: true });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as any).port;
const req = request(`http://127.0.0.1:${port}/api/evaluate/batch?explain=false`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
  console.log('status', res.statusCode);
  res.on('data', (d) => console.log('data', String(d).length));
  res.on('end', () => console.log('end'));
});
req.on('error', (e) => console.log('err', e));
req.write('{"county":"varmland","events":{"admitted":"2019-01-03T09:00"}}\n');
setTimeout(() => { console.log('closing'); app.close().then(() => console.log('closed')); setTimeout(() => { console.log('ending'); req.end('{"county":"varmland","events":{"admitted":"2019-01-03T09:00"}}\n'); }, 100); }, 300);
