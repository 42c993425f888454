// A measure declaration → a closure that counts one care episode's days after ready-for-discharge and
// says which month (or months) they belong to. Every counting choice comes from the policy.
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { localDayOf, monthIndex } from '../calendar';
import { eventSlot, type CaseData } from '../case/case-data';
import { compileCondition, type CompileScope, type Condition } from '../compiler/expressions';
import { daysOfMonth, type Month } from './months';

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
  emptyMonth: number;
  run(c: CaseData): MeasureOutcome;
}

function chooser(clauses: A.Conditional<'same-day' | 'next-day'>[], scope: CompileScope): (c: CaseData) => { shift: number; index: number } {
  const conditional: { when: Condition; shift: number; index: number }[] = [];
  let base = { shift: 0, index: -1 };
  clauses.forEach((cl, index) => {
    const shift = cl.value === 'next-day' ? 1 : 0;
    if (cl.when) conditional.push({ when: compileCondition(cl.when, scope), shift, index });
    else if (base.index < 0) base = { shift, index };
  });
  return (c) => {
    for (const ch of conditional) if (ch.when(c)) return ch;
    return base;
  };
}

export function compileMeasure(m: A.Measure, scope: CompileScope): CompiledMeasure {
  const anchor = eventSlot(lookupVocabulary(m.from!.text)!.id);
  const end = eventSlot(lookupVocabulary(m.to!.event.text)!.id);
  const inclusive = m.to!.inclusive;
  const split = m.month!.mode === 'split';
  const monthEvent = m.month!.mode === 'event' ? eventSlot(lookupVocabulary(m.month!.event.text)!.id) : -1;
  const includes = m.includes.map((e) => compileCondition(e, scope));
  const received = chooser(m.received, scope);
  const dayOne = chooser(m.dayOne, scope);

  return {
    decl: m,
    emptyMonth: m.emptyMonth!.value,
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
      const t = c.events[anchor];
      if (Number.isNaN(t)) return ((out.counted = Counted.NoAnchor), out);
      const r = received(c);
      out.receivedClause = r.index;
      out.receivedDay = localDayOf(t) + r.shift;
      const d1 = dayOne(c);
      out.dayOneClause = d1.index;
      out.dayOne = out.receivedDay + d1.shift;
      const endT = c.events[end];
      if (Number.isNaN(endT)) return ((out.counted = Counted.Ongoing), out);
      out.lastDay = localDayOf(endT) - (inclusive ? 0 : 1);
      out.days = Math.max(0, out.lastDay - out.dayOne + 1);
      if (!split) {
        const mt = c.events[monthEvent];
        if (Number.isNaN(mt)) return ((out.counted = Counted.NoMonth), out);
        out.contributions.push({ month: monthIndex(localDayOf(mt)), days: out.days, firstDayNo: 1 });
        return out;
      }
      // Split: each calendar month holds the counted days that fall in it; no counted day → the received day's month.
      if (out.days === 0) {
        out.contributions.push({ month: monthIndex(out.receivedDay), days: 0, firstDayNo: 1 });
        return out;
      }
      for (let mo = monthIndex(out.dayOne); mo <= monthIndex(out.lastDay); mo++) {
        const { first, last } = daysOfMonth(mo);
        const from = Math.max(first, out.dayOne);
        const to = Math.min(last, out.lastDay);
        out.contributions.push({ month: mo, days: to - from + 1, firstDayNo: from - out.dayOne + 1 });
      }
      return out;
    },
  };
}
