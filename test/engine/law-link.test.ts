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
  const kronoberg = read('kronoberg/2024-11-04.avtal');
  const LADDER = 'stege betalningsstege "Kontakt, handlingsplan och betalning när genomsnittet överskrider 2,4 dagar" för dagar_efter_utskrivningsklar\n';
  /** Kronoberg split in two versions at `at`; the second's ladder says `clause` at the change (or nothing). */
  const split = (at: string, clause?: string) => {
    const first = kronoberg.replace('gäller från 2024-11-04 till 2027-11-04', `gäller från 2024-11-04 till ${at}`);
    const second = kronoberg.replace('version "2024-11-04" publicerad', `version "${at}" publicerad`).replace('gäller från 2024-11-04 till 2027-11-04', `gäller från ${at} till 2027-11-04`)
      .replace(LADDER, clause ? `${LADDER}  vid byte av version: ${clause}\n` : LADDER);
    expect(second).not.toBe(kronoberg);
    return new PolicySet([LAW, src('kronoberg/2024-11-04.avtal', first), src(`kronoberg/${at}.avtal`, second)]);
  };

  it('is shown (AVT-M009), and each month is judged under its own version', () => {
    const set = split('2025-06-01', 'börja om');
    expect(codes(set)).toEqual([]);
    const averages = { Växjö: { '2025-04': 3, '2025-05': 3, '2025-06': 3, '2025-07': 3 } };
    const r = monthsInForce(set, 'kronoberg', { averages })!;
    expect(r.versions).toEqual([{ version: '2024-11-04', from: '2025-04', to: '2025-05' }, { version: '2025-06-01', from: '2025-06', to: '2025-07' }]);
    expect(r.diagnostics.find((d) => d.code === 'AVT-M009')).toMatchObject({ month: '2025-06' });
    expect(r.municipalities[0].months.map((m) => m.version)).toEqual(['2024-11-04', '2024-11-04', '2025-06-01', '2025-06-01']);
  });

  it('follows what the new version\'s ladder says: start again in the first step, or keep the step', () => {
    const averages = { Växjö: { '2025-01': 3, '2025-02': 3, '2025-03': 3, '2025-04': 3, '2025-05': 3 } };
    const again = monthsInForce(split('2025-04-01', 'börja om'), 'kronoberg', { averages })!;
    const keep = monthsInForce(split('2025-04-01', 'behåll steget'), 'kronoberg', { averages })!;
    const steps = (r: typeof again) => r.municipalities[0].months.map((m) => `${m.month} ${m.stepAtStart}→${m.step}`);
    // the months before the change are the same; at the change one starts again, the other keeps the step
    expect(steps(again).slice(0, 3)).toEqual(steps(keep).slice(0, 3));
    const march = again.municipalities[0].months[2].step;
    expect(march).not.toBe('ingen_handlingsplan');
    expect(again.municipalities[0].months[3].stepAtStart).toBe('ingen_handlingsplan');
    expect(keep.municipalities[0].months[3].stepAtStart).toBe(march);
    expect(again.diagnostics.map((d) => d.code)).toContain('AVT-M009');
    expect(keep.diagnostics.map((d) => d.code)).toContain('AVT-M010');
    // keeping the step keeps escalating: by May the kept series has reached payment, the restarted one has not
    expect(keep.municipalities[0].invoicedMonths.length).toBeGreaterThan(again.municipalities[0].invoicedMonths.length);
  });

  it('keeps a step the new version does not have by starting again, with a warning (AVT-M011); after months outside every version the ladder starts in its first step (AVT-M012)', () => {
    const set = split('2025-04-01', 'behåll steget');
    const second = set.versionsOf('kronoberg')[1];
    // the new version renames the step the series is in
    const renamed = new PolicySet([LAW, set.versionsOf('kronoberg')[0].source, src(second.source.file, second.source.text.replaceAll('reviderad_handlingsplan', 'ny_handlingsplan'))]);
    expect(codes(renamed)).toEqual([]);
    const averages = { Växjö: { '2025-01': 3, '2025-02': 3, '2025-03': 3, '2025-04': 3 } };
    const r = monthsInForce(renamed, 'kronoberg', { averages })!;
    expect(r.municipalities[0].months[2].step).toBe('reviderad_handlingsplan');
    expect(r.diagnostics.find((d) => d.code === 'AVT-M011')).toMatchObject({ municipality: 'Växjö', month: '2025-04' });
    expect(r.municipalities[0].months[3].stepAtStart).toBe('ingen_handlingsplan');
    // a gap: the first version ends 2025-03-01, the second begins 2025-05-01 (its first version falls back to the law)
    const gap = new PolicySet([LAW, src('kronoberg/2024-11-04.avtal', kronoberg.replace('gäller från 2024-11-04 till 2027-11-04', 'gäller från 2024-11-04 till 2025-03-01')),
      src('kronoberg/2025-05-01.avtal', second.source.text.replace('version "2025-04-01" publicerad', 'version "2025-05-01" publicerad').replace('gäller från 2025-04-01', 'gäller från 2025-05-01'))]);
    const g = monthsInForce(gap, 'kronoberg', { averages: { Växjö: { '2025-02': 3, '2025-03': 3, '2025-04': 3, '2025-05': 3 } } })!;
    expect(g.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['AVT-M008', 'AVT-M012']));
    expect(g.municipalities[0].months[3]).toMatchObject({ month: '2025-05', stepAtStart: 'ingen_handlingsplan' });
  });

  it('is refused by the set when the later version does not say (AVT-V015); the months start again, with a warning', () => {
    const set = split('2025-04-01');
    expect(set.diagnostics.filter((d) => d.diagnostic.code === 'AVT-V015').map((d) => d.file)).toEqual(['kronoberg/2025-04-01.avtal']);
    const r = monthsInForce(set, 'kronoberg', { averages: { Växjö: { '2025-03': 3, '2025-04': 3 } } })!;
    expect(r.diagnostics.find((d) => d.code === 'AVT-M013')).toMatchObject({ month: '2025-04', severity: 'warning' });
    expect(r.municipalities[0].months[1].stepAtStart).toBe('ingen_handlingsplan');
  });
});
