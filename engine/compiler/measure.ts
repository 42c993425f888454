// A measure declaration → a closure that counts one care episode's days after ready-for-discharge and
// says which month (or months) they belong to. Every counting choice comes from the policy.
import type * as A from '../../dsl/ast/ast';
import type { CClause, CMeasure } from '../../dsl/checker/program';
import { localDayOf, monthIndex } from '../calendar';
import { readyPeriods, EVALUATION_DATE, type CaseData } from '../case/case-data';
import { compileCondition, type Condition } from './expressions';
import { daysOfMonth, type Month } from '../calendar/months';

export const enum Counted {
  Yes = 0,
  Excluded = 1, // an `includes` condition does not hold
  NoAnchor = 2, // the anchor event is not recorded
  Ongoing = 3, // the end event is not recorded
  NoMonth = 4, // the event that decides the month is not recorded
}

/** One episode's days in one month. `firstDayNo` is the number (day 1, 2, …) of its first day in that month. */
export interface Contribution {
  month: Month;
  days: number;
  firstDayNo: number;
}

export interface MeasureOutcome {
  counted: Counted;
  clause: number; // the includes clause that failed
  receivedDay: number;
  receivedClause: number;
  dayOne: number;
  dayOneClause: number;
  lastDay: number; // the last counted day
  days: number; // whole days from day 1 to the end
  contributions: Contribution[];
}

export interface CompiledMeasure {
  decl: A.Measure;
  rule: CMeasure;
  emptyMonth: number;
  run(c: CaseData): MeasureOutcome;
}

function chooser(clauses: CClause<'same-day' | 'next-day'>[]): (c: CaseData) => { shift: number; index: number } {
  const conditional: { when: Condition; shift: number; index: number }[] = [];
  let base = { shift: 0, index: -1 };
  for (const cl of clauses) {
    const shift = cl.value === 'next-day' ? 1 : 0;
    if (cl.when) conditional.push({ when: compileCondition(cl.when), shift, index: cl.index });
    else if (base.index < 0) base = { shift, index: cl.index };
  }
  return (c) => {
    for (const ch of conditional) if (ch.when(c)) return ch;
    return base;
  };
}

export function compileMeasure(m: CMeasure): CompiledMeasure {
  const anchor = m.anchor.slot;
  const ends = m.end.events.map((e) => e.slot);
  const inclusive = m.end.inclusive;
  const withdrawal = m.withdrawal ? m.withdrawal.event.slot : -1;
  const withdrawalInclusive = m.withdrawal?.inclusive ?? false;
  const split = m.month.mode === 'split';
  const monthEvent = m.month.mode === 'event' ? m.month.event.slot : -1;
  const includes = m.includes.map((e) => compileCondition(e));
  const received = chooser(m.received);
  const dayOne = chooser(m.dayOne);

  return {
    decl: m.decl,
    rule: m,
    emptyMonth: m.emptyMonth,
    run(c) {
      const out: MeasureOutcome = {
        counted: Counted.Yes, clause: -1, receivedDay: NaN, receivedClause: -1, dayOne: NaN, dayOneClause: -1, lastDay: NaN, days: 0, contributions: [],
      };
      for (let i = 0; i < includes.length; i++) {
        if (!includes[i](c)) {
          out.counted = Counted.Excluded;
          out.clause = i;
          return out;
        }
      }
      const periods = readyPeriods(c, anchor, withdrawal);
      if (periods.length === 0) return ((out.counted = Counted.NoAnchor), out);
      // The stay ends at the first end event recorded (discharge, death, …).
      let endT = NaN;
      for (const slot of ends) if (c.events[slot] === c.events[slot] && !(c.events[slot] >= endT)) endT = c.events[slot];
      const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
      const monthDay = monthEvent >= 0 ? c.events[monthEvent] : NaN;
      for (let k = 0; k < periods.length; k++) {
        const [a, w] = periods[k];
        const view: CaseData = periods.length > 1 || w === w ? { events: c.events.slice(), facts: c.facts } : c;
        view.events[anchor] = a;
        const r = received(view);
        const receivedDay = localDayOf(a) + r.shift;
        const d1 = dayOne(view);
        const first = receivedDay + d1.shift;
        let last = endT === endT ? localDayOf(endT) - (inclusive ? 0 : 1) : NaN;
        if (w === w) {
          const lw = localDayOf(w) - (withdrawalInclusive ? 0 : 1);
          if (!(last <= lw)) last = lw;
        }
        // Still in hospital: counted to the evaluation date when the episode gives one, else not yet counted.
        if (last !== last) {
          if (evalDay === undefined) return ((out.counted = Counted.Ongoing), out);
          last = evalDay;
        }
        if (k === 0) {
          out.receivedClause = r.index;
          out.receivedDay = receivedDay;
          out.dayOneClause = d1.index;
          out.dayOne = first;
        }
        out.lastDay = last;
        const days = Math.max(0, last - first + 1);
        out.days += days;
        if (!split) continue;
        // Split: each calendar month holds the counted days that fall in it; no counted day → the received day's month.
        if (days === 0) {
          if (k === 0) out.contributions.push({ month: monthIndex(receivedDay), days: 0, firstDayNo: 1 });
          continue;
        }
        for (let mo = monthIndex(first); mo <= monthIndex(last); mo++) {
          const { first: f, last: l } = daysOfMonth(mo);
          const from = Math.max(f, first);
          const to = Math.min(l, last);
          const prev = out.contributions.find((x) => x.month === mo);
          if (prev) prev.days += to - from + 1;
          else out.contributions.push({ month: mo, days: to - from + 1, firstDayNo: from - first + 1 });
        }
      }
      if (!split) {
        if (Number.isNaN(monthDay)) return ((out.counted = Counted.NoMonth), out);
        out.contributions.push({ month: monthIndex(localDayOf(monthDay)), days: out.days, firstDayNo: 1 });
      }
      return out;
    },
  };
}
