// Routing in the policy set: county `national`, agreements of another county, and reading only the
// policy files that some cases can reach (by their headers, without parsing the rest).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicySet, readSources } from '../../engine/registry/node';
import { neededSources, scanHeader } from '../../engine/registry/needed';
import { months } from '../../engine/public/core';

const policies = join(import.meta.dirname, '../../policies');
const sources = readSources(policies);
const files = (wanted: Parameters<typeof neededSources>[1]) => neededSources(sources, wanted).map((s) => s.file).sort();

describe('header scan', () => {
  it('reads the agreement, county and fallback of a header, in either language', () => {
    expect(scanHeader(readFileSync(join(policies, 'varmland/2019-01-01.avtal'), 'utf8'))).toEqual({ agreement: 'varmland', county: 'varmland', fallbacks: ['nationell_lag'], laws: ['nationell_lag'] });
    expect(scanHeader(readFileSync(join(policies, 'national/2018-01-01.avtal'), 'utf8'))).toEqual({ agreement: 'nationell_lag', fallbacks: [] });
    expect(scanHeader('agreement demo\n  county x\n  fallback y\ndeadline d\n  county z\n')).toEqual({ agreement: 'demo', county: 'x', fallbacks: ['y'] });
    expect(scanHeader('deadline d')).toEqual({ fallbacks: [] });
    expect(scanHeader(readFileSync(join(policies, 'varmland/2026-proposal.draft.avtal'), 'utf8'))).toMatchObject({ agreement: 'varmland', draft: true });
  });

  it('reads a header longer than the prefix it lexes first', () => {
    const long = `agreement demo\n  county x\n  # ${'x'.repeat(5000)}\n  source "${'y'.repeat(3000)}"\n  fallback z\ndeadline d\n  county w\n`;
    expect(scanHeader(long)).toEqual({ agreement: 'demo', county: 'x', fallbacks: ['z'] });
  });
});

describe('the policy files some cases need', () => {
  it('a county: its agreements and their fallbacks, drafts included', () => {
    expect(files({ counties: ['varmland'] })).toEqual(['national/2018-01-01.avtal', 'varmland/2019-01-01.avtal', 'varmland/2026-proposal.draft.avtal']);
    expect(files({ counties: ['kronoberg'] })).toEqual(['kronoberg/2024-11-04.avtal', 'kronoberg/hemsjukvard/2022-01-01.avtal', 'national/2018-01-01.avtal']);
  });

  it('without drafts, when no version label is asked for', () => {
    expect(files({ counties: ['varmland'], noDrafts: true })).toEqual(['national/2018-01-01.avtal', 'varmland/2019-01-01.avtal']);
  });

  it('national: the county-independent agreements; a named agreement: it and its fallbacks', () => {
    expect(files({ counties: ['national'] })).toEqual(['national/2018-01-01.avtal']);
    expect(files({ agreements: ['halland'] })).toEqual(['halland/2018-01-01.avtal', 'national/2018-01-01.avtal']);
  });

  it('everything when something asked for is not there, so the error lists what is', () => {
    expect(files({ counties: ['gotland'] })).toHaveLength(sources.length);
    expect(files({ agreements: ['atlantis'] })).toHaveLength(sources.length);
  });

  it('a set loaded for some counties evaluates them as the whole set does', () => {
    const some = loadPolicySet(policies, { counties: ['blekinge'] });
    expect(some.agreements()).toEqual(['blekinge', 'nationell_lag']);
    expect(some.diagnostics).toEqual([]);
  });
});

describe('which agreement a case reaches', () => {
  const set = loadPolicySet(policies);
  it('county national: the county-independent agreement', () => {
    expect(set.agreementFor('national')).toEqual({ ok: true, agreement: 'nationell_lag' });
  });

  it('a named agreement of the county, or the law from any county', () => {
    expect(set.agreementFor('kronoberg', 'kronoberg_hemsjukvard')).toEqual({ ok: true, agreement: 'kronoberg_hemsjukvard' });
    expect(set.agreementFor('halland', 'nationell_lag')).toEqual({ ok: true, agreement: 'nationell_lag' });
  });

  it('AVT-E015 for an agreement of another county, naming both', () => {
    const r = set.agreementFor('varmland', 'kronoberg_hemsjukvard');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('AVT-E015');
      expect(r.error.message).toContain('kronoberg_hemsjukvard');
      expect(r.error.message).toContain('varmland');
    }
    expect(set.agreementFor('national', 'varmland')).toMatchObject({ ok: false, error: { code: 'AVT-E015' } });
  });

  it('a question asked again gets the same answer (agreementFor keeps its answers by agreement and county)', () => {
    const fresh = loadPolicySet(policies);
    for (let round = 0; round < 2; round++) {
      expect(fresh.agreementFor('kronoberg', 'kronoberg_hemsjukvard')).toEqual({ ok: true, agreement: 'kronoberg_hemsjukvard' });
      expect(fresh.agreementFor('varmland', 'kronoberg_hemsjukvard')).toMatchObject({ ok: false, error: { code: 'AVT-E015' } });
      expect(fresh.agreementFor('varmland')).toEqual({ ok: true, agreement: 'varmland' });
      expect(fresh.agreementFor(`somewhere-${round}`, 'nationell_lag')).toEqual({ ok: true, agreement: 'nationell_lag' });
      expect(fresh.agreementFor('gotland')).toMatchObject({ ok: false, error: { code: 'AVT-E003' } });
      expect(fresh.agreementFor('varmland', 'nowhere')).toMatchObject({ ok: false, error: { code: 'AVT-E011' } });
    }
  });

  it('AVT-E003 for an unknown county lists national among the known ones', () => {
    expect(set.agreementFor('gotland')).toMatchObject({ ok: false, error: { code: 'AVT-E003', message: expect.stringContaining('national') } });
  });
});

describe('the public months(): which ladder', () => {
  const set = loadPolicySet(policies);
  const averages = { Växjö: { '2025-01': 3.2, '2025-02': 3.4 } };
  it("the county's agreement with a ladder, in the version in force on the first month", () => {
    const r = months(set, { county: 'kronoberg', averages });
    expect(r.ok && [r.result.version.agreement, r.result.municipalities[0].municipality, r.result.municipalities[0].months.map((m) => m.month)]).toEqual(['kronoberg', 'Växjö', ['2025-01', '2025-02']]);
  });

  it('refuses an agreement of another county, an unknown county and a bad date, without throwing', () => {
    expect(months(set, { county: 'varmland', agreement: 'blekinge', averages })).toMatchObject({ ok: false, error: { kind: 'wrong-agreement', errors: [{ code: 'AVT-E015', pointer: '/agreement' }] } });
    expect(months(set, { county: 'gotland', averages })).toMatchObject({ ok: false, error: { kind: 'unknown', errors: [{ code: 'AVT-E003', pointer: '/county' }] } });
    expect(months(set, { county: 'kronoberg', on: '2025-13-01', averages })).toMatchObject({ ok: false, error: { kind: 'invalid-case', errors: [{ code: 'AVT-E008', pointer: '/on' }] } });
  });
});
