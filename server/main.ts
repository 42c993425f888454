// `npm start`: one process serving the JSON API and the editor on 127.0.0.1:8080 unless told otherwise.
//   --host H / HOST, --port P / PORT, --policies DIR, AVTAL_TOKEN or --token-file FILE (enables writes), --editor DIR,
//   --allowed-hosts a,b (Host names answered; default for a loopback address: localhost, 127.0.0.1, [::1]),
//   --batch-workers N (worker threads for large batches; default one per core),
//   --processes N / AVTAL_PROCESSES (processes serving the port; default one per core, 1: this process alone)
// SIGINT/SIGTERM: stop accepting, finish the requests in flight, then exit.
import cluster from 'node:cluster';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { buildApp } from './app';
import { clusterPeers, mayListen, runPrimary, workerWarm } from './cluster';
import { isLoopback, LOOPBACK_HOSTS } from './guards';
import { TIMEOUTS, TOKEN_MIN_LENGTH } from './limits';
import { isMsgLang, render, type MessageCode, type MsgLang, type Params } from '../dsl/messages';

// The language of start-up's own messages (the answers choose theirs per request): --lang, AVTAL_LANG, Swedish.
const langAt = process.argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
const langText = langAt < 0 ? process.env.AVTAL_LANG || 'sv' : process.argv[langAt].startsWith('--lang=') ? process.argv[langAt].slice(7) : (process.argv[langAt + 1] ?? '');
const lang: MsgLang = isMsgLang(langText) ? langText : 'sv';
const say = (code: MessageCode, params: Params = {}): string => render(code, params, lang);
const usage = say('server.usage', { min: TOKEN_MIN_LENGTH });

function fail(msg: string): never {
  process.stderr.write(`avtal server: ${msg}\n\n${usage}\n`);
  process.exit(2);
}

const repo = fileURLToPath(new URL('..', import.meta.url));
let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      host: { type: 'string' }, port: { type: 'string' }, policies: { type: 'string' }, token: { type: 'string' }, 'token-file': { type: 'string' }, editor: { type: 'string' },
      'batch-workers': { type: 'string' }, processes: { type: 'string' }, 'allowed-hosts': { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (e) {
  // node:util's words, in the language: an unknown option, an option without its value
  const { code, message } = e as Error & { code?: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  fail(option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? say('server.unknownOption', { option }) : option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? say('server.optionNeedsValue', { option }) : message);
}
if (!isMsgLang(langText)) fail(say('server.badLang', { lang: langText }));
if (values.help) {
  process.stdout.write(usage + '\n');
  process.exit(0);
}
const host = (values.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1';
const portText = (values.port as string | undefined) ?? process.env.PORT ?? '8080';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(say('server.invalidPort', { port: portText }));
const policiesDir = resolve((values.policies as string | undefined) ?? (existsSync('policies') ? 'policies' : resolve(repo, 'policies')));
if (!existsSync(policiesDir)) fail(say('server.noPolicies', { dir: policiesDir }));
// The token: never from argv (the process list and shell history show it), never logged.
if (values.token !== undefined) fail(say('server.tokenOnCommandLine'));
let token = process.env.AVTAL_TOKEN || undefined;
const tokenFile = values['token-file'] as string | undefined;
if (tokenFile !== undefined) {
  try {
    token = readFileSync(tokenFile, 'utf8').split(/\r?\n/)[0].trim() || undefined;
  } catch (e) {
    fail(say('server.tokenFileUnreadable', { file: tokenFile, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  if (!token) fail(say('server.tokenFileEmpty', { file: tokenFile }));
}
if (token !== undefined && token.length < TOKEN_MIN_LENGTH) fail(say('server.tokenShort', { min: TOKEN_MIN_LENGTH }));
const hostsText = values['allowed-hosts'] as string | undefined;
const allowedHosts = hostsText !== undefined ? hostsText.split(',').map((h) => h.trim()).filter(Boolean) : isLoopback(host) ? LOOPBACK_HOSTS : undefined;
const editorDir = resolve((values.editor as string | undefined) ?? resolve(repo, 'editor/dist'));
const workersText = values['batch-workers'] as string | undefined;
if (workersText !== undefined && !/^\d{1,2}$/.test(workersText)) fail(say('server.invalidWorkers', { value: workersText }));
const batchWorkers = workersText === undefined ? undefined : Number(workersText);
const processesText = (values.processes as string | undefined) ?? (process.env.AVTAL_PROCESSES || undefined);
if (processesText !== undefined && !/^[1-9]\d{0,1}$/.test(processesText)) fail(say('server.invalidProcesses', { value: processesText }));
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
  runPrimary({ processes, log: pino({ level }, destination), describe, exit, listen: { host, port } });
} else {
  await serve();
}

async function serve(): Promise<void> {
  let app!: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp({ policiesDir, token, editorDir, batchWorkers, allowedHosts, peers: clusterPeers(), logger: { level, stream: destination } });
  } catch (e) {
    // A folder that cannot be read, say: a clear line, no stack trace.
    pino({ level }, destination).error({ policiesDir }, `cannot start: ${(e as Error).message}`);
    exit(1);
  }
  let closing = false;
  async function shutdown(signal: string): Promise<void> {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error(`requests still running after ${TIMEOUTS.shutdownMs / 1000} s; exiting`);
      exit(1);
    }, TIMEOUTS.shutdownMs);
    force.unref();
    await app.close();
    app.log.info('stopped');
    exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await mayListen();
    await app.listen({ host, port });
  } catch (e) {
    app.log.error({ err: e }, 'cannot listen');
    exit(1);
  }
  // Ready once the batch workers have started (a batch sent before would wait for them); in a cluster the
  // primary says when all processes are.
  await app.whenWarm();
  if (cluster.isWorker) workerWarm();
  else app.log.info({ ...describe, host, port: (app.server.address() as { port: number }).port }, 'ready');
}
