// Several processes serving one port (node:cluster), so the service uses every core: the primary process
// only starts, watches and stops the workers; each worker is a whole service (buildApp) with its own copy
// of the policies. Connections are spread over the workers by the primary (round robin).
//
// Saved drafts change the policies folder under all of them: the worker that saved tells the primary, the
// primary tells the others to read the folder again, and the save is answered only once every worker has
// (or after RELOAD_WAIT_MS, or when a worker has gone): a client that saves and then asks again sees its
// draft, whichever worker answers.
import cluster, { type Worker } from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { errorJson, message } from './errors';

const RELOAD_WAIT_MS = 5_000;
/** A worker that keeps dying is not restarted for ever: after this many exits within RESTART_WINDOW_MS the service stops. */
const RESTART_LIMIT = 5;
const RESTART_WINDOW_MS = 30_000;

type ToPrimary = { avtal: 'reload'; id: number } | { avtal: 'reloaded'; id: number } | { avtal: 'warm'; id: number } | { avtal: 'listen'; id: number };
type ToWorker = { avtal: 'reload'; id: number } | { avtal: 'reloaded-all'; id: number } | { avtal: 'listen-ok'; id: number };
const isMessage = (m: unknown): m is { avtal: string; id: number } =>
  typeof m === 'object' && m !== null && typeof (m as { avtal?: unknown }).avtal === 'string' && typeof (m as { id?: unknown }).id === 'number';

/** The other processes serving the same policies folder, as one worker sees them. */
export interface PolicyPeers {
  /** Called with a function that reads the folder again, for when another process changed it. */
  onChange(reload: () => void): void;
  /** Tells the other processes that the folder changed; resolves once they have read it again. */
  changed(): Promise<void>;
}

/** Tells the primary that this worker listens and its batch workers are warm: it counts towards `ready`. */
export function workerWarm(): void {
  if (cluster.isWorker && process.send) process.send({ avtal: 'warm', id: 0 } satisfies ToPrimary);
}

/**
 * Before a worker listens: asks the primary to let go of the port if it is answering for the service (every
 * process restarting, see standIn below); resolves at once when this process is not a cluster worker.
 */
export function mayListen(): Promise<void> {
  if (!cluster.isWorker || !process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, 5_000);
    timer.unref();
    function done(): void {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve();
    }
    function onMessage(m: unknown): void {
      if (isMessage(m) && m.avtal === 'listen-ok') done();
    }
    process.on('message', onMessage);
    process.send!({ avtal: 'listen', id: 0 } satisfies ToPrimary);
  });
}

/** The peers of this process when it is a cluster worker; undefined when it serves alone. */
export function clusterPeers(): PolicyPeers | undefined {
  if (!cluster.isWorker || !process.send) return undefined;
  const send = (m: ToPrimary) => process.send!(m);
  const waiting = new Map<number, () => void>();
  let nextId = 0;
  let reload: (() => void) | undefined;
  process.on('message', (m: unknown) => {
    if (!isMessage(m)) return;
    const msg = m as ToWorker;
    if (msg.avtal === 'reload') {
      reload?.();
      send({ avtal: 'reloaded', id: msg.id });
    } else if (msg.avtal === 'reloaded-all') {
      waiting.get(msg.id)?.();
      waiting.delete(msg.id);
    }
  });
  return {
    onChange(r) {
      reload = r;
    },
    changed() {
      const id = nextId++;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve();
        }, RELOAD_WAIT_MS + 1_000);
        timer.unref();
        waiting.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
        send({ avtal: 'reload', id });
      });
    },
  };
}

export interface PrimaryOptions {
  processes: number;
  log: Logger;
  /** logged with the ready line */
  describe: Record<string, unknown>;
  /** ends the process (after flushing the log) */
  exit(code: number): never;
  /** how long a stopping worker may take before the primary gives up on it */
  stopTimeoutMs?: number;
  /** where the service listens: while every process restarts, the primary answers there itself (503) */
  listen?: { host: string; port: number };
}

/**
 * Runs the primary process: forks `processes` workers (each runs this program again, as a worker), logs
 * `ready` once all of them listen, restarts a worker that dies, relays policy reloads, and on SIGINT or
 * SIGTERM asks every worker to finish its requests in flight and exits when they have.
 */
export function runPrimary(options: PrimaryOptions): void {
  const { log } = options;
  let stopping = false;
  const warmOnes = new Set<number>();
  const listeningOnes = new Set<number>();
  // While no process listens (all of them died and are restarting), the primary itself answers every request
  // 503 with Retry-After, rather than connections being refused. It lets go of the port when a new process is
  // about to listen (mayListen).
  let standIn: Server | undefined;
  const startStandIn = (attempt = 0) => {
    if (!options.listen || standIn || stopping || listeningOnes.size > 0) return;
    const body = errorJson({ code: 'AVT-H031', message: message('AVT-H031') });
    const server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2', connection: 'close' }).end(body);
    });
    server.once('error', () => {
      standIn = undefined;
      // The port may not be free yet (the cluster lets go of it as the last process leaves): try again shortly.
      if (attempt < 20) setTimeout(() => startStandIn(attempt + 1), 100).unref();
    });
    standIn = server;
    const port = address?.port ?? options.listen.port;
    server.listen(port, options.listen.host, () => log.warn({ port }, 'every process is restarting: answering 503 meanwhile'));
  };
  const stopStandIn = (then: () => void) => {
    const s = standIn;
    standIn = undefined;
    if (!s) return then();
    s.close();
    s.closeAllConnections();
    setImmediate(then);
  };
  let ready = false;
  const exits: number[] = [];
  const alive = new Set<Worker>();
  // One pending reload per (origin worker, id): the workers still to answer.
  const reloads = new Map<string, { origin: Worker; id: number; left: Set<number>; timer: NodeJS.Timeout }>();

  const finishReload = (key: string) => {
    const r = reloads.get(key);
    if (!r) return;
    reloads.delete(key);
    clearTimeout(r.timer);
    if (r.origin.isConnected()) r.origin.send({ avtal: 'reloaded-all', id: r.id } satisfies ToWorker);
  };

  const live = () => [...alive].filter((w) => w.isConnected());

  const fork = () => {
    const w = cluster.fork();
    alive.add(w);
    w.on('message', (m: unknown) => {
      if (!isMessage(m)) return;
      const msg = m as ToPrimary;
      if (msg.avtal === 'reload') {
        const key = `${w.id}:${msg.id}`;
        const others = live().filter((o) => o !== w);
        const timer = setTimeout(() => {
          log.warn({ worker: w.process.pid }, 'not every process re-read the policies in time');
          finishReload(key);
        }, RELOAD_WAIT_MS);
        reloads.set(key, { origin: w, id: msg.id, left: new Set(others.map((o) => o.id)), timer });
        for (const o of others) o.send({ avtal: 'reload', id: msg.id } satisfies ToWorker);
        if (others.length === 0) finishReload(key);
      } else if (msg.avtal === 'reloaded') {
        for (const [key, r] of reloads) if (r.id === msg.id && r.left.delete(w.id) && r.left.size === 0) finishReload(key);
      } else if (msg.avtal === 'warm') {
        warm(w);
      } else if (msg.avtal === 'listen') {
        stopStandIn(() => w.isConnected() && w.send({ avtal: 'listen-ok', id: msg.id } satisfies ToWorker));
      }
    });
    return w;
  };

  // `ready` once every process listens and its batch workers are warm (a worker says so: workerWarm).
  let address: { address: string; port: number } | undefined;
  cluster.on('listening', (w, a) => {
    address = { address: a.address, port: a.port };
    listeningOnes.add(w.id);
  });
  function warm(w: Worker): void {
    warmOnes.add(w.id);
    if (!ready && warmOnes.size >= options.processes) {
      ready = true;
      log.info({ ...options.describe, host: address?.address, port: address?.port, processes: options.processes }, 'ready');
    } else if (ready) {
      log.info({ worker: w.process.pid }, 'process restarted');
    }
  }

  cluster.on('exit', (w, code, signal) => {
    alive.delete(w);
    // A worker that leaves answers every reload it was part of.
    for (const [key, r] of reloads) if (r.left.delete(w.id) && r.left.size === 0) finishReload(key);
    for (const [key, r] of reloads) if (r.origin === w) finishReload(key);
    if (stopping) {
      if (alive.size === 0) {
        log.info('stopped');
        options.exit(exitCode);
      }
      return;
    }
    if (!ready) {
      // It never listened (a port in use, a policies folder it cannot read…): the worker has said why.
      log.error({ worker: w.process.pid, code, signal }, 'a process could not start; stopping');
      stop('startup failure', 1);
      return;
    }
    const now = Date.now();
    exits.push(now);
    while (exits.length > 0 && exits[0] < now - RESTART_WINDOW_MS) exits.shift();
    log.error({ worker: w.process.pid, code, signal }, 'a process stopped unexpectedly');
    if (exits.length >= RESTART_LIMIT) {
      log.error({ exits: exits.length, windowMs: RESTART_WINDOW_MS }, 'processes keep stopping; giving up');
      stop('restart limit', 1);
      return;
    }
    warmOnes.delete(w.id);
    listeningOnes.delete(w.id);
    if (listeningOnes.size === 0) startStandIn();
    const next = fork();
    log.info({ worker: next.process.pid, replaces: w.process.pid }, 'process replaced');
  });

  let exitCode = 0;
  function stop(reason: string, code = 0): void {
    if (stopping) return;
    stopping = true;
    stopStandIn(() => undefined);
    exitCode = code;
    log.info({ reason }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error('processes still running; exiting');
      for (const w of alive) w.process.kill('SIGKILL');
      options.exit(1);
    }, options.stopTimeoutMs ?? 12_000);
    force.unref();
    if (alive.size === 0) {
      log.info('stopped');
      options.exit(code);
    }
    for (const w of alive) w.process.kill('SIGTERM');
  }
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  for (let i = 0; i < options.processes; i++) fork();
}
