// The package's public API, browser-safe: `import { … } from 'avtal/core'` (and, with the Node-only
// loaders, from 'avtal'). What this module exports is the semver contract (docs/api.md, "Public API");
// the rest of the code is internal and may change in any release.
import { evaluateCase, evaluateMonthsFor, type EvaluateCaseOptions, type EvaluationAnswer, type MonthsAnswer, type MonthsRequest } from '../api';
import type { PolicySet } from '../registry/policy-set';

export { PolicySet, type PolicySource, type PolicyVersion } from '../registry/policy-set';
export { neededSources, scanHeader, type PolicyHeader, type Wanted } from '../registry/needed';
export type { EvaluateCaseOptions as EvaluateOptions, EvaluationAnswer, EvaluationError, MonthsAnswer, MonthsRequest } from '../api';
export type {
  EvaluationResult, DeadlineResult, DeadlineStatus, PaymentResult, PaymentStatus, ExplanationStep, Citations, CitationOut, VersionInfo, Warning, ComputedResult,
} from '../evaluator/result';
export type { MonthsResult, MunicipalityResult, MonthResult, MonthInvoice, MonthsDiagnostic } from '../monthly';
export { caseSchema, type CaseInput } from '../case/schema';
export { analyze, type Analysis, type Diagnostic, type Severity } from '../../dsl';
export { formatText } from '../../dsl/format';
export { runExamples, type ExampleResult, type ExpectationResult } from '../examples/run-examples';

/**
 * Evaluates one care episode (an object of the case schema) under the agreement version in force: deadlines,
 * payment and, unless `explain: false`, the explanation with citations. Never throws for a bad case: the answer
 * is `{ ok: false, error: { kind, errors } }`.
 */
export function evaluate(policies: PolicySet, episode: unknown, options: EvaluateCaseOptions = {}): EvaluationAnswer {
  return evaluateCase(policies, episode, options);
}

/** Runs a county's monthly escalation ladder over monthly averages or raw episodes. Never throws for bad input. */
export function months(policies: PolicySet, request: MonthsRequest): MonthsAnswer {
  return evaluateMonthsFor(policies, request);
}
