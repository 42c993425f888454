#!/usr/bin/env node
// The `avtal` command: runs the compiled CLI in dist/ (built by `npm run build`, which `npm ci` runs as `prepare`).
// A closed pipe (`avtal … | head`) is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (e) {
  if (e.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist/cli.js')) throw e;
  process.stderr.write('avtal: dist/ is missing: run `npm run build` (npm ci runs it) first\n');
  process.exit(70);
}
process.exitCode = await cli.main(process.argv.slice(2));
