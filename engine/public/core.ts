// The package's public API, browser-safe: `import { … } from 'avtal/core'` (and, with the Node-only
// loaders, from 'avtal'). What this module exports is the semver contract (docs/api.md, "Public API");
// the rest of the code is internal and may change in any release.
import { evaluateCase, evaluateCaseFast, evaluateMonthsFor, type EvaluateCaseOptions, type EvaluationAnswer, type FastEvaluationAnswer, type MonthsAnswer, type MonthsRequest } from '../api';
import type { PolicySet } from '../registry/policy-set';

export { PolicySet, type PolicySource, type PolicyVersion } from '../registry/policy-set';
export { neededSources, scanHeader, type PolicyHeader, type Wanted } from '../registry/needed';
export type { EvaluateCaseOptions as EvaluateOptions, EvaluationAnswer, EvaluationError, FastEvaluationAnswer, MonthsAnswer, MonthsRequest } from '../api';
export { describe } from '../api';
export type {
  EvaluationResult, DeadlineResult, DeadlineStatus, PaymentResult, PaymentStatus, ExplanationStep, Citations, CitationOut, VersionInfo, Warning, ComputedResult,
  FastEvaluationResult, FastDeadlineResult, FastPaymentResult, FastPaymentPeriod, FastComputedResult,
} from '../evaluator/result';
export type { MonthsResult, MunicipalityResult, MonthResult, MonthInvoice, MonthsDiagnostic } from '../monthly';
export { caseSchema, type CaseInput } from '../case/schema';
export { analyze, type Analysis, type Diagnostic, type Severity } from '../../dsl';
export { formatText } from '../../dsl/format';
export { runExamples, type ExampleResult, type ExpectationResult } from '../examples/run-examples';

/**
 * Evaluates one care episode (an object of the case schema) under the agreement version in force: deadlines,
 * payment and the explanation with citations. With `explain: false` the answer is the decisions only, as codes,
 * dates and numbers, without any text (a `FastEvaluationResult`; `describe(result, { lang })` renders its texts).
 * Never throws for a bad case: the answer is `{ ok: false, error: { kind, errors } }`.
 */
export function evaluate(policies: PolicySet, episode: unknown, options: EvaluateCaseOptions & { explain: false }): FastEvaluationAnswer;
export function evaluate(policies: PolicySet, episode: unknown, options?: EvaluateCaseOptions & { explain?: true }): EvaluationAnswer;
export function evaluate(policies: PolicySet, episode: unknown, options?: EvaluateCaseOptions): EvaluationAnswer | FastEvaluationAnswer;
export function evaluate(policies: PolicySet, episode: unknown, options: EvaluateCaseOptions = {}): EvaluationAnswer | FastEvaluationAnswer {
  return options.explain === false ? evaluateCaseFast(policies, episode, options) : evaluateCase(policies, episode, options);
}

/** Runs a county's monthly escalation ladder over monthly averages or raw episodes. Never throws for bad input. */
export function months(policies: PolicySet, request: MonthsRequest): MonthsAnswer {
  return evaluateMonthsFor(policies, request);
}
