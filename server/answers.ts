// One batch answer as JSON text: the result, or the error with the status a single request would have had.
import type { EvaluationAnswer } from '../engine/api';
import { fromCaseErrors, statusOfKind } from './errors';

export function answerJson(a: EvaluationAnswer): string {
  if (a.ok) return `{"ok":true,"result":${JSON.stringify(a.result)}}`;
  return JSON.stringify({ ok: false, status: statusOfKind[a.error.kind], error: fromCaseErrors(a.error.errors) });
}
