// Each month is judged under the version in force for the whole of it: a series that runs past the end of
// Kronoberg's agreement (in force 2024-11-04 to 2027-11-03) is never invoiced under the expired text.
import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import { loadPolicySet, readSources } from '../../engine/registry/node';
import { PolicySet as Set_ } from '../../engine/registry/policy-set';
import { evaluateMonthsFor } from '../../engine/api';
import { monthsInForce } from '../../engine/months';
import type { PolicySet } from '../../engine/registry/policy-set';

let set: PolicySet;
beforeAll(() => {
  set = loadPolicySet(join(import.meta.dirname, '..', '..', 'policies'));
});

const series = (from: number, n: number, value: number) => {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const m = from + i;
    out[`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`] = value;
  }
  return out;
};

describe('months under the version in force', () => {
  it('Kronoberg: months after the agreement ends are outside it and never invoiced (averages of 3.0, 2027-08 … 2028-02)', () => {
    const r = monthsInForce(set, 'kronoberg', { averages: { Växjö: series(2027 * 12 + 7, 7, 3.0) } })!;
    const v = r.municipalities[0];
    expect(r.versions).toEqual([{ version: '2024-11-04', from: '2027-08', to: '2027-10' }, { version: null, from: '2027-11', to: '2028-02' }]);
    expect(v.months.filter((m) => m.version === null).map((m) => m.month)).toEqual(['2027-11', '2027-12', '2028-01', '2028-02']);
    expect(v.months.filter((m) => m.version === null).every((m) => !m.invoiced && m.actions.length === 0 && m.transition === null)).toBe(true);
    expect(v.invoicedMonths.every((m) => m < '2027-11')).toBe(true);
    const m008 = r.diagnostics.find((d) => d.code === 'AVT-M008')!;
    expect(m008.message).toContain('2027-11-04');
    expect(r.ok).toBe(true);
  });

  it('Kronoberg: a whole series inside the agreement is judged under it alone', () => {
    const r = monthsInForce(set, 'kronoberg', { averages: { Växjö: series(2025 * 12, 4, 3.0) } })!;
    expect(r.versions).toEqual([{ version: '2024-11-04', from: '2025-01', to: '2025-04' }]);
    expect(r.diagnostics.some((d) => d.code === 'AVT-M008')).toBe(false);
  });

  it('Kronoberg: the month the agreement begins in (November 2024) is outside it: the text is not in force for the whole month', () => {
    const r = monthsInForce(set, 'kronoberg', { averages: { Växjö: series(2024 * 12 + 10, 3, 3.0) } })!;
    expect(r.versions[0]).toEqual({ version: null, from: '2024-11', to: '2024-11' });
    expect(r.municipalities[0].months[0]).toMatchObject({ month: '2024-11', version: null, invoiced: false });
  });

  it('two published versions in force in a month are an error (AVT-V001), never a pick; months before the overlap are judged', () => {
    const sources = readSources(join(import.meta.dirname, '..', '..', 'policies'));
    const kronoberg = sources.find((s) => s.file === 'kronoberg/2024-11-04.avtal')!;
    // a second version published into the first's term (2024-11-04 to 2027-11-03)
    const second = { ...kronoberg, file: 'kronoberg/2026-01-01.avtal', text: kronoberg.text.replace('version "2024-11-04" publicerad', 'version "2026-01-01" publicerad').replace('gäller från 2024-11-04', 'gäller från 2026-01-01') };
    const overlapping = new Set_([...sources, second]);
    const over = monthsInForce(overlapping, 'kronoberg', { averages: { Växjö: series(2025 * 12 + 11, 3, 3.0) } })!;
    expect(over.ok).toBe(false);
    expect(over.municipalities).toEqual([]);
    expect(over.diagnostics).toEqual([expect.objectContaining({ code: 'AVT-V001', message: expect.stringContaining('2026-01-01') })]);
    // the library's months() says the same
    const answer = evaluateMonthsFor(overlapping, { county: 'kronoberg', averages: { Växjö: series(2026 * 12, 2, 3.0) } });
    expect(answer.ok && answer.result.ok).toBe(false);
    expect(answer.ok && answer.result.diagnostics[0].code).toBe('AVT-V001');
    const before = monthsInForce(overlapping, 'kronoberg', { averages: { Växjö: series(2025 * 12, 3, 3.0) } })!;
    expect(before.ok).toBe(true);
    expect(before.versions).toEqual([{ version: '2024-11-04', from: '2025-01', to: '2025-03' }]);
  });
});
