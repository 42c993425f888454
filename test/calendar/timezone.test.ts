import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { localDayOf, localSecondOfDay, utcOffsetMinutes, startOfLocalDay, parseIsoDate, dayToIso, dayFromYmd } from '../../engine/calendar/index';
import { DST_TRANSITIONS } from '../../engine/calendar/timezone';

const D = (iso: string) => parseIsoDate(iso)!;
const Z = (iso: string) => Date.parse(iso);
const H = 3_600_000;

function luxonView(ms: number) {
  const dt = DateTime.fromMillis(ms, { zone: 'Europe/Stockholm' });
  return { day: dayFromYmd(dt.year, dt.month, dt.day), sod: dt.hour * 3600 + dt.minute * 60 + dt.second, offset: dt.offset };
}
function ours(ms: number) {
  return { day: localDayOf(ms), sod: localSecondOfDay(ms), offset: utcOffsetMinutes(ms) };
}

describe('DST nights', () => {
  for (const [spring, autumn] of [['2019-03-31', '2019-10-27'], ['2025-03-30', '2025-10-26']]) {
    it(`spring ${spring}`, () => {
      const t = Z(`${spring}T01:00:00Z`);
      expect(utcOffsetMinutes(t - 1)).toBe(60);
      expect(utcOffsetMinutes(t)).toBe(120);
      expect(localDayOf(t - 1)).toBe(D(spring));
      expect(localSecondOfDay(t - 1000)).toBe(2 * 3600 - 1); // 01:59:59 CET
      expect(localSecondOfDay(t)).toBe(10800); // 03:00 CEST
      expect(localDayOf(Z(`${spring}T21:59:59Z`))).toBe(D(spring)); // 23:59:59 CEST
      expect(localSecondOfDay(Z(`${spring}T21:59:59Z`))).toBe(86399);
      expect(localDayOf(Z(`${spring}T22:00:00Z`))).toBe(D(spring) + 1);
      expect(localSecondOfDay(Z(`${spring}T22:00:00Z`))).toBe(0);
      expect(startOfLocalDay(D(spring))).toBe(Z(`${spring}T00:00:00Z`) - H);
      expect(startOfLocalDay(D(spring) + 1) - startOfLocalDay(D(spring))).toBe(23 * H);
    });
    it(`autumn ${autumn}`, () => {
      const t = Z(`${autumn}T01:00:00Z`);
      expect(utcOffsetMinutes(t - 1)).toBe(120);
      expect(utcOffsetMinutes(t)).toBe(60);
      expect(localSecondOfDay(t - 1000)).toBe(3 * 3600 - 1); // 02:59:59 CEST
      expect(localSecondOfDay(t)).toBe(2 * 3600); // 02:00 CET, again
      expect(localSecondOfDay(t - 30 * 60000)).toBe(localSecondOfDay(t + 30 * 60000)); // 02:30 twice
      expect(localDayOf(t)).toBe(D(autumn));
      expect(localDayOf(Z(`${autumn}T22:59:59Z`))).toBe(D(autumn));
      expect(localDayOf(Z(`${autumn}T23:00:00Z`))).toBe(D(autumn) + 1);
      expect(startOfLocalDay(D(autumn))).toBe(Z(`${autumn}T00:00:00Z`) - 2 * H);
      expect(startOfLocalDay(D(autumn) + 1) - startOfLocalDay(D(autumn))).toBe(25 * H);
    });
  }

  it('startOfLocalDay 2025-03-30 is 2025-03-29T23:00Z, next day 22:00Z', () => {
    expect(new Date(startOfLocalDay(D('2025-03-30'))).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(new Date(startOfLocalDay(D('2025-03-31'))).toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(new Date(startOfLocalDay(D('2019-01-07'))).toISOString()).toBe('2019-01-06T23:00:00.000Z');
    expect(new Date(startOfLocalDay(D('2019-07-01'))).toISOString()).toBe('2019-06-30T22:00:00.000Z');
  });

  it('before 1996 summer time ended in September (tzdata)', () => {
    expect(utcOffsetMinutes(Z('1995-09-24T00:59:59Z'))).toBe(120);
    expect(utcOffsetMinutes(Z('1995-09-24T01:00:00Z'))).toBe(60);
    expect(utcOffsetMinutes(Z('1996-10-27T00:59:59Z'))).toBe(120);
  });
});

describe('agreement with luxon/tzdata', () => {
  it('at every table transition (±1 ms, ±1 h) and every local midnight of the table', () => {
    for (const t of DST_TRANSITIONS) for (const d of [-H, -1, 0, 1, H]) expect(ours(t + d), new Date(t + d).toISOString()).toEqual(luxonView(t + d));
    for (let day = D('1990-01-01'); day <= D('2100-12-31'); day += 1) {
      const s = startOfLocalDay(day);
      const dt = DateTime.fromMillis(s, { zone: 'Europe/Stockholm' });
      if (dt.hour !== 0 || dt.minute !== 0 || dayFromYmd(dt.year, dt.month, dt.day) !== day) throw new Error(`bad midnight ${dayToIso(day)}`);
    }
  });

  it('property: random instants 1990-2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Z('1990-01-01T00:00:00+01:00'), max: Z('2101-01-01T00:00:00+01:00') - 1 }), (ms) => {
        expect(ours(ms)).toEqual(luxonView(ms));
      }),
      { numRuns: 20000 },
    );
  });

  it('property: instants near DST transitions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: DST_TRANSITIONS.length - 1 }), fc.integer({ min: -3 * H, max: 3 * H }), (i, d) => {
        const ms = DST_TRANSITIONS[i] + d;
        expect(ours(ms)).toEqual(luxonView(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('falls back to luxon outside the table range', () => {
    for (const iso of ['1985-07-01T12:00:00Z', '1975-07-01T12:00:00Z', '2150-07-01T12:00:00Z', '2150-12-31T23:30:00Z', '1989-12-31T22:59:59Z']) {
      const ms = Z(iso);
      expect(ours(ms), iso).toEqual(luxonView(ms));
    }
    expect(utcOffsetMinutes(Z('2150-07-01T12:00:00Z'))).toBe(120);
    expect(utcOffsetMinutes(Z('1975-07-01T12:00:00Z'))).toBe(60); // no DST in Sweden 1950-1979
    expect(new Date(startOfLocalDay(D('2150-07-01'))).toISOString()).toBe('2150-06-30T22:00:00.000Z');
    expect(new Date(startOfLocalDay(D('1989-12-31'))).toISOString()).toBe('1989-12-30T23:00:00.000Z');
    expect(utcOffsetMinutes(NaN)).toBeNaN();
  });
});
