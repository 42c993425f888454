// Turns raw outcomes into the JSON result: dates as text, and each decision as an explanation step
// that names its rule, the interpretations it relies on and the values it used.
//
// The texts made here (and in explain-timing.ts, explain-computed.ts) keep to Latin-1 — no dashes or arrows
// beyond it: an answer whose every character is Latin-1 is a one-byte string in V8, and the HTTP service
// spends about a tenth less CPU per explained answer on it (JSON.stringify, UTF-8 length and encoding) than
// on a two-byte one, which one em dash made of every Värmland answer (docs/performance.md). The policy's own
// texts (titles, quotes) are given as written.
import type * as A from '../../dsl/ast/ast';
import { dayToIso, formatInstantLocal, formatInstantUtc, localDayOf } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledDeadline, DeadlineOutcome } from '../compiler/deadline';
import { DeadlineCode } from '../compiler/deadline';
import type { CompiledPayment, PaymentOutcome } from '../compiler/payment';
import { END_OPEN, END_WITHDRAWN, PaymentCode } from '../compiler/payment';
import type { CitationOut, Citations, DeadlineResult, DeadlineStatus, ExplanationStep, PaymentPeriod, PaymentResult, PaymentStatus, Warning } from './result';
import { exprText } from './expr-text';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { presentTimingDeadline } from './explain-timing';
import { isTimingDeadline } from '../../dsl/checker/recurrence';

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

const policyCitations = new WeakMap<CompiledPolicy, Citations>();
export const NO_CITATIONS: Citations = Object.freeze({});

/**
 * The citations of the rules an episode's explanation names — every deadline, payment and computed date of
 * the policy, as each gives at least one step — made once per compiled policy and frozen.
 */
export function citationsOf(p: CompiledPolicy): Citations {
  let c = policyCitations.get(p);
  if (!c) {
    const file = p.header.source?.value ?? '';
    const byRule: Record<string, readonly CitationOut[]> = {};
    for (const r of [...p.deadlines, ...p.payments, ...p.computed]) byRule[r.decl.id.text] = Object.freeze(citations(r.decl.cites, file).map((x) => Object.freeze(x)));
    c = Object.freeze(byRule);
    policyCitations.set(p, c);
  }
  return c;
}

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

function deadlineReason(p: CompiledPolicy, d: A.Deadline, o: DeadlineOutcome, dueText: string | null): string {
  const subject = d.subject!.text;
  switch (o.code) {
    case DeadlineCode.NotApplicable: return `the rule applies only when ${exprText(d.when!, p.ast.lang)}, which does not hold`;
    case DeadlineCode.NoAnchor: return `${exprText(d.anchor!, p.ast.lang)} is not recorded, so the time has not started`;
    case DeadlineCode.Met: return `${subject} at ${local(o.actual)}, due by ${dueText}`;
    case DeadlineCode.Missed: return Number.isNaN(o.actual) ? `${subject} is not recorded and was due by ${dueText}` : `${subject} at ${local(o.actual)}, after the due time ${dueText}`;
    default: return `${subject} is not recorded yet; due by ${dueText}`;
  }
}

export function presentDeadline(p: CompiledPolicy, r: CompiledDeadline, o: DeadlineOutcome, steps: ExplanationStep[] | undefined): DeadlineResult {
  const d = r.decl;
  if (isTimingDeadline(d)) return presentTimingDeadline(p, r, o, steps);
  const status = DEADLINE_STATUS[o.code];
  const dueText = Number.isNaN(o.due) ? null : r.dayCounted ? `${dayToIso(localDayOf(o.due - 1))} 24:00` : formatInstantLocal(o.due);
  const reason = deadlineReason(p, d, o, dueText);
  const actual = local(o.actual);
  if (steps) {
    const within = `${d.within!.value} ${d.within!.unit.replace('-', ' ')}`;
    steps.push({
      rule: d.id.text, title: d.title?.value, text: `Deadline ${d.id.text}: ${d.subject!.text} within ${within} after ${exprText(d.anchor!, p.ast.lang)}; ${status}: ${reason}.`,
      interpretations: interpretationsOf(d),
      values: { anchor: local(o.anchor), due: dueText, actual, status },
    });
  }
  return { id: d.id.text, title: d.title?.value, status, due: dueText, dueInstant: isoInstant(r.dayCounted ? o.due - 1 : o.due), actual, reason };
}

function pushStep(steps: ExplanationStep[], d: A.Payment, text: string, values: ExplanationStep['values']): void {
  steps.push({ rule: d.id.text, title: d.title?.value, text, interpretations: interpretationsOf(d), values });
}

/** The clause that decided an outcome without payment (or a pending one): the rule's own, or the law's. */
function decidingClause(r: CompiledPayment, o: PaymentOutcome): { decl: A.Payment; expr: A.Expr; law?: { agreement: string; version: string } } | undefined {
  const conditions = o.lawRule >= 0 ? r.law[o.lawRule] : r.conditions;
  if (!conditions || o.clause < 0) return undefined;
  const decl = conditions.decl;
  const expr = o.code === PaymentCode.Exempt ? decl.exempt[o.clause] : decl.requires[o.clause];
  return expr ? { decl, expr, law: o.lawRule >= 0 ? conditions.from : undefined } : undefined;
}

function endedBy(d: A.Payment, o: PaymentOutcome): string | null {
  if (o.end === END_WITHDRAWN) return 'withdrawn';
  if (o.end === END_OPEN || !d.to) return null;
  const name = (o.end === 0 ? d.to.event : d.to.others[o.end - 1])?.text;
  // The event's id (the key in a case's `events`), whatever language the policy is written in.
  return name === undefined ? null : lookupVocabulary(name)?.id ?? name;
}

/** One period's result and its explanation steps. */
function presentPeriod(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, steps: ExplanationStep[] | undefined, warnings: Warning[], n: number, of: number): PaymentPeriod {
  const d = r.decl;
  const lang = p.ast.lang;
  const rateName = d.rate?.text;
  const label = of > 1 ? `Period ${n} of ${of} (${d.from!.text} ${local(o.anchor)}): ` : '';
  const period: PaymentPeriod = {
    status: 'not-started', from: local(o.anchor) ?? '', endedBy: null, dayOne: null, firstPayableDay: null, lastBillableDay: null,
    billableDays: null, amount: null, ratesUsed: [], reason: '',
  };
  if (o.code === PaymentCode.NotStarted) {
    period.reason = `${d.from!.text} is not recorded: no payment responsibility has started`;
    if (steps) pushStep(steps, d, `Payment ${d.id.text}: ${period.reason}.`, {});
    return period;
  }
  const deciding = decidingClause(r, o);
  const whose = deciding?.law ? ` of ${deciding.law.agreement} ${deciding.law.version}, ${deciding.decl.id.text} (the law this agreement is made under)` : '';
  if (o.code === PaymentCode.RequirementUnmet || o.code === PaymentCode.Exempt) {
    period.status = 'not-responsible';
    const text = deciding ? exprText(deciding.expr, lang) : '?';
    period.reason = o.code === PaymentCode.Exempt ? `exempt, because ${text}${whose}` : `the requirement${whose} "${text}" is not met`;
    if (steps) pushStep(steps, d, `${label}Payment ${d.id.text}: no payment, ${o.code === PaymentCode.Exempt ? '' : 'because '}${period.reason}.`, o.code === PaymentCode.Exempt ? { exemption: text } : { requirement: text });
    return period;
  }
  const dayOneClause = d.dayOne[o.dayOneClause];
  const graceClause = d.grace[o.graceClause];
  period.dayOne = iso(o.dayOne);
  period.firstPayableDay = iso(o.firstPayable);
  period.endedBy = endedBy(d, o);
  if (steps) pushStep(steps, d,
    `${label}Day 1 is ${period.dayOne}: ${dayOneClause.value === 'same-day' ? 'the same day as' : 'the day after'} ${d.from!.text}${dayOneClause.when ? `, because ${exprText(dayOneClause.when, lang)}` : ''}.`,
    { dayOne: period.dayOne },
  );
  if (steps) pushStep(steps, d,
    `${graceClause.value.n} grace ${graceClause.value.unit.replace('-', ' ')}${graceClause.when ? `, because ${exprText(graceClause.when, lang)}` : ''}: the last grace day is ${iso(o.lastGraceDay)}, so payment responsibility starts on ${period.firstPayableDay}.`,
    { graceDays: graceClause.value.n, lastGraceDay: iso(o.lastGraceDay), firstPayableDay: period.firstPayableDay },
  );
  if (o.code === PaymentCode.Pending) {
    period.status = 'pending';
    const text = deciding ? exprText(deciding.expr, lang) : '?';
    period.reason = `not decided yet: the requirement${whose} "${text}" does not hold yet, but can still be met`;
    if (steps) pushStep(steps, d, `Payment ${d.id.text}: ${period.reason}; no billable days until it is.`, { requirement: text });
    return period;
  }
  period.status = 'responsible';
  period.lastBillableDay = iso(o.lastBillable);
  period.billableDays = Number.isNaN(o.billable) ? null : o.billable;
  period.amount = Number.isNaN(o.amount) ? null : o.amount;
  if (period.billableDays === null) {
    period.reason = `payment responsibility from ${period.firstPayableDay}; the patient is still in hospital and no evaluation date was given`;
    if (steps) pushStep(steps, d, `Billable days: not counted, the patient is still in hospital and no evaluation date was given.`, {});
    return period;
  }
  const endText = o.end === END_WITHDRAWN ? `the withdrawal (${d.withdrawn!.event.text}, ${d.withdrawn!.inclusive ? 'inclusive' : 'exclusive'})`
    : o.ongoing ? `the evaluation date ${period.lastBillableDay}`
    : `${period.endedBy} (${d.to!.inclusive ? 'inclusive' : 'exclusive'})`;
  period.reason = `payment responsibility from ${period.firstPayableDay}; ${period.billableDays} billable day(s) up to ${endText}`;
  if (steps) pushStep(steps, d, `Billable days from ${period.firstPayableDay} to ${period.lastBillableDay}: ${period.billableDays}, counted up to ${endText}.`, { billableDays: period.billableDays, lastBillableDay: period.lastBillableDay });
  if (rateName && o.missingRateYear) {
    warnings.push({ code: 'AVT-E005', message: `parameter ${rateName} has no value for ${o.missingRateYear}; the amount is not computed` });
  } else if (rateName && period.amount !== null) {
    period.ratesUsed = r.ratesUsed(o.firstPayable, o.lastBillable);
    if (steps) pushStep(steps, d, `Amount: ${period.ratesUsed.map((u) => `${u.days} × ${u.rate} SEK (${rateName} ${u.year})`).join(' + ') || '0'} = ${period.amount} SEK.`, { amount: period.amount });
  }
  return period;
}

const STATUS_RANK: Record<PaymentStatus, number> = { responsible: 3, pending: 2, 'not-responsible': 1, 'not-started': 0 };

export function presentPayment(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, steps: ExplanationStep[] | undefined, warnings: Warning[]): PaymentResult {
  const d = r.decl;
  const all = o.more ? [o, ...o.more] : [o];
  const periods = all.map((x, i) => presentPeriod(p, r, x, steps, warnings, i + 1, all.length));
  // The rule's status is the best of its periods' (one responsible period makes the municipality responsible).
  const best = periods.reduce((a, b) => (STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a), periods[0]);
  const first = periods[0];
  const responsible = periods.filter((x) => x.status === 'responsible');
  const graceClause = o.graceClause >= 0 ? d.grace[o.graceClause] : undefined;
  const totalBillableDays = responsible.length === 0 || responsible.some((x) => x.billableDays === null) ? null : responsible.reduce((a, x) => a + x.billableDays!, 0);
  const totalAmount = responsible.length === 0 || responsible.some((x) => x.amount === null) ? null : responsible.reduce((a, x) => a + x.amount!, 0);
  if (steps && all.length > 1) {
    pushStep(steps, d, `Payment ${d.id.text}: ${all.length} periods (the ready notice was withdrawn and given again); in all ${totalBillableDays ?? 'unknown'} billable day(s)${totalAmount !== null ? `, ${totalAmount} SEK` : ''}.`, { periods: all.length, totalBillableDays, totalAmount });
  }
  const deciding = decidingClause(r, best === first ? o : all[periods.indexOf(best)]);
  const result: PaymentResult = {
    id: d.id.text, title: d.title?.value, status: best.status, responsible: best.status === 'responsible',
    reason: all.length > 1 ? periods.map((x, i) => `period ${i + 1}: ${x.reason}`).join('; ') : first.reason,
    periods, totalBillableDays, totalAmount,
    dayOne: first.dayOne, graceDays: first.dayOne !== null && graceClause ? graceClause.value.n : null, graceUnit: first.dayOne !== null && graceClause ? graceClause.value.unit : null,
    lastGraceDay: first.dayOne !== null ? iso(o.lastGraceDay) : null, firstPayableDay: first.firstPayableDay, lastBillableDay: first.lastBillableDay,
    billableDays: first.billableDays, ongoing: all[all.length - 1].ongoing, amount: first.amount, currency: 'SEK', ratesUsed: first.ratesUsed,
  };
  if (deciding?.law && best.status !== 'responsible') result.law = { agreement: deciding.law.agreement, version: deciding.law.version, rule: deciding.decl.id.text, clause: exprText(deciding.expr, p.ast.lang) };
  return result;
}
