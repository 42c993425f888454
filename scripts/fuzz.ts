// `npm run fuzz`: the long profile of the property suite (test/properties). Random seeds, and a time
// budget instead of a run count: FUZZ_SECONDS (default 120) shared among the properties by weight.
// Every property prints how many cases it tried and its seed; a failure prints the seed, the path and
// the shrunk counterexample, and the command that replays it. Extra arguments go to vitest
// (e.g. `npm run fuzz -- -t "deep nesting"`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test', 'properties');
const seconds = Number(process.env.FUZZ_SECONDS ?? '120');
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`FUZZ_SECONDS must be a positive number of seconds, got ${process.env.FUZZ_SECONDS}`);
  process.exit(2);
}

// The properties' weights, read from their options (`{ quick: N, weight: W }`), so the budget adds up.
let share = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts'))) {
  for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\{ quick: \d+(?:, weight: (\d+))?/g)) share += Number(m[1] ?? 1);
}

console.log(`[fuzz] ${seconds} s over ${share} property shares; random seeds (FUZZ_SEED=<seed> FUZZ_ONLY=<property> replays one)`);
const result = spawnSync('npx', ['vitest', 'run', 'test/properties', '--no-file-parallelism', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SECONDS: String(seconds), FUZZ_PROPERTIES: String(Math.max(1, share)) },
});
process.exit(result.status ?? 1);
