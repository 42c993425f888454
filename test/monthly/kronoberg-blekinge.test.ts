// The Kronoberg and Blekinge policies: every worked example passes, and the validity boundaries.
import { describe, expect, it } from 'vitest';
import { runExamples } from '../../engine/examples/run-examples';
import { evaluateCase } from '../../engine/api';
import { policies } from './fixtures';

describe.each(['kronoberg', 'blekinge'])('%s', (agreement) => {
  it('has no errors and all its worked examples pass', () => {
    const versions = policies.versionsOf(agreement);
    expect(versions).toHaveLength(1);
    const v = versions[0];
    expect(v.analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const results = runExamples(v.compiled!, v.info);
    expect(results.length).toBeGreaterThan(5);
    expect(results.filter((r) => !r.pass).map((r) => `${r.id}: ${r.expectations.filter((e) => !e.pass).map((e) => `${e.text} ${e.expected} ≠ ${e.actual}`).join('; ')} ${r.errors.join('; ')}`)).toEqual([]);
  });
});

describe('validity', () => {
  const pick = (agreement: string, date: string) => {
    const s = policies.select(agreement, date);
    return s.ok ? `${s.version.info.agreement}${s.viaFallback ? ' (fallback)' : ''}` : s.error.code;
  };
  it('Kronoberg: 2024-11-04 up to and including 2027-11-03, then the national law', () => {
    expect(pick('kronoberg', '2024-11-03')).toBe('nationell_lag (fallback)');
    expect(pick('kronoberg', '2024-11-04')).toBe('kronoberg');
    expect(pick('kronoberg', '2027-11-03')).toBe('kronoberg');
    expect(pick('kronoberg', '2027-11-04')).toBe('nationell_lag (fallback)');
  });
  it('Blekinge: from 2018-02-01 until further notice; before it the national law', () => {
    expect(pick('blekinge', '2018-01-31')).toBe('nationell_lag (fallback)');
    expect(pick('blekinge', '2018-02-01')).toBe('blekinge');
    expect(pick('blekinge', '2030-06-01')).toBe('blekinge');
  });
});

describe('Kronoberg episode rules through the case API', () => {
  const kase = (events: Record<string, string>, facts: Record<string, unknown> = {}) =>
    evaluateCase(policies, { county: 'kronoberg', agreement: 'kronoberg', events, facts, evaluationDate: '2025-06-30' });
  const status = (a: ReturnType<typeof kase>, id: string) => (a.ok ? a.result.deadlines.find((d) => d.id === id)?.status : a.error.errors[0].message);

  it('admission notice: 24 h is met, 24 h + 1 min is missed; without consent the deadline does not apply', () => {
    const consent = { consent_given: true };
    expect(status(kase({ admitted: '2025-01-13T09:30', admission_notice_sent: '2025-01-14T09:30' }, consent), 'inskrivningsmeddelande')).toBe('met');
    expect(status(kase({ admitted: '2025-01-13T09:30', admission_notice_sent: '2025-01-14T09:31' }, consent), 'inskrivningsmeddelande')).toBe('missed');
    expect(status(kase({ admitted: '2025-01-13T09:30' }, { consent_given: false }), 'inskrivningsmeddelande')).toBe('not-applicable');
  });
  it('observation: 36 h is met, 36 h + 1 min is missed (across the spring DST night too)', () => {
    const f = { medical_indication: true, infectious_outbreak: false };
    expect(status(kase({ observation_started: '2025-03-29T22:00', ward_admitted: '2025-03-31T10:00' }, f), 'observation')).toBe('met');
    expect(status(kase({ observation_started: '2025-03-29T22:00', ward_admitted: '2025-03-31T11:01' }, f), 'observation')).toBe('missed');
  });
  it('weekend admission notices: Saturday and Sunday are updated by Monday, Easter by Tuesday', () => {
    expect(status(kase({ admission_notice_sent: '2025-01-18T23:59', estimated_discharge_updated: '2025-01-20T23:00' }), 'helg_uppdatering')).toBe('met');
    expect(status(kase({ admission_notice_sent: '2025-01-19T00:01', estimated_discharge_updated: '2025-01-21T08:00' }), 'helg_uppdatering')).toBe('missed');
    expect(status(kase({ admission_notice_sent: '2025-04-20T10:00', estimated_discharge_updated: '2025-04-22T16:00' }), 'helg_uppdatering')).toBe('met');
    expect(status(kase({ admission_notice_sent: '2025-01-17T23:59' }), 'helg_uppdatering')).toBe('not-applicable');
  });
  it('VILS: renewed on day 14 is met, on day 15 is missed', () => {
    expect(status(kase({ vils_decided: '2025-06-13T10:00', vils_renewed: '2025-06-27T23:59' }), 'vils_förnyelse')).toBe('met');
    expect(status(kase({ vils_decided: '2025-06-13T10:00', vils_renewed: '2025-06-28T00:00' }), 'vils_förnyelse')).toBe('missed');
  });
});
