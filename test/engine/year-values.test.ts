// Rates per year: a year without a value of its own has none, unless the parameter carries forward — then the
// payment's amount (and its explanation) use the latest earlier year's rate, as the language reference says.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../dsl';
import type * as A from '../../dsl/ast/ast';
import { compile } from '../../engine/compiler/compile';
import { yearValues } from '../../engine/compiler/year-values';
import { validateCase } from '../../engine/case/validate';
import { evaluate } from '../../engine/evaluator/evaluate';
import { varmlandText } from '../server/helpers';

// Without the bundled 2022 value, so that 2021 and 2022 carry 2019's forward.
const WITHOUT_2022 = varmlandText.replace(/  värde 9300 kr för 2022\n(?:    .*\n)*/, '');
const CARRY = WITHOUT_2022.replace(/(  värde 7800 kr för 2019\n(?:    .*\n)*)/, '$1  förs vidare\n');

function evaluateIn(text: string, year: number) {
  const analysis = analyze(text);
  expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const compiled = compile(analysis.program!);
  const c = validateCase({ county: 'varmland', events: { admitted: `${year}-03-01T10:00`, admission_notice_sent: `${year}-03-01T12:00`, ready_notice_sent: `${year}-03-04T09:00`, discharged: `${year}-03-20T10:00` } });
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const info = { agreement: 'varmland', version: 'x', status: 'draft', validFrom: '2019-01-01', validTo: null, hash: '', file: '' } as const;
  return evaluate(compiled, c.data, info).payments[0];
}

describe('rates per year', () => {
  it('the bundled text has no carry forward: 2021 has no rate and no amount', () => {
    expect(CARRY).not.toBe(varmlandText);
    const p = evaluateIn(varmlandText, 2021);
    expect(p.billableDays).toBeGreaterThan(0);
    expect(p.amount).toBeNull();
  });

  it('with carry forward, 2021 is billed at the 2019 rate and the explanation says so', () => {
    const p = evaluateIn(CARRY, 2021);
    expect(p.billableDays).toBeGreaterThan(0);
    expect(p.amount).toBe(p.billableDays! * 7800);
    expect(p.ratesUsed).toEqual([{ year: 2021, rate: 7800, days: p.billableDays }]);
  });

  it('a stay over New Year: the billable days split by year, each at its year\'s rate, summing to the amount', () => {
    const analysis = analyze(CARRY.replace(/(  värde 7800 kr för 2019\n)/, '$1  värde 8000 kr för 2022\n'));
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const c = validateCase({ county: 'varmland', events: { admitted: '2021-12-01T10:00', admission_notice_sent: '2021-12-01T12:00', ready_notice_sent: '2021-12-20T09:00', discharged: '2022-01-10T10:00' } });
    if (!c.ok) throw new Error(JSON.stringify(c.errors));
    const info = { agreement: 'varmland', version: 'x', status: 'draft', validFrom: '2019-01-01', validTo: null, hash: '', file: '' } as const;
    const p = evaluate(compile(analysis.program!), c.data, info).payments[0];
    // Day 1 is 2021-12-20, three grace days: payable from 2021-12-23 to 2022-01-10 inclusive.
    expect(p).toMatchObject({ firstPayableDay: '2021-12-23', lastBillableDay: '2022-01-10', billableDays: 19 });
    expect(p.ratesUsed).toEqual([{ year: 2021, rate: 7800, days: 9 }, { year: 2022, rate: 8000, days: 10 }]);
    expect(p.amount).toBe(9 * 7800 + 10 * 8000);
  });

  it('the table: own years, the latest earlier value after a gap, nothing before the first year', () => {
    const param = (carry: boolean) => ({
      kind: 'Parameter',
      values: [
        { year: 2019, value: { kind: 'Money', value: 100 } },
        { year: 2022, value: { kind: 'Money', value: 200 } },
      ],
      ...(carry ? { carryForward: {} } : {}),
    }) as unknown as A.Parameter;
    const carried = yearValues(param(true), 'Money');
    expect([2018, 2019, 2020, 2021, 2022, 2023, 2100, 2101].map((y) => carried.get(y))).toEqual([undefined, 100, 100, 100, 200, 200, 200, undefined]);
    const own = yearValues(param(false), 'Money');
    expect([2019, 2020, 2022, 2023].map((y) => own.get(y))).toEqual([100, undefined, 200, undefined]);
  });
});
