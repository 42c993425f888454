// A payment rule → a closure that finds day 1, the grace days, the first payable day and the
// billable days of one episode. All day arithmetic is on integer Day numbers from the calendar tables.
import { yearValues } from './year-values';
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { addDays, isCountedDay, localDayOf, yearOfDay, dayFromYmd } from '../calendar';
import { eventSlot, EVALUATION_DATE, type CaseData } from '../case/case-data';
import { compileCondition, compileTest, holds, type CompileScope, type Condition } from './expressions';
import { DAY_KIND } from './deadline';

export const enum PaymentCode {
  NotStarted = 0, // the anchor event is not recorded
  Responsible = 1,
  RequirementUnmet = 2,
  Exempt = 3,
}

export interface PaymentOutcome {
  code: PaymentCode;
  clause: number; // index of the unmet requirement or the exemption that applied
  dayOne: number;
  dayOneClause: number; // index into decl.dayOne
  graceClause: number; // index into decl.grace
  lastGraceDay: number;
  firstPayable: number;
  lastBillable: number; // NaN while ongoing with no evaluation date
  billable: number; // NaN when unknown
  ongoing: boolean;
  amount: number; // NaN when no rate or a year without a value
  missingRateYear: number; // 0 when none
}

export interface CompiledPayment {
  decl: A.Payment;
  /** The outcome as a record of its own (or a shared, frozen one), which the caller may keep. */
  run(c: CaseData): PaymentOutcome;
  /**
   * The same outcome without allocating: either `out`, filled in, or a shared, frozen record. `out` is
   * the caller's and is overwritten by the next call given it (see evaluateOutcomesInto).
   */
  runInto(c: CaseData, out: PaymentOutcome): PaymentOutcome;
  /** The billable days from `first` to `last` by calendar year, with the year's rate: the years that have one ([] without a rate). */
  ratesUsed(first: number, last: number): { year: number; rate: number; days: number }[];
}

/** A fresh payment record, for a caller's buffer. */
export function paymentRecord(): PaymentOutcome {
  return {
    code: PaymentCode.NotStarted, clause: -1, dayOne: NaN, dayOneClause: -1, graceClause: -1, lastGraceDay: NaN,
    firstPayable: NaN, lastBillable: NaN, billable: NaN, ongoing: false, amount: NaN, missingRateYear: 0,
  };
}

interface Choice<T> {
  value: T;
  when?: Condition;
  index: number;
}

/** Conditional clauses are tried in order; the first that holds wins, else the unconditional one. */
function chooser<T>(clauses: A.Conditional<T>[], scope: CompileScope): (c: CaseData) => Choice<T> {
  const conditional: Choice<T>[] = [];
  let fallback: Choice<T> | undefined;
  clauses.forEach((cl, index) => {
    if (cl.when) conditional.push({ value: cl.value, when: compileCondition(cl.when, scope), index });
    else fallback ??= { value: cl.value, index };
  });
  const base = fallback!;
  if (conditional.length === 0) return () => base;
  if (conditional.length === 1) {
    const only = conditional[0];
    const when = only.when!;
    return (c) => (when(c) ? only : base);
  }
  return (c) => {
    for (let i = 0; i < conditional.length; i++) if (conditional[i].when!(c)) return conditional[i];
    return base;
  };
}

/** The clause chosen whatever the case: the unconditional one, when no clause has a condition. */
function always<T>(clauses: A.Conditional<T>[]): Choice<T> | undefined {
  if (clauses.some((cl) => cl.when)) return undefined;
  const index = clauses.findIndex((cl) => !cl.when);
  return index < 0 ? undefined : { value: clauses[index].value, index };
}

function rateTable(p: A.Parameter | undefined): Map<number, number> | undefined {
  return p ? yearValues(p, 'Money') : undefined;
}

export function compilePayment(p: A.Payment, scope: CompileScope): CompiledPayment {
  const anchor = eventSlot(lookupVocabulary(p.from!.text)!.id);
  const end = eventSlot(lookupVocabulary(p.to!.event.text)!.id);
  const inclusive = p.to!.inclusive;
  const dayOne = chooser(p.dayOne, scope);
  const grace = chooser(p.grace, scope);
  // Without conditions the clause is known now: no call per case.
  const dayOneAlways = always(p.dayOne);
  const graceAlways = always(p.grace);
  const requires = p.requires.map((r) => compileTest(r, scope));
  const exempt = p.exempt.map((e) => compileTest(e, scope));
  const rates = rateTable(p.rate ? scope.parameter(p.rate.text) : undefined);

  // The days from `first` to `last` that fall in calendar year y.
  const daysIn = (first: number, last: number, y: number): number => Math.min(last, dayFromYmd(y, 12, 31)) - Math.max(first, dayFromYmd(y, 1, 1)) + 1;

  // The amount over the years the days fall in, into the outcome (no intermediate object on the hot path).
  const amountInto = (out: PaymentOutcome, first: number, last: number): void => {
    if (!rates) return;
    const y0 = yearOfDay(first);
    const y1 = yearOfDay(last);
    if (y0 === y1) {
      const rate = rates.get(y0);
      if (rate === undefined) out.missingRateYear = y0;
      else out.amount = (last - first + 1) * rate;
      return;
    }
    let amount = 0;
    for (let y = y0; y <= y1; y++) {
      const rate = rates.get(y);
      if (rate === undefined) {
        out.missingRateYear = y;
        return;
      }
      amount += daysIn(first, last, y) * rate;
    }
    out.amount = amount;
  };

  const ratesUsed = (first: number, last: number): { year: number; rate: number; days: number }[] => {
    const used: { year: number; rate: number; days: number }[] = [];
    if (!rates || last < first) return used;
    for (let y = yearOfDay(first); y <= yearOfDay(last); y++) {
      const rate = rates.get(y);
      if (rate !== undefined) used.push({ year: y, rate, days: daysIn(first, last, y) });
    }
    return used;
  };

  // The outcomes without payment depend only on the clause that decided them: built once, shared, frozen.
  const fixed = (code: PaymentCode, clause: number): PaymentOutcome => Object.freeze({
    code, clause, dayOne: NaN, dayOneClause: -1, graceClause: -1, lastGraceDay: NaN,
    firstPayable: NaN, lastBillable: NaN, billable: NaN, ongoing: false, amount: NaN, missingRateYear: 0,
  }) as PaymentOutcome;
  const notStarted = fixed(PaymentCode.NotStarted, -1);
  const notStartedAt = requires.map((_, i) => fixed(PaymentCode.NotStarted, i));
  const unmetAt = requires.map((_, i) => fixed(PaymentCode.RequirementUnmet, i));
  const exemptAt = exempt.map((_, i) => fixed(PaymentCode.Exempt, i));

  const runInto = (c: CaseData, out: PaymentOutcome): PaymentOutcome => {
    const t = c.events[anchor];
    for (let i = 0; i < requires.length; i++) {
      if (!holds(requires[i], c)) return Number.isNaN(t) ? notStartedAt[i] : unmetAt[i];
    }
    if (Number.isNaN(t)) return notStarted;
    for (let i = 0; i < exempt.length; i++) {
      if (holds(exempt[i], c)) return exemptAt[i];
    }
    // Every field is written: `out` may hold the previous case's outcome.
    out.code = PaymentCode.Responsible;
    out.clause = -1;
    out.lastBillable = NaN;
    out.billable = NaN;
    out.ongoing = false;
    out.amount = NaN;
    out.missingRateYear = 0;
    const d1 = dayOneAlways ?? dayOne(c);
    out.dayOneClause = d1.index;
    const first = localDayOf(t) + (d1.value === 'next-day' ? 1 : 0);
    out.dayOne = first;
    const g = graceAlways ?? grace(c);
    out.graceClause = g.index;
    const n = g.value.n;
    let lastGrace: number;
    if (g.value.unit === 'days' || g.value.unit === 'calendar-days') {
      // Calendar days: every day counts, so the grace days are day 1 and the n-1 days after it.
      lastGrace = n === 0 ? first - 1 : first + Math.trunc(n - 1);
    } else {
      const kind = DAY_KIND[g.value.unit];
      // Grace days are the n counted days from day 1 (day 1 itself when it counts); payment runs from the next day.
      const firstCounted = isCountedDay(first, kind) ? first : addDays(first, 1, kind);
      lastGrace = n === 0 ? first - 1 : addDays(firstCounted, n - 1, kind);
    }
    out.lastGraceDay = lastGrace;
    const firstPayable = lastGrace + 1;
    out.firstPayable = firstPayable;
    const endT = c.events[end];
    let lastBillable = NaN;
    if (!Number.isNaN(endT)) lastBillable = localDayOf(endT) - (inclusive ? 0 : 1);
    else {
      out.ongoing = true;
      const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
      if (evalDay !== undefined) lastBillable = evalDay;
    }
    if (!Number.isNaN(lastBillable)) {
      out.lastBillable = lastBillable;
      const billable = Math.max(0, lastBillable - firstPayable + 1);
      out.billable = billable;
      if (billable === 0) out.amount = rates ? 0 : NaN;
      else amountInto(out, firstPayable, lastBillable);
    }
    return out;
  };

  // The allocating form: a scratch record filled, then copied into a record of its own.
  const scratch = paymentRecord();
  const run = (c: CaseData): PaymentOutcome => {
    const o = runInto(c, scratch);
    if (o !== scratch) return o;
    return {
      code: o.code, clause: o.clause, dayOne: o.dayOne, dayOneClause: o.dayOneClause, graceClause: o.graceClause, lastGraceDay: o.lastGraceDay,
      firstPayable: o.firstPayable, lastBillable: o.lastBillable, billable: o.billable, ongoing: o.ongoing, amount: o.amount, missingRateYear: o.missingRateYear,
    };
  };
  return { decl: p, run, runInto, ratesUsed };
}
