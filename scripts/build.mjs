// `npm run build`, and `prepare` (so `npm ci` on a fresh clone and `npm pack` build it): the CLI, the HTTP
// service and the library as JavaScript in dist/, and the library's .d.ts files in dist/types/.
//
// esbuild bundles the entries below with code splitting: shared code is in chunks, so the CLI, the service
// and both library entries hold one copy of each class; npm packages stay imports of node_modules. Every file
// lands directly in dist/, one folder below the package root, as the sources of cli/ and server/ are: their
// `new URL('../policies', import.meta.url)` and the like find the same files from either place.
// Plain JavaScript, so it runs at install without tsx. `--js` builds the JavaScript only (no .d.ts).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const jsOnly = process.argv.includes('--js');

const entryPoints = {
  index: 'engine/public/node.ts', // import … from 'avtal'
  core: 'engine/public/core.ts', // import … from 'avtal/core' (browser-safe)
  cli: 'cli/main.ts', // bin/avtal.js
  server: 'server/main.ts', // npm start
  'batch-worker': 'server/batch-worker.ts', // the service's worker threads
  'ensure-editor': 'server/ensure-editor.ts', // npm start's prestart
};

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

// The browser-safe entry must not reach a Node module, through any chunk it imports.
const outputs = result.metafile.outputs;
const seen = new Set();
const reach = (file) => {
  if (seen.has(file)) return;
  seen.add(file);
  for (const i of outputs[file].imports) {
    if (i.path.startsWith('node:')) throw new Error(`dist/core.js reaches ${i.path} through ${file}: the core entry must stay browser-safe`);
    if (i.kind !== 'dynamic-import' && outputs[i.path]) reach(i.path);
  }
};
reach(relative(root, join(dist, 'core.js')).split('\\').join('/'));

if (!jsOnly) {
  // Declarations: tsc (tsconfig.build.json) from the two library entries, into dist/types/.
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  // The sources import without extensions (moduleResolution "bundler"); a consumer on "node16"/"nodenext"
  // needs them. Each relative specifier gets the .js of the declaration it names ('./x' → './x.js' or
  // './x/index.js'); a handwritten .d.ts the sources import (dsl/parser/cst.d.ts) is copied beside them.
  const types = join(dist, 'types');
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
  for (const file of walk(types)) {
    const text = readFileSync(file, 'utf8').replace(/((?:from|import)\s*\(?\s*)'(\.{1,2}\/[^']*)'/g, (all, lead, spec) => {
      const base = join(dirname(file), spec);
      if (existsSync(`${base}.d.ts`)) return `${lead}'${spec}.js'`;
      if (existsSync(join(base, 'index.d.ts'))) return `${lead}'${spec}/index.js'`;
      const source = join(root, relative(types, base));
      if (existsSync(`${source}.d.ts`)) {
        copyFileSync(`${source}.d.ts`, `${base}.d.ts`);
        return `${lead}'${spec}.js'`;
      }
      throw new Error(`${relative(root, file)}: cannot resolve ${spec}`);
    });
    writeFileSync(file, text);
  }
}
