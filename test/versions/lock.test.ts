// The lock file: published versions are immutable, drafts are never locked, `lock` never rewrites an entry.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicySet } from '../../engine/registry/policy-set';
import { checkLock, parseLock, serializeLock, updateLock, type Lock } from '../../engine/versions/lock';
import { main } from '../../cli/main';
import { policyText, source } from './fixtures';

const v1 = source({ version: 'v1', from: '2020-01-01', to: '2021-01-01' });
const v2 = source({ version: 'v2', from: '2021-01-01' });
const draft = source({ version: 'proposal', status: 'draft', from: '2021-01-01', grace: 5 });
const codes = (ds: { diagnostic: { code: string } }[]) => ds.map((d) => d.diagnostic.code);

describe('lock entries', () => {
  it('records published versions only, sorted, and re-running changes nothing', () => {
    const set = new PolicySet([v2, draft, v1]);
    const first = updateLock(set, { entries: [] });
    expect(first.added.map((e) => e.version)).toEqual(['v1', 'v2']);
    expect(first.lock.entries.map((e) => [e.agreement, e.version, e.file, e.hash])).toEqual([
      ['demo', 'v1', 'demo/v1.avtal', v1.hash],
      ['demo', 'v2', 'demo/v2.avtal', v2.hash],
    ]);
    const again = updateLock(set, first.lock);
    expect(again.added).toEqual([]);
    expect(serializeLock(again.lock)).toBe(serializeLock(first.lock));
    expect(checkLock(set, first.lock, { complete: true })).toEqual([]);
  });

  it('serializes to JSON that parses back to the same entries', () => {
    const lock = updateLock(new PolicySet([v1, v2]), { entries: [] }).lock;
    const parsed = parseLock(serializeLock(lock));
    expect(parsed.ok && parsed.lock).toEqual(lock);
  });

  it('a malformed lock file is a diagnostic (AVT-V012), not an exception', () => {
    expect(parseLock('{ not json').ok).toBe(false);
    const r = parseLock('{"versions": [{"agreement": "demo"}]}');
    expect(!r.ok && r.error.code).toBe('AVT-V012');
  });
});

describe('check against the lock', () => {
  const locked: Lock = updateLock(new PolicySet([v1]), { entries: [] }).lock;

  it('rejects a changed published version (AVT-V003) and refuses to relock it', () => {
    const changed = { ...v1, text: v1.text + '# edited\n', hash: 'test:changed' };
    const set = new PolicySet([changed]);
    const found = checkLock(set, locked);
    expect(codes(found)).toEqual(['AVT-V003']);
    expect(found[0].diagnostic.range.start.line).toBe(3); // the version line
    const u = updateLock(set, locked);
    expect(codes(u.refused)).toEqual(['AVT-V003']);
    expect(u.lock.entries[0].hash).toBe(v1.hash);
  });

  it('an unlocked published version is an error telling the author to run `avtal lock` (AVT-V010)', () => {
    const found = checkLock(new PolicySet([v1, v2]), locked);
    expect(codes(found)).toEqual(['AVT-V010']);
    expect(found[0].file).toBe('demo/v2.avtal');
  });

  it('drafts are never locked nor checked, whatever their text', () => {
    const set = new PolicySet([v1, draft]);
    expect(checkLock(set, locked, { complete: true })).toEqual([]);
    expect(updateLock(set, locked).added).toEqual([]);
  });

  it('a locked version turned back into a draft, or removed, is an error (AVT-V011)', () => {
    const asDraft = source({ version: 'v1', status: 'draft', from: '2020-01-01', to: '2021-01-01' });
    expect(codes(checkLock(new PolicySet([asDraft]), locked))).toContain('AVT-V011');
    expect(codes(checkLock(new PolicySet([v2]), locked, { complete: true }))).toEqual(['AVT-V010', 'AVT-V011']);
    // checking a single file or a subfolder does not claim the rest is missing
    expect(codes(checkLock(new PolicySet([]), locked, { complete: false }))).toEqual([]);
  });

  it('a file moved with its text unchanged is a warning (AVT-V013), and `lock` records the new path', () => {
    const moved = { ...v1, file: 'demo/2020.avtal' };
    const set = new PolicySet([moved]);
    const found = checkLock(set, locked);
    expect(codes(found)).toEqual(['AVT-V013']);
    expect(found[0].diagnostic.severity).toBe('warning');
    const u = updateLock(set, locked);
    expect(u.moved).toHaveLength(1);
    expect(u.lock.entries[0]).toMatchObject({ file: 'demo/2020.avtal', hash: v1.hash });
  });
});

describe('avtal lock and avtal check on disk', () => {
  const quiet = async (args: string[]) => {
    const write = process.stdout.write;
    let text = '';
    process.stdout.write = ((s: string) => ((text += s), true)) as typeof process.stdout.write;
    try {
      return { code: await main(args), text };
    } finally {
      process.stdout.write = write;
    }
  };

  it('locks, passes, then rejects an edit to the published file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avtal-lock-'));
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', '2020-01-01.avtal'), policyText({ version: '2020-01-01', from: '2020-01-01' }));
    writeFileSync(join(dir, 'demo', 'next.draft.avtal'), policyText({ version: 'next', status: 'draft', from: '2020-01-01', grace: 4 }));
    // no lock file yet: the lock check does not apply
    expect((await quiet(['check', dir])).code).toBe(0);
    writeFileSync(join(dir, 'avtal.lock'), serializeLock({ entries: [] }));
    const unlocked = await quiet(['check', dir]);
    expect(unlocked.code).toBe(1);
    expect(unlocked.text).toContain('AVT-V010');
    expect((await quiet(['lock', dir])).code).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, 'avtal.lock'), 'utf8'));
    expect(lock.versions.map((v: { file: string }) => v.file)).toEqual(['demo/2020-01-01.avtal']);
    expect((await quiet(['check', dir])).code).toBe(0);
    expect((await quiet(['check', join(dir, 'demo', '2020-01-01.avtal')])).code).toBe(0);
    appendFileSync(join(dir, 'demo', '2020-01-01.avtal'), '# an innocent comment is still a change\n');
    const changed = await quiet(['check', dir]);
    expect(changed.code).toBe(1);
    expect(changed.text).toContain('AVT-V003');
    expect((await quiet(['check', join(dir, 'demo', '2020-01-01.avtal')])).text).toContain('AVT-V003');
    expect((await quiet(['lock', dir])).code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'avtal.lock'), 'utf8'))).toEqual(lock);
  });

  it('records a correction of a published version with its reason, keeping the hash it replaces; refuses one without a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avtal-correct-'));
    mkdirSync(join(dir, 'demo'));
    const file = join(dir, 'demo', '2020-01-01.avtal');
    writeFileSync(file, policyText({ version: '2020-01-01', from: '2020-01-01' }));
    expect((await quiet(['lock', dir])).code).toBe(0);
    const before = JSON.parse(readFileSync(join(dir, 'avtal.lock'), 'utf8')).versions[0].hash;
    appendFileSync(file, '# the encoding corrected, the agreement unchanged\n');
    // nothing to correct in an unchanged file, no correction without a reason
    const noReason = await quiet(['lock', dir, '--correct', file]);
    expect(noReason.code).toBe(1);
    expect(noReason.text).toContain('AVT-V016');
    expect(JSON.parse(readFileSync(join(dir, 'avtal.lock'), 'utf8')).versions[0].hash).toBe(before);
    const reason = 'Kommentaren förklarar en tolkning; avtalets text är oförändrad.';
    const ok = await quiet(['lock', dir, '--correct', file, '--reason', reason]);
    expect(ok.code).toBe(0);
    const entry = JSON.parse(readFileSync(join(dir, 'avtal.lock'), 'utf8')).versions[0];
    expect(entry.hash).not.toBe(before);
    expect(entry.corrections).toEqual([{ replaced: before, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason }]);
    expect((await quiet(['check', dir])).code).toBe(0);
    // the trail survives a plain re-lock and a parse
    expect((await quiet(['lock', dir])).code).toBe(0);
    const parsed = parseLock(readFileSync(join(dir, 'avtal.lock'), 'utf8'));
    expect(parsed.ok && parsed.lock.entries[0].corrections?.[0].replaced).toBe(before);
    const again = await quiet(['lock', dir, '--correct', file, '--reason', reason]);
    expect(again.code).toBe(1);
    expect(again.text).toContain('AVT-V016');
    // a file that is no published version of the folder, and a draft, are refused; the lock is not written
    const lockText = readFileSync(join(dir, 'avtal.lock'), 'utf8');
    writeFileSync(join(dir, 'demo', 'next.draft.avtal'), policyText({ version: 'next', status: 'draft', from: '2021-01-01' }));
    for (const other of [join(dir, 'demo', 'missing.avtal'), join(dir, 'demo', 'next.draft.avtal')]) {
      const r = await quiet(['lock', dir, '--correct', other, '--reason', reason]);
      expect(r.code).toBe(1);
      expect(r.text).toContain('AVT-V016');
    }
    expect(readFileSync(join(dir, 'avtal.lock'), 'utf8')).toBe(lockText);
  });

  it('a lock whose corrections are not a list of { replaced, date, reason } is a diagnostic (AVT-V012)', () => {
    const bad = (corrections: unknown) => parseLock(JSON.stringify({ versions: [{ agreement: 'demo', version: 'v1', file: 'demo/v1.avtal', hash: 'h', corrections }] }));
    for (const c of ['x', [{ replaced: 'h0', date: '2026-12-05' }], [null]]) {
      const r = bad(c);
      expect(!r.ok && r.error.code).toBe('AVT-V012');
    }
    const ok = bad([{ replaced: 'h0', date: '2026-12-05', reason: 'a reason of some length' }]);
    expect(ok.ok && ok.lock.entries[0].corrections).toEqual([{ replaced: 'h0', date: '2026-12-05', reason: 'a reason of some length' }]);
  });
});
