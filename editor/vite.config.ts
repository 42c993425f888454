// Vite config for the Avtal browser editor.
//   npm run editor:dev    -> vite editor        (dev server)
//   npm run editor:build  -> vite build editor  (static bundle in editor/dist)
//
// The bundle is fully self-contained (monaco, its CSS/codicon font and both
// workers are emitted as local assets; no CDN), and uses relative asset URLs
// (`base: './'`) so the real server can mount it under any path prefix.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const editorRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each script, style, font and page of the build, once:
 * the server (server/static.ts, @fastify/static's preCompressed) sends them as they are instead of
 * compressing 4 MB of Monaco on every request.
 */
function precompress(): Plugin {
  return {
    name: 'avtal-precompress',
    apply: 'build',
    closeBundle() {
      const dist = join(editorRoot, 'dist');
      const files = [join(dist, 'index.html'), ...readdirSync(join(dist, 'assets')).map((f) => join(dist, 'assets', f))];
      for (const file of files) {
        if (!/\.(js|css|html|ttf|svg|json)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [precompress()],
  root: editorRoot,
  base: './',
  // No public/ dir for now; keep Vite from looking for one elsewhere.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco's chunks are up to ~1.4 MB minified; that's expected, don't warn.
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Monaco in three chunks of 0.8-1.4 MB instead of one of 3.5 MB: the browser fetches and parses them
        // side by side (each script streams to its own background parser) rather than one after the other.
        // The page's entry (src/boot.ts) must not wait for any of them, so Vite's small preload helper, which
        // it shares with src/main.ts, gets a chunk of its own (otherwise Rolldown puts it in a Monaco chunk).
        codeSplitting: {
          groups: [
            { name: 'preload-helper', test: /preload-helper/ },
            { name: 'monaco-base', test: /monaco-editor[\\/]esm[\\/]vs[\\/](base|nls|platform)/ },
            { name: 'monaco-common', test: /monaco-editor[\\/]esm[\\/]vs[\\/]editor[\\/]common/ },
            { name: 'monaco-editor', test: /monaco-editor[\\/]esm[\\/]vs[\\/]editor[\\/]/ },
          ],
        },
      },
    },
  },
  worker: {
    // Module workers: required for code-splitting inside workers (the
    // language worker will import the real parser from ../dsl), and the
    // default 'iife' format cannot be code-split.
    format: 'es',
  },
  server: {
    // The language worker imports ../dsl (outside the Vite root).
    fs: { allow: [repoRoot] },
  },
});
