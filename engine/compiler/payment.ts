// A payment rule → a closure that finds day 1, the grace days, the first payable day and the
// billable days of one episode. All day arithmetic is on integer Day numbers from the calendar tables.
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { addDays, isCountedDay, localDayOf, yearOfDay, dayFromYmd } from '../calendar';
import { eventSlot, EVALUATION_DATE, type CaseData } from '../case/case-data';
import { compileCondition, type CompileScope, type Condition } from './expressions';
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
  run(c: CaseData): PaymentOutcome;
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

function rateTable(p: A.Parameter | undefined): Map<number, number> | undefined {
  if (!p) return undefined;
  return new Map(p.values.filter((v) => v.value.kind === 'Money').map((v) => [v.year, (v.value as A.MoneyLit).value]));
}

export function compilePayment(p: A.Payment, scope: CompileScope): CompiledPayment {
  const anchor = eventSlot(lookupVocabulary(p.from!.text)!.id);
  const end = eventSlot(lookupVocabulary(p.to!.event.text)!.id);
  const inclusive = p.to!.inclusive;
  const dayOne = chooser(p.dayOne, scope);
  const grace = chooser(p.grace, scope);
  const requires = p.requires.map((r) => compileCondition(r, scope));
  const exempt = p.exempt.map((e) => compileCondition(e, scope));
  const rates = rateTable(p.rate ? scope.parameter(p.rate.text) : undefined);

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
      const from = Math.max(first, dayFromYmd(y, 1, 1));
      const to = Math.min(last, dayFromYmd(y, 12, 31));
      const rate = rates.get(y);
      if (rate === undefined) {
        out.missingRateYear = y;
        return;
      }
      amount += (to - from + 1) * rate;
    }
    out.amount = amount;
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

  return {
    decl: p,
    run(c) {
      const t = c.events[anchor];
      for (let i = 0; i < requires.length; i++) {
        if (!requires[i](c)) return Number.isNaN(t) ? notStartedAt[i] : unmetAt[i];
      }
      if (Number.isNaN(t)) return notStarted;
      for (let i = 0; i < exempt.length; i++) {
        if (exempt[i](c)) return exemptAt[i];
      }
      const out: PaymentOutcome = {
        code: PaymentCode.Responsible, clause: -1, dayOne: NaN, dayOneClause: -1, graceClause: -1, lastGraceDay: NaN,
        firstPayable: NaN, lastBillable: NaN, billable: NaN, ongoing: false, amount: NaN, missingRateYear: 0,
      };
      const d1 = dayOne(c);
      out.dayOneClause = d1.index;
      out.dayOne = localDayOf(t) + (d1.value === 'next-day' ? 1 : 0);
      const g = grace(c);
      out.graceClause = g.index;
      const n = g.value.n;
      if (g.value.unit === 'days' || g.value.unit === 'calendar-days') {
        // Calendar days: every day counts, so the grace days are day 1 and the n-1 days after it.
        out.lastGraceDay = n === 0 ? out.dayOne - 1 : out.dayOne + Math.trunc(n - 1);
      } else {
        const kind = DAY_KIND[g.value.unit];
        // Grace days are the n counted days from day 1 (day 1 itself when it counts); payment runs from the next day.
        const firstCounted = isCountedDay(out.dayOne, kind) ? out.dayOne : addDays(out.dayOne, 1, kind);
        out.lastGraceDay = n === 0 ? out.dayOne - 1 : addDays(firstCounted, n - 1, kind);
      }
      out.firstPayable = out.lastGraceDay + 1;
      const endT = c.events[end];
      if (!Number.isNaN(endT)) out.lastBillable = localDayOf(endT) - (inclusive ? 0 : 1);
      else {
        out.ongoing = true;
        const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
        if (evalDay !== undefined) out.lastBillable = evalDay;
      }
      if (!Number.isNaN(out.lastBillable)) {
        out.billable = Math.max(0, out.lastBillable - out.firstPayable + 1);
        if (out.billable === 0) out.amount = rates ? 0 : NaN;
        else amountInto(out, out.firstPayable, out.lastBillable);
      }
      return out;
    },
  };
}
