// The CLI's edges (issue 18): a missing file or folder is a clear message with the documented exit code,
// never "internal error" (70); a broken file makes `diff` exit 2, not 1 ("differs"); a byte-order mark at the
// start of a .avtal file is accepted; an empty folder is not a successful check; fmt writes atomically.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output';
import { main } from '../../cli/main';

const output = captureOutput();
const tmp = () => mkdtempSync(join(tmpdir(), 'avtal-cli-edges-'));
const varmland = readFileSync(join(import.meta.dirname, '../../policies/varmland/2019-01-01.avtal'), 'utf8');

describe('avtal at its edges', () => {
  it('fmt nope.avtal: says the file does not exist, exits 2, never "-1 file(s) checked"', async () => {
    expect(await main(['fmt', '--check', join(tmp(), 'nope.avtal')])).toBe(2);
    expect(output.stderr()).toMatch(/nope\.avtal: ingen sådan fil eller mapp/);
    expect(output.stdout()).not.toMatch(/-1 file/);
  });

  it('eval --policies /nope: a clear message and exit 2, not 70', async () => {
    const dir = tmp();
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ county: 'varmland', events: { admitted: '2019-01-03T09:00' } }));
    expect(await main(['eval', '--case', file, '--policies', join(dir, 'nope')])).toBe(2);
    expect(output.stderr()).toMatch(/--policies .*nope: ingen sådan fil eller mapp/);
    expect(output.stderr()).not.toMatch(/internal error/);
  });

  it('diff on a broken file (here: bytes that are no policy) exits 2, not 1', async () => {
    const dir = tmp();
    const bin = join(dir, 'bin.avtal');
    writeFileSync(bin, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a]));
    const good = join(dir, 'good.avtal');
    writeFileSync(good, varmland);
    expect(await main(['diff', bin, good])).toBe(2);
    expect(output.stderr()).toMatch(/bin\.avtal: \d+ error\(s\)|bin\.avtal: not a policy file/);
    expect(await main(['diff', good, good])).toBe(0);
  });

  it('accepts a byte-order mark at the start of a .avtal file (check, fmt) and of a case file (eval)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'v.avtal'), '\ufeff' + varmland);
    expect(await main(['check', dir])).toBe(0);
    expect(await main(['fmt', '--check', join(dir, 'v.avtal')])).toBe(0);
    const c = join(dir, 'c.json');
    writeFileSync(c, '\ufeff' + JSON.stringify({ county: 'varmland', events: { admitted: '2019-01-03T09:00', ready_notice_sent: '2019-01-07T13:00' }, facts: { sip_needed: false } }));
    expect(await main(['eval', '--case', c, '--policies', dir, '--no-explain'])).toBe(0);
  });

  it('check on an empty folder is an error', async () => {
    expect(await main(['check', tmp()])).toBe(1);
    expect(output.stderr()).toMatch(/no \.avtal files/);
  });

  it('fmt rewrites through a temporary file renamed over the original, leaving nothing beside it', async () => {
    const dir = tmp();
    const file = join(dir, 'v.avtal');
    writeFileSync(file, varmland.replace('  län varmland', '    län   varmland'));
    expect(await main(['fmt', file])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(varmland);
    expect(readdirSync(dir)).toEqual(['v.avtal']);
  });
});
