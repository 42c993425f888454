import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isCountedDay, parseIsoDate, dayToIso, type DayKind } from '../../engine/calendar/index';

const D = (iso: string) => parseIsoDate(iso)!;
const add = (iso: string, n: number, kind: DayKind) => dayToIso(addDays(D(iso), n, kind));

describe('isCountedDay', () => {
  it('classifies days', () => {
    expect(isCountedDay(D('2019-01-12'), 'calendar')).toBe(true); // Saturday
    expect(isCountedDay(D('2019-01-12'), 'weekday')).toBe(false);
    expect(isCountedDay(D('2019-04-19'), 'weekday')).toBe(true); // Good Friday
    expect(isCountedDay(D('2019-04-19'), 'working')).toBe(false);
    expect(isCountedDay(D('2019-12-24'), 'working')).toBe(false); // julafton, customary
    expect(isCountedDay(D('2019-01-08'), 'working')).toBe(true);
  });
});

describe('addDays', () => {
  it('over a weekend', () => {
    // 2019-01-11 is a Friday
    expect(add('2019-01-11', 1, 'calendar')).toBe('2019-01-12');
    expect(add('2019-01-11', 1, 'weekday')).toBe('2019-01-14');
    expect(add('2019-01-11', 1, 'working')).toBe('2019-01-14');
    expect(add('2019-01-11', 3, 'working')).toBe('2019-01-16');
    expect(add('2019-01-12', 1, 'working')).toBe('2019-01-14'); // from a Saturday
    expect(add('2019-01-11', 0, 'working')).toBe('2019-01-11');
    expect(add('2019-01-12', 0, 'working')).toBe('2019-01-12'); // n = 0 is the day itself
  });

  it('over Easter 2019 (Fri 19 - Mon 22 April)', () => {
    expect(add('2019-04-18', 1, 'calendar')).toBe('2019-04-19');
    expect(add('2019-04-18', 1, 'weekday')).toBe('2019-04-19');
    expect(add('2019-04-18', 1, 'working')).toBe('2019-04-23');
    expect(add('2019-04-18', 2, 'weekday')).toBe('2019-04-22');
    expect(add('2019-04-18', 2, 'working')).toBe('2019-04-24');
    expect(add('2019-04-12', 5, 'working')).toBe('2019-04-23'); // Fri + 5 working days
  });

  it('over Christmas and midsummer', () => {
    expect(add('2019-12-23', 1, 'working')).toBe('2019-12-27');
    expect(add('2019-12-27', 1, 'working')).toBe('2019-12-30');
    expect(add('2019-12-30', 1, 'working')).toBe('2020-01-02');
    expect(add('2019-06-20', 1, 'working')).toBe('2019-06-24');
  });

  it('counts backwards for negative n', () => {
    expect(add('2019-04-23', -1, 'working')).toBe('2019-04-18');
    expect(add('2019-01-14', -1, 'weekday')).toBe('2019-01-11');
    expect(add('2019-01-14', -3, 'calendar')).toBe('2019-01-11');
  });

  it('property: exactly n counted days in (day, result], and result is counted', () => {
    const kinds: DayKind[] = ['calendar', 'weekday', 'working'];
    fc.assert(
      fc.property(fc.integer({ min: D('1990-01-01'), max: D('2100-11-30') }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(...kinds), (day, n, kind) => {
        const r = addDays(day, n, kind);
        let count = 0;
        for (let x = day + 1; x <= r; x++) if (isCountedDay(x, kind)) count++;
        expect(count).toBe(n);
        if (n > 0) expect(isCountedDay(r, kind)).toBe(true);
        if (n > 0) expect(addDays(r, -n, kind)).toBeLessThanOrEqual(day);
      }),
      { numRuns: 1000 },
    );
  });
});
