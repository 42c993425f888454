// Properties of the monthly evaluator, checked with fast-check on random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMonths } from '../../engine/monthly';
import { compiledVersion, episode } from './fixtures';

const kronoberg = compiledVersion('kronoberg', '2025-01-01');
const blekinge = compiledVersion('blekinge', '2018-03-01');

const monthKey = (start: number, i: number) => {
  const m = start + i;
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};

function run(policy: typeof kronoberg, year: number, values: number[]) {
  const averages: Record<string, number> = {};
  values.forEach((v, i) => (averages[monthKey(year * 12, i)] = v));
  const r = evaluateMonths(policy, { averages: { A: averages } }, { explain: false });
  const ladder = [...policy.ladders.values()][0];
  return { steps: r.municipalities[0].months.map((m) => ladder.steps.indexOf(m.step)), invoiced: r.municipalities[0].invoicedMonths.length };
}

// Averages near the thresholds, in steps of 0.1 (both 2.4 and 3.0 are reachable exactly).
const average = fc.integer({ min: 0, max: 50 }).map((n) => n / 10);

describe.each([
  ['Kronoberg', kronoberg, 2025],
  ['Blekinge', blekinge, 2018],
] as const)('%s ladder', (_name, policy, year) => {
  it('raising one month\'s average never lowers a later step nor the number of invoiced months', () => {
    fc.assert(
      fc.property(fc.array(average, { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 30 }), (values, at, raise) => {
        const i = at % values.length;
        const raised = values.map((v, k) => (k === i ? Math.round((v + raise / 10) * 10) / 10 : v));
        const a = run(policy, year, values);
        const b = run(policy, year, raised);
        for (let j = i; j < values.length; j++) expect(b.steps[j]).toBeGreaterThanOrEqual(a.steps[j]);
        expect(b.invoiced).toBeGreaterThanOrEqual(a.invoiced);
      }),
      { numRuns: 400 },
    );
  });
});

describe('averages from episodes', () => {
  const ymd = (t: number) => new Date(t).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const base = Date.UTC(2025, 0, 1);
  const ep = fc.record({
    municipality: fc.constantFrom('Växjö', 'Alvesta'),
    readyDay: fc.integer({ min: 0, max: 200 }),
    hour: fc.integer({ min: 6, max: 20 }),
    minute: fc.constantFrom(0, 1, 59),
    stay: fc.integer({ min: 0, max: 40 }),
    coordination: fc.boolean(),
  });

  it('equal a straightforward reference computation (Kronoberg: 12.00 cutoff, each day in its own month)', () => {
    fc.assert(
      fc.property(fc.array(ep, { minLength: 1, maxLength: 30 }), (eps) => {
        const lines = eps.map((e, i) => {
          const time = `${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}`;
          return episode(`e${i}`, e.municipality, `${ymd(base + e.readyDay * DAY)}T${time}`, `${ymd(base + (e.readyDay + e.stay) * DAY)}T14:00`, { coordination_case: e.coordination });
        });
        // the reference: received the same day up to 12:00, else the next; the days after it up to and including
        // the discharge date, each counted in its own calendar month; a patient counts once in every month with a
        // day (one with no day at all counts, with 0 days, in the month it was received)
        const ref = new Map<string, { sum: number; n: number }>();
        for (const e of eps) {
          if (!e.coordination) continue;
          const received = e.readyDay + (e.hour > 12 || (e.hour === 12 && e.minute > 0) ? 1 : 0);
          const perMonth = new Map<string, number>();
          for (let d = received + 1; d <= e.readyDay + e.stay; d++) {
            const month = ymd(base + d * DAY).slice(0, 7);
            perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
          }
          if (perMonth.size === 0) perMonth.set(ymd(base + received * DAY).slice(0, 7), 0);
          for (const [month, days] of perMonth) {
            const key = `${e.municipality} ${month}`;
            const cell = ref.get(key) ?? { sum: 0, n: 0 };
            ref.set(key, { sum: cell.sum + days, n: cell.n + 1 });
          }
        }
        const r = evaluateMonths(kronoberg, { episodes: lines.join('\n'), format: 'jsonl' }, { explain: false });
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        for (const m of r.municipalities) {
          for (const row of m.months) {
            const want = ref.get(`${m.municipality} ${row.month}`);
            if (want) expect([row.episodes, row.days, row.average]).toEqual([want.n, want.sum, want.sum / want.n]);
            else expect([row.episodes, row.average, row.emptyMonth]).toEqual([0, 0, true]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
