// `npm run soak`: a bounded mixed load on the HTTP service (5 minutes by default, SOAK_SECONDS to change), as
// `npm start` runs it (one process per core, batch worker threads), over a temporary copy of the policies.
// Clients send, in a loop each: valid single evaluations, invalid ones (bad JSON, a wrong field, invalid UTF-8,
// a token in the query string), monthly ladders within the limits and over them, behavioural diffs, JSON and
// NDJSON batches. It counts every status (a 5xx is a failure: the run exits 1) and samples the resident memory
// of the service's processes (the primary, its workers). Figures go to docs/performance.md (## Soak).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { episode } from './load-cases';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 8);
const repo = fileURLToPath(new URL('..', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Resident memory (MiB) of a process and its child processes (cluster workers), from /proc. */
function rssMiB(pid: number): number {
  const kib = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  let total = kib(pid);
  for (const t of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${t}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) total += kib(Number(t));
    } catch {
      /* gone */
    }
  }
  return Math.round(total / 1024);
}

type Request = { name: string; method: 'GET' | 'POST'; path: string; body?: string | Buffer; type?: string };
const json = (o: unknown) => JSON.stringify(o);
const cases = (n: number, i: number) => Array.from({ length: n }, (_, k) => ({ ...episode(i * n + k), id: `c${k}` }));

/** The mix, by weight: mostly valid evaluations, the rest spread over the other kinds. */
const MIX: { weight: number; make: (i: number) => Request }[] = [
  { weight: 40, make: (i) => ({ name: 'evaluate', method: 'POST', path: '/api/evaluate?explain=false', body: json(episode(i)) }) },
  { weight: 10, make: (i) => ({ name: 'evaluate+explain', method: 'POST', path: '/api/evaluate', body: json(episode(i)) }) },
  { weight: 6, make: () => ({ name: 'invalid json', method: 'POST', path: '/api/evaluate', body: '{"county": varmland' }) },
  { weight: 6, make: (i) => ({ name: 'invalid field', method: 'POST', path: '/api/evaluate', body: json({ ...episode(i), facts: { sip_needed: 'maybe' } }) }) },
  { weight: 3, make: () => ({ name: 'invalid utf-8', method: 'POST', path: '/api/evaluate', body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }) },
  { weight: 2, make: () => ({ name: 'query token', method: 'GET', path: '/api/status?token=abc' }) },
  { weight: 6, make: (i) => ({ name: 'months', method: 'POST', path: '/api/months', body: json({ county: 'kronoberg', averages: { Växjö: { '2025-01': 3 + (i % 5) * 0.25, '2025-02': 3.5, '2025-03': 4 }, Alvesta: { '2025-01': 1 } }, from: '2025-01', to: '2026-12' }) }) },
  { weight: 3, make: () => ({ name: 'months over limit', method: 'POST', path: '/api/months', body: json({ county: 'kronoberg', averages: { Växjö: { '2025-01': 3.25 } }, from: '0001-01', to: '9999-12' }) }) },
  { weight: 2, make: () => ({ name: 'diff', method: 'GET', path: `/api/diff?agreement=varmland&from=2019-01-01&to=${encodeURIComponent('2026-förslag')}` }) },
  { weight: 3, make: (i) => ({ name: 'batch json', method: 'POST', path: '/api/evaluate/batch?explain=false', body: json(cases(500, i)) }) },
  { weight: 3, make: (i) => ({ name: 'batch ndjson', method: 'POST', path: '/api/evaluate/batch?explain=false', body: cases(2000, i).map(json).join('\n') + '\n', type: 'application/x-ndjson' }) },
  { weight: 2, make: () => ({ name: 'health', method: 'GET', path: '/ready' }) },
];
const TOTAL = MIX.reduce((n, m) => n + m.weight, 0);
function pick(i: number): Request {
  let r = (i * 7919) % TOTAL;
  for (const m of MIX) {
    if (r < m.weight) return m.make(i);
    r -= m.weight;
  }
  return MIX[0].make(i);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'avtal-soak-'));
  cpSync(join(repo, 'policies'), join(root, 'policies'), { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--policies', join(root, 'policies')], {
    cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const logged: string[] = [];
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      text += d;
      const lines = text.split('\n');
      text = lines.pop()!;
      for (const l of lines) {
        logged.push(l);
        if (l.includes('"msg":"ready"')) resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before it was ready`)));
    // LOG_LEVEL=warn hides the ready line: ask /ready instead, on new connections, until every process has
    // said yes several times running (each connection may reach another process).
    let yes = 0;
    const poll = setInterval(async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/ready`, { headers: { connection: 'close' } });
        yes = r.status === 200 ? yes + 1 : 0;
        if (yes >= 10) {
          clearInterval(poll);
          resolve();
        }
      } catch {
        yes = 0;
      }
    }, 200);
  });
  const base = `http://127.0.0.1:${port}`;
  const counts = new Map<string, Map<number, number>>();
  const memory: { s: number; mib: number }[] = [];
  const started = Date.now();
  const sample = () => memory.push({ s: Math.round((Date.now() - started) / 1000), mib: rssMiB(child.pid!) });
  sample();
  const sampler = setInterval(sample, 10_000);
  let errors = 0;
  let n = 0;
  const until = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (Date.now() < until) {
      const r = pick(n++);
      let status = 0;
      try {
        const res = await fetch(base + r.path, { method: r.method, body: typeof r.body === 'string' || r.body === undefined ? r.body : new Uint8Array(r.body), headers: r.body ? { 'content-type': r.type ?? 'application/json' } : {} });
        const text = await res.text();
        status = res.status;
        // A streamed answer cut short says so in its last line: count it as a failure.
        if (r.type === 'application/x-ndjson' && text.trimEnd().split('\n').pop()?.includes('"incomplete":true')) status = 599;
      } catch {
        errors++;
      }
      const by = counts.get(r.name) ?? new Map<number, number>();
      by.set(status, (by.get(status) ?? 0) + 1);
      counts.set(r.name, by);
    }
  }));
  clearInterval(sampler);
  sample();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(root, { recursive: true, force: true });

  let fives = 0;
  let total = 0;
  console.log(`\n${SECONDS} s, ${CLIENTS} clients, ${n} requests, ${errors} connection errors`);
  for (const [name, by] of counts) {
    const parts = [...by].sort((a, b) => a[0] - b[0]).map(([s, c]) => `${s}: ${c}`);
    for (const [s, c] of by) {
      total += c;
      if (s >= 500 || s === 0) fives += c;
    }
    console.log(`${name.padEnd(18)} ${parts.join(', ')}`);
  }
  console.log(`memory (MiB, service processes): ${memory.map((m) => `${m.s}s ${m.mib}`).join(', ')}`);
  const settled = memory.slice(1);
  console.log(`start (after warm-up) ${memory[0].mib} MiB, after 10 s ${settled[0]?.mib} MiB, end ${memory[memory.length - 1].mib} MiB, max ${Math.max(...memory.map((m) => m.mib))} MiB`);
  console.log(`${total} answers, ${fives} 5xx or failed`);
  const warnings = logged.filter((l) => /"level":(40|50|60)/.test(l));
  if (warnings.length > 0) console.log(`service warnings/errors logged: ${warnings.length}\n${warnings.slice(0, 5).join('\n')}`);
  process.exit(fives > 0 || errors > 0 ? 1 : 0);
}

await main();
