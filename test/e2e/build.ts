// Builds editor/dist for browser tests, once: skipped when the build is newer than every source it is
// made from (editor/, dsl/, engine/, policies/varmland), and serialised with a lock folder so two test
// files (or two test runs) never write editor/dist at the same time.
// AVTAL_E2E_REUSE_BUILD=1 reuses an existing build without looking.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const editorRoot = join(repoRoot, 'editor');
export const distDir = join(editorRoot, 'dist');
const lockDir = join(repoRoot, 'node_modules/.avtal-editor-build.lock');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const n of readdirSync(path)) if (n !== 'dist' && n !== 'node_modules') m = Math.max(m, newest(join(path, n)));
  return m;
}

function stale(): boolean {
  const built = existsSync(join(distDir, 'index.html')) ? statSync(join(distDir, 'index.html')).mtimeMs : 0;
  const sources = Math.max(newest(editorRoot), newest(join(repoRoot, 'dsl')), newest(join(repoRoot, 'engine')), newest(join(repoRoot, 'policies/varmland')));
  return built === 0 || built < sources;
}

async function lock(): Promise<() => void> {
  for (let i = 0; i < 600; i++) {
    try {
      mkdirSync(lockDir);
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch {
      // a lock older than 3 minutes belongs to a build that died
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 180_000) rmSync(lockDir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('timed out waiting for another editor build');
}

/** Builds the editor when needed; returns the build time in ms, or NaN when the build was reused. */
export async function ensureEditorBuilt(): Promise<number> {
  if (process.env.AVTAL_E2E_REUSE_BUILD === '1' && existsSync(join(distDir, 'index.html'))) return NaN;
  const release = await lock();
  try {
    if (!stale()) return NaN;
    const { build } = await import('vite');
    // vitest sets NODE_ENV=test; Vite would then produce a non-production build.
    const previousNodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const started = performance.now();
    try {
      await build({ root: editorRoot, configFile: join(editorRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = previousNodeEnv;
    }
    return performance.now() - started;
  } finally {
    release();
  }
}
