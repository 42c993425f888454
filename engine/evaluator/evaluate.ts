// The evaluator: one dispatch over the compiled rules of a policy version.
import type { CaseData } from '../case/case-data';
import type { CompiledPolicy } from '../compiler/compile';
import type { DeadlineOutcome } from '../compiler/deadline';
import type { PaymentOutcome } from '../compiler/payment';
import { presentDeadline, presentPayment } from './explain';
import { presentComputed } from './explain-computed';
import type { EvaluationResult, ExplanationStep, VersionInfo, Warning } from './result';

export interface Outcomes {
  deadlines: DeadlineOutcome[];
  payments: PaymentOutcome[];
}

/** The hot path: numbers only, no text, no allocation beyond the outcome records. */
export function evaluateOutcomes(p: CompiledPolicy, c: CaseData): Outcomes {
  const deadlines = new Array<DeadlineOutcome>(p.deadlines.length);
  for (let i = 0; i < p.deadlines.length; i++) deadlines[i] = p.deadlines[i].run(c);
  const payments = new Array<PaymentOutcome>(p.payments.length);
  for (let i = 0; i < p.payments.length; i++) payments[i] = p.payments[i].run(c);
  return { deadlines, payments };
}

export interface EvaluateOptions {
  explain?: boolean; // default true
  caseId?: string;
}

/** The full result: every deadline and payment with reasons, and the explanation in rule order. */
export function evaluate(p: CompiledPolicy, c: CaseData, version: VersionInfo, options: EvaluateOptions = {}): EvaluationResult {
  const o = evaluateOutcomes(p, c);
  const steps: ExplanationStep[] | undefined = options.explain === false ? undefined : [];
  const warnings: Warning[] = [];
  const deadlines = p.deadlines.map((r, i) => presentDeadline(p, r, o.deadlines[i], steps));
  const payments = p.payments.map((r, i) => presentPayment(p, r, o.payments[i], steps, warnings));
  const computed = p.computed.map((r) => presentComputed(p, r, r.run(c), steps));
  return { ...(options.caseId !== undefined ? { caseId: options.caseId } : {}), version, deadlines, payments, computed, explanation: steps ?? [], warnings };
}
