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
import { PaymentCode } from '../compiler/payment';
import type { CitationOut, Citations, DeadlineResult, DeadlineStatus, ExplanationStep, PaymentResult, Warning } from './result';
import { exprText } from './expr-text';
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

export function presentPayment(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, steps: ExplanationStep[] | undefined, warnings: Warning[]): PaymentResult {
  const d = r.decl;
  const lang = p.ast.lang;
  const rateName = d.rate?.text;
  const base: PaymentResult = {
    id: d.id.text, title: d.title?.value, status: 'not-started', responsible: false, reason: '', dayOne: null, graceDays: null, graceUnit: null,
    lastGraceDay: null, firstPayableDay: null, lastBillableDay: null, billableDays: null, ongoing: o.ongoing, amount: null, currency: 'SEK', ratesUsed: [],
  };

  if (o.code === PaymentCode.NotStarted) {
    base.reason = `${d.from!.text} is not recorded: no payment responsibility has started`;
    if (steps) pushStep(steps, d, `Payment ${d.id.text}: ${base.reason}.`, {});
    return base;
  }
  if (o.code === PaymentCode.RequirementUnmet) {
    base.status = 'not-responsible';
    base.reason = `the requirement "${exprText(d.requires[o.clause], lang)}" is not met`;
    if (steps) pushStep(steps, d, `Payment ${d.id.text}: no payment, because ${base.reason}.`, { requirement: exprText(d.requires[o.clause], lang) });
    return base;
  }
  if (o.code === PaymentCode.Exempt) {
    base.status = 'not-responsible';
    base.reason = `exempt, because ${exprText(d.exempt[o.clause], lang)}`;
    if (steps) pushStep(steps, d, `Payment ${d.id.text}: no payment, ${base.reason}.`, { exemption: exprText(d.exempt[o.clause], lang) });
    return base;
  }
  const dayOneClause = d.dayOne[o.dayOneClause];
  const graceClause = d.grace[o.graceClause];
  base.status = 'responsible';
  base.responsible = true;
  base.dayOne = iso(o.dayOne);
  base.graceDays = graceClause.value.n;
  base.graceUnit = graceClause.value.unit;
  base.lastGraceDay = iso(o.lastGraceDay);
  base.firstPayableDay = iso(o.firstPayable);
  base.lastBillableDay = iso(o.lastBillable);
  base.billableDays = Number.isNaN(o.billable) ? null : o.billable;
  base.amount = Number.isNaN(o.amount) ? null : o.amount;
  if (steps) pushStep(steps, d,
    `Day 1 is ${base.dayOne}: ${dayOneClause.value === 'same-day' ? 'the same day as' : 'the day after'} ${d.from!.text}${dayOneClause.when ? `, because ${exprText(dayOneClause.when, lang)}` : ''}.`,
    { dayOne: base.dayOne },
  );
  if (steps) pushStep(steps, d,
    `${graceClause.value.n} grace ${graceClause.value.unit.replace('-', ' ')}${graceClause.when ? `, because ${exprText(graceClause.when, lang)}` : ''}: the last grace day is ${base.lastGraceDay}, so payment responsibility starts on ${base.firstPayableDay}.`,
    { graceDays: graceClause.value.n, lastGraceDay: base.lastGraceDay, firstPayableDay: base.firstPayableDay },
  );
  if (base.billableDays === null) {
    base.reason = `payment responsibility from ${base.firstPayableDay}; the patient is still in hospital and no evaluation date was given`;
    if (steps) pushStep(steps, d, `Billable days: not counted, the patient is still in hospital and no evaluation date was given.`, {});
  } else {
    const endText = o.ongoing ? `the evaluation date ${base.lastBillableDay}` : `${d.to!.event.text} (${d.to!.inclusive ? 'inclusive' : 'exclusive'})`;
    base.reason = `payment responsibility from ${base.firstPayableDay}; ${base.billableDays} billable day(s) up to ${endText}`;
    if (steps) pushStep(steps, d, `Billable days from ${base.firstPayableDay} to ${base.lastBillableDay}: ${base.billableDays}, counted up to ${endText}.`, { billableDays: base.billableDays, lastBillableDay: base.lastBillableDay });
    if (rateName && o.missingRateYear) {
      warnings.push({ code: 'AVT-E005', message: `parameter ${rateName} has no value for ${o.missingRateYear}; the amount is not computed` });
    } else if (rateName && base.amount !== null) {
      base.ratesUsed = r.ratesUsed(o.firstPayable, o.lastBillable);
      if (steps) pushStep(steps, d, `Amount: ${base.ratesUsed.map((u) => `${u.days} × ${u.rate} SEK (${rateName} ${u.year})`).join(' + ') || '0'} = ${base.amount} SEK.`, { amount: base.amount });
    }
  }
  return base;
}

