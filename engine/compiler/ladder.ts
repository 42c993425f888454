// A ladder declaration → a small state machine run month by month over one municipality's averages.
// Each month: compare the average with the year's threshold, update the runs of consecutive months over
// / at or under (an unmeasured month breaks both), invoice the month when the current step says so, then
// fire the first transition out of the current step whose condition holds. A run counts back from this
// month to, at most, the month the current step was entered (that month included): months before a step
// was entered never count towards leaving it.
import { yearValues, yearValuesFrom } from './year-values';
import type * as A from '../../dsl/ast/ast';
import type { CLadder } from '../../dsl/checker/program';
import type { CompiledMeasure } from './measure';
import { compareAverage, yearOfMonth, type Month } from '../calendar/months';

export type Threshold = { ok: true; value: number; year: number; fromYear: number } | { ok: false; year: number };

export interface CompiledLadder {
  decl: A.Ladder;
  rule: CLadder;
  /** the measure whose averages the ladder reads */
  measure: CompiledMeasure;
  steps: string[];
  /** The threshold for a calendar year; carried forward only when the parameter says so. */
  threshold(year: number): Threshold;
  /** The rate per day for a calendar year, undefined when the parameter has no value for it. */
  rate(year: number): number | undefined;
  /** The months in order; `start`: the state a series carries in from another version (`keep the step`), else the first step. */
  run(months: LadderInput[], start?: LadderState): LadderMonth[];
}

/** Where a municipality stands: its step (an index), the month it entered it, its runs of months in a row. */
export interface LadderState {
  step: number;
  entered: Month; // -Infinity: before the first month
  over: number;
  under: number;
}

/** One month of one municipality: its average, or undefined when the month is not measured. */
export interface LadderInput {
  month: Month;
  average: number | undefined;
}

export interface LadderMonth {
  month: Month;
  average: number | undefined;
  threshold: Threshold;
  comparison: 'over' | 'at-or-under' | undefined; // undefined: not measured, or no threshold for the year
  /** the year's threshold is not decided: the month is not compared and never invoiced */
  undetermined: boolean;
  stepAtStart: number; // index into steps
  step: number; // the step after this month
  transition: number; // index into decl.transitions, -1 when none fired
  invoicedByStep: boolean;
  invoiceMonths: Month[]; // months a transition this month invoices
  runOver: number;
  runUnder: number;
}

export function compileLadder(rule: CLadder, measure: CompiledMeasure): CompiledLadder {
  const l = rule.decl;
  const steps = rule.steps;
  const from: number[][] = steps.map(() => []);
  rule.transitions.forEach((t, i) => from[t.from].push(i));
  const th = rule.threshold;
  const values = yearValuesFrom(th.kind === 'parameter' ? th.parameter : undefined, 'Number');
  const rates = yearValues(rule.rate, 'Money');

  const threshold = (year: number): Threshold => {
    if (th.kind === 'number') return { ok: true, value: th.value, year, fromYear: year };
    const v = values.get(year);
    return v ? { ok: true, value: v.value, year, fromYear: v.fromYear } : { ok: false, year };
  };
  const cache = new Map<number, Threshold>();
  const thresholdCached = (year: number) => {
    let t = cache.get(year);
    if (!t) cache.set(year, (t = threshold(year)));
    return t;
  };

  const holds = (c: A.MonthCondition, runOver: number, runUnder: number) => (c.side === 'over' ? runOver >= c.run : runUnder >= c.run);

  return {
    decl: l,
    rule,
    measure,
    steps,
    threshold: thresholdCached,
    rate: (year) => rates.get(year),
    run(months, start) {
      const out: LadderMonth[] = [];
      let cur = start?.step ?? 0;
      let entered = start?.entered ?? -Infinity; // the first step is entered before the first month
      let globalOver = start?.over ?? 0;
      let globalUnder = start?.under ?? 0;
      for (const { month, average } of months) {
        const thr = thresholdCached(yearOfMonth(month));
        let comparison: LadderMonth['comparison'];
        if (average !== undefined && thr.ok) {
          comparison = compareAverage(average, thr.value) > 0 ? 'over' : 'at-or-under';
          if (comparison === 'over') [globalOver, globalUnder] = [globalOver + 1, 0];
          else [globalOver, globalUnder] = [0, globalUnder + 1];
        } else [globalOver, globalUnder] = [0, 0]; // an unmeasured month breaks every run
        const inStep = month - entered + 1;
        const runOver = Math.min(globalOver, inStep);
        const runUnder = Math.min(globalUnder, inStep);
        const row: LadderMonth = {
          month, average, threshold: thr, comparison, undetermined: !thr.ok, stepAtStart: cur, step: cur, transition: -1,
          invoicedByStep: false, invoiceMonths: [], runOver, runUnder,
        };
        const inv = l.steps[cur].invoice;
        // A month whose threshold is not decided is never invoiced, whatever the step.
        row.invoicedByStep = !!inv && thr.ok && (!inv.when || (comparison !== undefined && holds(inv.when, runOver, runUnder)));
        if (comparison !== undefined) {
          for (const ti of from[cur]) {
            const t = l.transitions[ti];
            if (!holds(t.when, runOver, runUnder)) continue;
            row.transition = ti;
            if (t.invoiceMonths) for (let k = t.invoiceMonths.n - 1; k >= 0; k--) row.invoiceMonths.push(month - k);
            cur = rule.transitions[ti].to;
            entered = month;
            break;
          }
        }
        row.step = cur;
        out.push(row);
      }
      return out;
    },
  };
}
