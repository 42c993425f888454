// The table-driven formatters print exactly what the slow, obvious code prints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayToIso, formatInstantUtc } from '../../engine/calendar';
import { dayFromYmd } from '../../engine/calendar/day';

const MAX_DATE_MS = 8.64e15;

describe('formatInstantUtc', () => {
  it('prints what Date#toISOString prints, inside and outside the table years', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2110, 0, 1) }), fc.integer({ min: -MAX_DATE_MS, max: MAX_DATE_MS })), (t) => {
        expect(formatInstantUtc(t)).toBe(new Date(t).toISOString());
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it('prints the boundaries of a day and of the table exactly', () => {
    for (const t of [0, -1, 86_399_999, Date.UTC(1990, 0, 1), Date.UTC(1989, 11, 31, 23, 59, 59, 999), Date.UTC(2100, 11, 31, 23, 59, 59, 999), Date.UTC(2101, 0, 1), Date.UTC(2024, 1, 29, 12, 0, 0, 5)]) {
      expect(formatInstantUtc(t)).toBe(new Date(t).toISOString());
    }
  });
});

describe('dayToIso', () => {
  it('prints the same day the same way the first time and from the table', () => {
    const day = dayFromYmd(2019, 4, 12);
    expect(dayToIso(day)).toBe('2019-04-12');
    expect(dayToIso(day)).toBe('2019-04-12');
    expect(dayToIso(dayFromYmd(1989, 12, 31))).toBe('1989-12-31');
    expect(dayToIso(dayFromYmd(2101, 1, 1))).toBe('2101-01-01');
  });
});
