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
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { render, type MsgLang } from '../../dsl/messages/render';
import { EXPLAIN_MESSAGES as X } from '../../dsl/messages/explain';
import type { CaseData } from '../case/case-data';
import { eventSlot } from '../case/case-data';
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

/** The vocabulary id of an event name (English or Swedish), for the catalogue's event phrases; undefined for anything else. */
export function eventId(name: string | undefined): string | undefined {
  const v = name === undefined ? undefined : lookupVocabulary(name);
  return v?.kind === 'event' ? v.id : undefined;
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

function deadlineReason(p: CompiledPolicy, d: A.Deadline, o: DeadlineOutcome, dueText: string | null, lang: MsgLang): string {
  const subject = d.subject!.text;
  switch (o.code) {
    case DeadlineCode.NotApplicable: return X['reason.notApplicable'][lang]({ cond: exprText(d.when!, lang) }, lang);
    case DeadlineCode.NoAnchor: return X['reason.deadline.noAnchor'][lang]({ anchor: exprText(d.anchor!, lang) }, lang);
    case DeadlineCode.Met: return X['reason.deadline.met'][lang]({ subject, actual: local(o.actual), due: dueText }, lang);
    case DeadlineCode.Missed: return Number.isNaN(o.actual) ? X['reason.deadline.missedNone'][lang]({ subject, due: dueText }, lang) : X['reason.deadline.missedLate'][lang]({ subject, actual: local(o.actual), due: dueText }, lang);
    default: return X['reason.deadline.pending'][lang]({ subject, due: dueText }, lang);
  }
}

export function presentDeadline(p: CompiledPolicy, r: CompiledDeadline, o: DeadlineOutcome, steps: ExplanationStep[] | undefined, lang: MsgLang = 'sv'): DeadlineResult {
  const d = r.decl;
  if (isTimingDeadline(d)) return presentTimingDeadline(p, r, o, steps, lang);
  const status = DEADLINE_STATUS[o.code];
  const dueText = Number.isNaN(o.due) ? null : r.dayCounted ? `${dayToIso(localDayOf(o.due - 1))} 24:00` : formatInstantLocal(o.due);
  const reason = deadlineReason(p, d, o, dueText, lang);
  const actual = local(o.actual);
  if (steps) {
    const subject = d.subject!.text;
    steps.push({
      rule: d.id.text, title: d.title?.value,
      text: X['explain.deadline'][lang]({ id: d.id.text, subject, n: d.within!.value, unit: d.within!.unit, anchor: exprText(d.anchor!, lang), status, reason }, lang),
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
function cutoffSentence(p: CompiledPolicy, when: A.Expr | undefined, c: CaseData | undefined, holds: boolean, lang: MsgLang): string | undefined {
  if (!c || when?.kind !== 'CutoffTest' || when.subject.kind !== 'NameRef' || when.cutoff.kind !== 'NameRef') return undefined;
  const ev = eventId(when.subject.name);
  const cutoffName = when.cutoff.name;
  const cutoff = p.ast.declarations.find((x): x is A.Cutoff => x.kind === 'Cutoff' && x.id?.text === cutoffName);
  if (!ev || !cutoff) return undefined;
  const at = c.events[eventSlot(ev)];
  if (Number.isNaN(at)) return undefined;
  return X['explain.cutoff'][lang]({ ev, name: when.subject.name, at: formatInstantLocal(at), side: when.side, holds, time: cutoff.time.text }, lang);
}

export function presentPayment(p: CompiledPolicy, r: CompiledPayment, o: PaymentOutcome, steps: ExplanationStep[] | undefined, warnings: Warning[], lang: MsgLang = 'sv', c?: CaseData): PaymentResult {
  const d = r.decl;
  const rateName = d.rate?.text;
  const base: PaymentResult = {
    id: d.id.text, title: d.title?.value, status: 'not-started', responsible: false, reason: '', dayOne: null, graceDays: null, graceUnit: null,
    lastGraceDay: null, firstPayableDay: null, lastBillableDay: null, billableDays: null, ongoing: o.ongoing, amount: null, currency: 'SEK', ratesUsed: [],
  };

  const id = d.id.text;
  const from = d.from!.text;
  if (o.code === PaymentCode.NotStarted) {
    base.reason = X['reason.payment.notStarted'][lang]({ from }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.notStarted'][lang]({ id, reason: base.reason }, lang), {});
    return base;
  }
  if (o.code === PaymentCode.RequirementUnmet) {
    base.status = 'not-responsible';
    const requirement = exprText(d.requires[o.clause], lang);
    base.reason = X['reason.payment.requirementUnmet'][lang]({ requirement }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.requirementUnmet'][lang]({ id, reason: base.reason }, lang), { requirement });
    return base;
  }
  if (o.code === PaymentCode.Exempt) {
    base.status = 'not-responsible';
    const exemption = exprText(d.exempt[o.clause], lang);
    base.reason = X['reason.payment.exempt'][lang]({ exemption }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.exempt'][lang]({ id, reason: base.reason }, lang), { exemption });
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
    X['explain.payment.dayOne'][lang]({ dayOne: base.dayOne, sameDay: dayOneClause.value === 'same-day', from, cond: dayOneClause.when ? exprText(dayOneClause.when, lang) : undefined }, lang),
    { dayOne: base.dayOne },
  );
  if (steps) {
    // the clause's own cutoff test, or (for the clause without condition) the first earlier one that did not hold
    const cutoff = graceClause.when
      ? cutoffSentence(p, graceClause.when, c, true, lang)
      : d.grace.slice(0, o.graceClause).map((g) => cutoffSentence(p, g.when, c, false, lang)).find((x) => x !== undefined);
    pushStep(steps, d,
      X['explain.payment.grace'][lang]({ n: graceClause.value.n, unit: graceClause.value.unit, cond: graceClause.when ? exprText(graceClause.when, lang) : undefined, cutoff, lastGraceDay: base.lastGraceDay, firstPayableDay: base.firstPayableDay }, lang),
      { graceDays: graceClause.value.n, lastGraceDay: base.lastGraceDay, firstPayableDay: base.firstPayableDay },
    );
  }
  if (base.billableDays === null) {
    base.reason = X['reason.payment.ongoing'][lang]({ firstPayableDay: base.firstPayableDay }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.notCounted'][lang]({}, lang), {});
  } else {
    const endText = o.ongoing
      ? X['explain.payment.endEvaluation'][lang]({ date: base.lastBillableDay }, lang)
      : X['explain.payment.endEvent'][lang]({ to: d.to!.event.text, inclusive: d.to!.inclusive }, lang);
    base.reason = X['reason.payment.billable'][lang]({ firstPayableDay: base.firstPayableDay, billableDays: base.billableDays, end: endText }, lang);
    if (steps) pushStep(steps, d, X['explain.payment.billable'][lang]({ firstPayableDay: base.firstPayableDay, lastBillableDay: base.lastBillableDay, billableDays: base.billableDays, end: endText }, lang), { billableDays: base.billableDays, lastBillableDay: base.lastBillableDay });
    if (rateName && o.missingRateYear) {
      warnings.push({ code: 'AVT-E005', message: render('AVT-E005', { name: rateName, year: o.missingRateYear }, lang) });
    } else if (rateName && base.amount !== null) {
      base.ratesUsed = r.ratesUsed(o.firstPayable, o.lastBillable);
      if (steps) pushStep(steps, d, X['explain.payment.amount'][lang]({ parts: base.ratesUsed.map((u) => X['explain.payment.ratePart'][lang]({ days: u.days, rate: u.rate, name: rateName, year: u.year }, lang)).join(' + '), amount: base.amount }, lang), { amount: base.amount });
    }
  }
  return base;
}

