// Explanation benchmark (issue 17): the full result of `evaluate` over generated episodes for every bundled
// policy version, with explain:false (the results and their reasons, no explanation steps) and with the
// explanation, in each language. The text work is the part of the answer the message catalogue renders;
// explain:false must stay as fast as before. Environment: BENCH_EXPLAIN_EPISODES (default 20000), BENCH_SEED.
import { evaluate } from '../engine/evaluator/evaluate';
import { loadPolicySet } from '../engine/registry/load';
import { sampleEpisodes } from '../test/support/episode-arbitrary';

const N = Number(process.env.BENCH_EXPLAIN_EPISODES ?? 20_000);
const SEED = Number(process.env.BENCH_SEED ?? 20261123);
const ROUNDS = 5;

const set = loadPolicySet('policies');
const versions = set.versions.filter((v) => v.compiled && v.compiled.deadlines.length + v.compiled.payments.length > 0);
const episodes = sampleEpisodes(N, SEED);
const langs = (process.env.BENCH_LANGS ?? 'sv,en').split(',');
type Opts = Parameters<typeof evaluate>[3];

/** One round: [wall ms, CPU ms of the process]. On a shared machine the CPU time is the steadier figure. */
function run(opts: Opts): [number, number] {
  let sink = 0;
  const t = performance.now();
  const c = process.cpuUsage();
  for (const v of versions) for (let i = 0; i < episodes.length; i++) sink += evaluate(v.compiled!, episodes[i], v.info, opts).deadlines.length;
  const cpu = process.cpuUsage(c);
  const ms = performance.now() - t;
  if (sink < 0) console.log(sink);
  return [ms, (cpu.user + cpu.system) / 1000];
}

const evaluations = versions.length * episodes.length;
console.log(`${versions.length} policy versions × ${episodes.length} episodes = ${evaluations} evaluations per round, best and median of ${ROUNDS} rounds`);
for (const lang of langs) {
  for (const explain of [false, true]) {
    const opts = { explain, lang } as Opts;
    run(opts); // warm-up
    const rounds: [number, number][] = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(run(opts));
    const wall = rounds.map((x) => x[0]).sort((a, b) => a - b);
    const cpu = rounds.map((x) => x[1]).sort((a, b) => a - b);
    const us = (ms: number) => ((ms * 1000) / evaluations).toFixed(2);
    console.log(`  lang=${lang} explain=${explain}: wall best ${us(wall[0])} µs, median ${us(wall[Math.floor(ROUNDS / 2)])} µs; CPU best ${us(cpu[0])} µs, median ${us(cpu[Math.floor(ROUNDS / 2)])} µs per evaluation`);
  }
}
