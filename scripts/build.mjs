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

// The library: shared code is in chunks, so both entries hold one copy of each class.
const library = { index: 'engine/public/node.ts', core: 'engine/public/core.ts' };
// The programs: the HTTP service keeps its other packages in node_modules (pino starts worker threads from
// files of its own); the CLI bundles them all, since importing an npm package of many small modules (chevrotain
// reaches hundreds of lodash-es files) costs more start-up time than the rest of a command.
const service = { server: 'server/main.ts', 'batch-worker': 'server/batch-worker.ts', 'ensure-editor': 'server/ensure-editor.ts' };
const cli = { cli: 'cli/main.ts' };

const common = {
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
};
// A full build starts from nothing; --js replaces the JavaScript and keeps dist/types/.
if (jsOnly) for (const f of existsSync(dist) ? readdirSync(dist) : []) (f.endsWith('.js') || f.endsWith('.js.map')) && rmSync(join(dist, f));
else rmSync(dist, { recursive: true, force: true });
// chevrotain is bundled everywhere: it imports lodash-es, hundreds of one-function modules, and Node's ESM loader
// took seconds to resolve and load them on a busy machine (`import 'avtal'` 3.4–4.8 s, against 0.2 s bundled).
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => d !== 'chevrotain');
// The library bundles the packages it uses (chevrotain, ajv, luxon) for the same reason: ajv is some fifty
// CommonJS files. Only the service's packages, which it never imports, are named external (to be sure).
const result = await build({ ...common, entryPoints: library, splitting: true, external: ['fastify', '@fastify/static', 'pino'] });
await build({ ...common, entryPoints: service, splitting: true, external });
await build({
  ...common,
  entryPoints: cli,
  splitting: true,
  // CommonJS packages bundled into ESM may require() Node's own modules.
  banner: { js: "import { createRequire as __avtalRequire } from 'node:module'; const require = __avtalRequire(import.meta.url);" },
});

// The bundled policies, parsed (dist/policy-cache/, engine/registry/parse-cache.ts): a command loading them does not
// build the Chevrotain parser or parse them. The generator is bundled like the rest, run once, and removed.
const generator = join(dist, 'gen-policy-cache.mjs');
await build({ ...common, entryPoints: { 'gen-policy-cache': 'scripts/gen-policy-cache.ts' }, outExtension: { '.js': '.mjs' }, sourcemap: false, metafile: false, banner: { js: "import { createRequire as __avtalRequire } from 'node:module'; const require = __avtalRequire(import.meta.url);" } });
execFileSync(process.execPath, [generator, join(root, 'policies'), join(dist, 'policy-cache')], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
rmSync(generator);

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
