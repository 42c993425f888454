import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromYmd, ymdOfDay, dayToIso, parseIsoDate, weekday, monthIndex } from '../../engine/calendar/index';

describe('Day <-> year/month/day', () => {
  it('is days since 1970-01-01', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(2019, 1, 7)).toBe(Date.UTC(2019, 0, 7) / 86400000);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
  });

  it('normalises overflowing month/day like Date.UTC', () => {
    expect(dayToIso(dayFromYmd(2019, 2, 29))).toBe('2019-03-01');
    expect(dayToIso(dayFromYmd(2019, 13, 1))).toBe('2020-01-01');
    expect(dayToIso(dayFromYmd(2019, 3, 0))).toBe('2019-02-28');
  });

  it('round-trips ymd (property, years 1600-2500)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135000, max: 193000 }), (day) => {
        const { year, month, day: d } = ymdOfDay(day);
        expect(dayFromYmd(year, month, d)).toBe(day);
        const js = new Date(day * 86400000);
        expect([year, month, d]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
        expect(monthIndex(day)).toBe(year * 12 + month - 1);
        expect(weekday(day)).toBe(((js.getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows weekdays of known dates', () => {
    expect(weekday(dayFromYmd(1970, 1, 1))).toBe(4); // Thursday
    expect(weekday(dayFromYmd(2019, 1, 7))).toBe(1); // Monday
    expect(weekday(dayFromYmd(2019, 4, 19))).toBe(5); // Good Friday
    expect(weekday(dayFromYmd(2019, 6, 22))).toBe(6); // Midsummer Day, Saturday
    expect(weekday(dayFromYmd(2025, 3, 30))).toBe(7); // DST Sunday
    expect(weekday(dayFromYmd(2000, 2, 29))).toBe(2); // Tuesday
    expect(weekday(dayFromYmd(1969, 12, 28))).toBe(7); // before the epoch
  });

  it('monthIndex groups by calendar month', () => {
    expect(monthIndex(dayFromYmd(2019, 1, 31))).toBe(2019 * 12);
    expect(monthIndex(dayFromYmd(2019, 2, 1))).toBe(2019 * 12 + 1);
    expect(monthIndex(dayFromYmd(2019, 12, 31)) + 1).toBe(monthIndex(dayFromYmd(2020, 1, 1)));
  });
});

describe('ISO dates', () => {
  it('formats', () => {
    expect(dayToIso(dayFromYmd(2019, 1, 7))).toBe('2019-01-07');
    expect(dayToIso(dayFromYmd(1990, 12, 31))).toBe('1990-12-31');
  });

  it('parses strictly and validates real dates', () => {
    expect(parseIsoDate('2019-01-07')).toBe(dayFromYmd(2019, 1, 7));
    expect(parseIsoDate('2024-02-29')).toBe(dayFromYmd(2024, 2, 29));
    expect(parseIsoDate('2000-02-29')).toBe(dayFromYmd(2000, 2, 29));
    for (const bad of ['2023-02-29', '2100-02-29', '2019-13-01', '2019-00-10', '2019-04-31', '2019-01-00', '2019-1-7', '20190107', '2019-01-07T00:00', ' 2019-01-07', '2019-01-07 ', '', 'x']) {
      expect(parseIsoDate(bad), bad).toBeUndefined();
    }
  });

  it('round-trips dayToIso/parseIsoDate (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => parseIsoDate(dayToIso(day)) === day));
  });
});
