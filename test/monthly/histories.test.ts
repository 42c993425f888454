// Kronoberg's average from histories: "medeltal för samtliga inneliggande patienter … inom aktuell
// kalendermånad" — a stay across a month boundary counts in each month, a death ends the count, a withdrawn
// ready notice ends its period and a new notice starts anew, an ongoing stay counts to its evaluation date.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { loadPolicySet } from '../../engine/registry/node';
import { evaluateMonths } from '../../engine/monthly';
import type { CompiledPolicy } from '../../engine/compiler/compile';

let kronoberg: CompiledPolicy;
beforeAll(() => {
  const set = loadPolicySet(join(import.meta.dirname, '..', '..', 'policies'));
  kronoberg = set.select('kronoberg', '2025-03-01').ok ? (set.select('kronoberg', '2025-03-01') as { version: { compiled: CompiledPolicy } }).version.compiled : undefined!;
});

const ep = (id: string, events: Record<string, string | string[]>, extra: Record<string, unknown> = {}) => ({ id, municipality: 'Växjö', events, facts: { coordination_case: true }, ...extra });
const cell = (r: ReturnType<typeof evaluateMonths>, month: string) => r.municipalities[0].months.find((m) => m.month === month);

describe('Kronoberg: days per calendar month from histories', () => {
  it('a stay across a month boundary counts in both months, with the days of each', () => {
    // Ready 2025-03-28 10:00 (received the same day), day 1 = 29 March; discharged 2 April: 3 days in March, 2 in April.
    const r = evaluateMonths(kronoberg, { episodes: [ep('a', { ready_notice_sent: '2025-03-28T10:00', discharged: '2025-04-02T10:00' })] });
    expect(cell(r, '2025-03')).toMatchObject({ episodes: 1, days: 3 });
    expect(cell(r, '2025-04')).toMatchObject({ episodes: 1, days: 2 });
  });

  it('a patient who dies is counted to the day of death, like a discharge', () => {
    const r = evaluateMonths(kronoberg, { episodes: [ep('d', { ready_notice_sent: '2025-03-03T10:00', died: '2025-03-07T08:00' })] });
    expect(cell(r, '2025-03')).toMatchObject({ episodes: 1, days: 4 });
    expect(r.municipalities[0].notCounted).toEqual({});
  });

  it('a withdrawn notice ends its period the day before the withdrawal; a new notice starts a new day 1', () => {
    const r = evaluateMonths(kronoberg, { episodes: [ep('w', {
      ready_notice_sent: ['2025-03-03T10:00', '2025-03-10T10:00'], ready_withdrawn: '2025-03-06T09:00', discharged: '2025-03-12T10:00',
    })] });
    // Period 1: day 1 = 4 March … 5 March (2 days); period 2: day 1 = 11 March … 12 March (2 days).
    expect(cell(r, '2025-03')).toMatchObject({ episodes: 1, days: 4 });
  });

  it('a patient still in hospital counts to the evaluation date, and not at all without one', () => {
    const ongoing = ep('o', { ready_notice_sent: '2025-03-28T10:00' }, { evaluationDate: '2025-04-03' });
    const r = evaluateMonths(kronoberg, { episodes: [ongoing, ep('u', { ready_notice_sent: '2025-03-28T10:00' })] });
    expect(cell(r, '2025-03')).toMatchObject({ episodes: 1, days: 3 });
    expect(cell(r, '2025-04')).toMatchObject({ episodes: 1, days: 3 });
    expect(Object.values(r.municipalities[0].notCounted)).toEqual([1]);
  });

  it('an impossible history is a located error, never counted', () => {
    const r = evaluateMonths(kronoberg, { episodes: [ep('x', { admitted: '2025-03-05T10:00', ready_notice_sent: '2025-03-03T10:00', discharged: '2025-03-07T10:00' })] });
    expect(r.ok).toBe(false);
    expect(r.diagnostics.some((d) => d.message.includes('omöjlig historik'))).toBe(true);
  });
});
