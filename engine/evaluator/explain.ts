// Turns raw outcomes into the JSON result: dates as text, and each decision as an explanation step
// that names its rule, the interpretations it relies on and the values it used.
//
// The texts made here (and in explain-timing.ts, explain-computed.ts) keep to Latin-1 — no dashes or arrows
// beyond it: an answer whose every character is Latin-1 is a one-byte string in V8, and the HTTP service
// spends about a tenth less CPU per explained answer on it (JSON.stringify, UTF-8 length and encoding) than
// on a two-byte one, which one em dash made of every Värmland answer (docs/performance.md). The policy's own
// texts (titles, quotes) are given as written. Swedish keeps to Latin-1 too (å, ä, ö and × are in it).
//
// Every text is a message of the catalogue (dsl/messages/explain.ts), rendered in the language asked for
// (Swedish by default); expressions are printed with that language's keywords.
import type * as A from '../../dsl/ast/ast';
import type { CPayment, CWithinDeadline, EventSym, TExpr } from '../../dsl/checker/program';
import { render, type MsgLang } from '../../dsl/messages/render';
import { EXPLAIN_MESSAGES as X } from '../../dsl/messages/explain';
import type { CaseData } from '../case/case-data';
import { dayToIso, formatInstantLocal, formatInstantUtc, localDayOf } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledDeadline, DeadlineOutcome } from '../compiler/deadline';
import { DeadlineCode } from '../compiler/deadline';
import type { CompiledPayment, PaymentOutcome } from '../compiler/payment';
import { END_WITHDRAWN, PaymentCode } from '../compiler/payment';
import type { CitationOut, Citations, DeadlineResult, DeadlineStatus, ExplanationStep, PaymentPeriod, PaymentResult, PaymentStatus, Warning } from './result';
import { exprText } from './expr-text';
import { presentTimingDeadline } from './explain-timing';

export function citations(cites: A.Citation[], defaultFile: string): CitationOut[] {
  return cites.map((c) => ({ file: c.file?.value ?? defaultFile, heading: c.heading.value, ...(c.quote ? { quote: c.quote.value } : {}) }));
}

const seen = new WeakMap<A.Name[], readonly string[]>();

/**
 * The interpretations a rule relies on, as its explanation steps carry them: made once per rule of a compiled
 * policy (its AST never changes) and frozen, as every result of that rule shares them.
 */
export function interpretationsOf(d: { see: A.Name[] }): readonly string[] {
  let s = seen.get(d.see);
  if (!s) {
    s = Object.freeze(d.see.map((n) => n.text));
    seen.set(d.see, s);
  }
  return s;
}

export const NO_CITATIONS: Citations = Object.freeze({});

const iso = (day: number): string | null => (Number.isNaN(day) ? null : dayToIso(day));
const local = (t: number): string | null => (Number.isNaN(t) ? null : formatInstantLocal(t));
const isoInstant = (t: number): string | null => (Number.isNaN(t) ? null : formatInstantUtc(t));

/** Deadline outcome codes → statuses (indexed by DeadlineCode). */
export const DEADLINE_STATUS: readonly DeadlineStatus[] = (() => {
  const t: DeadlineStatus[] = [];
  t[DeadlineCode.NotApplicable] = 'not-applicable';
  t[DeadlineCode.NoAnchor] = 'not-applicable';
  t[DeadlineCode.Met] = 'met';
  t[DeadlineCode.Missed] = 'missed';
  t[DeadlineCode.Pending] = 'pending';
  return t;
})();

function deadlineReason(d: CWithinDeadline, o: DeadlineOutcome, dueText: string | null, lang: MsgLang): string {
  const subject = d.subject.name;
  switch (o.code) {
    case DeadlineCode.NotApplicable: return X['reason.notApplicable'][lang]({ cond: d.when ? exprText(d.when.ast, lang) : '' }, lang);
    case DeadlineCode.NoAnchor: return X['reason.deadline.noAnchor'][lang]({ anchor: exprText(d.anchor.ast, lang) }, lang);
    case DeadlineCode.Met: return X['reason.deadline.met'][lang]({ subject, actual: local(o.actual), due: dueText }, lang);
    case DeadlineCode.Missed: return Number.isNaN(o.actual) ? X['reason.deadline.missedNone'][lang]({ subject, due: dueText }, lang) : X['reason.deadline.missedLate'][lang]({ subject, actual: local(o.actual), due: dueText }, lang);
    default: return X['reason.deadline.pending'][lang]({ subject, due: dueText }, lang);
  }
}

export function presentDeadline(p: CompiledPolicy, r: CompiledDeadline, o: DeadlineOutcome, steps: ExplanationStep[] | undefined, lang: MsgLang = 'sv'): DeadlineResult {
  const checked = r.rule;
  if (checked.form !== 'within') return presentTimingDeadline(p, r, checked, o, steps, lang);
  const d = r.decl;
  const status = DEADLINE_STATUS[o.code];
  const dueText = Number.isNaN(o.due) ? null : r.dayCounted ? `${dayToIso(localDayOf(o.due - 1))} 24:00` : formatInstantLocal(o.due);
  const reason = deadlineReason(checked, o, dueText, lang);
  const actual = local(o.actual);
  if (steps) {
    steps.push({
      rule: d.id.text, title: d.title?.value,
      text: X['explain.deadline'][lang]({ id: d.id.text, subject: checked.subject.name, n: checked.within.value, unit: checked.within.unit, anchor: exprText(checked.anchor.ast, lang), status, reason }, lang),
      interpretations: interpretationsOf(d),
      values: { anchor: local(o.anchor), due: dueText, actual, status },
    });
  }
  return { id: d.id.text, title: d.title?.value, status, due: dueText, dueInstant: isoInstant(r.dayCounted ? o.due - 1 : o.due), actual, reason };
}

function pushStep(steps: ExplanationStep[], d: A.Payment, text: string, values: ExplanationStep['values']): void {
  steps.push({ rule: d.id.text, title: d.title?.value, text, interpretations: interpretationsOf(d), values });
}

/**
 * "Meddelandet om utskrivningsklar skickades måndag 7 januari 2019 kl. 13.00, efter brytpunkten kl. 12.00": the
 * cutoff test of a clause with the case's time, when the condition is just that test of a recorded event.
 * `holds` says whether the clause's condition held (the clause applied) or not (an earlier one did not).
 */
function cutoffSentence(when: TExpr | undefined, c: CaseData | undefined, holds: boolean, lang: MsgLang): string | undefined {
  if (!c || when?.kind !== 'CutoffTest' || when.subject.kind !== 'Event') return undefined;
  const ev = when.subject.event;
  const at = c.events[ev.slot];
  if (Number.isNaN(at)) return undefined;
  return X['explain.cutoff'][lang]({ ev: ev.entry.id, name: ev.name, at: formatInstantLocal(at), side: when.side, holds, time: when.cutoff.time.text }, lang);
}

/** The clause that decided an outcome without payment (or a pending one): the rule's own, or the law's. */
export function decidingClause(r: CompiledPayment, o: PaymentOutcome): { decl: A.Payment; expr: A.Expr; law?: { agreement: string; version: string } } | undefined {
  const conditions = o.lawRule >= 0 ? r.law[o.lawRule] : r.conditions;
  if (!conditions || o.clause < 0) return undefined;
  const decl = conditions.decl;
  const expr = o.code === PaymentCode.Exempt ? decl.exempt[o.clause] : decl.requires[o.clause];
  return expr ? { decl, expr, law: o.lawRule >= 0 ? conditions.from : undefined } : undefined;
}

/** The end event that ended a period, or undefined (withdrawn, or still in hospital). */
const endEvent = (r: CPayment, o: PaymentOutcome): EventSym | undefined => (o.end >= 0 ? r.end.events[o.end] : undefined);

/** How a period ended, as the result says it: the end event's id (the key in a case's `events`), 'withdrawn', or null while in hospital. */
export const endedBy = (r: CPayment, o: PaymentOutcome): string | null => (o.end === END_WITHDRAWN ? 'withdrawn' : endEvent(r, o)?.entry.id ?? null);

/** One period's result and its explanation steps. */
function presentPeriod(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, steps: ExplanationStep[] | undefined, warnings: Warning[], n: number, of: number, lang: MsgLang, c?: CaseData): PaymentPeriod {
  const d = r.decl;
  const checked = r.rule;
  const rateName = d.rate?.text;
  const id = d.id.text;
  const from = checked.anchor.name;
  const label = of > 1 ? X['explain.payment.periodLabel'][lang]({ n, of, from, at: local(o.anchor) }, lang) : '';
  const period: PaymentPeriod = {
    status: 'not-started', from: local(o.anchor) ?? '', endedBy: null, dayOne: null, firstPayableDay: null, lastBillableDay: null,
    billableDays: null, amount: null, ratesUsed: [], reason: '',
  };
  if (o.code === PaymentCode.NotStarted) {
    period.reason = X['reason.payment.notStarted'][lang]({ from }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.notStarted'][lang]({ id, reason: period.reason }, lang), {});
    return period;
  }
  const deciding = decidingClause(r, o);
  const whose = deciding?.law ? X['reason.payment.lawWhose'][lang]({ agreement: deciding.law.agreement, version: deciding.law.version, rule: deciding.decl.id.text }, lang) : '';
  if (o.code === PaymentCode.RequirementUnmet) {
    period.status = 'not-responsible';
    const requirement = deciding ? exprText(deciding.expr, lang) : '?';
    period.reason = X['reason.payment.requirementUnmetLaw'][lang]({ requirement, whose }, lang);
    if (steps) pushStep(steps, d, label + X['explain.payment.requirementUnmet'][lang]({ id, reason: period.reason }, lang), { requirement });
    return period;
  }
  if (o.code === PaymentCode.Exempt) {
    period.status = 'not-responsible';
    const exemption = deciding ? exprText(deciding.expr, lang) : '?';
    period.reason = X['reason.payment.exemptLaw'][lang]({ exemption, whose }, lang);
    if (steps) pushStep(steps, d, label + X['explain.payment.exempt'][lang]({ id, reason: period.reason }, lang), { exemption });
    return period;
  }
  const dayOneClause = d.dayOne[o.dayOneClause];
  const graceClause = d.grace[o.graceClause];
  period.dayOne = iso(o.dayOne);
  period.firstPayableDay = iso(o.firstPayable);
  period.endedBy = endedBy(checked, o);
  const lastGraceDay = iso(o.lastGraceDay);
  if (steps) pushStep(steps, d,
    label + X['explain.payment.dayOne'][lang]({ dayOne: period.dayOne, sameDay: dayOneClause.value === 'same-day', from, cond: dayOneClause.when ? exprText(dayOneClause.when, lang) : undefined }, lang),
    { dayOne: period.dayOne },
  );
  if (steps) {
    // the clause's own cutoff test, or (for the clause without condition) the first earlier one that did not hold
    const cutoff = graceClause.when
      ? cutoffSentence(checked.grace[o.graceClause].when, c, true, lang)
      : checked.grace.slice(0, o.graceClause).map((g) => cutoffSentence(g.when, c, false, lang)).find((x) => x !== undefined);
    pushStep(steps, d,
      X['explain.payment.grace'][lang]({ n: graceClause.value.n, unit: graceClause.value.unit, cond: graceClause.when ? exprText(graceClause.when, lang) : undefined, cutoff, lastGraceDay, firstPayableDay: period.firstPayableDay }, lang),
      { graceDays: graceClause.value.n, lastGraceDay, firstPayableDay: period.firstPayableDay },
    );
  }
  if (o.code === PaymentCode.Pending) {
    period.status = 'pending';
    const requirement = deciding ? exprText(deciding.expr, lang) : '?';
    period.reason = X['reason.payment.pending'][lang]({ requirement, whose }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.pending'][lang]({ id, reason: period.reason }, lang), { requirement });
    return period;
  }
  period.status = 'responsible';
  period.lastBillableDay = iso(o.lastBillable);
  period.billableDays = Number.isNaN(o.billable) ? null : o.billable;
  period.amount = Number.isNaN(o.amount) ? null : o.amount;
  if (period.billableDays === null) {
    period.reason = X['reason.payment.ongoing'][lang]({ firstPayableDay: period.firstPayableDay }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.notCounted'][lang]({}, lang), {});
    return period;
  }
  const withdrawal = checked.withdrawal;
  const endText = o.end === END_WITHDRAWN && withdrawal ? X['explain.payment.endWithdrawn'][lang]({ event: withdrawal.event.name, inclusive: withdrawal.inclusive }, lang)
    : o.ongoing ? X['explain.payment.endEvaluation'][lang]({ date: period.lastBillableDay }, lang)
    : X['explain.payment.endEvent'][lang]({ to: (endEvent(checked, o) ?? checked.end.events[0]).name, inclusive: checked.end.inclusive }, lang);
  period.reason = X['reason.payment.billable'][lang]({ firstPayableDay: period.firstPayableDay, billableDays: period.billableDays, end: endText }, lang);
  if (steps) pushStep(steps, d, X['explain.payment.billable'][lang]({ firstPayableDay: period.firstPayableDay, lastBillableDay: period.lastBillableDay, billableDays: period.billableDays, end: endText }, lang), { billableDays: period.billableDays, lastBillableDay: period.lastBillableDay });
  if (rateName && o.missingRateYear) {
    warnings.push({ code: 'AVT-E005', message: render('AVT-E005', { name: rateName, year: o.missingRateYear }, lang) });
  } else if (rateName && period.amount !== null) {
    period.ratesUsed = r.ratesUsed(o.firstPayable, o.lastBillable);
    if (steps) pushStep(steps, d, X['explain.payment.amount'][lang]({ parts: period.ratesUsed.map((u) => X['explain.payment.ratePart'][lang]({ days: u.days, rate: u.rate, name: rateName, year: u.year }, lang)).join(' + '), amount: period.amount }, lang), { amount: period.amount });
  }
  return period;
}

/** The sum of the responsible periods' figures: null when there is none, or one is not known. */
export function sumOf(xs: (number | null)[]): number | null {
  let sum = 0;
  for (const x of xs) {
    if (x === null) return null;
    sum += x;
  }
  return xs.length === 0 ? null : sum;
}

export const STATUS_RANK: Record<PaymentStatus, number> = { responsible: 3, pending: 2, 'not-responsible': 1, 'not-started': 0 };

export function presentPayment(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, steps: ExplanationStep[] | undefined, warnings: Warning[], lang: MsgLang = 'sv', c?: CaseData): PaymentResult {
  const d = r.decl;
  const all = o.more ? [o, ...o.more] : [o];
  const periods = all.map((x, i) => presentPeriod(p, r, x, steps, warnings, i + 1, all.length, lang, c));
  // The rule's status is the best of its periods' (one responsible period makes the municipality responsible).
  const best = periods.reduce((a, b) => (STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a), periods[0]);
  const first = periods[0];
  const responsible = periods.filter((x) => x.status === 'responsible');
  const graceClause = o.graceClause >= 0 ? d.grace[o.graceClause] : undefined;
  const totalBillableDays = sumOf(responsible.map((x) => x.billableDays));
  const totalAmount = sumOf(responsible.map((x) => x.amount));
  if (steps && all.length > 1) {
    pushStep(steps, d, X['explain.payment.periods'][lang]({ id: d.id.text, n: all.length, total: totalBillableDays, amount: totalAmount }, lang), { periods: all.length, totalBillableDays, totalAmount });
  }
  const deciding = decidingClause(r, all[periods.indexOf(best)]);
  const result: PaymentResult = {
    id: d.id.text, title: d.title?.value, status: best.status, responsible: best.status === 'responsible',
    reason: all.length > 1 ? periods.map((x, i) => `${i + 1}: ${x.reason}`).join('; ') : first.reason,
    periods, totalBillableDays, totalAmount,
    dayOne: first.dayOne, graceDays: first.dayOne !== null && graceClause ? graceClause.value.n : null, graceUnit: first.dayOne !== null && graceClause ? graceClause.value.unit : null,
    lastGraceDay: first.dayOne !== null ? iso(o.lastGraceDay) : null, firstPayableDay: first.firstPayableDay, lastBillableDay: first.lastBillableDay,
    billableDays: first.billableDays, ongoing: all[all.length - 1].ongoing, amount: first.amount, currency: 'SEK', ratesUsed: first.ratesUsed,
  };
  if (deciding?.law && best.status !== 'responsible') result.law = { agreement: deciding.law.agreement, version: deciding.law.version, rule: deciding.decl.id.text, clause: exprText(deciding.expr, p.ast.lang) };
  return result;
}

