// Small helpers the hand-written baselines share, as a developer coding the rules by hand would write them.
import { dayFromYmd, startOfLocalDay, yearOfDay } from '../../engine/calendar';
import { EVALUATION_DATE, type CaseData } from '../../engine/case/case-data';
import type { RuleSummary } from '../../engine/export/jre-compare';

/** Deadline status codes, as in the compiled evaluator: 0 not applicable, 1 no anchor, 2 met, 3 missed, 4 pending. */
export const enum S {
  NotApplicable = 0,
  NoAnchor = 1,
  Met = 2,
  Missed = 3,
  Pending = 4,
}

/** Payment status codes, as in the compiled evaluator. */
export const enum P {
  NotStarted = 0,
  Responsible = 1,
  Unmet = 2,
  Exempt = 3,
  Pending = 4,
}

/**
 * An event not recorded: missed once the evaluation date has ended, or the patient left (discharged or died),
 * at or past the due time; else it can still come: pending.
 */
export function notRecorded(due: number, evalEnd: number, discharged: number, died: number): number {
  return evalEnd > due || discharged >= due || died >= due ? S.Missed : S.Pending;
}

/**
 * The earliest moment an event not yet recorded could still happen: the end of the evaluation date when one is
 * given, else the latest instant the case records (a requirement is pending if it would hold then).
 */
export function earliestStillPossible(c: CaseData): number {
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  if (evalDay !== undefined) return startOfLocalDay(evalDay + 1) - 1;
  const ev = c.events;
  let latest = -Infinity;
  for (let i = 0; i < ev.length; i++) if (ev[i] > latest) latest = ev[i];
  return latest;
}

/** Socialstyrelsen's amount per care day, by year (HSLF-FS 2018:67 for 2019; 9 300 kr for 2022). */
export const RATES: Record<number, number> = { 2019: 7800, 2022: 9300 };

/** The amount for the billable days `first`..`last` (Day numbers), each year at its rate; NaN when a year has none. */
export function amountOf(first: number, last: number): number {
  if (last < first) return 0;
  const y0 = yearOfDay(first);
  const y1 = yearOfDay(last);
  if (y0 === y1) {
    const rate = RATES[y0];
    return rate === undefined ? NaN : (last - first + 1) * rate;
  }
  let amount = 0;
  for (let y = y0; y <= y1; y++) {
    const rate = RATES[y];
    if (rate === undefined) return NaN;
    amount += (Math.min(last, dayFromYmd(y, 12, 31)) - Math.max(first, dayFromYmd(y, 1, 1)) + 1) * rate;
  }
  return amount;
}

const DEADLINE = ['not-applicable', 'not-applicable', 'met', 'missed', 'pending'];
const PAYMENT = ['not-started', 'responsible', 'not-responsible', 'not-responsible', 'pending'];
const nul = (x: number) => (x === x ? x : null);

export function deadlineSummary(rule: string, status: number, due: number): RuleSummary {
  return { rule, status: DEADLINE[status], due: status >= S.Met ? nul(due) : null };
}

export function paymentSummary(rule: string, code: number, firstPayable: number, billable: number, amount: number, iso: (d: number) => string): RuleSummary {
  const yes = code === P.Responsible;
  return { rule, status: PAYMENT[code], responsible: yes, firstPayableDay: yes ? iso(firstPayable) : null, billableDays: yes ? nul(billable) : null, amount: yes ? nul(amount) : null };
}
