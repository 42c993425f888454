// Explanation benchmark (issues 17 and 19): evaluations of generated episodes for every bundled policy version,
// in CPU time per evaluation, best and median of ROUNDS rounds, with evaluations per second and the ratio to
// issue 19's target for the public `evaluate(…, { explain: false })`: at least 1 million per second per core.
//
// - the numbers alone: `evaluateOutcomes` (allocating) and `evaluateOutcomesInto` (one reused buffer): the floor;
// - `explain: false` without text (engine/evaluator/fast.ts, what the public `evaluate` answers), and with
//   `describe` rendering its texts afterwards;
// - the engine's `evaluate` with the texts and without the explanation (what `evaluateCase`, the HTTP service and
//   the CLI answer with explain=false), and with the explanation, in each language;
// - the public `evaluate(policies, case, { explain: false })` from case objects (validation, the agreement and
//   version chosen, the evaluation): the same episodes written as JSON cases (times in UTC, `Z`), each evaluated
//   under the version the row times (`version` option), so the work is the engine rows' plus the input path; and
//   the load test's Värmland cases (five events, one fact), the input the case-input benchmark measures.
// The realistic case for the target is the load test's Värmland case: its row says "the target's case".
// Environment: BENCH_EXPLAIN_EPISODES (default 20000), BENCH_SEED, BENCH_LANGS (default sv,en), ROUNDS (default 5),
// BENCH_EXPLAIN_ROWS=public (only the rows of the public call on the load cases, and their parts: a quick run).
import { loadavg } from 'node:os';
import { FACTS, EVENTS } from '../dsl/builtins/vocabulary';
import { describe as describeResult, evaluateCase } from '../engine/api';
import { dayToIso, formatInstantUtc } from '../engine/calendar';
import { emptyCase, type CaseData } from '../engine/case/case-data';
import { validateCase } from '../engine/case/validate';
import { evaluate, evaluateOutcomes, evaluateOutcomesInto, outcomeBuffer } from '../engine/evaluator/evaluate';
import { evaluateFast } from '../engine/evaluator/fast';
import { evaluate as publicEvaluate } from '../engine/public/core';
import { loadPolicySet } from '../engine/registry/load';
import { sampleEpisodes } from '../test/support/episode-arbitrary';
import { episode as loadCase } from './load-cases';

const N = Number(process.env.BENCH_EXPLAIN_EPISODES ?? 20_000);
const SEED = Number(process.env.BENCH_SEED ?? 20261123);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TARGET = 1_000_000; // evaluations per second per core (issue 19)

const set = loadPolicySet('policies');
const versions = set.versions.filter((v) => v.compiled && v.compiled.deadlines.length + v.compiled.payments.length > 0);
/** The generated episodes a case can say: those with an impossible history (a ready notice before the admission…), which the input path refuses, are left out of every row. */
const PUBLIC_ONLY = process.env.BENCH_EXPLAIN_ROWS === 'public';
/** In the quick run no generated episode is made: the load rows run in a heap of their own, as a caller's would be. */
const episodes = (PUBLIC_ONLY ? [] : sampleEpisodes(N, SEED)).filter((c) => validateCase(asCase(c, 'varmland', 'varmland')).ok);
const langs = (process.env.BENCH_LANGS ?? 'sv,en').split(',') as ('sv' | 'en')[];

/** An episode as a JSON case of the schema: every recorded event in UTC, the facts (dates as YYYY-MM-DD), the case's own fields at the top. */
function asCase(c: CaseData, county: string, agreement: string): Record<string, unknown> {
  const events: Record<string, string> = {};
  EVENTS.forEach((e, i) => {
    if (!Number.isNaN(c.events[i])) events[e.id] = formatInstantUtc(c.events[i]);
  });
  const raw: Record<string, unknown> = { county, agreement, events };
  const facts: Record<string, unknown> = {};
  FACTS.forEach((f, i) => {
    const v = c.facts[i];
    if (v === undefined) return;
    const value = f.type === 'date' && typeof v === 'number' ? dayToIso(v) : v;
    if (f.caseField) raw[f.caseField] = value;
    else facts[f.id] = value;
  });
  raw.facts = facts;
  return raw;
}

/** Per policy version: its episodes as cases, and the public evaluate's options choosing that version. */
const inputs = versions.map((v) => ({
  v, options: { explain: false as const, version: v.info.version },
  cases: episodes.map((c) => asCase(c, v.info.county ?? 'national', v.info.agreement)),
}));
// The cases must be read as the episodes: the public answer's decisions equal the engine's on every case.
let refused = 0;
for (const { v, options, cases } of inputs) {
  cases.forEach((raw, i) => {
    const a = publicEvaluate(set, raw, options);
    if (!a.ok) return void refused++;
    const e = evaluateFast(v.compiled!, episodes[i], v.info);
    const strip = (r: object) => JSON.stringify({ ...r, caseId: undefined, fallback: undefined });
    if (strip({ ...a.result, deadlines: a.result.deadlines.slice(0, e.deadlines.length), payments: a.result.payments.slice(0, e.payments.length), warnings: e.warnings }) !== strip(e)) {
      throw new Error(`${v.info.agreement} ${v.info.version}, episode ${i}: the case read from JSON is decided differently\n${JSON.stringify(raw)}`);
    }
  });
}

/** One round: the CPU ms of the process (user + system); on a shared machine the steadier figure than wall time. */
function round(body: (vi: number, i: number) => number, outer = versions.length, inner = episodes.length): number {
  let sink = 0;
  const c = process.cpuUsage();
  for (let vi = 0; vi < outer; vi++) for (let i = 0; i < inner; i++) sink += body(vi, i);
  const cpu = process.cpuUsage(c);
  if (sink < 0) console.log(sink);
  return (cpu.user + cpu.system) / 1000;
}

const evaluations = versions.length * episodes.length;
/** The load rows: as many calls per round as the generated rows make, or 100,000 in the quick run. */
const LOAD_CALLS = PUBLIC_ONLY ? 100_000 : evaluations;
const reused = emptyCase();
/** The load test's Värmland cases (bench/load-cases.ts: five events in local time, one fact), as the case-input benchmark reads them. */
const loadCases = Array.from({ length: 1000 }, (_, i) => loadCase(i));
if (!loadCases.every((c) => publicEvaluate(set, c, { explain: false }).ok)) throw new Error('a load case is refused');
const fields = (c: Record<string, unknown>) => Object.keys(c.events as object).length + Object.keys(c.facts as object).length;
const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
const buffers = versions.map((v) => outcomeBuffer(v.compiled!));
console.log(`${PUBLIC_ONLY ? 'the public call only' : `${versions.length} policy versions × ${episodes.length} episodes = ${evaluations} evaluations per round`}, ${LOAD_CALLS} calls per round of the load rows; CPU time, best and median of ${ROUNDS} rounds; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  the target's case: the load test's Värmland case (bench/load-cases.ts), ${mean(loadCases.map(fields))} events and facts, local times${PUBLIC_ONLY ? '' : `; generated cases: ${mean(inputs[0].cases.map(fields))} events and facts each, times in UTC to the millisecond`}`);
if (!PUBLIC_ONLY) console.log(`  (${N - episodes.length} of ${N} generated episodes left out: impossible histories, refused by the input path${refused ? `; ${refused} cases refused` : ''})`);

/** A row: every version × every generated episode per round, or `calls` calls of `body(0, i)`. */
function row(label: string, body: (vi: number, i: number) => number, target = false, calls?: number): void {
  const outer = calls === undefined ? versions.length : 1;
  const inner = calls ?? episodes.length;
  round(body, outer, inner); // warm-up
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) ms.push(round(body, outer, inner));
  ms.sort((a, b) => a - b);
  const us = (x: number) => (x * 1000) / (outer * inner);
  const best = us(ms[0]);
  const perSecond = 1e6 / best;
  const ratio = target ? `; ${(perSecond / TARGET).toFixed(2)} × the target of 1M/s (${perSecond >= TARGET ? 'met' : 'not met'})` : '';
  console.log(`  ${label}: best ${best.toFixed(3)} µs, median ${us(ms[Math.floor(ROUNDS / 2)]).toFixed(3)} µs per evaluation = ${(perSecond / 1e6).toFixed(2)} M/s${ratio}`);
}

/** The load cases read once, with the version the public call chooses for them (one Värmland version). */
const loadData = loadCases.map((c) => {
  const v = validateCase(c);
  if (!v.ok) throw new Error('a load case is refused');
  return v.data;
});
const loadSelection = set.select('varmland', '2019-04-01');
if (!loadSelection.ok) throw new Error('no Värmland version in force on 2019-04-01');
const loadVersion = loadSelection.version;
const loadRows = () => {
  row("public evaluate(…, { explain: false }), Värmland load cases (the target's case)", (_, i) => (publicEvaluate(set, loadCases[i % loadCases.length], { explain: false }).ok ? 1 : 0), true, LOAD_CALLS);
  row('  of which validateCase (into one reused case)', (_, i) => (validateCase(loadCases[i % loadCases.length], reused).ok ? 1 : 0), false, LOAD_CALLS);
  row('  of which the evaluation without text (evaluateFast, the case read before)', (_, i) => evaluateFast(loadVersion.compiled!, loadData[i % loadData.length], loadVersion.info).deadlines.length, false, LOAD_CALLS);
};
if (process.env.BENCH_EXPLAIN_ROWS === 'public') {
  loadRows();
  process.exit(0);
}

row('numbers only, evaluateOutcomes', (vi, i) => evaluateOutcomes(versions[vi].compiled!, episodes[i]).deadlines.length);
row('numbers only, evaluateOutcomesInto (one buffer)', (vi, i) => evaluateOutcomesInto(versions[vi].compiled!, episodes[i], buffers[vi]).deadlines.length);
row('engine explain=false, no text (evaluateFast)', (vi, i) => evaluateFast(versions[vi].compiled!, episodes[i], versions[vi].info).deadlines.length, true);
row('public evaluate(…, { explain: false }), generated cases', (vi, i) => (publicEvaluate(set, inputs[vi].cases[i], inputs[vi].options).ok ? 1 : 0), true);
row('  of which validateCase (into one reused case)', (vi, i) => (validateCase(inputs[vi].cases[i], reused).ok ? 1 : 0));
loadRows();
for (const lang of langs) {
  row(`lang=${lang} evaluateFast + describe`, (vi, i) => describeResult(evaluateFast(versions[vi].compiled!, episodes[i], versions[vi].info, { lang }), { lang }).deadlines.length);
  for (const explain of [false, true]) {
    row(`lang=${lang} engine evaluate, texts, explain=${explain}`, (vi, i) => evaluate(versions[vi].compiled!, episodes[i], versions[vi].info, { explain, lang }).deadlines.length);
  }
}
row('evaluateCase(…, { explain: false }) from a case object (texts: HTTP, CLI)', (vi, i) => (evaluateCase(set, inputs[vi].cases[i], inputs[vi].options).ok ? 1 : 0));
