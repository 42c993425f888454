// `npm start`: one process serving the JSON API and the editor on 127.0.0.1:8080 unless told otherwise.
//   --host H / HOST, --port P / PORT, --policies DIR, --token T / AVTAL_TOKEN (enables writes), --editor DIR,
//   --batch-workers N (worker threads for large batches; default one per core),
//   --processes N / AVTAL_PROCESSES (processes serving the port; default one per core, 1: this process alone)
// SIGINT/SIGTERM: stop accepting, finish the requests in flight, then exit.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { buildApp } from './app';
import { clusterPeers, runPrimary } from './cluster';

const usage = `Usage: npm start -- [--host H] [--port P] [--policies DIR] [--token TOKEN] [--editor DIR] [--batch-workers N] [--processes N]

Serves the Avtal JSON API (/api/…, /openapi.json) and the browser editor. Defaults: HOST or 127.0.0.1,
PORT or 8080, ./policies, editor/dist, one batch worker thread per core (0: none), one process per core
(AVTAL_PROCESSES; 1: a single process). Writes (saving drafts) are enabled only with --token or AVTAL_TOKEN.
Logs: one JSON line per request on standard output.`;

function fail(msg: string): never {
  process.stderr.write(`avtal server: ${msg}\n\n${usage}\n`);
  process.exit(2);
}

const repo = fileURLToPath(new URL('..', import.meta.url));
let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: { host: { type: 'string' }, port: { type: 'string' }, policies: { type: 'string' }, token: { type: 'string' }, editor: { type: 'string' }, 'batch-workers': { type: 'string' }, processes: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  process.stdout.write(usage + '\n');
  process.exit(0);
}
const host = (values.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1';
const portText = (values.port as string | undefined) ?? process.env.PORT ?? '8080';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`invalid port ${portText}`);
const policiesDir = resolve((values.policies as string | undefined) ?? (existsSync('policies') ? 'policies' : resolve(repo, 'policies')));
if (!existsSync(policiesDir)) fail(`no policies folder at ${policiesDir}`);
const token = (values.token as string | undefined) ?? (process.env.AVTAL_TOKEN || undefined);
const editorDir = resolve((values.editor as string | undefined) ?? resolve(repo, 'editor/dist'));
const workersText = values['batch-workers'] as string | undefined;
if (workersText !== undefined && !/^\d{1,2}$/.test(workersText)) fail(`invalid --batch-workers ${workersText}: a number of threads, 0 for none`);
const batchWorkers = workersText === undefined ? undefined : Number(workersText);
const processesText = (values.processes as string | undefined) ?? (process.env.AVTAL_PROCESSES || undefined);
if (processesText !== undefined && !/^[1-9]\d{0,1}$/.test(processesText)) fail(`invalid --processes ${processesText}: a number of processes from 1 to 99`);
const processes = processesText === undefined ? availableParallelism() : Number(processesText);

// Log lines are written asynchronously (off the request path; lines written while one write is under way
// go out together) and flushed before the process exits.
const level = process.env.LOG_LEVEL ?? 'info';
const destination = pino.destination({ dest: 1, sync: false });
const exit = (code: number): never => {
  try {
    destination.flushSync();
  } catch {
    /* the lines cannot be written: nothing more to do */
  }
  process.exit(code);
};
const describe = { policiesDir, writable: !!token, editor: existsSync(resolve(editorDir, 'index.html')) ? editorDir : null };

if (processes > 1 && cluster.isPrimary) {
  runPrimary({ processes, log: pino({ level }, destination), describe, exit });
} else {
  await serve();
}

async function serve(): Promise<void> {
  const app = await buildApp({ policiesDir, token, editorDir, batchWorkers, peers: clusterPeers(), logger: { level, stream: destination } });
  let closing = false;
  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('requests still running after 10 s; exiting');
      exit(1);
    }, 10_000);
    force.unref();
    await app.close();
    app.log.info('stopped');
    exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ host, port });
  } catch (e) {
    app.log.error({ err: e }, 'cannot listen');
    exit(1);
  }
  // In a cluster the primary says when all processes are ready.
  if (!cluster.isWorker) app.log.info(describe, 'ready');
}
