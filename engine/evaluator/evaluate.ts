// The evaluator: one dispatch over the compiled rules of a policy version.
import { occurrences, type CaseData } from '../case/case-data';
import type { CompiledPolicy } from '../compiler/compile';
import { deadlineRecord, type DeadlineOutcome } from '../compiler/deadline';
import { paymentRecord, type PaymentOutcome } from '../compiler/payment';
import { citations, NO_CITATIONS } from './explain';
import { allRules, presentKind, type PresentContext } from './kinds';
import type { CitationOut, Citations, EvaluationResult, ExplanationStep, PaymentResult, VersionInfo, Warning } from './result';
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
  const x: PresentContext = { steps, warnings, lang: options.lang ?? 'sv', c };
  // Every kind of rule (kinds.ts), in the order of the result's lists; deadlines and payments from the hot path's outcomes.
  const deadlines = presentKind('deadlines', p, c, x, o.deadlines);
  const payments = presentKind('payments', p, c, x, o.payments);
  const computed = presentKind('computed', p, c, x);
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

const policyCitations = new WeakMap<CompiledPolicy, Citations>();

/**
 * The citations of the rules an episode's explanation names — every rule of every kind, as each gives at least
 * one step — made once per compiled policy and frozen.
 */
export function citationsOf(p: CompiledPolicy): Citations {
  let c = policyCitations.get(p);
  if (!c) {
    const file = p.header.source;
    const byRule: Record<string, readonly CitationOut[]> = {};
    for (const r of allRules(p)) byRule[r.decl.id.text] = Object.freeze(citations(r.decl.cites, file).map((x) => Object.freeze(x)));
    c = Object.freeze(byRule);
    policyCitations.set(p, c);
  }
  return c;
}

/** A history the rules cannot read in full: a repeated anchor (or a withdrawal) under a rule without `withdrawn by`. */
export function historyWarnings(p: CompiledPolicy, c: CaseData, warnings: Warning[]): void {
  for (const r of p.payments) {
    if (r.rule.withdrawal) continue;
    const anchor = r.rule.anchor.entry.id;
    if (occurrences(c, r.rule.anchor.slot).length > 1) {
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
