// Vite config for the Avtal browser editor.
//   npm run editor:dev    -> vite editor        (dev server)
//   npm run editor:build  -> vite build editor  (static bundle in editor/dist)
//
// The bundle is fully self-contained (monaco, its CSS/codicon font and both
// workers are emitted as local assets; no CDN), and uses relative asset URLs
// (`base: './'`) so the real server can mount it under any path prefix.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const editorRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
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
