// prestart: builds the editor (npm run editor:build) only when editor/dist is missing or older than a file it
// is built from: editor/src, editor/index.html, editor/vite.config.ts, and dsl/, engine/ (the language worker
// bundles the parser, checker and engine) and policies/varmland (bundled as the offline agreement).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dist = join(repo, 'editor/dist/index.html');
const SOURCES = ['editor/src', 'editor/index.html', 'editor/vite.config.ts', 'dsl', 'engine', 'policies/varmland'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

const sources = Math.max(...SOURCES.map((p) => newest(join(repo, p))));
const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
if (built === 0 || built < sources) {
  process.stderr.write(built === 0 ? 'editor/dist is missing: building the editor…\n' : 'the editor or the code it bundles changed since the last build: building the editor…\n');
  try {
    execFileSync('npm', ['run', 'editor:build'], { cwd: repo, stdio: 'inherit' });
  } catch {
    process.stderr.write('the editor build failed; the API starts without the editor\n');
  }
}
