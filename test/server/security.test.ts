// The write token (401/403, rate-limited failures, never in a query string, never logged; from the environment
// or a file, never argv, with a minimum length), 405 with Allow, long path parameters answered by the API,
// security headers on every answer, and the Host allow-list of a loopback service (DNS rebinding).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOSTS } from '../../server/guards';
import { TOKEN_FAILURES_MAX } from '../../server/limits';
import { app as makeApp, draftText, tempPolicies } from './helpers';

const TOKEN = 'security-token-0123456789';
const repo = fileURLToPath(new URL('../..', import.meta.url));

function logged() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _e, cb) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    cb();
  } });
  return { lines, logger: { level: 'info', stream } };
}

describe('the write token', () => {
  it('rate-limits wrong tokens per client (429 with Retry-After), logging the attempts without the value', async () => {
    const t = tempPolicies();
    const log = logged();
    const app = await makeApp({ policiesDir: t.dir, token: TOKEN, logger: log.logger });
    try {
      const post = (token: string) => app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload: { version: 'r1', text: draftText('r1') }, headers: { authorization: `Bearer ${token}` } });
      for (let i = 0; i < TOKEN_FAILURES_MAX; i++) expect((await post(`guess-number-${i}`)).statusCode).toBe(403);
      const limited = await post('guess-once-more');
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('AVT-H027');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Even the right token waits for the window to end: a guesser learns nothing from it.
      expect((await post(TOKEN)).statusCode).toBe(429);
      const warnings = log.lines.filter((l) => l.includes('wrong write token'));
      expect(warnings).toHaveLength(TOKEN_FAILURES_MAX);
      expect(log.lines.join('\n')).not.toMatch(/guess-|security-token/);
    } finally {
      await app.close();
      t.remove();
    }
  });

  it('refuses a token in the query string (400) and logs the URL without its value', async () => {
    const log = logged();
    const app = await makeApp({ token: TOKEN, logger: log.logger });
    const r = await app.inject({ method: 'GET', url: `/api/status?access_token=${TOKEN}` });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'AVT-H026', in: 'querystring' });
    await app.close();
    expect(log.lines.join('\n')).toContain('access_token=[redacted]');
    expect(log.lines.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a token shorter than the minimum', async () => {
    await expect(makeApp({ token: 'short' })).rejects.toThrow(/at least 16/);
  });

  it('npm start refuses --token (argv shows it) and a short AVTAL_TOKEN; reads --token-file', () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '1', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
    const argv = run(['--token', TOKEN]);
    expect(argv.status).toBe(2);
    expect(argv.stderr).toMatch(/^avtal server: --token vägras: .*AVTAL_TOKEN.*--token-file/);
    expect(argv.stderr).toContain('Användning: npm start');
    const english = run(['--token', TOKEN, '--lang', 'en']);
    expect(english.stderr).toMatch(/--token is refused.*AVTAL_TOKEN.*--token-file/);
    expect(run(['--token', TOKEN], { AVTAL_LANG: 'en' }).stderr).toMatch(/--token is refused/);
    const short = run([], { AVTAL_TOKEN: 'abc' });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/nyckeln är för kort: minst 16 tecken/);
    const unknown = run(['--nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^avtal server: okänd flagga --nope/);
    const dir = mkdtempSync(join(tmpdir(), 'avtal-token-'));
    try {
      writeFileSync(join(dir, 'empty'), '\n');
      const empty = run(['--token-file', join(dir, 'empty')]);
      expect(empty.status).toBe(2);
      expect(empty.stderr).toMatch(/nyckelfilen .* är tom/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('methods, paths and headers', () => {
  it('405s a method an API path does not have, with Allow (TRACE, QUERY, DELETE)', async () => {
    const app = await makeApp();
    for (const method of ['TRACE', 'QUERY', 'DELETE']) {
      const r = await app.inject({ method: method as 'GET', url: '/api/status' });
      expect(r.statusCode, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(r.json().error.code).toBe('AVT-H028');
    }
    const post = await app.inject({ method: 'GET', url: '/api/evaluate' });
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('POST');
    await app.close();
  });

  it('answers a path parameter over 100 characters from the API (400 JSON), not the static files', async () => {
    const app = await makeApp({ editorDir: join(repo, 'editor/dist') });
    const r = await app.inject({ method: 'GET', url: `/api/agreements/${'x'.repeat(150)}/versions/1` });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json().error).toMatchObject({ code: 'AVT-H004', pointer: '/agreement' });
    await app.close();
  });

  it('sends CSP (workers included, never framed), nosniff, Referrer-Policy on every answer', async () => {
    const app = await makeApp();
    for (const url of ['/api/status', '/api/nope']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['content-security-policy']).toMatch(/worker-src 'self' blob:/);
      expect(r.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/); // no 'unsafe-inline', no 'unsafe-eval'
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    await app.close();
  });

  it('answers only the loopback Host names when told to (DNS rebinding): 403 for another name', async () => {
    const app = await makeApp({ allowedHosts: LOOPBACK_HOSTS });
    const evil = await app.inject({ method: 'GET', url: '/api/status', headers: { host: 'attacker.example:8080' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('AVT-H029');
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST']) {
      expect((await app.inject({ method: 'GET', url: '/api/status', headers: { host } })).statusCode, host).toBe(200);
    }
    await app.close();
  });
});
