// `evaluate(…, { explain: false })` (issue 19): the decisions as codes, dates and numbers, with no text. The
// reasons, the times written out and the fallback's reason are most of what a full result costs (about 2.5 of 3 µs
// per evaluation; docs/performance.md), so they are left for `describe`, which renders them from the outcomes this
// result keeps (under SOURCE, a symbol: JSON.stringify and structuredClone leave it out) with the same functions
// as a full evaluation: the texts cannot differ (test/engine/describe.test.ts holds them equal).
import type { MsgLang } from '../../dsl/messages/render';
import { render, type Params } from '../../dsl/messages/render';
import { dayToIso } from '../calendar';
import type { CaseData } from '../case/case-data';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledComputed, ComputedOutcome } from '../compiler/computed';
import type { CompiledDeadline, DeadlineOutcome } from '../compiler/deadline';
import { PaymentCode, type CompiledPayment, type PaymentOutcome } from '../compiler/payment';
import { evaluateOutcomes, historyWarnings, type Outcomes } from './evaluate';
import { decidingClause, DEADLINE_STATUS, endedBy, NO_CITATIONS, STATUS_RANK, sumOf } from './explain';
import { exprText } from './expr-text';
import { presentKind, type PresentContext } from './kinds';
import type { EvaluationResult, FastComputedResult, FastDeadlineResult, FastEvaluationResult, FastPaymentPeriod, FastPaymentResult, VersionInfo, Warning } from './result';

/** Where a fast result's text comes from: the outcomes of each policy evaluated (the agreement's, then its fallback's). */
export const SOURCE: unique symbol = Symbol('avtal.outcomes');

/** One policy's evaluation of the case, kept for describe: its outcomes and the warnings about the history (English only, already made). */
export interface FastPart {
  p: CompiledPolicy;
  version: VersionInfo;
  o: Outcomes;
  computed: ComputedOutcome[];
  history: Warning[] | undefined;
}

/** The agreement's part, and the fallback's when the agreement leaves payment to it (one object: made on every evaluation). */
export interface FastSource extends FastPart {
  borrowed?: FastPart;
  /** the fallback's reason, rendered by describe in its language */
  fallback?: { from: string; key: 'fallback.version' | 'fallback.payment'; args: Params };
}

export type SourcedFastResult = FastEvaluationResult & { [SOURCE]: FastSource };

const iso = (day: number): string | null => (Number.isNaN(day) ? null : dayToIso(day));
const at = (t: number): number | null => (Number.isNaN(t) ? null : t);

export function fastDeadline(r: CompiledDeadline, o: DeadlineOutcome): FastDeadlineResult {
  // the instant of the full result's dueInstant: a deadline counted in days, or a recurring one, is due by the last millisecond of its day
  const dueAt = Number.isNaN(o.due) ? null : r.rule.form === 'within' && !r.dayCounted ? o.due : o.due - 1;
  return { id: r.decl.id.text, title: r.decl.title?.value, status: DEADLINE_STATUS[o.code], dueAt, actualAt: at(o.actual) };
}

function fastPeriod(r: CompiledPayment, o: PaymentOutcome, warnings: Warning[], lang: MsgLang): FastPaymentPeriod {
  const fromAt = at(o.anchor);
  if (o.code === PaymentCode.NotStarted || o.code === PaymentCode.RequirementUnmet || o.code === PaymentCode.Exempt) {
    const status = o.code === PaymentCode.NotStarted ? 'not-started' : 'not-responsible';
    return { status, fromAt, endedBy: null, dayOne: null, firstPayableDay: null, lastBillableDay: null, billableDays: null, amount: null, ratesUsed: [] };
  }
  const dayOne = iso(o.dayOne);
  const firstPayableDay = iso(o.firstPayable);
  const ended = endedBy(r.rule, o);
  if (o.code === PaymentCode.Pending) {
    return { status: 'pending', fromAt, endedBy: ended, dayOne, firstPayableDay, lastBillableDay: null, billableDays: null, amount: null, ratesUsed: [] };
  }
  const billableDays = Number.isNaN(o.billable) ? null : o.billable;
  const amount = Number.isNaN(o.amount) ? null : o.amount;
  let ratesUsed: FastPaymentPeriod['ratesUsed'] = [];
  const rateName = r.decl.rate?.text;
  if (billableDays !== null && rateName) {
    // the same warning as the full result's (a year without a rate is rare: made here, in the language asked for)
    if (o.missingRateYear) warnings.push({ code: 'AVT-E005', message: render('AVT-E005', { name: rateName, year: o.missingRateYear }, lang) });
    else if (amount !== null) ratesUsed = r.ratesUsed(o.firstPayable, o.lastBillable);
  }
  return { status: 'responsible', fromAt, endedBy: ended, dayOne, firstPayableDay, lastBillableDay: iso(o.lastBillable), billableDays, amount, ratesUsed };
}

export function fastPayment(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, warnings: Warning[], lang: MsgLang): FastPaymentResult {
  const d = r.decl;
  let periods: FastPaymentPeriod[];
  let best: FastPaymentPeriod;
  let bestOutcome = o;
  if (o.more === null) {
    best = fastPeriod(r, o, warnings, lang);
    periods = [best];
  } else {
    const all = [o, ...o.more];
    periods = all.map((x) => fastPeriod(r, x, warnings, lang));
    best = periods.reduce((a, b) => (STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a), periods[0]);
    bestOutcome = all[periods.indexOf(best)];
  }
  const first = periods[0];
  const last = o.more === null || o.more.length === 0 ? o : o.more[o.more.length - 1];
  let totalBillableDays: number | null;
  let totalAmount: number | null;
  if (o.more === null) {
    totalBillableDays = best.status === 'responsible' ? best.billableDays : null;
    totalAmount = best.status === 'responsible' ? best.amount : null;
  } else {
    const responsible = periods.filter((x) => x.status === 'responsible');
    totalBillableDays = sumOf(responsible.map((x) => x.billableDays));
    totalAmount = sumOf(responsible.map((x) => x.amount));
  }
  const graceClause = o.graceClause >= 0 ? d.grace[o.graceClause] : undefined;
  const result: FastPaymentResult = {
    id: d.id.text, title: d.title?.value, status: best.status, responsible: best.status === 'responsible',
    periods, totalBillableDays, totalAmount,
    dayOne: first.dayOne, graceDays: first.dayOne !== null && graceClause ? graceClause.value.n : null, graceUnit: first.dayOne !== null && graceClause ? graceClause.value.unit : null,
    lastGraceDay: first.dayOne !== null ? iso(o.lastGraceDay) : null, firstPayableDay: first.firstPayableDay, lastBillableDay: first.lastBillableDay,
    billableDays: first.billableDays, ongoing: last.ongoing, amount: first.amount, currency: 'SEK', ratesUsed: first.ratesUsed,
  };
  if (best.status !== 'responsible') {
    const deciding = decidingClause(r, bestOutcome);
    // the clause as the policy writes it: printed once per expression (exprText keeps it), not text made per case
    if (deciding?.law) result.law = { agreement: deciding.law.agreement, version: deciding.law.version, rule: deciding.decl.id.text, clause: exprText(deciding.expr, p.ast.lang) };
  }
  return result;
}

export function fastComputed(r: CompiledComputed, o: ComputedOutcome): FastComputedResult {
  return { id: r.decl.id.text, title: r.decl.title?.value, date: o.applies && !Number.isNaN(o.day) ? dayToIso(o.day) : null, applies: o.applies };
}

export interface FastOptions {
  caseId?: string;
  /** the language of the rare warnings made during evaluation (AVT-E005); describe renders them again in its own */
  lang?: MsgLang;
}

/** One policy version's evaluation of a case without text: what `evaluate(…, { explain: false })` answers. */
export function evaluateFast(p: CompiledPolicy, c: CaseData, version: VersionInfo, options: FastOptions = {}): SourcedFastResult {
  const lang = options.lang ?? 'sv';
  const o = evaluateOutcomes(p, c);
  const warnings: Warning[] = [];
  const deadlines = new Array<FastDeadlineResult>(o.deadlines.length);
  for (let i = 0; i < deadlines.length; i++) deadlines[i] = fastDeadline(p.deadlines[i], o.deadlines[i]);
  const payments = new Array<FastPaymentResult>(o.payments.length);
  for (let i = 0; i < payments.length; i++) payments[i] = fastPayment(p, p.payments[i], o.payments[i], warnings, lang);
  const computedOutcomes = p.computed.length === 0 ? NO_COMPUTED : new Array<ComputedOutcome>(p.computed.length);
  const computed = new Array<FastComputedResult>(p.computed.length);
  for (let i = 0; i < computed.length; i++) computed[i] = fastComputed(p.computed[i], (computedOutcomes[i] = p.computed[i].run(c)));
  let history: Warning[] | undefined;
  if (c.history !== undefined) {
    history = [];
    historyWarnings(p, c, history);
    warnings.push(...history);
  }
  const source: FastSource = { p, version, o, computed: computedOutcomes, history };
  // The symbol last: an object literal after a computed key is built one property at a time.
  return options.caseId !== undefined
    ? { caseId: options.caseId, version, deadlines, payments, computed, warnings, [SOURCE]: source }
    : { version, deadlines, payments, computed, warnings, [SOURCE]: source };
}

const NO_COMPUTED: ComputedOutcome[] = Object.freeze([]) as unknown as ComputedOutcome[];
const NO_CASE = undefined as unknown as CaseData;

/**
 * A part of a fast result as the full result without the explanation (what `evaluate` with `explain: false` gave
 * before issue 19): the same presenting functions as a full evaluation, on the outcomes kept.
 */
export function describePart(part: FastPart, lang: MsgLang, caseId?: string): EvaluationResult {
  const { p, o, version } = part;
  const x: PresentContext = { steps: undefined, warnings: [], lang, c: NO_CASE };
  const deadlines = presentKind('deadlines', p, NO_CASE, x, o.deadlines);
  const payments = presentKind('payments', p, NO_CASE, x, o.payments);
  const computed = presentKind('computed', p, NO_CASE, x, part.computed);
  if (part.history) x.warnings.push(...part.history);
  const explanation: EvaluationResult['explanation'] = [];
  return caseId !== undefined
    ? { caseId, version, deadlines, payments, computed, explanation, citations: NO_CITATIONS, warnings: x.warnings }
    : { version, deadlines, payments, computed, explanation, citations: NO_CITATIONS, warnings: x.warnings };
}

/** The outcomes a fast result keeps, or undefined for any other object (a full result, one read back from JSON). */
export function sourceOf(r: object): FastSource | undefined {
  return (r as Partial<SourcedFastResult>)[SOURCE];
}
