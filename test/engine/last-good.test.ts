// The registry's last good set (engine/registry/last-good.ts) and the set's refusals: a file that does not
// load is left out (AVT-V006) or keeps the text loaded before (AVT-V007); a change bringing an overlap is not
// taken; overlapping published versions and a label declared twice are errors at selection, never a pick; a
// draft's county does not move its agreement; a byte-order mark is not part of a file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLastGood } from '../../engine/registry/last-good';
import { loadPolicySet } from '../../engine/registry/load';

const repoVarmland = join(import.meta.dirname, '../../policies/varmland/2019-01-01.avtal');
const varmland = readFileSync(repoVarmland, 'utf8');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(): string {
  const d = mkdtempSync(join(tmpdir(), 'avtal-last-good-'));
  dirs.push(d);
  cpSync(repoVarmland, join(d, 'varmland.avtal'));
  return d;
}
const version = (label: string, from: string, status = 'publicerad') =>
  varmland.replace('version "2019-01-01" publicerad', `version "${label}" ${status}`).replace('gäller från 2019-01-01 tills vidare', `gäller från ${from} tills vidare`);

describe('loadLastGood', () => {
  it('leaves out a file with errors at start-up, and keeps the previous text of one that breaks later', () => {
    const d = folder();
    writeFileSync(join(d, 'broken.avtal'), 'avtal x "y"\n  ???\n');
    const first = loadLastGood(d);
    expect(first.problems.map((p) => `${p.code} ${p.file}`)).toEqual(['AVT-V006 broken.avtal']);
    expect(first.set.versions.map((v) => v.source.file)).toEqual(['varmland.avtal']);
    writeFileSync(join(d, 'varmland.avtal'), varmland + '\n???\n');
    const second = loadLastGood(d, first);
    expect(second.problems.map((p) => p.code).sort()).toEqual(['AVT-V006', 'AVT-V007']);
    expect(second.set.versions[0].source.text).toBe(varmland);
    expect(second.hash).toBe(first.hash);
  });

  it('does not take a change that makes published versions overlap; a draft beside it is taken', () => {
    const d = folder();
    const first = loadLastGood(d);
    writeFileSync(join(d, 'later.avtal'), version('2030-01-01', '2030-01-01'));
    writeFileSync(join(d, 'draft.avtal'), version('utkast-1', '2030-01-01', 'utkast'));
    const second = loadLastGood(d, first);
    expect(second.set.versions.map((v) => v.info.version).sort()).toEqual(['2019-01-01', 'utkast-1']);
    expect(second.problems).toEqual([expect.objectContaining({ file: 'later.avtal', code: 'AVT-V006', message: expect.stringContaining('AVT-V001') })]);
  });
});

describe('PolicySet refuses to pick', () => {
  it('between overlapping published versions (AVT-V001) and between two files of one label (AVT-V005)', () => {
    const d = folder();
    writeFileSync(join(d, 'later.avtal'), version('2030-01-01', '2030-01-01'));
    writeFileSync(join(d, 'twice.avtal'), version('x', '2031-01-01', 'utkast'));
    writeFileSync(join(d, 'twice2.avtal'), version('x', '2031-01-01', 'utkast'));
    const set = loadPolicySet(d);
    expect(set.select('varmland', '2020-06-01')).toMatchObject({ ok: true });
    expect(set.select('varmland', '2030-06-01')).toMatchObject({ ok: false, error: { code: 'AVT-V001' } });
    expect(set.select('varmland', '2030-06-01', { version: 'x' })).toMatchObject({ ok: false, error: { code: 'AVT-V005' } });
  });

  it('a draft declaring another county does not make that county resolvable; a BOM is not part of a file', () => {
    const d = folder();
    writeFileSync(join(d, 'sthlm.avtal'), '\ufeff' + version('s', '2031-01-01', 'utkast').replace('län varmland', 'län stockholm'));
    const set = loadPolicySet(d);
    expect(set.versions.find((v) => v.source.file === 'sthlm.avtal')!.analysis.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(set.agreementFor('stockholm')).toMatchObject({ ok: false, error: { code: 'AVT-E003' } });
    expect(set.agreementFor('varmland')).toEqual({ ok: true, agreement: 'varmland' });
    expect(set.counties()).toEqual(['varmland']);
  });
});
