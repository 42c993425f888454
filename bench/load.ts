// `npm run load`: a bounded load test of the HTTP service on loopback (about 30 s). The server runs in this
// process (logging one JSON line per request to a discarding stream); autocannon fires from a worker thread.
//   1. single-episode evaluations at 50 connections, with the explanation and with explain=false (8 s each),
//      and GET /api/status (4 s) as the floor of what HTTP costs on the machine
//   2. a batch of 10,000 episodes as one JSON array, and as NDJSON (client-measured wall time, up to 5 runs in 3 s each)
// Figures go to docs/performance.md (## HTTP service).
import { cpus, loadavg } from 'node:os';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import { evaluateCase } from '../engine/api';
import { loadPolicySet } from '../engine/registry/load';
import { buildApp } from '../server/app';
import { episode } from './load-cases';
import { mainThreadCpuMs } from './thread-cpu';

const DURATION = Number(process.env.LOAD_SECONDS ?? 8);
const CONNECTIONS = 50;

const sink = new Writable({ write: (_c, _e, cb) => cb() });
const policiesDir = new URL('../policies', import.meta.url).pathname;
const app = await buildApp({ policiesDir, logger: { level: 'info', stream: sink } });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as { port: number }).port;
const base = `http://127.0.0.1:${port}`;

async function cannon(path: string, seconds: number, method: 'GET' | 'POST' = 'POST') {
  // One body per run: autocannon deep-copies every request of a varied sequence, which costs the generator more
  // than the server. The server caches nothing, so each request is parsed, validated and evaluated in full.
  const m0 = mainThreadCpuMs();
  const request = method === 'POST' ? { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(episode(7)) } : { method };
  const r = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: seconds, workers: 1, ...request });
  const m1 = mainThreadCpuMs();
  return {
    path, seconds, connections: CONNECTIONS, requests: r.requests.total, perSecond: Math.round(r.requests.average),
    p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.timeouts + r.non2xx,
    serverCpuUsPerRequest: m0 === undefined || m1 === undefined ? null : Math.round(((m1 - m0) * 1000) / r.requests.total),
  };
}

/** Up to `runs` runs, but no new run once `budgetMs` has passed: the test stays bounded on a busy machine. */
async function batch(kind: 'json' | 'ndjson', explain: boolean, runs = 5, budgetMs = 3000) {
  const cases = Array.from({ length: 10_000 }, (_, i) => episode(i));
  const body = kind === 'json' ? JSON.stringify(cases) : cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < runs && (i === 0 || performance.now() - started < budgetMs); i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/evaluate/batch?explain=${explain}`, { method: 'POST', headers: { 'content-type': kind === 'json' ? 'application/json' : 'application/x-ndjson' }, body });
    const text = await res.text();
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${text.slice(0, 200)}`);
    bytes = text.length;
  }
  times.sort((a, b) => a - b);
  return { kind, explain, cases: cases.length, runs: times.length, requestBytes: body.length, responseBytes: bytes, bestMs: Math.round(times[0]), medianMs: Math.round(times[Math.floor(times.length / 2)]) };
}

console.error(`HTTP load test on ${base}: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
// The batch workers start in the background; wait for them before measuring.
await fetch(`${base}/api/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array.from({ length: 2000 }, (_, i) => episode(i))) });
await cannon('/api/evaluate', 2); // warm-up, not reported
// A fixed piece of CPU work, timed: on a shared machine it tells how much slower than usual this run was.
const calibrate = () => {
  const set = loadPolicySet(policiesDir);
  const c = episode(7);
  for (let i = 0; i < 2000; i++) evaluateCase(set, c);
  const t = performance.now();
  for (let i = 0; i < 20_000; i++) JSON.stringify(evaluateCase(set, c));
  return Math.round(((performance.now() - t) * 1000) / 20_000);
};
const calibrationUs = calibrate();
// The floor: the same server answering a tiny GET, so what HTTP itself costs here can be told apart.
const single = [await cannon('/api/evaluate', DURATION), await cannon('/api/evaluate?explain=false', DURATION), await cannon('/api/status', 4, 'GET')];
const batches = [await batch('json', true), await batch('json', false), await batch('ndjson', true), await batch('ndjson', false)];
await app.close();

console.log(`\ncalibration: evaluateCase + JSON.stringify of one episode in a loop, ${calibrationUs} µs per episode (this grows with whatever else the machine is doing: compare runs by it)`);
console.log('single episodes (POST /api/evaluate, 50 connections)');
console.table(single);
console.log('batches of 10,000 episodes (client-measured; up to 5 runs within 3 s each)');
console.table(batches);
console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadavg: loadavg(), calibrationUs, single, batches }));
