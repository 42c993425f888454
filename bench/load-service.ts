// Starting and watching the HTTP service for the load benchmarks (bench/load.ts, bench/keep.ts): the compiled
// service as `npm start` runs it, its processes' CPU time from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { runLoad } from './load-generator';

const repo = fileURLToPath(new URL('..', import.meta.url));
export const policiesDir = `${repo}policies`;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export interface Service {
  base: string;
  port: number;
  child: ChildProcess;
  /** CPU time (ms) of the service's processes so far: the primary and its workers, all threads */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** CPU ms of a process (all its threads) from /proc; 0 when it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime, at 100 ticks per second
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(d));
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** The compiled service, as `npm start` runs it: built now (the JavaScript only, about a second), so it is never stale. */
export function buildService(): void {
  const built = spawnSync(process.execPath, [`${repo}scripts/build.mjs`, '--js'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** `dist/server.js` on a free port of 127.0.0.1 with `processes` processes (and any other options), once every process answers. */
export async function startService(processes: number, extra: string[] = []): Promise<Service> {
  const port = await freePort();
  const log = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, ['dist/server.js', '--port', String(port), '--policies', policiesDir, '--processes', String(processes), ...extra], {
    cwd: repo, stdio: ['ignore', log, 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service stopped with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/status`)).ok && (processes === 1 || childrenOf(child.pid!).length >= processes)) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('the service did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  // Every process must be listening: ask until the answers stop being slow (each process warms up on its first requests).
  await runLoad({ port, method: 'GET', path: '/api/status', connections: processes * 4, seconds: 1 });
  const pids = () => [child.pid!, ...childrenOf(child.pid!)];
  return {
    base, port, child,
    cpuMs: () => pids().reduce((sum, pid) => sum + processCpuMs(pid), 0),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

