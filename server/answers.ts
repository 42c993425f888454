// One batch answer: the result, or the error with the status a single request would have had.
import type { EvaluationAnswer } from '../engine/api';
import { fromCaseErrors, statusOfKind } from './errors';

export function answerValue(a: EvaluationAnswer): object {
  if (a.ok) return { ok: true, result: a.result };
  return { ok: false, status: statusOfKind[a.error.kind], error: fromCaseErrors(a.error.errors) };
}

export function answerJson(a: EvaluationAnswer): string {
  return JSON.stringify(answerValue(a));
}

/** The answers as the elements of a JSON array, without its brackets ('' for none): one JSON.stringify for them all, which is faster than one each. */
export function answersJson(answers: EvaluationAnswer[]): string {
  return JSON.stringify(answers.map(answerValue)).slice(1, -1);
}
