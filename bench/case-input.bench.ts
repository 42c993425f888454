// The cheap input path (issue 19): one case from JSON to an answer without the explanation — `validateCase`
// (the schema check and the parsing of every time and date into the evaluator's arrays) and `evaluateCase`
// (validation, the agreement and version chosen, the evaluation) — on 1,000 varied Värmland cases, with times
// written as Swedish local time, in UTC (`Z`) and with an offset (`+01:00`). `evaluate` alone (the engine's
// evaluation of an already validated case) is printed beside them: it is the part of `evaluateCase` the input
// path does not touch. `validateCase` is timed reading into one reused case, as evaluateCase does, and once
// into a new case each call (a new Float64Array each time, which costs about as much as the reading). Target: `evaluateCase` from JSON ≤ 3 µs. Runs through `npm run bench` (or
// `npx tsx bench/case-input.bench.ts`); ROUNDS (default 7) timed rounds of 100,000 calls, best and median, in
// CPU time (the process's user + system time: on a shared machine the steadier figure) and in wall time.
// Figures: docs/performance.md.
import { loadavg } from 'node:os';
import { evaluateCase } from '../engine/api';
import { emptyCase } from '../engine/case/case-data';
import { validateCase } from '../engine/case/validate';
import { evaluate } from '../engine/evaluator/evaluate';
import { loadPolicySet } from '../engine/registry/load';
import { episode } from './load-cases';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const CALLS = 100_000;
const set = loadPolicySet('policies', { counties: ['varmland'] });

/** The same instant written in UTC or with an explicit offset (winter time in March and April 2019: +01:00 until the 31st of March). */
function rewrite(c: Record<string, unknown>, form: 'Z' | 'offset'): Record<string, unknown> {
  const events = Object.fromEntries(Object.entries(c.events as Record<string, string>).map(([k, v]) => {
    const [date, time] = v.split('T');
    const summer = date >= '2019-03-31';
    if (form === 'offset') return [k, `${v}:00${summer ? '+02:00' : '+01:00'}`];
    const h = Number(time.slice(0, 2)) - (summer ? 2 : 1);
    return [k, `${date}T${String(h).padStart(2, '0')}${time.slice(2)}Z`];
  }));
  return { ...c, events };
}

const SETS = {
  'local time': Array.from({ length: 1000 }, (_, i) => episode(i)),
  'UTC (Z)': Array.from({ length: 1000 }, (_, i) => rewrite(episode(i), 'Z')),
  'offset (+01:00)': Array.from({ length: 1000 }, (_, i) => rewrite(episode(i), 'offset')),
};
// The three forms must give the same answers (the same instants): checked on every case before timing.
for (let i = 0; i < 1000; i++) {
  const [a, b, c] = Object.values(SETS).map((s) => JSON.stringify(evaluateCase(set, s[i], { explain: false })));
  if (a !== b || a !== c || !a.startsWith('{"ok":true')) throw new Error(`case ${i}: the three forms disagree or fail:\n${a}\n${b}\n${c}`);
}
const texts = Object.fromEntries(Object.entries(SETS).map(([k, s]) => [k, s.map((c) => JSON.stringify(c))])) as Record<keyof typeof SETS, string[]>;
const validated = SETS['local time'].map((c) => {
  const v = validateCase(c);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.data;
});
const selection = set.select('varmland', '2019-04-01');
if (!selection.ok) throw new Error(selection.error.message);
const { compiled, info } = selection.version;

type Row = { label: string; f: (i: number) => unknown; ns: number[]; wall: number[] };
const rows: Row[] = [
  { label: 'JSON.parse of a case', f: (i) => JSON.parse(texts['local time'][i]), ns: [], wall: [] },
  { label: 'evaluate (the engine, explain=false)', f: (i) => evaluate(compiled!, validated[i], info, { explain: false }), ns: [], wall: [] },
];
const reused = emptyCase();
rows.push({ label: 'validateCase into a new case, local time', f: (i) => validateCase(SETS['local time'][i]), ns: [], wall: [] });
for (const [form, cases] of Object.entries(SETS) as [keyof typeof SETS, Record<string, unknown>[]][]) {
  rows.push({ label: `validateCase, ${form}`, f: (i) => validateCase(cases[i], reused), ns: [], wall: [] });
  rows.push({ label: `evaluateCase, ${form}`, f: (i) => evaluateCase(set, cases[i], { explain: false }), ns: [], wall: [] });
}
rows.push({ label: 'JSON.parse + evaluateCase, local time', f: (i) => evaluateCase(set, JSON.parse(texts['local time'][i]), { explain: false }), ns: [], wall: [] });

let sink = 0;
/** One round: CPU ns per call into r.ns, wall ns per call into r.wall. */
function round(r: Row): void {
  const cpu = process.cpuUsage();
  const t = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) if (r.f(i % 1000) === undefined) sink++;
  const wall = Number(process.hrtime.bigint() - t) / CALLS;
  const used = process.cpuUsage(cpu);
  r.ns.push(((used.user + used.system) * 1000) / CALLS);
  r.wall.push(wall);
}
console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${ROUNDS} interleaved rounds of ${CALLS.toLocaleString('en-US')} calls`);
for (const r of rows) for (let w = 0; w < 2; w++) round(r); // warm-up
for (const r of rows) r.ns.length = r.wall.length = 0;
for (let k = 0; k < ROUNDS; k++) for (const r of rows) round(r);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
for (const r of rows) {
  const s = sorted(r.ns);
  const w = sorted(r.wall);
  console.log(`${r.label.padEnd(42)} CPU: best ${s[0].toFixed(0).padStart(6)} ns  median ${s[s.length >> 1].toFixed(0).padStart(6)} ns   wall: best ${w[0].toFixed(0).padStart(6)} ns  median ${w[w.length >> 1].toFixed(0).padStart(6)} ns`);
}
const best = (label: string) => sorted(rows.find((r) => r.label === label)!.ns)[0];
const median = (label: string) => { const s = sorted(rows.find((r) => r.label === label)!.ns); return s[s.length >> 1]; };
for (const form of Object.keys(SETS)) {
  const b = best(`evaluateCase, ${form}`);
  console.log(`target evaluateCase ≤ 3 µs (CPU time), ${form}: ${b <= 3000 ? 'met' : 'missed'} at best (${(b / 3000).toFixed(2)} × the target), ${median(`evaluateCase, ${form}`) <= 3000 ? 'met' : 'missed'} at the median; validateCase is ${((100 * best(`validateCase, ${form}`)) / b).toFixed(0)} % of it`);
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}${sink ? '' : ''}`);
