// Small helpers the hand-written baselines share, as a developer coding the rules by hand would write them.
import type { RuleSummary } from '../../engine/export/jre-compare';

/** Deadline status codes, as in the compiled evaluator: 0 not applicable, 1 no anchor, 2 met, 3 missed, 4 pending. */
export const enum S {
  NotApplicable = 0,
  NoAnchor = 1,
  Met = 2,
  Missed = 3,
  Pending = 4,
}

/** An event not recorded: missed once the evaluation date has ended, or the patient left, at or past the due time. */
export function notRecorded(due: number, evalEnd: number, discharged: number): number {
  return evalEnd > due || discharged >= due ? S.Missed : S.Pending;
}

const DEADLINE = ['not-applicable', 'not-applicable', 'met', 'missed', 'pending'];
const PAYMENT = ['not-started', 'responsible', 'not-responsible', 'not-responsible'];
const nul = (x: number) => (x === x ? x : null);

export function deadlineSummary(rule: string, status: number, due: number): RuleSummary {
  return { rule, status: DEADLINE[status], due: status >= S.Met ? nul(due) : null };
}

export function paymentSummary(rule: string, code: number, firstPayable: number, billable: number, amount: number, iso: (d: number) => string): RuleSummary {
  const yes = code === 1;
  return { rule, status: PAYMENT[code], responsible: yes, firstPayableDay: yes ? iso(firstPayable) : null, billableDays: yes ? nul(billable) : null, amount: yes ? nul(amount) : null };
}
