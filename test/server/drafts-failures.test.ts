// Saving a draft when the disk fails: the client gets a coded 500 (AVT-H018 when the draft cannot be written —
// its folder cannot be made, the file cannot be written or linked — and AVT-H019 with an id for anything
// unforeseen), never a stack trace, and no file is left behind.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app as makeApp, draftText, tempPolicies } from './helpers';

const failing = vi.hoisted(() => ({ op: null as null | 'link' | 'mkdir' | 'random' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...fs,
    link: (async (...args: Parameters<typeof fs.link>) => (failing.op === 'link' ? Promise.reject(fail('EIO')) : fs.link(...args))) as typeof fs.link,
    mkdir: (async (...args: Parameters<typeof fs.mkdir>) => (failing.op === 'mkdir' ? Promise.reject(fail('ENOSPC')) : fs.mkdir(...args))) as typeof fs.mkdir,
  };
});
// Something no one foresaw: the temporary file's random name cannot be made.
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return { ...crypto, randomBytes: ((size: number) => { if (failing.op === 'random') throw new TypeError('simulated: no randomness'); return crypto.randomBytes(size); }) as typeof crypto.randomBytes };
});

const TOKEN = 's3cret-token-0123456789'; // at least TOKEN_MIN_LENGTH (16) characters
let cleanup: (() => void)[] = [];
afterEach(() => {
  failing.op = null;
  for (const c of cleanup) c();
  cleanup = [];
});

async function attempt(op: 'link' | 'mkdir' | 'random' | null, before?: (dir: string) => void) {
  const t = tempPolicies();
  const app = await makeApp({ policiesDir: t.dir, token: TOKEN });
  cleanup.push(() => void app.close(), t.remove);
  before?.(t.dir);
  failing.op = op;
  const r = await app.inject({ method: 'POST', url: '/api/agreements/varmland/drafts', payload: { version: 'x9', text: draftText('x9') }, headers: { authorization: `Bearer ${TOKEN}` } });
  return { r, dir: t.dir };
}

describe('a draft save the disk refuses', () => {
  it('a failed write answers 500 AVT-H018 and leaves no file, not even the temporary one', async () => {
    const { r, dir } = await attempt('link');
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('AVT-H018');
    expect(r.json().error.message).toContain('EIO');
    expect(existsSync(join(dir, 'varmland/x9.draft.avtal'))).toBe(false);
    expect(readdirSync(join(dir, 'varmland')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a folder that cannot be made (the disk is full) answers 500 AVT-H018 with the cause, not AVT-H019', async () => {
    const { r } = await attempt('mkdir');
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('AVT-H018');
    expect(r.json().error.message).toBe('kan inte spara utkastet: skrivningen misslyckades (ENOSPC)');
  });

  it('a folder that cannot be made (a file has its name) answers 500 AVT-H018', async () => {
    const { r, dir } = await attempt(null, (d) => {
      rmSync(join(d, 'varmland'), { recursive: true, force: true });
      writeFileSync(join(d, 'varmland'), 'not a folder');
    });
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('AVT-H018');
    expect(r.json().error.message).toMatch(/^kan inte spara utkastet: skrivningen misslyckades \(E(EXIST|NOTDIR)\)$/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an unforeseen failure answers 500 AVT-H019 with an id to find it in the log, and no stack', async () => {
    const { r } = await attempt('random');
    expect(r.statusCode).toBe(500);
    expect(r.json().error.code).toBe('AVT-H019');
    expect(r.json().error.message).toMatch(/internt fel [0-9a-f-]{36}/); // Swedish by default
    expect(r.body).not.toContain('simulated');
    expect(r.body).not.toMatch(/\bat \S+ \(/);
  });
});
