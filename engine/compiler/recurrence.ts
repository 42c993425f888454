// Recurring obligations and time windows → closures with the same outcome as a deadline
// (met, missed, pending, not applicable), so examples, explanations and the API treat them alike.
// A case records one instant per event: for a recurring event, its latest occurrence.
import type * as A from '../../dsl/ast/ast';
import type { CDeadline, CRecurringDeadline, CWindowDeadline } from '../../dsl/checker/program';
import {
  dayFromYmd, daysInMonth, isCountedDay, isPublicHoliday, isRedDay, localDayOf, localSecondOfDay, monthIndex,
  startOfLocalDay, weekday, ymdOfDay, type Day,
} from '../calendar';
import { EVALUATION_DATE, type CaseData } from '../case/case-data';
import { allocatingDeadline, DeadlineCode, type CompiledDeadline, type DeadlineOutcome } from './deadline';
import { compileCondition, compileExpr, type Condition } from './expressions';

/** Compiles a deadline written with `every` or with `on … between` windows. */
export function compileTimingDeadline(d: Exclude<CDeadline, { form: 'within' }>): CompiledDeadline {
  return d.form === 'every' ? compileRecurrence(d) : compileWindows(d);
}

// ---- recurring obligations --------------------------------------------------------------------

/** The calendar month `n` months after `day`'s, on the same day of the month or the month's last day. */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: dom } = ymdOfDay(day);
  const m0 = year * 12 + (month - 1) + n;
  const y = Math.floor(m0 / 12);
  const m = m0 - y * 12 + 1;
  return dayFromYmd(y, m, Math.min(dom, daysInMonth(y, m)));
}

interface Periods {
  /** The index of the period a day falls in. */
  index(day: Day): number;
  /** The first day of period `k` (so period k ends, exclusive, where period k+1 begins). */
  first(k: number): Day;
}

/** Fixed periods of n calendar years or months, counted from the period the obligation starts in (else from year 0). */
function fixedPeriods(unit: 'calendar-years' | 'calendar-months', n: number, origin: Day): Periods {
  const raw = unit === 'calendar-years' ? (day: Day) => ymdOfDay(day).year : (day: Day) => monthIndex(day);
  const base = Number.isNaN(origin) ? 0 : raw(origin);
  const firstOfRaw = unit === 'calendar-years' ? (r: number) => dayFromYmd(r, 1, 1) : (r: number) => dayFromYmd(Math.floor(r / 12), (r % 12) + 1, 1);
  return {
    index: (day) => Math.floor((raw(day) - base) / n),
    first: (k) => firstOfRaw(base + k * n),
  };
}

function compileRecurrence(d: CRecurringDeadline): CompiledDeadline {
  const r = d.every;
  const when: Condition | undefined = d.when ? compileCondition(d.when) : undefined;
  const subject = d.subject.slot;
  const start = r.start ? compileExpr(r.start) : undefined;
  const n = r.n;
  const fixed = r.unit === 'calendar-years' || r.unit === 'calendar-months';
  const set = (out: DeadlineOutcome, code: DeadlineCode, anchor: number, due: number, actual: number): DeadlineOutcome => {
    out.code = code;
    out.anchor = anchor;
    out.due = due;
    out.actual = actual;
    return out;
  };
  const none = (out: DeadlineOutcome, code: DeadlineCode): DeadlineOutcome => set(out, code, NaN, NaN, NaN);

  const runInto = (c: CaseData, out: DeadlineOutcome): DeadlineOutcome => {
    if (when && !when(c)) return none(out, DeadlineCode.NotApplicable);
    const s = start ? (start(c) as number) : NaN;
    if (start && Number.isNaN(s)) return none(out, DeadlineCode.NoAnchor); // the obligation has not started
    const startDay = Number.isNaN(s) ? NaN : localDayOf(s);
    let last = c.events[subject];
    if (!Number.isNaN(last) && !Number.isNaN(s) && last < s) last = NaN; // an occurrence before the start does not count
    const lastDay = Number.isNaN(last) ? NaN : localDayOf(last);
    const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
    const ref = evalDay ?? (Number.isNaN(lastDay) ? startDay : lastDay);
    if (Number.isNaN(ref) || ref < startDay) return none(out, DeadlineCode.NoAnchor); // not started by the reference day

    if (fixed) {
      // The event must fall in every period: met when it fell in the current one; missed when a whole
      // earlier period passed without it; pending while the current period runs.
      const p = fixedPeriods(r.unit as 'calendar-years' | 'calendar-months', n, startDay);
      const cur = p.index(ref);
      const anchor = startOfLocalDay(p.first(cur));
      if (!Number.isNaN(lastDay) && p.index(lastDay) >= cur) return set(out, DeadlineCode.Met, anchor, startOfLocalDay(p.first(cur + 1)), last);
      const missing = !Number.isNaN(lastDay) ? p.index(lastDay) + 1 : !Number.isNaN(startDay) ? p.index(startDay) : cur;
      if (missing < cur) return set(out, DeadlineCode.Missed, startOfLocalDay(p.first(missing)), startOfLocalDay(p.first(missing + 1)), last);
      return set(out, DeadlineCode.Pending, anchor, startOfLocalDay(p.first(cur + 1)), last);
    }
    // Rolling periods: the next occurrence is due by the end of the day n months (days) after the
    // latest one, or after the start when there is none yet.
    const baseDay = Number.isNaN(lastDay) ? startDay : lastDay;
    if (Number.isNaN(baseDay)) return none(out, DeadlineCode.NoAnchor);
    const dueDay = r.unit === 'months' ? addMonths(baseDay, n) : baseDay + n;
    const anchor = Number.isNaN(last) ? s : last;
    const due = startOfLocalDay(dueDay + 1);
    if (evalDay !== undefined && evalDay > dueDay) return set(out, DeadlineCode.Missed, anchor, due, NaN);
    return set(out, Number.isNaN(last) ? DeadlineCode.Pending : DeadlineCode.Met, anchor, due, last);
  };
  return { decl: d.decl, rule: d, dayCounted: true, run: allocatingDeadline(runInto), runInto };
}

// ---- time windows -----------------------------------------------------------------------------

/** Which days a window is open on. */
export const DAY_SETS: Record<A.DaySet, (day: Day) => boolean> = {
  days: () => true,
  weekdays: (day) => weekday(day) <= 5,
  'working-days': (day) => isCountedDay(day, 'working'),
  'public-holidays': (day) => isPublicHoliday(day),
  'red-days': (day) => isRedDay(day),
  'days-off': (day) => !isCountedDay(day, 'working'),
};

/** The index of the first window an instant falls in (start inclusive, end exclusive), or -1. */
export function windowOf(windows: readonly A.TimeWindow[], t: number): number {
  const day = localDayOf(t);
  const second = localSecondOfDay(t) + (((t % 1000) + 1000) % 1000) / 1000;
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i];
    if (DAY_SETS[w.days](day) && second >= w.start.minutes * 60 && second < w.end.minutes * 60) return i;
  }
  return -1;
}

function compileWindows(d: CWindowDeadline): CompiledDeadline {
  const when: Condition | undefined = d.when ? compileCondition(d.when) : undefined;
  const subject = d.subject.slot;
  const windows = d.windows;
  const runInto = (c: CaseData, out: DeadlineOutcome): DeadlineOutcome => {
    const applies = !when || when(c);
    const t = applies ? c.events[subject] : NaN;
    out.code = !applies ? DeadlineCode.NotApplicable : Number.isNaN(t) ? DeadlineCode.NoAnchor : windowOf(windows, t) >= 0 ? DeadlineCode.Met : DeadlineCode.Missed;
    out.anchor = NaN;
    out.due = NaN;
    out.actual = t;
    return out;
  };
  return { decl: d.decl, rule: d, dayCounted: false, run: allocatingDeadline(runInto), runInto };
}
