// The law an agreement is made under (`subject to`): the policy set links it, and says when it cannot; a version
// change inside a series of months is shown; a repeated anchor a rule cannot read is a warning.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PolicySet, type PolicySource } from '../../engine/registry/policy-set';
import { contentHash } from '../../engine/registry/load';
import { evaluateCase } from '../../engine/api';
import { monthsInForce } from '../../engine/months';

const ROOT = join(import.meta.dirname, '..', '..', 'policies');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const src = (file: string, text: string): PolicySource => ({ file, text, hash: contentHash(text) });
const LAW = src('national/2018-01-01.avtal', read('national/2018-01-01.avtal'));
const VARMLAND = read('varmland/2019-01-01.avtal');
const codes = (set: PolicySet) => set.diagnostics.map((d) => d.diagnostic.code);

describe('subject to a law', () => {
  it('an agreement for a county that regulates payment without naming the law it is made under is an error (AVT-V009)', () => {
    const set = new PolicySet([LAW, src('varmland/2019-01-01.avtal', VARMLAND.replace('  lyder under nationell_lag\n', ''))]);
    expect(codes(set)).toContain('AVT-V009');
  });

  it('a law that is not in the set is an error (AVT-V008), and the version is never used for an answer (AVT-E012)', () => {
    const set = new PolicySet([LAW, src('varmland/2019-01-01.avtal', VARMLAND.replace('lyder under nationell_lag', 'lyder under okänd_lag'))]);
    expect(codes(set)).toContain('AVT-V008');
    const a = evaluateCase(set, { county: 'varmland', events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T11:00' }, facts: { sip_needed: false } });
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error).toMatchObject({ kind: 'broken-policy', errors: [{ code: 'AVT-E012' }] });
  });

  it('the bundled agreements link the law: no set diagnostic', () => {
    const set = new PolicySet([LAW, src('varmland/2019-01-01.avtal', VARMLAND)]);
    expect(codes(set)).toEqual([]);
  });
});

describe('histories a rule cannot read', () => {
  it('a repeated anchor under a rule without `withdrawn by` is a warning (AVT-E014): only the first is used', () => {
    const set = new PolicySet([LAW, src('blekinge/2018-02-01.avtal', read('blekinge/2018-02-01.avtal'))]);
    const a = evaluateCase(set, {
      county: 'blekinge', careType: 'psychiatric',
      events: { admitted: '2018-02-26T09:00', admission_notice_sent: '2018-02-26T15:00', ready_assessed: ['2018-03-01T10:00', '2018-03-05T10:00'], ready_notice_sent: '2018-03-01T11:00' },
      facts: { sip_needed: false },
    });
    expect(a.ok).toBe(true);
    if (a.ok) expect(a.result.warnings.map((w) => w.code)).toContain('AVT-E014');
  });
});

describe('a change of version inside a series of months', () => {
  it('is shown (AVT-M009), and each month is judged under its own version', () => {
    const kronoberg = read('kronoberg/2024-11-04.avtal');
    const first = kronoberg.replace('gäller från 2024-11-04 till 2027-11-04', 'gäller från 2024-11-04 till 2025-06-01');
    const second = kronoberg.replace('version "2024-11-04" publicerad', 'version "2025-06-01" publicerad').replace('gäller från 2024-11-04 till 2027-11-04', 'gäller från 2025-06-01 till 2027-11-04');
    const set = new PolicySet([LAW, src('kronoberg/2024-11-04.avtal', first), src('kronoberg/2025-06-01.avtal', second)]);
    const averages = { Växjö: { '2025-04': 3, '2025-05': 3, '2025-06': 3, '2025-07': 3 } };
    const r = monthsInForce(set, 'kronoberg', { averages })!;
    expect(r.versions).toEqual([{ version: '2024-11-04', from: '2025-04', to: '2025-05' }, { version: '2025-06-01', from: '2025-06', to: '2025-07' }]);
    expect(r.diagnostics.find((d) => d.code === 'AVT-M009')).toMatchObject({ month: '2025-06' });
    expect(r.municipalities[0].months.map((m) => m.version)).toEqual(['2024-11-04', '2024-11-04', '2025-06-01', '2025-06-01']);
  });
});
