// Monthly statistics benchmark (issue 3): a synthetic year of 100 000 care episodes across Kronoberg's
// eight municipalities. Times each phase: load the policies, read and validate the episodes (JSON
// Lines), evaluate the measure per episode, aggregate per municipality and month, run the ladders —
// and the whole `evaluateMonths` call end to end. Runs alone: `npx tsx bench/monthly.bench.ts`.
// Environment: BENCH_EPISODES (default 100000), BENCH_SEED.
import { performance } from 'node:perf_hooks';
import { loadPolicySet } from '../engine/registry/load';
import { evaluateMonths, readJsonLines } from '../engine/monthly';
import { compileMeasureGroups } from '../engine/monthly/aggregate';
import { Counted } from '../engine/compiler/measure';

const N = Number(process.env.BENCH_EPISODES ?? 100_000);
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

const ms = (t0: number) => (performance.now() - t0).toFixed(1).padStart(8) + ' ms';

const text = generate();
console.log(`${N.toLocaleString('en-US')} episodes, ${MUNICIPALITIES.length} municipalities, ${(text.length / 1e6).toFixed(1)} MB of JSON Lines`);

let t = performance.now();
const set = loadPolicySet('policies');
const sel = set.select('kronoberg', '2025-01-01');
if (!sel.ok) throw new Error(sel.error.message);
const compiled = sel.version.compiled!;
console.log(`load policies (parse, check, compile) ${ms(t)}`);

t = performance.now();
const read = readJsonLines(text);
console.log(`read + validate episodes            ${ms(t)}  (${read.episodes.length} ok, ${read.errors.length} errors)`);

const measure = [...compiled.measures.values()][0];
t = performance.now();
let counted = 0;
for (const e of read.episodes) if (measure.run(e.data).counted === Counted.Yes) counted++;
console.log(`evaluate the measure per episode    ${ms(t)}  (${counted} counted)`);

t = performance.now();
const groups = compileMeasureGroups(measure, read.episodes);
console.log(`evaluate + aggregate per month      ${ms(t)}  (${groups.size} municipalities)`);

const ladder = [...compiled.ladders.values()][0];
t = performance.now();
let steps = 0;
for (const g of groups.values()) {
  const keys = [...g.months.keys()];
  const months = [];
  for (let m = Math.min(...keys); m <= Math.max(...keys); m++) months.push({ month: m, average: g.months.get(m)?.average ?? measure.emptyMonth });
  steps += ladder.run(months).length;
}
console.log(`run the ladders                     ${ms(t)}  (${steps} municipality-months)`);

t = performance.now();
const r = evaluateMonths(compiled, { episodes: text, format: 'jsonl' }, { explain: false });
console.log(`evaluateMonths end to end           ${ms(t)}  (invoiced months: ${r.municipalities.reduce((a, m) => a + m.invoicedMonths.length, 0)})`);
t = performance.now();
evaluateMonths(compiled, { episodes: text, format: 'jsonl' }, { explain: true });
console.log(`  … with explanations               ${ms(t)}`);
