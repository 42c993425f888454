// The evaluator: one dispatch over the compiled rules of a policy version.
import { eventSlot, occurrences, type CaseData } from '../case/case-data';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import type { CompiledPolicy } from '../compiler/compile';
import { deadlineRecord, type DeadlineOutcome } from '../compiler/deadline';
import { paymentRecord, type PaymentOutcome } from '../compiler/payment';
import { citations, citationsOf, NO_CITATIONS, presentDeadline, presentPayment } from './explain';
import { presentComputed } from './explain-computed';
import type { Citations, ComputedResult, DeadlineResult, EvaluationResult, ExplanationStep, PaymentResult, VersionInfo, Warning } from './result';
import type { MsgLang } from '../../dsl/messages/render';

export interface Outcomes {
  deadlines: DeadlineOutcome[];
  payments: PaymentOutcome[];
}

/** The hot path: numbers only, no text, no allocation beyond the outcome records. The caller owns them. */
export function evaluateOutcomes(p: CompiledPolicy, c: CaseData): Outcomes {
  const deadlines = new Array<DeadlineOutcome>(p.deadlines.length);
  for (let i = 0; i < p.deadlines.length; i++) deadlines[i] = p.deadlines[i].run(c);
  const payments = new Array<PaymentOutcome>(p.payments.length);
  for (let i = 0; i < p.payments.length; i++) payments[i] = p.payments[i].run(c);
  return { deadlines, payments };
}

/**
 * A caller's reusable outcomes for one compiled policy, for evaluateOutcomesInto. Its `deadlines` and
 * `payments` are refilled by every call; `records` are the mutable records the rules fill.
 */
export interface OutcomeBuffer extends Outcomes {
  readonly policy: CompiledPolicy;
  readonly records: { readonly deadlines: DeadlineOutcome[]; readonly payments: PaymentOutcome[] };
}

/** A buffer for evaluateOutcomesInto: one per compiled policy and caller (it is not shared between calls in flight). */
export function outcomeBuffer(p: CompiledPolicy): OutcomeBuffer {
  const records = { deadlines: p.deadlines.map(deadlineRecord), payments: p.payments.map(paymentRecord) };
  return { policy: p, records, deadlines: [...records.deadlines], payments: [...records.payments] };
}

/**
 * The hot path without allocation: the same outcomes as evaluateOutcomes, written into `out` (made by
 * outcomeBuffer for this policy) and returned. They are valid until the next call with the same buffer,
 * which overwrites them: a caller that keeps outcomes uses evaluateOutcomes, or copies them. A record
 * may be one the rule shares between cases (frozen); never modify them.
 */
export function evaluateOutcomesInto(p: CompiledPolicy, c: CaseData, out: OutcomeBuffer): Outcomes {
  if (out.policy !== p) throw new Error('evaluateOutcomesInto: the buffer was made for another compiled policy');
  const rd = p.deadlines;
  const dl = out.deadlines;
  const dr = out.records.deadlines;
  for (let i = 0; i < rd.length; i++) dl[i] = rd[i].runInto(c, dr[i]);
  const rp = p.payments;
  const pl = out.payments;
  const pr = out.records.payments;
  for (let i = 0; i < rp.length; i++) pl[i] = rp[i].runInto(c, pr[i]);
  return out;
}

export interface EvaluateOptions {
  explain?: boolean; // default true
  caseId?: string;
  /** the language of reasons, explanation steps and warnings (dsl/messages); default Swedish */
  lang?: MsgLang;
}

/** The full result: every deadline and payment with reasons, and the explanation in rule order. */
export function evaluate(p: CompiledPolicy, c: CaseData, version: VersionInfo, options: EvaluateOptions = {}): EvaluationResult {
  const o = evaluateOutcomes(p, c);
  const steps: ExplanationStep[] | undefined = options.explain === false ? undefined : [];
  const warnings: Warning[] = [];
  const deadlines = new Array<DeadlineResult>(p.deadlines.length);
  const lang = options.lang ?? 'sv';
  for (let i = 0; i < deadlines.length; i++) deadlines[i] = presentDeadline(p, p.deadlines[i], o.deadlines[i], steps, lang);
  const payments = new Array<PaymentResult>(p.payments.length);
  for (let i = 0; i < payments.length; i++) payments[i] = presentPayment(p, p.payments[i], o.payments[i], steps, warnings, lang, c);
  const computed = new Array<ComputedResult>(p.computed.length);
  for (let i = 0; i < computed.length; i++) computed[i] = presentComputed(p, p.computed[i], p.computed[i].run(c), steps, lang);
  if (c.history !== undefined) historyWarnings(p, c, warnings);
  const explanation = steps ?? [];
  let citations = steps ? citationsOf(p) : NO_CITATIONS;
  // A condition of the law decided a payment: its rule's citations, under "LAW/RULE" (the result's payment.law).
  if (steps) for (const r of payments) if (r.law) citations = withLawCitations(p, citations, r.law);
  // Two literals rather than a spread: the result always has the same shape, and caseId comes first.
  return options.caseId !== undefined
    ? { caseId: options.caseId, version, deadlines, payments, computed, explanation, citations, warnings }
    : { version, deadlines, payments, computed, explanation, citations, warnings };
}

/** A history the rules cannot read in full: a repeated anchor (or a withdrawal) under a rule without `withdrawn by`. */
function historyWarnings(p: CompiledPolicy, c: CaseData, warnings: Warning[]): void {
  for (const r of p.payments) {
    if (r.decl.withdrawn) continue;
    const anchor = lookupVocabulary(r.decl.from!.text)!.id;
    if (occurrences(c, eventSlot(anchor)).length > 1) {
      warnings.push({ code: 'AVT-E014', message: `the case records ${anchor} more than once, and ${r.decl.id.text} does not say how a repeated ${anchor} is read: only its first occurrence is used` });
    }
  }
}

function withLawCitations(p: CompiledPolicy, c: Citations, law: NonNullable<PaymentResult['law']>): Citations {
  const key = `${law.agreement}/${law.rule}`;
  if (c[key]) return c;
  for (const r of p.payments) for (const l of r.law) {
    if (l.from?.agreement === law.agreement && l.decl.id.text === law.rule) return { ...c, [key]: citations(l.decl.cites, l.from.source ?? '') };
  }
  return c;
}
