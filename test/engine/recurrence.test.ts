// Recurring obligations and time windows evaluated on inline policies: rolling months (month ends),
// calendar months, an obligation that has not started, and the formatter's round trip of the new forms.
import { describe, expect, it } from 'vitest';
import { analyze, formatPolicy } from '../../dsl';
import { compile } from '../../engine/compiler/compile';
import { evaluate } from '../../engine/evaluator/evaluate';
import { validateCase } from '../../engine/case/validate';
import { addMonths } from '../../engine/compiler/recurrence';
import { dayToIso, parseIsoDate } from '../../engine/calendar';

const POLICY = `agreement demo "Demo"
  version "1" draft
  valid from 2024-01-01 until further notice
  source "demo.txt"
deadline every_third_month "Renewed every third month"
  cite "x"
  doctor_visit_offered every 3 months from home_care_started
deadline every_second_calendar_month "Every second calendar month"
  cite "x"
  medication_review_offered every 2 calendar months from home_care_started
deadline window "Window"
  cite "x"
  planned_home_visit on red days between 10:00 and 12:00
`;

function run(events: Record<string, string>, evaluationDate?: string): Record<string, string> {
  const a = analyze(POLICY);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const v = validateCase({ county: 'demo', events, ...(evaluationDate ? { evaluationDate } : {}) });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const r = evaluate(compile(a.program!), v.data, { agreement: 'demo', version: '1', status: 'draft', validFrom: '2024-01-01', validTo: null, hash: '' });
  return Object.fromEntries(r.deadlines.map((d) => [d.id, `${d.status}${d.due ? ` ${d.due}` : ''}`]));
}

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 3, '2025-04-15'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2025-10-31', 1, '2025-11-30'],
  ])('%s + %i months = %s', (from, n, want) => expect(dayToIso(addMonths(parseIsoDate(from)!, n))).toBe(want));
});

describe('every 3 months (rolling)', () => {
  it('is pending before the first occurrence, due three months after the start', () => {
    expect(run({ home_care_started: '2025-01-15 10:00' }, '2025-04-15').every_third_month).toBe('pending 2025-04-15 24:00');
  });
  it('is missed the day after', () => {
    expect(run({ home_care_started: '2025-01-15 10:00' }, '2025-04-16').every_third_month).toBe('missed 2025-04-15 24:00');
  });
  it('counts from the latest occurrence, to the last day of a shorter month', () => {
    expect(run({ home_care_started: '2024-01-15 10:00', doctor_visit_offered: '2024-11-30 10:00' }, '2025-02-28').every_third_month).toBe('met 2025-02-28 24:00');
    expect(run({ home_care_started: '2024-01-15 10:00', doctor_visit_offered: '2024-11-30 10:00' }, '2025-03-01').every_third_month).toBe('missed 2025-02-28 24:00');
  });
  it('does not apply before its start is recorded', () => {
    expect(run({}, '2025-03-01').every_third_month).toBe('not-applicable');
  });
});

describe('every 2 calendar months', () => {
  it('periods are counted from the month of the start', () => {
    // start in January: periods Jan–Feb, Mar–Apr, …
    expect(run({ home_care_started: '2025-01-20 10:00', medication_review_offered: '2025-02-27 10:00' }, '2025-04-30').every_second_calendar_month).toBe('pending 2025-04-30 24:00');
    expect(run({ home_care_started: '2025-01-20 10:00', medication_review_offered: '2025-02-27 10:00' }, '2025-05-01').every_second_calendar_month).toBe('missed 2025-04-30 24:00');
    expect(run({ home_care_started: '2025-01-20 10:00', medication_review_offered: '2025-03-01 10:00' }, '2025-04-30').every_second_calendar_month).toBe('met 2025-04-30 24:00');
  });
});

describe('windows on red days', () => {
  it('a Sunday is red, a Saturday is not; Midsummer Day (a Saturday) is', () => {
    expect(run({ planned_home_visit: '2025-01-19 10:00' }).window).toBe('met');
    expect(run({ planned_home_visit: '2025-01-18 10:00' }).window).toBe('missed');
    expect(run({ planned_home_visit: '2025-06-21 11:59' }).window).toBe('met');
    expect(run({ planned_home_visit: '2025-06-21 12:00' }).window).toBe('missed');
  });
});

describe('formatter', () => {
  it('prints the new forms so they re-parse to the same text, in both languages', () => {
    const once = formatPolicy(analyze(POLICY).ast);
    expect(formatPolicy(analyze(once).ast)).toBe(once);
    const sv = formatPolicy(analyze(once).ast, { lang: 'sv' });
    expect(analyze(sv).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(formatPolicy(analyze(sv).ast, { lang: 'en' })).toBe(once);
    expect(sv).toContain('läkarbesök_erbjudet varje 3 månader från hemsjukvård_påbörjad');
    expect(sv).toContain('planerat_hembesök på röda dagar mellan 10:00 och 12:00');
  });
});
