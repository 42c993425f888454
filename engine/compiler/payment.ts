// A payment rule → a closure that finds day 1, the grace days, the first payable day and the
// billable days of one episode. All day arithmetic is on integer Day numbers from the calendar tables.
import { yearValues } from './year-values';
import type * as A from '../../dsl/ast/ast';
import type { CClause, CPayment } from '../../dsl/checker/program';
import { addDays, isCountedDay, localDayOf, startOfLocalDay, yearOfDay, dayFromYmd } from '../calendar';
import { readyPeriods, EVALUATION_DATE, type CaseData } from '../case/case-data';
import { compileCondition, compileTest, eventRefs, holds, type Condition } from './expressions';
import { DAY_KIND } from './deadline';

export const enum PaymentCode {
  NotStarted = 0, // the anchor event is not recorded
  Responsible = 1,
  RequirementUnmet = 2,
  Exempt = 3,
  Pending = 4, // a requirement does not hold yet, but still can: the events it names may still happen in time
}

/** How a period ended: the index of the end event that ended it (`to EVENT or EVENT…`), or one of these. */
export const END_OPEN = -1; // still in hospital (billable days to the evaluation date, or not counted)
export const END_WITHDRAWN = -2; // the anchor was withdrawn (`withdrawn by EVENT`)

/**
 * The outcome of a payment rule for one episode. The fields describe the first period — from the first anchor
 * event to its end; a history in which the anchor is withdrawn and given again has more periods, in `more`,
 * each an outcome of its own; the totals add every period up.
 */
export interface PaymentOutcome {
  code: PaymentCode;
  clause: number; // index of the unmet (or pending) requirement or of the exemption that applied
  lawRule: number; // -1: the clause is the rule's own; else the index of the law's conditions it is from (`subject to`)
  anchor: number; // the anchor instant (epoch ms) this period starts from, NaN when not started
  dayOne: number;
  dayOneClause: number; // index into decl.dayOne
  graceClause: number; // index into decl.grace
  lastGraceDay: number;
  firstPayable: number;
  lastBillable: number; // NaN while ongoing with no evaluation date
  billable: number; // NaN when unknown
  ongoing: boolean;
  end: number; // END_OPEN, END_WITHDRAWN or the index of the end event (0: `to EVENT`, 1…: its `or EVENT`s)
  amount: number; // NaN when no rate or a year without a value
  missingRateYear: number; // 0 when none
  more: PaymentOutcome[] | null; // the later periods of a history with withdrawals
  totalBillable: number; // every period's billable days; NaN when one is unknown
  totalAmount: number; // every period's amount; NaN when one is unknown
}

/** A rule's conditions (requires, exempt), compiled: its own, or the law's that bind it (`subject to`). */
export interface CompiledConditions {
  decl: A.Payment;
  rule: CPayment;
  /** the agreement (and version) the conditions are from, when they are the law's that bind another agreement's rule */
  from?: { agreement: string; version: string; source?: string };
  /** The first condition that fails for the period whose view `c` is, as a code with its clause; Responsible when all hold. */
  check(c: CaseData, closed: boolean): { code: PaymentCode; clause: number };
}

export interface CompiledPayment {
  decl: A.Payment;
  rule: CPayment;
  conditions: CompiledConditions;
  /** The law's conditions that bind this rule, set when the policy set links a policy to the law it is made under. */
  law: CompiledConditions[];
  /** The outcome as a record of its own (or a shared, frozen one), which the caller may keep. */
  run(c: CaseData): PaymentOutcome;
  /**
   * The same outcome without allocating (for a case without a history): either `out`, filled in, or a shared,
   * frozen record. `out` is the caller's and is overwritten by the next call given it (see evaluateOutcomesInto).
   */
  runInto(c: CaseData, out: PaymentOutcome): PaymentOutcome;
  /** The billable days from `first` to `last` by calendar year, with the year's rate: the years that have one ([] without a rate). */
  ratesUsed(first: number, last: number): { year: number; rate: number; days: number }[];
}

/** A fresh payment record, for a caller's buffer. */
export function paymentRecord(): PaymentOutcome {
  return {
    code: PaymentCode.NotStarted, clause: -1, lawRule: -1, anchor: NaN, dayOne: NaN, dayOneClause: -1, graceClause: -1, lastGraceDay: NaN,
    firstPayable: NaN, lastBillable: NaN, billable: NaN, ongoing: false, end: END_OPEN, amount: NaN, missingRateYear: 0,
    more: null, totalBillable: NaN, totalAmount: NaN,
  };
}

/** A copy of a record, into a record of its own. */
export function copyPayment(o: PaymentOutcome): PaymentOutcome {
  return { ...o, more: o.more ? o.more.map(copyPayment) : null };
}

interface Choice<T> {
  value: T;
  when?: Condition;
  index: number;
}

/** Conditional clauses are tried in order; the first that holds wins, else the unconditional one. */
function chooser<T>(clauses: CClause<T>[]): (c: CaseData) => Choice<T> {
  const conditional: { value: T; when: Condition; index: number }[] = [];
  // The checker proved there is exactly one clause without a condition.
  let base: Choice<T> = { value: clauses[0].value, index: clauses[0].index };
  for (const cl of clauses) {
    if (cl.when) conditional.push({ value: cl.value, when: compileCondition(cl.when), index: cl.index });
    else base = { value: cl.value, index: cl.index };
  }
  if (conditional.length === 0) return () => base;
  if (conditional.length === 1) {
    const only = conditional[0];
    const when = only.when;
    return (c) => (when(c) ? only : base);
  }
  return (c) => {
    for (let i = 0; i < conditional.length; i++) if (conditional[i].when(c)) return conditional[i];
    return base;
  };
}

/** The clause chosen whatever the case: the unconditional one, when no clause has a condition. */
function always<T>(clauses: CClause<T>[]): Choice<T> | undefined {
  if (clauses.some((cl) => cl.when)) return undefined;
  const index = clauses.findIndex((cl) => !cl.when);
  return index < 0 ? undefined : { value: clauses[index].value, index };
}

function rateTable(p: A.Parameter | undefined): Map<number, number> | undefined {
  return p ? yearValues(p, 'Money') : undefined;
}


const ALL_HOLD = Object.freeze({ code: PaymentCode.Responsible, clause: -1 });

/**
 * The earliest moment an event not yet recorded could still happen: the end of the evaluation date when one
 * is given, else the latest instant the case records. A condition that would hold if its missing events
 * happened then is pending, not unmet.
 */
function earliestStillPossible(c: CaseData): number {
  const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
  if (evalDay !== undefined) return startOfLocalDay(evalDay + 1) - 1;
  let latest = -Infinity;
  for (let i = 0; i < c.events.length; i++) if (c.events[i] > latest) latest = c.events[i];
  const h = c.history;
  if (h) for (const times of h) if (times && times[times.length - 1] > latest) latest = times[times.length - 1];
  return latest;
}

/** Requirements, then exemptions: unmet and exempt are final; a requirement that can still be met is pending. */
export function compileConditions(p: CPayment): CompiledConditions {
  const requires = p.requires.map((r) => compileTest(r));
  const refs = p.requires.map((r) => eventRefs(r));
  const exempt = p.exempt.map((e) => compileTest(e));
  const unmetAt = requires.map((_, i) => Object.freeze({ code: PaymentCode.RequirementUnmet, clause: i }));
  const pendingAt = requires.map((_, i) => Object.freeze({ code: PaymentCode.Pending, clause: i }));
  const exemptAt = exempt.map((_, i) => Object.freeze({ code: PaymentCode.Exempt, clause: i }));
  // Whether requirement i would hold if the events it names that are not recorded happened at the earliest moment
  // still possible: the requirement is tested on the case itself with those events set to `now`, and they are put
  // back (not recorded) before returning. No copy of the case, no allocation; the caller's case is as it was.
  const set = refs.map((slots) => new Int32Array(slots.length));
  const couldHold = (i: number, c: CaseData): boolean => {
    const slots = refs[i];
    const ev = c.events;
    let missing = false;
    for (let k = 0; k < slots.length; k++) if (ev[slots[k]] !== ev[slots[k]]) missing = true;
    if (!missing) return false;
    const now = earliestStillPossible(c);
    if (!Number.isFinite(now)) return false;
    const changed = set[i];
    let n = 0;
    for (let k = 0; k < slots.length; k++) {
      if (ev[slots[k]] === ev[slots[k]]) continue;
      ev[slots[k]] = now;
      changed[n++] = slots[k];
    }
    try {
      return holds(requires[i], c);
    } finally {
      for (let k = 0; k < n; k++) ev[changed[k]] = NaN;
    }
  };
  return {
    decl: p.decl,
    rule: p,
    check(c, closed) {
      let pending = -1;
      for (let i = 0; i < requires.length; i++) {
        if (holds(requires[i], c)) continue;
        if (closed || !couldHold(i, c)) return unmetAt[i];
        if (pending < 0) pending = i;
      }
      for (let i = 0; i < exempt.length; i++) if (holds(exempt[i], c)) return exemptAt[i];
      return pending >= 0 ? pendingAt[pending] : ALL_HOLD;
    },
  };
}

export function compilePayment(p: CPayment): CompiledPayment {
  const anchor = p.anchor.slot;
  const ends = p.end.events.map((e) => e.slot);
  const inclusive = p.end.inclusive;
  const withdrawal = p.withdrawal ? p.withdrawal.event.slot : -1;
  const withdrawalInclusive = p.withdrawal?.inclusive ?? false;
  const dayOne = chooser(p.dayOne);
  const grace = chooser(p.grace);
  // Without conditions the clause is known now: no call per case.
  const dayOneAlways = always(p.dayOne);
  const graceAlways = always(p.grace);
  const conditions = compileConditions(p);
  const law: CompiledConditions[] = [];
  const rates = rateTable(p.rate);

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
  const fixed = (code: PaymentCode, clause: number, lawRule = -1, anchorAt = NaN): PaymentOutcome => Object.freeze({
    ...paymentRecord(), code, clause, lawRule, anchor: anchorAt,
  }) as PaymentOutcome;
  const notStarted = fixed(PaymentCode.NotStarted, -1);
  const byCode = new Map<number, PaymentOutcome>();
  const decided = (code: PaymentCode, clause: number, lawRule: number): PaymentOutcome => {
    // A number, not a string: no text is built per case (a rule has far fewer than 4,096 clauses and 64 laws).
    const key = code * 262_144 + (clause + 1) * 64 + (lawRule + 1);
    let o = byCode.get(key);
    if (!o) byCode.set(key, (o = fixed(code, clause, lawRule)));
    return o;
  };

  /** The stay's end: the first end event recorded, as [instant, index], or [NaN, END_OPEN]. */
  const stayEnd = (c: CaseData): number => {
    let t = NaN;
    for (let i = 0; i < ends.length; i++) {
      const x = c.events[ends[i]];
      if (x === x && !(x >= t)) t = x;
    }
    return t;
  };
  const endIndex = (c: CaseData, t: number): number => {
    for (let i = 0; i < ends.length; i++) if (c.events[ends[i]] === t) return i;
    return END_OPEN;
  };

  /**
   * One period: from the anchor instant `a` to the stay's end or the withdrawal at `w` (NaN: none), read on
   * `c`, the case as this period sees it (its own anchor and withdrawal in their slots).
   */
  const period = (c: CaseData, out: PaymentOutcome, a: number, w: number): PaymentOutcome => {
    const endT = ends.length === 1 ? c.events[ends[0]] : stayEnd(c);
    // Not started (no anchor), ended or withdrawn: nothing can still happen for this period, so nothing is pending.
    const closed = a !== a || endT === endT || w === w;
    let verdict = conditions.check(c, closed);
    let lawRule = -1;
    if (verdict.code === PaymentCode.Responsible || verdict.code === PaymentCode.Pending) {
      for (let k = 0; k < law.length; k++) {
        const v = law[k].check(c, closed);
        if (v.code === PaymentCode.Responsible) continue;
        if (v.code === PaymentCode.Pending && verdict.code === PaymentCode.Pending) continue;
        verdict = v;
        lawRule = k;
        if (v.code !== PaymentCode.Pending) break;
      }
    }
    if (a !== a) return verdict.code === PaymentCode.Responsible ? notStarted : decided(PaymentCode.NotStarted, verdict.clause, lawRule);
    if (verdict.code === PaymentCode.RequirementUnmet || verdict.code === PaymentCode.Exempt) return decided(verdict.code, verdict.clause, lawRule);
    // Every field is written: `out` may hold the previous case's outcome.
    out.code = verdict.code;
    out.clause = verdict.clause;
    out.lawRule = lawRule;
    out.anchor = a;
    out.lastBillable = NaN;
    out.billable = NaN;
    out.ongoing = false;
    out.end = END_OPEN;
    out.amount = NaN;
    out.missingRateYear = 0;
    out.more = null;
    const d1 = dayOneAlways ?? dayOne(c);
    out.dayOneClause = d1.index;
    const first = localDayOf(a) + (d1.value === 'next-day' ? 1 : 0);
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
    let lastBillable = NaN;
    if (endT === endT) {
      lastBillable = localDayOf(endT) - (inclusive ? 0 : 1);
      out.end = ends.length === 1 ? 0 : endIndex(c, endT);
    }
    if (w === w) {
      const lastBeforeWithdrawal = localDayOf(w) - (withdrawalInclusive ? 0 : 1);
      if (!(lastBillable <= lastBeforeWithdrawal)) {
        lastBillable = lastBeforeWithdrawal;
        out.end = END_WITHDRAWN;
      }
    }
    if (lastBillable !== lastBillable) {
      out.ongoing = true;
      const evalDay = c.facts[EVALUATION_DATE] as number | undefined;
      if (evalDay !== undefined) lastBillable = evalDay;
    }
    // A pending period has no billable days yet: payment responsibility is not established.
    if (lastBillable === lastBillable && verdict.code === PaymentCode.Responsible) {
      out.lastBillable = lastBillable;
      const billable = Math.max(0, lastBillable - firstPayable + 1);
      out.billable = billable;
      if (billable === 0) out.amount = rates ? 0 : NaN;
      else amountInto(out, firstPayable, lastBillable);
    }
    out.totalBillable = out.billable;
    out.totalAmount = out.amount;
    return out;
  };

  /**
   * A history: its ready periods (readyPeriods), each read on a view of the case in which the anchor and the
   * withdrawal are that period's.
   */
  const periods = (c: CaseData, out: PaymentOutcome): PaymentOutcome => {
    const list = readyPeriods(c, anchor, withdrawal);
    if (list.length === 0) return period(c, out, NaN, NaN);
    const results: PaymentOutcome[] = [];
    for (let k = 0; k < list.length; k++) {
      const [a, w] = list[k];
      const view: CaseData = { events: c.events.slice(), facts: c.facts };
      view.events[anchor] = a;
      if (withdrawal >= 0) view.events[withdrawal] = w;
      const o = period(view, k === 0 ? out : paymentRecord(), a, w);
      results.push(o === out || !Object.isFrozen(o) ? o : { ...o });
    }
    const head = results[0] === out ? out : Object.assign(out, results[0]);
    head.more = results.length > 1 ? results.slice(1) : null;
    let total = 0;
    let amount = 0;
    for (const r of results) {
      if (r.code !== PaymentCode.Responsible) continue;
      total += r.billable;
      amount += r.amount;
    }
    head.totalBillable = results.some((r) => r.code === PaymentCode.Responsible) ? total : NaN;
    head.totalAmount = head.totalBillable === head.totalBillable ? amount : NaN;
    return head;
  };

  const runInto = (c: CaseData, out: PaymentOutcome): PaymentOutcome => {
    // A history: the periods. Else one period, read on the case itself, ended by a withdrawal at or after its
    // anchor when the rule reads one (a withdrawal before the anchor withdraws nothing of it).
    const a = c.events[anchor];
    const w = withdrawal >= 0 ? c.events[withdrawal] : NaN;
    if (c.history !== undefined) return periods(c, out);
    if (w < a) {
      // A withdrawal before the anchor (which a validated case never has) withdraws nothing of it: the period is read
      // as the history's way reads it, on the case without the withdrawal — the case itself, the withdrawal put back after.
      c.events[withdrawal] = NaN;
      try {
        return period(c, out, a, NaN);
      } finally {
        c.events[withdrawal] = w;
      }
    }
    return period(c, out, a, w);
  };

  // The allocating form: a scratch record filled, then copied into a record of its own.
  const scratch = paymentRecord();
  const run = (c: CaseData): PaymentOutcome => {
    const o = runInto(c, scratch);
    return o === scratch ? copyPayment(o) : o;
  };
  return { decl: p.decl, rule: p, conditions, law, run, runInto, ratesUsed };
}
