// `npm run load`: a bounded load test of the HTTP service on loopback (about 30 s). The server runs in this
// process (logging one JSON line per request to a discarding stream); autocannon fires from a worker thread.
//   1. single-episode evaluations at 50 connections, with the explanation and with explain=false (10 s each)
//   2. a batch of 10,000 episodes as one JSON array, and as NDJSON (client-measured wall time, 5 runs each)
// Figures go to docs/performance.md (## HTTP service).
import { cpus } from 'node:os';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import { buildApp } from '../server/app';
import { episode } from './load-cases';

const DURATION = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = 50;

const sink = new Writable({ write: (_c, _e, cb) => cb() });
const app = await buildApp({ policiesDir: new URL('../policies', import.meta.url).pathname, logger: { level: 'info', stream: sink } });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;

async function cannon(path: string, seconds: number) {
  const requests = Array.from({ length: 200 }, (_, i) => ({ method: 'POST' as const, path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(episode(i)) }));
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: seconds, workers: 1, requests });
  return {
    path, seconds, connections: CONNECTIONS, requests: r.requests.total, perSecond: Math.round(r.requests.average),
    p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function batch(kind: 'json' | 'ndjson', explain: boolean, runs = 5) {
  const cases = Array.from({ length: 10_000 }, (_, i) => episode(i));
  const body = kind === 'json' ? JSON.stringify(cases) : cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/evaluate/batch?explain=${explain}`, { method: 'POST', headers: { 'content-type': kind === 'json' ? 'application/json' : 'application/x-ndjson' }, body });
    const text = await res.text();
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${text.slice(0, 200)}`);
    bytes = text.length;
  }
  times.sort((a, b) => a - b);
  return { kind, explain, cases: cases.length, requestBytes: body.length, responseBytes: bytes, bestMs: Math.round(times[0]), medianMs: Math.round(times[Math.floor(times.length / 2)]) };
}

console.error(`HTTP load test on ${base}: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
await cannon('/api/evaluate', 2); // warm-up, not reported
const single = [await cannon('/api/evaluate', DURATION), await cannon('/api/evaluate?explain=false', DURATION)];
const batches = [await batch('json', true), await batch('json', false), await batch('ndjson', true), await batch('ndjson', false)];
await app.close();

console.log('\nsingle episodes (POST /api/evaluate, 50 connections)');
console.table(single);
console.log('batches of 10,000 episodes (client-measured, 5 runs)');
console.table(batches);
console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, single, batches }));
