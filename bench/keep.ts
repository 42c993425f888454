// `npx tsx bench/keep.ts`: does each of the service's three devices earn its complexity on this machine?
// Each is measured against the service (or the loop) without it, interleaved, in the same minutes:
//   1. the cluster: two processes against one, single episodes (explain=false) as fast as answered, 50 connections;
//   2. the worker threads for batches (NDJSON cut into groups of lines, and large JSON arrays): --batch-workers
//      per core against 0 (everything in the main thread), one process, 10,000 episodes, explain=false;
//   3. the allocation-free evaluation path: evaluateOutcomesInto through one buffer against the allocating
//      evaluateOutcomes, in a loop over 100,000 generated episodes per policy (CPU time);
//   4. what the worker threads are also for: single requests answered while a long NDJSON stream (50,000
//      episodes with explanations) is being answered, --batch-workers per core against 0, one process.
// Not part of `npm run bench` (it takes about three minutes). Figures: docs/performance.md.
import { cpus, loadavg } from 'node:os';
import { analyze } from '../dsl';
import type { CaseData } from '../engine/case/case-data';
import { compile } from '../engine/compiler/compile';
import { evaluateOutcomes, evaluateOutcomesInto, outcomeBuffer } from '../engine/evaluator/evaluate';
import { readSources } from '../engine/registry/load';
import { sampleEpisodes } from '../test/support/episode-arbitrary';
import { episode } from './load-cases';
import { runLoad } from './load-generator';
import { buildService, policiesDir, startService, type Service } from './load-service';

const ROUNDS = Number(process.env.KEEP_ROUNDS ?? 2);
/** KEEP_ONLY=24: only parts 2 and 4, say */
const part = (n: number) => !process.env.KEEP_ONLY || process.env.KEEP_ONLY.includes(String(n));
const SECONDS = Number(process.env.KEEP_SECONDS ?? 5);
const CORES = cpus().length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const best = (xs: number[]) => Math.min(...xs);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function single(s: Service) {
  const body = JSON.stringify(episode(7));
  await runLoad({ port: s.port, method: 'POST', path: '/api/evaluate?explain=false', body, connections: 50, seconds: 2 }); // warm-up
  const c0 = s.cpuMs();
  const r = await runLoad({ port: s.port, method: 'POST', path: '/api/evaluate?explain=false', body, connections: 50, seconds: SECONDS, warmupSeconds: 1 });
  return { perSecond: r.perSecond, p99: r.p99, errors: r.errors, cpuUs: Math.round(((s.cpuMs() - c0) * 1000) / r.requests) };
}

async function batch(s: Service, kind: 'json' | 'ndjson', runs = 7) {
  const cases = Array.from({ length: 10_000 }, (_, i) => episode(i));
  const body = kind === 'json' ? JSON.stringify(cases) : cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const send = async () => {
    const t = performance.now();
    const res = await fetch(`${s.base}/api/evaluate/batch?explain=false`, { method: 'POST', headers: { 'content-type': kind === 'json' ? 'application/json' : 'application/x-ndjson' }, body });
    let read = 0;
    for await (const chunk of res.body!) read += (chunk as Uint8Array).byteLength;
    if (res.status !== 200) throw new Error(`batch answered ${res.status}`);
    return { ms: performance.now() - t, read };
  };
  const first = await send(); // checked size, warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await send();
    if (r.read !== first.read) throw new Error('batch answers differ in length');
    times.push(r.ms);
  }
  return times;
}

console.log(`machine: ${CORES} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${ROUNDS} interleaved rounds`);
buildService();

// 1. The cluster.
if (part(1)) {
  const cluster: Record<string, { perSecond: number[]; p99: number[]; cpuUs: number[] }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const processes of [CORES, 1]) {
      const s = await startService(processes, ['--batch-workers', '0']);
      const r = await single(s);
      await s.stop();
      const row = (cluster[`${processes} process(es)`] ??= { perSecond: [], p99: [], cpuUs: [] });
      row.perSecond.push(r.perSecond);
      row.p99.push(r.p99);
      row.cpuUs.push(r.cpuUs);
      if (r.errors) throw new Error(`${r.errors} errors`);
    }
  }
  console.log('\n1. single episodes, explain=false, 50 connections, as fast as answered');
  for (const [k, v] of Object.entries(cluster)) console.log(`   ${k.padEnd(14)} req/s ${v.perSecond.join(', ')}   p99 ms ${v.p99.join(', ')}   CPU µs/request ${v.cpuUs.join(', ')}`);
  const [many, one] = Object.values(cluster);
  console.log(`   the cluster gives ${(median(many.perSecond) / median(one.perSecond)).toFixed(2)}× the requests a second of one process (medians)`);
}

// 2. Worker threads for batches.
if (part(2)) {
  const pool: Record<string, { ndjson: number[]; json: number[] }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of [String(CORES), '0']) {
      const s = await startService(1, ['--batch-workers', workers]);
      const row = (pool[`${workers} worker thread(s)`] ??= { ndjson: [], json: [] });
      row.ndjson.push(...(await batch(s, 'ndjson')));
      row.json.push(...(await batch(s, 'json')));
      await s.stop();
    }
  }
  console.log('\n2. a batch of 10,000 episodes, explain=false, one process, client-measured to the last byte (ms)');
  for (const [k, v] of Object.entries(pool)) console.log(`   ${k.padEnd(20)} NDJSON best ${best(v.ndjson).toFixed(0)} median ${median(v.ndjson).toFixed(0)}   JSON array best ${best(v.json).toFixed(0)} median ${median(v.json).toFixed(0)}`);
}

// 3. The allocation-free evaluation path.
if (part(3)) {
  console.log('\n3. outcomes of 100,000 generated episodes, CPU ns per episode (median of 7 alternating rounds)');
  const episodes: CaseData[] = sampleEpisodes(100_000, 20261123);
  for (const source of readSources(policiesDir).filter((s) => /(varmland\/2019|kronoberg\/2024|blekinge)/.test(s.file))) {
    const compiled = compile(analyze(source.text).program!);
    const buffer = outcomeBuffer(compiled);
    const into: number[] = [];
    const alloc: number[] = [];
    let sink = 0;
    for (let round = 0; round < 8; round++) {
      let t = cpuMs();
      for (let i = 0; i < episodes.length; i++) sink += evaluateOutcomesInto(compiled, episodes[i], buffer).payments.length;
      if (round) into.push(((cpuMs() - t) * 1e6) / episodes.length);
      t = cpuMs();
      for (let i = 0; i < episodes.length; i++) sink += evaluateOutcomes(compiled, episodes[i]).payments.length;
      if (round) alloc.push(((cpuMs() - t) * 1e6) / episodes.length);
    }
    if (sink < 0) console.log(sink);
    console.log(`   ${source.file.padEnd(28)} evaluateOutcomesInto ${median(into).toFixed(0)} ns   evaluateOutcomes ${median(alloc).toFixed(0)} ns   ratio ${(median(alloc) / median(into)).toFixed(2)}×`);
  }
}
// 4. Single requests while a long NDJSON stream is answered.
async function singlesDuringStream(s: Service) {
  const lines = Array.from({ length: 50_000 }, (_, i) => JSON.stringify(episode(i))).join('\n') + '\n';
  const stream = (async () => {
    const t = performance.now();
    const res = await fetch(`${s.base}/api/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines });
    for await (const _ of res.body!) void _;
    return performance.now() - t;
  })();
  await new Promise((r) => setTimeout(r, 300)); // the stream under way
  const singles = await runLoad({ port: s.port, method: 'POST', path: '/api/evaluate?explain=false', body: JSON.stringify(episode(7)), connections: 4, seconds: 3 });
  return { p50: singles.p50, p99: singles.p99, perSecond: singles.perSecond, streamMs: await stream };
}
if (part(4)) {
  const during: Record<string, { p50: number[]; p99: number[]; perSecond: number[]; streamMs: number[] }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of [String(CORES), '0']) {
      const s = await startService(1, ['--batch-workers', workers]);
      const r = await singlesDuringStream(s);
      await s.stop();
      const row = (during[`${workers} worker thread(s)`] ??= { p50: [], p99: [], perSecond: [], streamMs: [] });
      row.p50.push(r.p50);
      row.p99.push(r.p99);
      row.perSecond.push(r.perSecond);
      row.streamMs.push(Math.round(r.streamMs));
    }
  }
  console.log('\n4. single episodes (4 connections, 3 s) while a 50,000-line NDJSON stream with explanations is answered, one process');
  for (const [k, v] of Object.entries(during)) console.log(`   ${k.padEnd(20)} singles p50 ms ${v.p50.join(', ')}   p99 ms ${v.p99.join(', ')}   req/s ${v.perSecond.join(', ')}   stream ms ${v.streamMs.join(', ')}`);
}
console.log(`\nload average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
