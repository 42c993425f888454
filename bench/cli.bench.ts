// The command line's start-up: `avtal eval` of one case, as another program or a person runs it (the
// compiled bin/avtal.js), against `node -e 0` in the same run, interleaved, so a slow moment of the machine
// falls on both. Also a batch of 28 cases in one process (before, each case was a process of its own), and
// the same one-case command run from the TypeScript sources through tsx, as bin/avtal.js did before the build.
// Targets (issue 19): one case ≤ 0.5 s wall and ≤ 6 × `node -e 0`. Figures: docs/performance.md.
// CLI_BEFORE=DIR also times DIR's `bin/avtal.js eval` of the same case in the same rounds: another checkout, built
// (`git archive <commit> | tar -x -C DIR`, node_modules linked, `node scripts/build.mjs --js` there), for a before
// and after measured side by side. CLI_ROUNDS: rounds (default 9).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env.CLI_ROUNDS ?? 9);
const TSX_ROUNDS = Math.min(3, ROUNDS);

// The bench measures what `npm ci` builds: build it now, so it is never stale.
const built = spawnSync(process.execPath, [join(repo, 'scripts/build.mjs'), '--js'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

const dir = mkdtempSync(join(tmpdir(), 'avtal-cli-bench-'));
const one = join(repo, 'examples/varmland-exempel-2.json');
const base = JSON.parse(readFileSync(one, 'utf8'));
const batch = join(dir, 'batch.ndjson');
writeFileSync(batch, Array.from({ length: 28 }, (_, i) => JSON.stringify({ ...base, id: `c${i}`, events: { ...base.events, ready_notice_sent: `2019-01-${String(7 + (i % 14)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:00`, discharged: '2019-01-25T10:00' } })).join('\n') + '\n');

type Run = { label: string; args: string[]; ms: number[]; cpu: number[] };

/** CPU ms (user + system) of this process's waited-for children so far, from /proc (Linux); NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * 10; // cutime + cstime, at 100 ticks a second
  } catch {
    return NaN;
  }
}
const runs: Run[] = [
  { label: 'node -e 0', args: ['-e', '0'], ms: [], cpu: [] },
  { label: 'avtal eval, one case', args: ['bin/avtal.js', 'eval', '--case', one], ms: [], cpu: [] },
  { label: 'avtal eval, one case, --no-explain', args: ['bin/avtal.js', 'eval', '--case', one, '--no-explain'], ms: [], cpu: [] },
  { label: 'avtal eval, 28 cases (NDJSON)', args: ['bin/avtal.js', 'eval', '--case', batch, '--no-explain'], ms: [], cpu: [] },
];
const BEFORE = process.env.CLI_BEFORE;
if (BEFORE) runs.push({ label: `before (${BEFORE}), one case`, args: [join(BEFORE, 'bin/avtal.js'), 'eval', '--case', one], ms: [], cpu: [] });
const viaTsx: Run = { label: 'one case through tsx (TypeScript sources)', args: ['--import', 'tsx', '-e', `const { main } = await import('./cli/main.ts'); process.exitCode = await main(['eval', '--case', ${JSON.stringify(one)}]);`], ms: [], cpu: [] };

function time(r: Run): void {
  const cpu = childrenCpuMs();
  const t = process.hrtime.bigint();
  const p = spawnSync(process.execPath, r.args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (p.status !== 0) throw new Error(`${r.label}: exit ${p.status}: ${p.stderr}`);
  r.ms.push(ms);
  r.cpu.push(childrenCpuMs() - cpu);
}

console.log(`load average before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ${ROUNDS} interleaved rounds`);
time(runs[1]); // a first run to warm the file cache, not counted
runs[1].ms.length = 0;
runs[1].cpu.length = 0;
const ratios: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  for (const r of runs) time(r);
  ratios.push(runs[1].ms[i] / runs[0].ms[i]);
  if (i < TSX_ROUNDS) time(viaTsx);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[xs.length >> 1];
const f = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
for (const r of [...runs, viaTsx]) console.log(`${r.label.padEnd(44)} wall: best ${f(sorted(r.ms)[0])}  median ${f(median(r.ms))};  CPU (user + system): median ${f(median(r.cpu))}  (${r.ms.length} runs)`);
const node0 = runs[0].ms;
const evalOne = runs[1].ms;
const ratioBest = sorted(evalOne)[0] / sorted(node0)[0];
const ratioMedian = median(ratios);
console.log(`ratio one case / node -e 0: best to best ${ratioBest.toFixed(1)}×, median of the rounds' ratios ${ratioMedian.toFixed(1)}×`);
console.log(`ratio of CPU time, one case / node -e 0: ${(median(runs[1].cpu) / median(runs[0].cpu)).toFixed(1)}× (medians)`);
console.log(`28 cases in one process: ${f(median(runs[3].ms))} median, ${(median(runs[3].ms) / median(evalOne)).toFixed(2)}× one case`);
if (BEFORE) console.log(`before ÷ after, one case: wall ${(sorted(runs[4].ms)[0] / sorted(evalOne)[0]).toFixed(2)}× best to best, CPU ${(median(runs[4].cpu) / median(runs[1].cpu)).toFixed(2)}× (medians)`);
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`targets: one case ≤ 0.5 s: ${sorted(evalOne)[0] <= 500 ? 'met' : 'missed'} at best, ${median(evalOne) <= 500 ? 'met' : 'missed'} at the median; ≤ 6× node -e 0: ${ratioBest <= 6 ? 'met' : 'missed'} best to best, ${ratioMedian <= 6 ? 'met' : 'missed'} at the median`);
