// A deadline rule → a closure that answers: when was the event due, did it happen, in time?
import type * as A from '../../dsl/ast/ast';
import type { CDeadline, CWithinDeadline } from '../../dsl/checker/program';
import { addDays, localDayOf, startOfLocalDay, type DayKind } from '../calendar';
import { eventSlot, EVALUATION_DATE, type CaseData } from '../case/case-data';
import { compileExpr, compileTest, eventRefSlot, holds, type Test } from './expressions';

export const enum DeadlineCode {
  NotApplicable = 0,
  NoAnchor = 1,
  Met = 2,
  Missed = 3,
  Pending = 4,
}

export interface DeadlineOutcome {
  code: DeadlineCode;
  anchor: number; // epoch ms, NaN when unrecorded
  due: number; // epoch ms: the last moment allowed (elapsed) or the end of the due day (days), exclusive for days
  actual: number;
}

export interface CompiledDeadline {
  decl: A.Deadline;
  /** the deadline as the checker proved it: one of its three forms */
  rule: CDeadline;
  dayCounted: boolean;
  /** The outcome as a record of its own (or a shared, frozen one), which the caller may keep. */
  run(c: CaseData): DeadlineOutcome;
  /**
   * The same outcome without allocating: either `out`, filled in, or a shared, frozen record. `out` is
   * the caller's and is overwritten by the next call given it (see evaluateOutcomesInto).
   */
  runInto(c: CaseData, out: DeadlineOutcome): DeadlineOutcome;
}

export const DAY_KIND: Record<A.DayUnit, DayKind> = { days: 'calendar', 'calendar-days': 'calendar', weekdays: 'weekday', 'working-days': 'working' };

const DISCHARGED = eventSlot('discharged');
const DIED = eventSlot('died');
/** The outcome of a deadline whose condition does not hold: always the same, so built once, shared and frozen. */
const NOT_APPLICABLE: DeadlineOutcome = Object.freeze({ code: DeadlineCode.NotApplicable, anchor: NaN, due: NaN, actual: NaN }) as DeadlineOutcome;

/** A fresh deadline record, for a caller's buffer. */
export function deadlineRecord(): DeadlineOutcome {
  return { code: DeadlineCode.NotApplicable, anchor: NaN, due: NaN, actual: NaN };
}

/** `run` from `runInto`: fills a scratch record, then copies it into a record of its own. */
export function allocatingDeadline(runInto: (c: CaseData, out: DeadlineOutcome) => DeadlineOutcome): (c: CaseData) => DeadlineOutcome {
  const scratch = deadlineRecord();
  return (c) => {
    const o = runInto(c, scratch);
    return o === scratch ? { code: o.code, anchor: o.anchor, due: o.due, actual: o.actual } : o;
  };
}

/** The anchor is not recorded: the time has not started. */
function noAnchor(out: DeadlineOutcome, actual: number): DeadlineOutcome {
  out.code = DeadlineCode.NoAnchor;
  out.anchor = NaN;
  out.due = NaN;
  out.actual = actual;
  return out;
}

/** Fills `out` once the due time is known; `inTime` says whether a recorded subject event came in time. */
function settle(c: CaseData, out: DeadlineOutcome, anchor: number, due: number, actual: number, inTime: boolean): DeadlineOutcome {
  out.anchor = anchor;
  out.due = due;
  out.actual = actual;
  if (actual === actual) {
    out.code = inTime ? DeadlineCode.Met : DeadlineCode.Missed;
    return out;
  }
  // Not (yet) recorded: missed once the discharge or the evaluation date lies past the due time.
  // A discharge (or a death) at the due time itself closes the episode: nothing is recorded after it (NaN >= due is false).
  if (c.events[DISCHARGED] >= due || c.events[DIED] >= due) {
    out.code = DeadlineCode.Missed;
    return out;
  }
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  out.code = evalDay !== undefined && startOfLocalDay(evalDay + 1) > due ? DeadlineCode.Missed : DeadlineCode.Pending;
  return out;
}

export function compileDeadline(d: CWithinDeadline): CompiledDeadline {
  const when: Test | undefined = d.when ? compileTest(d.when) : undefined;
  const subject = d.subject.slot;
  // An anchor that is an event is read from its slot, without a call; otherwise the compiled expression.
  const anchorSlot = eventRefSlot(d.anchor);
  const anchor = compileExpr(d.anchor);
  const unit = d.within.unit;
  const n = d.within.value;
  const dayCounted = unit !== 'hours' && unit !== 'minutes';
  const elapsedMs = unit === 'hours' ? n * 3_600_000 : n * 60_000;
  const kind = dayCounted ? DAY_KIND[unit as A.DayUnit] : 'calendar';

  // One closure per way of finding the due time, so that each is small and sees few kinds of condition.
  // Elapsed time ends at its last moment (inclusive); day counts at the start of the next day (exclusive).
  // "Within N days after X": by the end of the N-th counted day after the day of X. Calendar days need
  // no counting: the day of X plus N (addDays truncates N the same way).
  const calendarDays = Math.trunc(n) + 1;
  let runInto: (c: CaseData, out: DeadlineOutcome) => DeadlineOutcome;
  if (!dayCounted) {
    runInto = (c, out) => {
      if (when !== undefined && !holds(when, c)) return NOT_APPLICABLE;
      const a = anchorSlot >= 0 ? c.events[anchorSlot] : (anchor(c) as number);
      const actual = c.events[subject];
      if (a !== a) return noAnchor(out, actual);
      const due = a + elapsedMs;
      return settle(c, out, a, due, actual, actual <= due);
    };
  } else if (kind === 'calendar') {
    runInto = (c, out) => {
      if (when !== undefined && !holds(when, c)) return NOT_APPLICABLE;
      const a = anchorSlot >= 0 ? c.events[anchorSlot] : (anchor(c) as number);
      const actual = c.events[subject];
      if (a !== a) return noAnchor(out, actual);
      const due = startOfLocalDay(localDayOf(a) + calendarDays);
      return settle(c, out, a, due, actual, actual < due);
    };
  } else {
    runInto = (c, out) => {
      if (when !== undefined && !holds(when, c)) return NOT_APPLICABLE;
      const a = anchorSlot >= 0 ? c.events[anchorSlot] : (anchor(c) as number);
      const actual = c.events[subject];
      if (a !== a) return noAnchor(out, actual);
      const due = startOfLocalDay(addDays(localDayOf(a), n, kind) + 1);
      return settle(c, out, a, due, actual, actual < due);
    };
  }
  return { decl: d.decl, rule: d, dayCounted, run: allocatingDeadline(runInto), runInto };
}

export { EVALUATION_DATE };
