// One batch answer: the result, or the error with the status a single request would have had.
import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../engine/api';
import type { PolicySet } from '../engine/registry/policy-set';
import { fromCaseErrors, message, statusOfKind } from './errors';
import { jsonProblem } from '../dsl/messages/json';
import { linesOf } from './ndjson';
import { SINGLE_LIMIT } from './limits';

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

/** The NDJSON answer (with its \n) to a line of more than SINGLE_LIMIT bytes. */
export function tooLongAnswer(line: number): string {
  return JSON.stringify({ ok: false, line, status: 413, error: { code: 'AVT-H016', message: message('AVT-H016', { line, limit: SINGLE_LIMIT }) } }) + '\n';
}

/** The NDJSON answers (each line ending in \n) to the lines of a group, in order: a case's answer, or an error naming a line that is not JSON (400). */
export function groupAnswers(group: { first: number; bytes: Uint8Array }, set: PolicySet, options: EvaluateCaseOptions): string {
  let out = '';
  for (const l of linesOf(group)) {
    if (l.text === null) {
      out += JSON.stringify({ ok: false, line: l.line, status: 400, error: { code: 'AVT-H025', message: message('AVT-H025', { offset: l.badByte ?? 0 }, options.lang), pointer: '' } }) + '\n';
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(l.text);
    } catch (e) {
      out += JSON.stringify({ ok: false, line: l.line, status: 400, error: { code: 'AVT-H001', message: message('AVT-H001', { detail: jsonProblem(l.text, e) }, options.lang), pointer: '' } }) + '\n';
      continue;
    }
    out += answerJson(evaluateCase(set, raw, options)) + '\n';
  }
  return out;
}
