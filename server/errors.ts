// The service's one error shape: `{ error: { code, message, pointer?, errors? } }` with a stable code, and
// the HTTP status that goes with each kind of failure. Codes come from dsl/diagnostics/codes.ts.
import { CODES, type Code } from '../dsl/diagnostics';
import type { EvaluationError } from '../engine/api';
import type { CaseError } from '../engine/case/validate';

export interface ErrorItem {
  code: string;
  message: string;
  pointer?: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  /** JSON pointer to the offending field of the request body (or query string, for query errors) */
  pointer?: string;
  /** every problem found, when there are several (the first is repeated above) */
  errors?: unknown[];
  /** the limit a request is over (server/limits.ts): its name, the most allowed and what was asked */
  limit?: { name: string; max: number; actual: number };
  /** where the pointer points, when not into the body */
  in?: 'querystring' | 'params';
}

/** An error answer: the HTTP status and the body's `error` member. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) {
    super(body.message);
  }
}

/** Fills a code's message template, as `diagnostic()` does, without a source range. */
export function message(code: Code, args: Record<string, string | number> = {}): string {
  return CODES[code].message.replace(/\{(\w+)\}/g, (_, k: string) => (k in args ? String(args[k]) : `{${k}}`));
}

export function httpError(status: number, code: Code, args: Record<string, string | number> = {}, extra: Partial<ErrorBody> = {}): HttpError {
  return new HttpError(status, { code, message: message(code, args), ...extra });
}

/** The status for an engine failure: a bad case 400, an unknown county or agreement 404, otherwise 422. */
export const statusOfKind: Record<EvaluationError['kind'], number> = { 'invalid-case': 400, 'impossible-history': 422, unknown: 404, 'wrong-agreement': 422, 'no-version': 422, 'broken-policy': 422 };

export function fromCaseErrors(errors: CaseError[]): ErrorBody {
  const first = errors[0] ?? { code: 'AVT-E001', pointer: '', message: 'invalid case' };
  const items: ErrorItem[] = errors.map((e) => ({ code: e.code, message: e.message, pointer: e.pointer }));
  return { code: first.code, message: first.message, pointer: first.pointer, ...(items.length > 1 ? { errors: items } : {}) };
}

export function fromEvaluationError(e: EvaluationError): HttpError {
  return new HttpError(statusOfKind[e.kind], fromCaseErrors(e.errors));
}

/** The JSON text of an error answer. */
export const errorJson = (body: ErrorBody): string => JSON.stringify({ error: body });
