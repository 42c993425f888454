// `npm start` with several processes (node:cluster), as a real program on a real port: a saved draft is
// served by every process as soon as the save is answered, a process that dies is replaced (but not for
// ever), SIGTERM stops them all, and a service that cannot start says so and exits 1. As one process: "ready"
// only once /ready is 200, the token read from --token-file and never in the log, the loopback Host
// allow-list on by default, and a file that cannot be read named at start-up without a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { draftText, episode, tempPolicies } from './helpers';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'cluster-token-0123456789';

interface Running {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  port: number;
  exited: Promise<number | null>;
  waitFor(pred: (l: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
}

const running: Running[] = [];
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const r of running.splice(0)) r.child.kill('SIGKILL');
  for (const c of cleanup.splice(0)) c();
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

async function start(args: string[], port: number, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--batch-workers', '0', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const lines: Record<string, unknown>[] = [];
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let rest = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const text of parts.filter(Boolean)) {
      const line = JSON.parse(text) as Record<string, unknown>;
      lines.push(line);
      for (const w of [...waiters]) if (w.pred(line)) waiters.splice(waiters.indexOf(w), 1) && w.resolve(line);
    }
  });
  // 'close', not 'exit': every line written before the exit has been read by then.
  const exited = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const r: Running = {
    child, lines, port, exited,
    waitFor: (pred, what) => {
      const seen = lines.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log line: ${what}; got ${JSON.stringify(lines.map((l) => l.msg))}`)), 45_000);
        waiters.push({ pred, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
  };
  running.push(r);
  return r;
}

/** One request on a connection of its own, so the cluster spreads them over its processes. */
function call(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: payload ? { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** A GET on a connection of its own: its status, or 'timeout' (and the request dropped) when none comes in `ms`. */
function callWithin(port: number, path: string, ms: number): Promise<number | 'timeout'> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(ms, () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', () => resolve('timeout'));
    req.end();
  });
}

/** The processes that said they listen, in the order they said it. */
const listeningPids = (r: Running) => r.lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening')).map((l) => l.pid as number);
const requestLines = (r: Running, url: string) => r.lines.filter((l) => l.msg === 'request' && l.url === url);

describe('npm start with two processes', { timeout: 120_000 }, () => {
  it('serves a saved draft from every process once the save is answered, replaces a process that dies, and stops on SIGTERM', async () => {
    const t = tempPolicies();
    cleanup.push(t.remove);
    const r = await start(['--processes', '2', '--policies', t.dir], await freePort(), { AVTAL_TOKEN: TOKEN });
    const ready = await r.waitFor((l) => l.msg === 'ready', 'ready');
    expect(ready).toMatchObject({ processes: 2, writable: true, port: r.port });

    const saved = await call(r.port, 'POST', '/api/agreements/varmland/drafts', { version: 'kluster-1', text: draftText('kluster-1') });
    expect(saved.status).toBe(201);
    // Right after the answer, every process knows the draft: ten requests, each on a new connection.
    const url = '/api/agreements/varmland/versions/kluster-1';
    const answers = await Promise.all(Array.from({ length: 10 }, () => call(r.port, 'GET', url)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    await r.waitFor(() => requestLines(r, url).length === 10, 'ten request lines');
    const pids = new Set(requestLines(r, url).map((l) => l.pid));
    expect(pids.size).toBe(2); // both processes answered
    expect(new Set(requestLines(r, url).map((l) => l.status))).toEqual(new Set([200]));

    // A process that dies is replaced; the service keeps answering.
    const victim = [...pids][0] as number;
    process.kill(victim, 'SIGKILL');
    await r.waitFor((l) => l.msg === 'process restarted', 'process restarted');
    // One after another, each on a new connection: the primary hands a new connection to the process that
    // took its last one longest ago, so they alternate (sent at once, the new process, slower to take its
    // first, can be passed over for all six).
    const after: Awaited<ReturnType<typeof call>>[] = [];
    for (let i = 0; i < 6; i++) after.push(await call(r.port, 'POST', '/api/evaluate?explain=false', episode));
    expect(after.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(after[0].json).toMatchObject({ caseId: 'ep-1' });
    await r.waitFor(() => requestLines(r, '/api/evaluate?explain=false').length === 6, 'six request lines');
    const evalPids = new Set(requestLines(r, '/api/evaluate?explain=false').map((l) => l.pid));
    expect(evalPids.has(victim)).toBe(false);
    expect(evalPids.size).toBe(2);

    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(r.lines.filter((l) => l.msg === 'stopped').length).toBe(3); // two processes and the primary
    expect(JSON.stringify(r.lines)).not.toContain(TOKEN); // AVTAL_TOKEN is in no log line
  });

  it('answers a save after 5 s when another process does not re-read the policies in time', async () => {
    const t = tempPolicies();
    cleanup.push(t.remove);
    const r = await start(['--processes', '2', '--policies', t.dir], await freePort(), { AVTAL_TOKEN: TOKEN });
    await r.waitFor((l) => l.msg === 'ready', 'ready');
    // The processes write their log lines asynchronously: their own may come after the primary's 'ready'.
    await r.waitFor(() => listeningPids(r).length === 2, 'both processes listening');
    const pids = listeningPids(r);
    // One process stops answering anything (as a process stuck in a long computation would).
    const [stuck, other] = pids;
    process.kill(stuck, 'SIGSTOP');
    cleanup.push(() => {
      try {
        process.kill(stuck, 'SIGCONT');
      } catch {
        /* gone */
      }
    });
    // The primary hands each new connection to the next process that took its last one: the stopped process
    // takes one more, which hangs, and then no more. Find that connection, so the save goes to the other.
    let handedToStuck = false;
    for (let i = 0; i < 4 && !handedToStuck; i++) handedToStuck = (await callWithin(r.port, '/api/status', 1_500)) === 'timeout';
    expect(handedToStuck).toBe(true);
    // Its save waits for the stopped process at most 5 s.
    const started = Date.now();
    const saved = await call(r.port, 'POST', '/api/agreements/varmland/drafts', { version: 'kluster-slow', text: draftText('kluster-slow') });
    expect(saved.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    const warned = await r.waitFor((l) => l.msg === 'not every process re-read the policies in time', 'the reload timeout warning');
    expect(warned.worker).toBe(other);
    // Once it runs again it reads the folder like the others: the draft is served by both.
    process.kill(stuck, 'SIGCONT');
    const url = '/api/agreements/varmland/versions/kluster-slow';
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(r.port, 'GET', url)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
  });

  it('gives up, exit 1, when its processes keep dying: the fifth death within 30 s', async () => {
    const r = await start(['--processes', '2'], await freePort());
    await r.waitFor((l) => l.msg === 'ready', 'ready');
    const restarts = () => r.lines.filter((l) => l.msg === 'process replaced');
    let victim = listeningPids(r)[0] as number;
    for (let i = 1; i <= 5; i++) {
      process.kill(victim, 'SIGKILL');
      // The first four are replaced; after the fifth the service stops. Each replacement is killed as soon as it
      // is forked, not once it listens: five deaths in seconds, however long a start-up takes on a busy machine.
      if (i < 5) {
        await r.waitFor(() => restarts().length === i, `restart ${i}`);
        victim = restarts()[i - 1].worker as number;
      }
    }
    expect(await r.exited).toBe(1);
    expect(r.lines.filter((l) => l.msg === 'a process stopped unexpectedly')).toHaveLength(5);
    expect(r.lines.some((l) => l.msg === 'processes keep stopping; giving up')).toBe(true);
  });

  it('while every process restarts, the primary answers 503 with Retry-After instead of refusing connections', async () => {
    const r = await start(['--processes', '2'], await freePort());
    await r.waitFor((l) => l.msg === 'ready', 'ready');
    for (const pid of listeningPids(r)) process.kill(pid, 'SIGKILL');
    await r.waitFor((l) => l.msg === 'every process is restarting: answering 503 meanwhile', 'the stand-in');
    const meanwhile = await new Promise<{ status: number; retry: unknown; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: r.port, path: '/api/status', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retry: res.headers['retry-after'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    // Unless the new processes were quicker than this request, the primary answered it.
    if (meanwhile.status === 503) {
      expect(meanwhile.retry).toBe('2');
      expect(JSON.parse(meanwhile.body).error.code).toBe('AVT-H031');
    } else expect(meanwhile.status).toBe(200);
    await r.waitFor(() => r.lines.filter((l) => l.msg === 'process restarted').length === 2, 'both restarted');
    expect((await call(r.port, 'GET', '/api/status')).status).toBe(200);
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });

  it('exits 1 and says why when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', res));
    cleanup.push(() => blocker.close());
    const r = await start(['--processes', '2'], (blocker.address() as { port: number }).port);
    expect(await r.exited).toBe(1);
    expect(r.lines.some((l) => l.msg === 'cannot listen')).toBe(true);
    expect(r.lines.some((l) => l.msg === 'a process could not start; stopping')).toBe(true);
  });
});

describe('npm start as one process', { timeout: 120_000 }, () => {
  it("logs 'ready' only once /ready answers 200 (the batch workers warm), takes the token from --token-file and never logs it, answers only loopback Host names, and starts past a dangling link naming it without a stack trace", async () => {
    const t = tempPolicies();
    cleanup.push(t.remove);
    const tokenFile = join(t.dir, '..', 'token');
    writeFileSync(tokenFile, `${TOKEN}\n`);
    // a file that cannot be read: the service starts on the others and names it, without a stack trace
    symlinkSync(join(t.dir, 'nowhere.avtal'), join(t.dir, 'varmland/dangling.avtal'));
    const r = await start(['--processes', '1', '--batch-workers', '1', '--policies', t.dir, '--token-file', tokenFile], await freePort());
    let stderr = '';
    r.child.stderr!.on('data', (d) => (stderr += d));
    await r.waitFor((l) => l.msg === 'ready', 'ready');
    expect(r.lines.filter((l) => l.code === 'AVT-V006').map((l) => l.file)).toEqual(['varmland/dangling.avtal']);
    expect((await call(r.port, 'GET', '/ready')).status).toBe(200);
    expect((await call(r.port, 'POST', '/api/agreements/varmland/drafts', { version: 'ett-1', text: draftText('ett-1') })).status).toBe(201);
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: r.port, path: '/api/status', agent: false, headers: { host: `rebind.example:${r.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebinding).toBe(403);
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(JSON.stringify(r.lines)).not.toContain(TOKEN);
    expect(stderr).toBe('');
  });
});
