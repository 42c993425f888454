// `npm run bench`: runs every bench/*.bench.ts in turn, each in its own Node process (a clean heap,
// --expose-gc for memory figures). Exit 1 when any of them fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const f of files) {
  const file = join(dir, f);
  console.log(`\n### ${relative(process.cwd(), file)}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`### ${f}: exit ${r.status ?? r.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
