import { buildApp } from './app';
import { episode } from '../bench/load-cases';
import { mainThreadCpuMs } from '../bench/thread-cpu';
import { Writable } from 'node:stream';
const sink = new Writable({ write: (_c, _e, cb) => cb() });
const app = await buildApp({ policiesDir: 'policies', logger: process.env.NOLOG ? false : { level: 'info', stream: sink } });
const bodies = Array.from({ length: 200 }, (_, i) => JSON.stringify(episode(i)));
for (const url of ['/api/evaluate', '/api/evaluate?explain=false', '/api/status']) {
  for (let rep = 0; rep < 2; rep++) {
    const N = 5000; const m0 = mainThreadCpuMs()!; const t = performance.now();
    for (let i = 0; i < N; i++) { const r = await app.inject({ method: url === '/api/status' ? 'GET' : 'POST', url, payload: url === '/api/status' ? undefined : bodies[i % 200], headers: url === '/api/status' ? {} : { 'content-type': 'application/json' } }); if (r.statusCode !== 200) throw new Error(r.body); }
    console.log(url, 'wall µs/req', Math.round((performance.now() - t) * 1000 / N), 'cpu µs/req', Math.round((mainThreadCpuMs()! - m0) * 1000 / N));
  }
}
