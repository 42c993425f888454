// Avtal's engine as a library. See docs/api.md.
export { caseDate, evaluateCase, fallbackFor, withFallback, type EvaluationAnswer, type EvaluationError, type EvaluateCaseOptions } from './api';
export { PolicySet, linkLaw, type PolicySource, type PolicyVersion, type Selection } from './registry/policy-set';
export { compile, type CompiledPolicy } from './compiler/compile';
export { evaluate, evaluateOutcomes, evaluateOutcomesInto, outcomeBuffer, type Outcomes, type OutcomeBuffer, type EvaluateOptions } from './evaluator/evaluate';
export type * from './evaluator/result';
export { runExamples, runExample, type ExampleResult, type ExpectationResult } from './examples/run-examples';
export { validateCase, type CaseError, type CaseResult } from './case/validate';
export { caseSchema, type CaseInput } from './case/schema';
export type { CaseData } from './case/case-data';
