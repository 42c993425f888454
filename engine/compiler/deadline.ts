// A deadline rule → a closure that answers: when was the event due, did it happen, in time?
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { addDays, localDayOf, startOfLocalDay, type DayKind } from '../calendar';
import { eventSlot, EVALUATION_DATE, factSlot, type CaseData } from '../case/case-data';
import { compileCondition, compileExpr, type CompileScope, type Condition } from './expressions';

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
  dayCounted: boolean;
  run(c: CaseData): DeadlineOutcome;
}

export const DAY_KIND: Record<A.DayUnit, DayKind> = { days: 'calendar', 'calendar-days': 'calendar', weekdays: 'weekday', 'working-days': 'working' };

const DISCHARGED = eventSlot('discharged');
/** The outcome of a deadline whose condition does not hold: always the same, so built once, shared and frozen. */
const NOT_APPLICABLE: DeadlineOutcome = Object.freeze({ code: DeadlineCode.NotApplicable, anchor: NaN, due: NaN, actual: NaN }) as DeadlineOutcome;

export function compileDeadline(d: A.Deadline, scope: CompileScope): CompiledDeadline {
  const when: Condition | undefined = d.when ? compileCondition(d.when, scope) : undefined;
  const subject = eventSlot(lookupVocabulary(d.subject!.text)!.id);
  const anchor = compileExpr(d.anchor!, scope);
  const unit = d.within!.unit;
  const n = d.within!.value;
  const dayCounted = unit !== 'hours' && unit !== 'minutes';
  const elapsedMs = unit === 'hours' ? n * 3_600_000 : n * 60_000;
  const kind = dayCounted ? DAY_KIND[unit as A.DayUnit] : 'calendar';
  const evalSlot = factSlot('evaluation_date');

  // "Within N days after X": by the end of the N-th counted day after the day of X.
  // Calendar days need no counting: the day of X plus N (addDays truncates N the same way).
  const calendarDays = Math.trunc(n) + 1;
  const dueOf = !dayCounted
    ? (t: number) => t + elapsedMs
    : kind === 'calendar'
      ? (t: number) => startOfLocalDay(localDayOf(t) + calendarDays)
      : (t: number) => startOfLocalDay(addDays(localDayOf(t), n, kind) + 1);
  // Day counts end at the start of the next day (exclusive); elapsed time at its last moment (inclusive).
  const inTime = (actual: number, due: number) => (dayCounted ? actual < due : actual <= due);

  return {
    decl: d,
    dayCounted,
    run(c) {
      if (when && !when(c)) return NOT_APPLICABLE;
      const a = anchor(c) as number;
      const actual = c.events[subject];
      if (Number.isNaN(a)) return { code: DeadlineCode.NoAnchor, anchor: a, due: NaN, actual };
      const due = dueOf(a);
      if (!Number.isNaN(actual)) return { code: inTime(actual, due) ? DeadlineCode.Met : DeadlineCode.Missed, anchor: a, due, actual };
      // Not (yet) recorded: missed once the evaluation date or the discharge lies past the due time.
      const evalDay = c.facts[evalSlot] as number | undefined;
      // A discharge at the due time itself closes the episode: nothing is recorded after it.
      const evalNow = evalDay === undefined ? -Infinity : startOfLocalDay(evalDay + 1);
      const discharged = c.events[DISCHARGED];
      const passed = evalNow > due || (!Number.isNaN(discharged) && discharged >= due);
      return { code: passed ? DeadlineCode.Missed : DeadlineCode.Pending, anchor: a, due, actual };
    },
  };
}

export { EVALUATION_DATE };
