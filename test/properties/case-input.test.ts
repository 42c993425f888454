// The cheap way in for a case (engine/case/well-formed.ts, calendar scanInstant and scanIsoDate) gives exactly
// what the careful way gives (the generated schema validator, then parseInstant and parseIsoDate), for every
// input: it may only say "not me", never read a case differently or let an invalid one through.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant, parseIsoDate, scanInstant, scanIsoDate } from '../../engine/calendar';
import { emptyCase } from '../../engine/case/case-data';
import { validateCase, validateCaseCarefully } from '../../engine/case/validate';
import { readWellFormed } from '../../engine/case/well-formed';
import { caseObject, goodInstant, instantText, notACase } from '../fuzz/cases';
import { runProperty, testTimeout } from '../fuzz/profile';

/** A case's data as plain values, to compare the two paths (NaN kept as text). */
const plain = (c: ReturnType<typeof emptyCase>) => JSON.stringify({ events: [...c.events].map(String), facts: c.facts, history: c.history?.map((h) => (h ? [...h] : null)) });

/** An instant text written another way: Z, an offset, seconds, a fraction, a space — the forms scanInstant reads. */
const variedInstant = fc.tuple(goodInstant, fc.constantFrom('', ':00', ':59', ':07.5', ':07.25', ':07.125', ':07.1234', '.5'), fc.constantFrom('', 'Z', '+01:00', '-03:30', '+23:59', 'z', '+0100', ' ')).map(([t, sec, o]) => {
  const base = t.replace(/(Z|[+-]\d\d:\d\d)$/, '');
  return `${base}${sec}${o}`;
});

describe('reading a case the cheap way', () => {
  it('scanInstant reads a text as parseInstant does, or not at all', { timeout: testTimeout() }, () => {
    runProperty('instants: scanInstant = parseInstant', fc.property(fc.oneof(instantText, variedInstant, goodInstant), (s) => {
      const fast = scanInstant(s);
      if (Number.isNaN(fast)) return;
      const careful = parseInstant(s);
      expect(careful).toEqual({ ok: true, epochMs: fast });
    }), { quick: 3000 });
  });

  it('scanIsoDate reads a date as parseIsoDate does, and only what the schema allows', () => {
    runProperty('dates: scanIsoDate = parseIsoDate', fc.property(fc.oneof(goodInstant.map((s) => s.slice(0, 10)), fc.string({ maxLength: 11 }), fc.constantFrom('2019-02-29', '2020-02-29', '2019-00-10', '2019-12-32', '2019-1-01', '0000-01-01', '2019-04-31')), (s) => {
      const fast = scanIsoDate(s);
      if (Number.isNaN(fast)) return;
      expect(parseIsoDate(s)).toBe(fast);
      expect(s).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    }), { quick: 2000 });
  });

  it('validateCase answers as the careful path does, for any object', { timeout: testTimeout(2) }, () => {
    runProperty('cases: cheap = careful', fc.property(fc.oneof(caseObject, notACase), (raw) => {
      const careful = validateCaseCarefully(raw);
      const into = emptyCase();
      if (readWellFormed(raw, into)) {
        expect(careful.ok, JSON.stringify(careful)).toBe(true);
        if (careful.ok) expect(plain(into)).toBe(plain(careful.data));
      }
      const answer = validateCase(raw);
      expect(answer.ok).toBe(careful.ok);
      if (answer.ok && careful.ok) expect(plain(answer.data)).toBe(plain(careful.data));
      else expect(answer).toEqual(careful);
    }), { quick: 2000, weight: 2 });
  });

  it('keeps the common forms on the cheap path: local time, Z and offsets, histories, facts of every type', () => {
    const cheap = (raw: unknown) => readWellFormed(raw, emptyCase());
    const events = { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03 15:00:30', ready_notice_sent: ['2019-01-07T12:00:00Z', '2019-01-21T13:00:00.5+01:00'], ready_withdrawn: '2019-01-14T08:00:00-00:00' };
    expect(cheap({ county: 'varmland', events, facts: { sip_needed: true, age: 80, birth_date: '1939-02-28', care_type_x: undefined } })).toBe(false); // an unknown fact
    expect(cheap({ id: 'x', county: 'varmland', agreement: 'varmland', municipality: 'Karlstad', careType: 'psychiatric', events, facts: { sip_needed: true, age: 80, birth_date: '1939-02-28' }, evaluationDate: '2019-02-01' })).toBe(true);
    expect(cheap({ county: 'varmland', events: { discharged: '2019-01-14T09:00Z' } })).toBe(true);
    // The careful way for what it must explain: a time with a space after it, a spring-gap time, a missing county.
    expect(cheap({ county: 'varmland', events: { discharged: '2019-01-14T09:00 ' } })).toBe(false);
    expect(cheap({ county: 'varmland', events: { discharged: '2019-03-31T02:30' } })).toBe(false);
    expect(cheap({ events: { discharged: '2019-01-14T09:00' } })).toBe(false);
    expect(readWellFormed({ events: { discharged: '2019-01-14T09:00' } }, emptyCase(), false)).toBe(true);
    // An impossible history too (discharged before admitted), and occurrences out of order.
    expect(cheap({ county: 'varmland', events: { admitted: '2019-01-14T09:00', discharged: '2019-01-13T09:00' } })).toBe(false);
    expect(cheap({ county: 'varmland', events: { ready_notice_sent: ['2019-01-14T09:00', '2019-01-13T09:00'] } })).toBe(false);
  });
});
