// Episodes as histories through the library entry point: death ends the stay under the law (Halland, which
// has no payment rule of its own), impossible histories are located errors, a year without a verified amount
// is said and never guessed, and the law's SIP deadline applies where an agreement is silent.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { evaluateCase } from '../../engine/api';
import { loadPolicySet } from '../../engine/registry/node';
import type { PolicySet } from '../../engine/registry/policy-set';

let set: PolicySet;
beforeAll(() => {
  set = loadPolicySet(join(import.meta.dirname, '..', '..', 'policies'));
});

const base = { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T10:00' };

describe('histories', () => {
  it('Halland (the law): a patient who dies 2019-01-20 is not billed to the evaluation date', () => {
    const a = evaluateCase(set, { county: 'halland', events: { ...base, died: '2019-01-20T04:00' }, facts: { sip_needed: false }, evaluationDate: '2019-02-28' });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const p = a.result.payments[0];
    expect(p).toMatchObject({ status: 'responsible', firstPayableDay: '2019-01-10', lastBillableDay: '2019-01-19', totalBillableDays: 10, totalAmount: 78000, ongoing: false });
    expect(p.periods[0].endedBy).toBe('died');
  });

  it('Halland: the law\'s SIP deadline is reported, as the law applies where the agreement is silent', () => {
    const a = evaluateCase(set, { county: 'halland', events: base, facts: { sip_needed: true }, evaluationDate: '2019-01-14' });
    expect(a.ok && a.result.deadlines.find((d) => d.id === 'kallelse_till_sip')?.status).toBe('missed');
    expect(a.ok && a.result.citations.kallelse_till_sip?.length).toBeGreaterThan(0);
  });

  it('a withdrawn and repeated ready notice gives two periods with their own grace days (Värmland)', () => {
    const a = evaluateCase(set, {
      county: 'varmland',
      events: { ...base, ready_notice_sent: ['2019-01-07T11:00', '2019-01-21T13:00'], ready_withdrawn: '2019-01-14T09:00', discharged: '2019-01-28T10:00' },
      facts: { sip_needed: false },
    });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const p = a.result.payments[0];
    expect(p.periods.map((x) => [x.firstPayableDay, x.lastBillableDay, x.billableDays, x.endedBy])).toEqual([
      ['2019-01-10', '2019-01-13', 4, 'withdrawn'],
      ['2019-01-25', '2019-01-28', 4, 'discharged'],
    ]);
    expect(p.totalBillableDays).toBe(8);
    expect(p.totalAmount).toBe(8 * 7800);
  });

  it('a year without a verified amount is a warning and no amount, never a guess (the law, 2023)', () => {
    const a = evaluateCase(set, { county: 'halland', events: { admitted: '2023-03-01T09:00', admission_notice_sent: '2023-03-01T15:00', ready_notice_sent: '2023-03-06T10:00', discharged: '2023-03-14T10:00' }, facts: { sip_needed: false } });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.result.payments[0]).toMatchObject({ status: 'responsible', totalBillableDays: 5, totalAmount: null });
    expect(a.result.warnings.map((w) => w.code)).toContain('AVT-E005');
  });

  it.each([
    ['a discharge before the admission', { admitted: '2019-01-10T09:00', discharged: '2019-01-05T10:00' }, '/events/discharged'],
    ['a ready notice before the admission', { admitted: '2019-01-10T09:00', ready_notice_sent: '2019-01-05T10:00' }, '/events/ready_notice_sent'],
    ['a ready notice after the death', { admitted: '2019-01-03T09:00', died: '2019-01-05T10:00', ready_notice_sent: '2019-01-07T10:00' }, '/events/ready_notice_sent'],
    ['a withdrawal with no notice before it', { admitted: '2019-01-03T09:00', ready_withdrawn: '2019-01-05T10:00' }, '/events/ready_withdrawn'],
    ['occurrences out of order', { admitted: '2019-01-03T09:00', ready_notice_sent: ['2019-01-09T10:00', '2019-01-07T10:00'] }, '/events/ready_notice_sent/1'],
  ])('%s is an impossible history, located (AVT-E013)', (_, events, pointer) => {
    const a = evaluateCase(set, { county: 'varmland', events });
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.error.kind).toBe('impossible-history');
    expect(a.error.errors).toContainEqual(expect.objectContaining({ code: 'AVT-E013', pointer }));
  });

  it('says why a history is impossible in Swedish by default and in English when asked (the same code and pointer)', () => {
    const events = { admitted: '2019-01-10T09:00', discharged: '2019-01-05T10:00' };
    const sv = evaluateCase(set, { county: 'varmland', events });
    const en = evaluateCase(set, { county: 'varmland', events }, { lang: 'en' });
    if (sv.ok || en.ok) throw new Error('an impossible history was answered');
    expect(sv.error.errors).toEqual([{ code: 'AVT-E013', pointer: '/events/discharged', message: expect.stringMatching(/^omöjlig historik: utskrivningen \(lördag 5 januari 2019 kl\. 10\.00\) kommer före inskrivningen/) }]);
    expect(en.error.errors).toEqual([{ code: 'AVT-E013', pointer: '/events/discharged', message: 'impossible history: discharged at 2019-01-05 10:00 comes before the admission at 2019-01-10 09:00' }]);
  });

  it('the law decides a Värmland payment when the SIP was called late, and its citations come with it', () => {
    const a = evaluateCase(set, { county: 'varmland', events: { ...base, sip_called: '2019-01-20T10:00', discharged: '2019-01-25T10:00' }, facts: { sip_needed: true } });
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    const p = a.result.payments[0];
    expect(p.status).toBe('not-responsible');
    expect(p.law).toMatchObject({ agreement: 'nationell_lag', rule: 'kommunens_betalningsansvar' });
    expect(a.result.citations['nationell_lag/kommunens_betalningsansvar']?.some((c) => c.heading === '5 kap. 3 §')).toBe(true);
  });

  it('pending, not "no": a SIP still to be called while the patient is in hospital (the law, Halland)', () => {
    const a = evaluateCase(set, { county: 'halland', events: base, facts: { sip_needed: true }, evaluationDate: '2019-01-09' });
    expect(a.ok && a.result.payments[0].status).toBe('pending');
  });
});
