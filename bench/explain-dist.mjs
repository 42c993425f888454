// The public `evaluate(…, { explain: false })` as a package user runs it: the built `dist/` (esbuild, run by `npm run
// build` and by `npm pack`), plain Node, no tsx. tsx compiles with esbuild's keepNames, which names every closure
// made inside a function on every call (a `__name` call: Object.defineProperty); the build does not, so this is the
// installed package's speed. The cases are the load test's Värmland cases (bench/load-cases.ts, copied: five events
// and facts, local times). Usage: `npm run build && node bench/explain-dist.mjs` (ROUNDS, default 7).
import { loadavg } from 'node:os';
import { describe, evaluate, loadPolicies } from '../dist/index.js';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CALLS = 100_000;
const pad = (n) => String(n).padStart(2, '0');
function episode(i) {
  const d = 1 + (i % 27);
  const h = 8 + (i % 9);
  return {
    id: `load-${i}`, county: 'varmland',
    events: {
      admitted: `2019-03-${pad(d)}T${pad(h)}:00`, admission_notice_sent: `2019-03-${pad(d)}T${pad(h + 1)}:30`, ready_notice_sent: `2019-04-${pad(d)}T${pad(h + 2)}:${pad((i * 7) % 60)}`,
      ...(i % 3 ? { discharged: `2019-04-${pad(d + 1)}T10:00` } : {}), ...(i % 4 === 0 ? { sip_called: `2019-04-${pad(d)}T16:00` } : {}),
    },
    facts: { sip_needed: i % 4 === 0 },
  };
}
const policies = loadPolicies(undefined, { counties: ['varmland'] });
const cases = Array.from({ length: 1000 }, (_, i) => episode(i));
if (!cases.every((c) => evaluate(policies, c, { explain: false }).ok)) throw new Error('a case is refused');

const rows = [
  ['public evaluate(…, { explain: false })', (c) => evaluate(policies, c, { explain: false })],
  ['… + describe (the texts)', (c) => { const a = evaluate(policies, c, { explain: false }); return a.ok && describe(a.result); }],
  ['public evaluate(…), the explanation', (c) => evaluate(policies, c)],
];
console.log(`dist/, ${CALLS} calls per round, CPU time, best and median of ${ROUNDS}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const [label, f] of rows) {
  const us = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) f(cases[i % cases.length]);
    const c = process.cpuUsage(t);
    if (r > 0) us.push((c.user + c.system) / CALLS); // the first round warms up
  }
  us.sort((a, b) => a - b);
  const best = us[0];
  const ratio = label.endsWith('false })') ? `; ${(1 / best).toFixed(2)} × the target of 1M/s` : '';
  console.log(`  ${label}: best ${best.toFixed(3)} µs, median ${us[Math.floor(us.length / 2)].toFixed(3)} µs = ${(1 / best).toFixed(2)} M/s${ratio}`);
}
