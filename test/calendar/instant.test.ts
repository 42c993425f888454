import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant, formatInstantLocal, DST_RULE, type LocalTimeResult } from '../../engine/calendar/index';

const Z = (iso: string) => Date.parse(iso);
const ok = (r: LocalTimeResult) => {
  if (!r.ok) throw new Error(r.message);
  return new Date(r.epochMs).toISOString();
};

describe('parseInstant', () => {
  it('ISO 8601 with offset or Z', () => {
    expect(ok(parseInstant('2019-01-07T11:00:00+01:00'))).toBe('2019-01-07T10:00:00.000Z');
    expect(ok(parseInstant('2019-01-07T10:00Z'))).toBe('2019-01-07T10:00:00.000Z');
    expect(ok(parseInstant('2019-01-07T10:00:00.250Z'))).toBe('2019-01-07T10:00:00.250Z');
    expect(ok(parseInstant('2019-01-07T12:00+0200'))).toBe('2019-01-07T10:00:00.000Z');
    expect(ok(parseInstant('2019-01-07T05:00-05'))).toBe('2019-01-07T10:00:00.000Z');
    expect(ok(parseInstant('2019-01-07 11:00+01:00'))).toBe('2019-01-07T10:00:00.000Z');
  });

  it('Swedish local time without offset', () => {
    expect(ok(parseInstant('2019-01-07T11:00'))).toBe('2019-01-07T10:00:00.000Z');
    expect(ok(parseInstant('2019-01-07 11:00'))).toBe('2019-01-07T10:00:00.000Z');
    expect(ok(parseInstant('2019-01-07 11:00:30'))).toBe('2019-01-07T10:00:30.000Z');
    expect(ok(parseInstant('2019-07-07 11:00'))).toBe('2019-07-07T09:00:00.000Z');
    expect(ok(parseInstant('  2019-07-07 11:00 '))).toBe('2019-07-07T09:00:00.000Z');
  });

  it('spring gap: nonexistent local time is an error', () => {
    for (const s of ['2025-03-30 02:30', '2025-03-30T02:00', '2025-03-30 02:59:59', '2019-03-31 02:30']) {
      const r = parseInstant(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('nonexistent-local-time');
        expect(r.message).toContain(s.replace('T', ' '));
        expect(r.message).toMatch(/offset/);
      }
    }
    expect(ok(parseInstant('2025-03-30 01:59:59'))).toBe('2025-03-30T00:59:59.000Z');
    expect(ok(parseInstant('2025-03-30 03:00'))).toBe('2025-03-30T01:00:00.000Z');
    // with an explicit offset the same wall time is accepted as given
    expect(ok(parseInstant('2025-03-30T02:30+01:00'))).toBe('2025-03-30T01:30:00.000Z');
  });

  it('autumn repeated hour: first occurrence (+02:00) unless an offset says otherwise', () => {
    expect(ok(parseInstant('2025-10-26 02:30'))).toBe('2025-10-26T00:30:00.000Z');
    expect(ok(parseInstant('2025-10-26T02:30+02:00'))).toBe('2025-10-26T00:30:00.000Z');
    expect(ok(parseInstant('2025-10-26T02:30+01:00'))).toBe('2025-10-26T01:30:00.000Z');
    expect(ok(parseInstant('2019-10-27 02:00'))).toBe('2019-10-27T00:00:00.000Z');
    expect(ok(parseInstant('2025-10-26 01:59'))).toBe('2025-10-25T23:59:00.000Z');
    expect(ok(parseInstant('2025-10-26 03:00'))).toBe('2025-10-26T02:00:00.000Z');
    expect(DST_RULE).toMatch(/first occurrence/);
  });

  it('rejects malformed input and impossible dates/times', () => {
    for (const s of ['', '2019-01-07', '2019-01-07T11', '2019-02-29 10:00', '2019-01-07 24:00', '2019-01-07 10:60', '2019-01-07 10:00:60', '2019-01-07T10:00+25:00', '07/01/2019 10:00', '2019-01-07T10:00:00.1234Z', 'now']) {
      const r = parseInstant(s);
      expect(r.ok, s).toBe(false);
      if (!r.ok) expect(r.code).toBe('invalid-datetime');
    }
    expect(parseInstant(undefined as unknown as string).ok).toBe(false);
  });

  it('works outside the table range', () => {
    expect(ok(parseInstant('2150-07-01 12:00'))).toBe('2150-07-01T10:00:00.000Z');
    expect(ok(parseInstant('1975-07-01 12:00'))).toBe('1975-07-01T11:00:00.000Z');
  });
});

describe('formatInstantLocal', () => {
  it('formats in Stockholm local time', () => {
    expect(formatInstantLocal(Z('2019-01-07T10:00:00Z'))).toBe('2019-01-07 11:00');
    expect(formatInstantLocal(Z('2019-07-07T10:00:05Z'))).toBe('2019-07-07 12:00:05');
    expect(formatInstantLocal(Z('2019-07-07T10:00:05.999Z'))).toBe('2019-07-07 12:00:05');
    expect(formatInstantLocal(Z('2025-03-30T01:00:00Z'))).toBe('2025-03-30 03:00');
    expect(formatInstantLocal(Z('2025-10-26T00:30:00Z'))).toBe('2025-10-26 02:30');
    expect(formatInstantLocal(Z('2025-10-26T01:30:00Z'))).toBe('2025-10-26 02:30');
    expect(formatInstantLocal(Z('2019-12-31T23:00:00Z'))).toBe('2020-01-01 00:00');
    expect(formatInstantLocal(NaN)).toBe('invalid instant');
  });

  it('property: parseInstant(formatInstantLocal(x)) === x outside the autumn repeated hour', () => {
    const lo = Z('1990-01-01T00:00:00+01:00') / 1000, hi = Z('2101-01-01T00:00:00+01:00') / 1000 - 1;
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (s) => {
        const x = s * 1000;
        const r = parseInstant(formatInstantLocal(x));
        expect(r.ok).toBe(true);
        const back = r.ok ? r.epochMs : NaN;
        // The only loss: the second (CET) occurrence of the autumn 02:00-02:59 hour reads back one hour earlier.
        if (back !== x) expect(x - back).toBe(3_600_000);
        expect(formatInstantLocal(back)).toBe(formatInstantLocal(x));
      }),
      { numRuns: 20000 },
    );
  });

  it('round-trip holds exactly for whole-second instants near the spring transition and in the first autumn occurrence', () => {
    for (const base of ['2025-03-30T01:00:00Z', '2019-03-31T01:00:00Z', '2025-10-26T00:00:00Z']) {
      for (let d = -7200; d < 3600; d += 17) {
        const x = Z(base) + d * 1000;
        const r = parseInstant(formatInstantLocal(x));
        expect(r.ok && r.epochMs, new Date(x).toISOString()).toBe(x);
      }
    }
  });
});
