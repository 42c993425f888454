// Engine benchmark (issue 7): the episode-level rules of every bundled policy over generated episodes,
// evaluated by (a) Avtal's compiled evaluator, (b) json-rules-engine running the exported rules and
// (c) a hand-written TypeScript function where one exists (bench/baselines). Checks that they agree on
// a sample, then prints throughput and ratios; then parse + check + compile times and memory per
// compiled policy. Policies are loaded through their policy set, as the service loads them, so an agreement
// made under a law (`subject to`) is linked to the law's conditions, and the export carries them. For those
// it also times Avtal without the law's conditions, and every policy with a payment rule on the episodes it
// leaves pending (a requirement not met yet that can still be). Run through `npm run bench` (node --expose-gc). Environment: BENCH_EPISODES
// (default 100000), BENCH_JRE_EPISODES (default: all episodes), BENCH_SEED, BENCH_POLICIES (path filter).
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { Engine } from 'json-rules-engine';
import { analyze, check, hasErrors, parse } from '../dsl';
import { eventSlot, type CaseData } from '../engine/case/case-data';
import { lookupVocabulary } from '../dsl/builtins/vocabulary';
import { compile, type CompiledPolicy } from '../engine/compiler/compile';
import { evaluateOutcomes, evaluateOutcomesInto, outcomeBuffer, type Outcomes } from '../engine/evaluator/evaluate';
import { summariseAvtal, summariseJre, type RuleSummary } from '../engine/export/jre-compare';
import { exportToJre, linkedLaw } from '../engine/export/jre-export';
import { JRE_ENGINE_OPTIONS, factsFromCaseData, registerAvtalRuntime, type EpisodeFacts } from '../engine/export/jre-runtime';
import { PaymentCode } from '../engine/compiler/payment';
import { findPolicyFiles, loadPolicySet } from '../engine/registry/load';
import { sampleEpisodes } from '../test/support/episode-arbitrary';
import { baselineFor, type Baseline } from './baselines';
import { generatedPolicy } from './generated-policy';

const N = Number(process.env.BENCH_EPISODES ?? 100_000);
const JRE_N = Math.min(N, Number(process.env.BENCH_JRE_EPISODES ?? N));
const SEED = Number(process.env.BENCH_SEED ?? 20261123);
/** BENCH_POLICIES=varmland,blekinge: only the policy files whose path contains one of these. */
const ONLY = (process.env.BENCH_POLICIES ?? '').split(',').filter(Boolean);
const SAMPLE = 5_000; // episodes on which the three must agree
const ROUNDS = 7; // timed rounds of the synchronous evaluators; the best and the median are reported

const gc = (globalThis as { gc?: () => void }).gc;
const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');
const fmt = (x: number, d = 1) => x.toFixed(d);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

interface Loaded {
  file: string;
  text: string;
  label: string;
  compiled: CompiledPolicy;
  exported: Set<string>;
  notExported: string[];
  engine: Engine;
  baseline?: Baseline<unknown>;
  /** the same rules compiled on their own, without the law's conditions (set when a law is linked) */
  withoutLaw?: CompiledPolicy;
  /** the law linked, as `agreement version` */
  law?: string;
}

// ---- compile times, first: the very first compile in the process is the cold one -----------------------

function timeCompile(text: string): { parse: number; check: number; compile: number; total: number } {
  const t0 = performance.now();
  const parsed = parse(text);
  const t1 = performance.now();
  const checked = check(parsed.ast);
  const t2 = performance.now();
  if (checked.program) compile(checked.program);
  const t3 = performance.now();
  return { parse: t1 - t0, check: t2 - t1, compile: t3 - t2, total: t3 - t0 };
}

const files = findPolicyFiles('policies');
const generated = generatedPolicy(500);
const sources = [...files.map((f) => ({ name: f, text: readFileSync(f, 'utf8') })), { name: `generated (${generated.split('\n').length} lines)`, text: generated }];
const cold = new Map(sources.map((s) => [s.name, timeCompile(s.text)]));

// The policies as their set loads them: an agreement made under a law is linked to the law's conditions.
const set = loadPolicySet('policies');

function loadPolicy(file: string, text: string): Loaded | string {
  const v = set.versions.find((x) => `policies/${x.source.file}` === file);
  if (!v) return `${file}: not in the policy set, skipped`;
  const a = v.analysis;
  if (hasErrors(a.diagnostics) || !a.ast.header || !v.compiled) return `${file}: has errors, skipped`;
  const full = v.compiled;
  if (full.deadlines.length + full.payments.length === 0) return `${file}: no episode-level rules, skipped`;
  const law = linkedLaw(set, full);
  const h = a.ast.header;
  if (h.subjectTo && full.payments.length > 0 && !law) return `${file}: the law it is made under (${h.subjectTo.text}) is not linked, skipped`;
  const { doc } = exportToJre(a.program!, file, law);
  // The same rules for all three: the deadlines and payment rules json-rules-engine can run. Avtal evaluates a
  // view of its compiled policy with just those (its other rules are reported in a note). Computed dates are
  // not episode-level outcomes (evaluateOutcomesInto does not compute them): left out of all three.
  const episodeLevel = new Set([...full.deadlines, ...full.payments].map((r) => r.decl.id.text));
  const same = new Set(doc.exported.filter((id) => episodeLevel.has(id)));
  const only = (p: CompiledPolicy): CompiledPolicy => ({
    ...p, deadlines: p.deadlines.filter((r) => same.has(r.decl.id.text)), payments: p.payments.filter((r) => same.has(r.decl.id.text)), computed: [],
  });
  const compiled = only(full);
  const engine = new Engine(doc.rules.filter((r) => r.event.type !== 'avtal.computed') as never, JRE_ENGINE_OPTIONS);
  registerAvtalRuntime(engine);
  return {
    file, text, label: `${h.id.text} ${h.version?.value ?? ''}`, compiled, exported: same, notExported: doc.notExported.map((n) => n.rule).filter((id) => episodeLevel.has(id)), engine,
    baseline: baselineFor(h.id.text, h.version?.value ?? ''),
    ...(law && compiled.payments.length > 0 ? { withoutLaw: only(compile(a.program!)), law: `${law.agreement} ${law.version}` } : {}),
  };
}

// ---- throughput -------------------------------------------------------------------------------------

/**
 * CPU time of this process in ms (user + system). The benchmark machine is shared, so CPU time, not
 * wall time, is what is compared: it leaves out the time other processes hold the CPU.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The caller's buffer is made once, as a library caller evaluating many episodes would (see docs/api.md). */
function timeAvtal(p: CompiledPolicy, eps: CaseData[]): number {
  const buffer = outcomeBuffer(p);
  let sum = 0;
  const t = cpuMs();
  for (let i = 0; i < eps.length; i++) {
    const o = evaluateOutcomesInto(p, eps[i], buffer);
    sum += o.deadlines.length ? o.deadlines[0].code : 0;
    sum += o.payments.length ? o.payments[0].code : 0;
  }
  const ms = cpuMs() - t;
  if (sum < 0) console.log(sum);
  return ms;
}

function timeBaseline(b: Baseline<unknown>, eps: CaseData[]): number {
  let sum = 0;
  const t = cpuMs();
  for (let i = 0; i < eps.length; i++) sum += b.checksum(b.evaluate(eps[i]));
  const ms = cpuMs() - t;
  if (sum < 0) console.log(sum);
  return ms;
}

async function timeJre(engine: Engine, facts: EpisodeFacts[]): Promise<number> {
  let fired = 0;
  const t = cpuMs();
  for (let i = 0; i < facts.length; i++) fired += (await engine.run(facts[i])).events.length;
  const ms = cpuMs() - t;
  if (fired < 0) console.log(fired);
  return ms;
}

/** Rounds of two timings, interleaved so that a busy moment of the machine hits both alike. */
function rounds(f: () => number, g?: () => number): { f: { best: number; median: number }; g?: { best: number; median: number } } {
  f(); // warm-up
  g?.();
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    xs.push(f());
    if (g) ys.push(g());
  }
  return { f: { best: Math.min(...xs), median: median(xs) }, ...(g ? { g: { best: Math.min(...ys), median: median(ys) } } : {}) };
}

function disagreement(a: RuleSummary[], b: RuleSummary[]): string | undefined {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja === jb ? undefined : `${ja}\n    vs ${jb}`;
}

/** Every field of every outcome record, NaN equal to NaN. */
function recordsDiffer(a: Outcomes, b: Outcomes): string | undefined {
  const text = (o: Outcomes) => JSON.stringify([o.deadlines, o.payments], (_, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v));
  const ja = text(a);
  const jb = text(b);
  return ja === jb ? undefined : `${ja}\n    vs ${jb}`;
}

async function main(): Promise<number> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\n== Engine benchmark: ${fmtInt(N)} episodes (json-rules-engine: ${fmtInt(JRE_N)}), seed ${SEED}`);
  console.log(`   node ${process.version}, ${cpu}, ${availableParallelism()} CPUs, ${new Date().toISOString().slice(0, 10)}\n`);
  let t = performance.now();
  const episodes = sampleEpisodes(N, SEED);
  console.log(`   generated ${fmtInt(N)} episodes in ${fmt(performance.now() - t, 0)} ms`);
  t = performance.now();
  const facts = episodes.slice(0, JRE_N).map(factsFromCaseData);
  console.log(`   json-rules-engine facts prepared in ${fmt(performance.now() - t, 0)} ms (not timed below)\n`);

  let failures = 0;
  const rows: string[][] = [];
  const costRows: string[][] = [];
  for (const f of files) {
    if (f.endsWith('.draft.avtal')) continue; // drafts are proposals, not agreements in force
    if (ONLY.length && !ONLY.some((o) => f.includes(o))) continue;
    const p = loadPolicy(f, readFileSync(f, 'utf8'));
    if (typeof p === 'string') {
      console.log(`   ${p}`);
      continue;
    }
    // Agreement on a sample: Avtal = json-rules-engine on every exported rule; Avtal = hand-written on every rule.
    // Avtal's outcomes are those of the timed call (evaluateOutcomesInto, one buffer for all episodes),
    // which must also be those of the allocating evaluateOutcomes.
    let jreDiff = 0;
    let handDiff = 0;
    let intoDiff = 0;
    const buffer = outcomeBuffer(p.compiled);
    for (let i = 0; i < Math.min(SAMPLE, episodes.length); i++) {
      const o = evaluateOutcomesInto(p.compiled, episodes[i], buffer);
      const d0 = recordsDiffer(o, evaluateOutcomes(p.compiled, episodes[i]));
      if (d0 && intoDiff++ === 0) console.log(`   ${p.label}: evaluateOutcomesInto and evaluateOutcomes disagree on episode ${i}:\n    ${d0}`);
      const d1 = disagreement(summariseAvtal(p.compiled, o, p.exported), summariseJre(p.compiled, (await p.engine.run(factsFromCaseData(episodes[i]))).events, p.exported));
      if (d1 && jreDiff++ === 0) console.log(`   ${p.label}: Avtal and json-rules-engine disagree on episode ${i}:\n    ${d1}`);
      if (p.baseline) {
        const d2 = disagreement(summariseAvtal(p.compiled, o), p.baseline.summarise(p.baseline.evaluate(episodes[i])));
        if (d2 && handDiff++ === 0) console.log(`   ${p.label}: Avtal and the hand-written function disagree on episode ${i}:\n    ${d2}`);
      }
    }
    failures += jreDiff + handDiff + intoDiff;
    const timed = rounds(() => timeAvtal(p.compiled, episodes), p.baseline ? () => timeBaseline(p.baseline!, episodes) : undefined);
    const avtal = timed.f;
    const hand = timed.g;
    await timeJre(p.engine, facts.slice(0, 200)); // warm-up
    const jreMs = await timeJre(p.engine, facts);
    const perS = (ms: number, n: number) => (n / ms) * 1000;
    const a = perS(avtal.best, N);
    const j = perS(jreMs, JRE_N);
    const h = hand ? perS(hand.best, N) : NaN;
    const rules = p.compiled.deadlines.length + p.compiled.payments.length + p.notExported.length;
    rows.push([
      p.label, `${p.exported.size}/${rules}`, fmtInt(a), fmt((avtal.best * 1e6) / N, 0), hand ? fmtInt(h) : '—', hand ? fmt((hand.best * 1e6) / N, 0) : '—', fmtInt(j), fmt((jreMs * 1e6) / JRE_N, 0),
      `${fmtInt(a / j)}×`, hand ? `${fmt(h / a, 2)}×` : '—', `${SAMPLE}: ${jreDiff === 0 ? 'agree' : `${jreDiff} differ`}${p.baseline ? `, ${handDiff === 0 ? 'agree' : `${handDiff} differ`}` : ''}`,
    ]);
    if (p.notExported.length) console.log(`   ${p.label}: not exported to json-rules-engine, so left out of all three: ${p.notExported.join(', ')}`);
    if (p.compiled.payments.length > 0) costRows.push(...costs(p, episodes, avtal.best));
  }
  const head = ['policy', 'exported', 'Avtal ep/s', 'ns/ep', 'hand ep/s', 'ns/ep', 'JRE ep/s', 'ns/ep', 'Avtal÷JRE', 'hand÷Avtal', 'sample check'];
  const widths = head.map((hd, i) => Math.max(hd.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => '   ' + r.map((c, i) => (i === 0 || i === r.length - 1 ? pad(c, widths[i]) : lpad(c, widths[i]))).join('  ');
  console.log('\n' + line(head));
  for (const r of rows) console.log(line(r));
  console.log(`\n   Throughput in CPU time: the best of ${ROUNDS} interleaved rounds (Avtal, hand-written); one full run (json-rules-engine, each run awaited in turn).`);
  console.log('   Targets: Avtal÷JRE ≥ 100×; hand÷Avtal ≤ 2× (the hand-written function is at most twice as fast).');

  if (costRows.length) {
    console.log(`\n== Where the time goes: the law's conditions, the pending check, withdrawals (ns per episode, CPU time, best of ${ROUNDS} rounds per row)\n`);
    const kh = ['policy', 'episodes', 'count', 'Avtal', 'hand', 'Avtal÷hand'];
    const kw = kh.map((hd, i) => Math.max(hd.length, ...costRows.map((r) => r[i].length)));
    const kline = (r: string[]) => '   ' + r.map((c, i) => (i <= 1 ? pad(c, kw[i]) : lpad(c, kw[i]))).join('  ');
    console.log(kline(kh));
    for (const r of costRows) console.log(kline(r));
    console.log('\n   all, linked to the law: the rules as the policy set links them (as timed above); all, without the law: the same rules compiled');
    console.log('   on their own, not linked to the law it is made under. The other rows split the episodes by the first payment rule:');
    console.log('   not started (its anchor not recorded), withdrawn (the event it is withdrawn by recorded), open (started, no end event,');
    console.log('   not withdrawn: a requirement not met yet is checked against the missing events at the earliest moment still possible),');
    console.log('   of which pending (Avtal\'s outcome), and closed (started, an end event recorded, not withdrawn).\n');
  }

  // ---- parse + check + compile ----------------------------------------------------------------------
  console.log('\n== Parse + check + compile (ms; cold = first in this process, warm = median of 50)\n');
  const ch = ['policy', 'lines', 'cold', 'warm parse', 'check', 'compile', 'warm total', 'memory/compiled'];
  const crows: string[][] = [];
  for (const s of sources) {
    for (let i = 0; i < 20; i++) timeCompile(s.text);
    const xs = Array.from({ length: 50 }, () => timeCompile(s.text));
    const m = (k: 'parse' | 'check' | 'compile' | 'total') => fmt(median(xs.map((x) => x[k])), 2);
    crows.push([s.name, String(s.text.split('\n').length), fmt(cold.get(s.name)!.total, 1), m('parse'), m('check'), m('compile'), m('total'), memoryPerCompiled(s.text)]);
  }
  const cw = ch.map((hd, i) => Math.max(hd.length, ...crows.map((r) => r[i].length)));
  const cline = (r: string[]) => '   ' + r.map((c, i) => (i === 0 ? pad(c, cw[i]) : lpad(c, cw[i]))).join('  ');
  console.log(cline(ch));
  for (const r of crows) console.log(cline(r));
  console.log('\n   Target: warm total < 5 ms. Memory: heap growth over 200 compiled copies (each keeps its AST), per copy, after GC.');
  if (!gc) console.log('   (run with node --expose-gc for the memory column)');
  if (failures) console.log(`\n   FAILED: ${failures} disagreement(s)`);
  return failures ? 1 : 0;
}

/** Rows of the cost table: Avtal with and without the law's conditions; Avtal and hand-written on subsets of the episodes. */
function costs(p: Loaded, eps: CaseData[], withLawMs: number): string[][] {
  const rows: string[][] = [];
  const ns = (ms: number, n: number) => fmt((ms * 1e6) / n, 0);
  if (p.withoutLaw) {
    const r = rounds(() => timeAvtal(p.compiled, eps), () => timeAvtal(p.withoutLaw!, eps));
    rows.push([p.label, `all, linked to ${p.law}`, fmtInt(eps.length), ns(Math.min(withLawMs, r.f.best), eps.length), '', '']);
    rows.push(['', 'all, without the law', fmtInt(eps.length), ns(r.g!.best, eps.length), '', '']);
  }
  const rule = p.compiled.payments[0].decl;
  const slotOf = (n: { text: string }) => eventSlot(lookupVocabulary(n.text)!.id);
  const anchor = slotOf(rule.from!);
  const ends = [rule.to!.event, ...rule.to!.others].map(slotOf);
  const withdrawal = rule.withdrawn ? slotOf(rule.withdrawn.event) : -1;
  const rec = (e: CaseData, slot: number) => slot >= 0 && e.events[slot] === e.events[slot];
  const started = eps.filter((e) => rec(e, anchor));
  const open = started.filter((e) => !rec(e, withdrawal) && !ends.some((x) => rec(e, x)));
  const subsets: [string, CaseData[]][] = [
    ['not started', eps.filter((e) => !rec(e, anchor))],
    ...(withdrawal >= 0 ? [['withdrawn', started.filter((e) => rec(e, withdrawal))] as [string, CaseData[]]] : []),
    ['open', open],
    ['  of which pending', open.filter((e) => evaluateOutcomes(p.compiled, e).payments[0].code === PaymentCode.Pending)],
    ['closed', started.filter((e) => !rec(e, withdrawal) && ends.some((x) => rec(e, x)))],
  ];
  for (const [name, some] of subsets) rows.push([rows.length ? '' : p.label, name, ...subset(p, some, eps.length)]);
  return rows;
}

/**
 * A subset of the episodes: its size, and Avtal and the hand-written function timed on it alone (ns per episode).
 * The subset is copied first, so that its episodes lie together in memory as the whole set's do (a filtered
 * array of the originals would be read with a cache miss per episode and time that, not the rules).
 */
function subset(p: Loaded, picked: CaseData[], of: number): string[] {
  const share = `${fmtInt(picked.length)} (${fmt((picked.length / of) * 100, 1)} %)`;
  if (picked.length === 0) return [share, '—', '—', '—'];
  const some = picked.map((e): CaseData => ({ ...e, events: e.events.slice(), facts: e.facts.slice() }));
  const r = rounds(() => timeAvtal(p.compiled, some), p.baseline ? () => timeBaseline(p.baseline!, some) : undefined);
  const ns = (ms: number) => fmt((ms * 1e6) / some.length, 0);
  return [share, ns(r.f.best), r.g ? ns(r.g.best) : '—', r.g ? `${fmt(r.f.best / r.g.best, 2)}×` : '—'];
}

function memoryPerCompiled(text: string): string {
  if (!gc) return 'n/a';
  const K = 200;
  const keep: CompiledPolicy[] = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < K; i++) keep.push(compile(analyze(text).program!));
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  const kb = (after - before) / K / 1024;
  return keep.length === K ? `${fmt(kb, 0)} KiB` : '?';
}

process.exitCode = await main();
