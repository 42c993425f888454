// Monthly statistics benchmark (issues 3 and 19): a synthetic year of 100 000 care episodes across Kronoberg's
// eight municipalities, as JSON Lines. Times each phase — load the policies; read and validate the episodes (each
// into one reused case); read, count and aggregate them per municipality and month as they stream in; run the
// ladders — and the whole job end to end: `evaluateMonths` (one version) and `evaluateMonthsFor`, what the
// library's `months()`, `avtal months` and `POST /api/months` run (each month under the version in force). ROUNDS
// (default 5) rounds of each end-to-end run, best and median. Target (issue 19): 100,000 episodes → months →
// ladders ≤ 0.5 s end to end. `npx tsx bench/monthly.bench.ts`, or through `npm run bench`.
// Environment: BENCH_EPISODES (default 100000), BENCH_SEED, ROUNDS; MONTHLY_BEFORE=DIR also times DIR's
// `evaluateMonthsFor` and `evaluateMonths` (another checkout's TypeScript sources, e.g. `git archive <commit> |
// tar -x -C DIR` with node_modules linked) in the same rounds, for a before and after side by side.
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { evaluateMonthsFor } from '../engine/api';
import { loadPolicySet } from '../engine/registry/load';
import { evaluateMonths, type MonthsInput } from '../engine/monthly';
import { aggregateEpisodes, ladderMeasure } from '../engine/monthly/evaluate-months';
import { visitJsonLines } from '../engine/monthly/episodes';
import { emptyCase } from '../engine/case/case-data';

const N = Number(process.env.BENCH_EPISODES ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
let seed = Number(process.env.BENCH_SEED ?? 20261123) >>> 0;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const MUNICIPALITIES = ['Alvesta', 'Lessebo', 'Ljungby', 'Markaryd', 'Tingsryd', 'Uppvidinge', 'Växjö', 'Älmhult'];
const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

function generate(): string {
  const start = Date.UTC(2025, 0, 1);
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const ready = new Date(start + Math.floor(rand() * 360) * DAY);
    const stay = Math.floor(-Math.log(1 - rand()) * 2.2); // mostly 0–4 days, a long tail
    const out = new Date(ready.getTime() + stay * DAY);
    const iso = (d: Date, h: number, m: number) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(h)}:${pad(m)}`;
    lines.push(JSON.stringify({
      id: `e${i}`,
      municipality: MUNICIPALITIES[Math.floor(rand() * MUNICIPALITIES.length)],
      events: { ready_notice_sent: iso(ready, 7 + Math.floor(rand() * 12), Math.floor(rand() * 60)), discharged: iso(out, 10 + Math.floor(rand() * 5), 0) },
      facts: { coordination_case: rand() < 0.97 },
    }));
  }
  return lines.join('\n');
}

const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
const since = (t0: number) => ms(performance.now() - t0);

const text = generate();
console.log(`${N.toLocaleString('en-US')} episodes, ${MUNICIPALITIES.length} municipalities, ${(text.length / 1e6).toFixed(1)} MB of JSON Lines; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

let t = performance.now();
const set = loadPolicySet('policies');
const sel = set.select('kronoberg', '2025-01-01');
if (!sel.ok) throw new Error(sel.error.message);
const compiled = sel.version.compiled!;
console.log(`load policies (parse, check, compile) ${since(t)}`);
const input: MonthsInput = { episodes: text, format: 'jsonl' };

t = performance.now();
let read = 0;
let errors = 0;
visitJsonLines(text, { episode: () => void read++, error: () => void errors++ }, emptyCase());
console.log(`read + validate episodes            ${since(t)}  (${read} ok, ${errors} errors)`);

const measure = ladderMeasure(compiled)!;
t = performance.now();
const counted = aggregateEpisodes(input, [measure]);
const groups = counted.groups.get(measure)!;
console.log(`read + count + aggregate, streaming ${since(t)}  (${groups.size} municipalities)`);

const ladder = [...compiled.ladders.values()][0];
t = performance.now();
let steps = 0;
for (const g of groups.values()) {
  const keys = [...g.months.keys()];
  const months = [];
  for (let m = Math.min(...keys); m <= Math.max(...keys); m++) months.push({ month: m, average: g.months.get(m)?.average ?? measure.emptyMonth });
  steps += ladder.run(months).length;
}
console.log(`run the ladders                     ${since(t)}  (${steps} municipality-months)`);

type Run = { label: string; f: () => unknown; ms: number[] };
const runs: Run[] = [
  { label: 'evaluateMonths end to end', f: () => evaluateMonths(compiled, input, { explain: false }), ms: [] },
  { label: '  … with explanations', f: () => evaluateMonths(compiled, input, { explain: true }), ms: [] },
  { label: 'evaluateMonthsFor end to end (months())', f: () => evaluateMonthsFor(set, { county: 'kronoberg', ...input, explain: false }), ms: [] },
  { label: '  … with explanations', f: () => evaluateMonthsFor(set, { county: 'kronoberg', ...input }), ms: [] },
];
const BEFORE = process.env.MONTHLY_BEFORE;
if (BEFORE) {
  const dir = resolve(BEFORE);
  const api = await import(pathToFileURL(join(dir, 'engine/api.ts')).href);
  const monthly = await import(pathToFileURL(join(dir, 'engine/monthly/index.ts')).href);
  const load = await import(pathToFileURL(join(dir, 'engine/registry/load.ts')).href);
  const oldSet = load.loadPolicySet(join(dir, 'policies'));
  const oldSel = oldSet.select('kronoberg', '2025-01-01');
  runs.push({ label: `before: evaluateMonths end to end`, f: () => monthly.evaluateMonths(oldSel.version.compiled, input, { explain: false }), ms: [] });
  runs.push({ label: `before: evaluateMonthsFor end to end`, f: () => api.evaluateMonthsFor(oldSet, { county: 'kronoberg', ...input, explain: false }), ms: [] });
}
// The same answers: the invoiced months of the end-to-end runs agree (before and after too).
const invoiced = (r: unknown) => JSON.stringify(((r as { result?: unknown }).result ?? r) as { municipalities: { invoicedMonths: string[]; months: { average: number | null }[] }[] }, (k, v) => (k === 'explanation' || k === 'citations' || k === 'version' || k === 'versions' ? undefined : v));
const reference = invoiced(runs[2].f());
for (const r of runs.filter((x) => x.label.includes('evaluateMonthsFor'))) if (invoiced(r.f()) !== reference) throw new Error(`${r.label}: a different answer`);

for (let k = 0; k < ROUNDS; k++) for (const r of runs) {
  const t0 = performance.now();
  r.f();
  r.ms.push(performance.now() - t0);
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
for (const r of runs) console.log(`${r.label.padEnd(40)} best ${ms(sorted(r.ms)[0])}   median ${ms(sorted(r.ms)[r.ms.length >> 1])}   (${ROUNDS} rounds)`);
const e2e = sorted(runs[2].ms);
console.log(`target: ${N.toLocaleString('en-US')} episodes JSON Lines → months → ladders ≤ 0.5 s end to end (evaluateMonthsFor): ${e2e[0] <= 500 ? 'met' : 'missed'} at best (${(e2e[0] / 500).toFixed(2)} × the target), ${e2e[e2e.length >> 1] <= 500 ? 'met' : 'missed'} at the median`);
if (BEFORE) {
  const b = sorted(runs.find((r) => r.label === 'before: evaluateMonthsFor end to end')!.ms);
  console.log(`before ÷ after, evaluateMonthsFor: ${(b[0] / e2e[0]).toFixed(2)}× best to best, ${(b[b.length >> 1] / e2e[e2e.length >> 1]).toFixed(2)}× median to median`);
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
