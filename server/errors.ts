// The service's one error shape: `{ error: { code, message, pointer?, errors? } }` with a stable code, and
// the HTTP status that goes with each kind of failure. Codes come from dsl/diagnostics/codes.ts.
import { localize, type Code, type Diagnostic } from '../dsl/diagnostics';
import { render, type MsgLang, type Params } from '../dsl/messages/render';
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
  /** `args`: the message's parameters, to give it in the request's language (inLang) */
  constructor(readonly status: number, readonly body: ErrorBody, readonly args?: Params) {
    super(body.message);
  }

  /** The body with its message, and the diagnostics it lists, in a language (the catalogue's, dsl/messages). */
  inLang(lang: MsgLang): ErrorBody {
    const body = this.args ? { ...this.body, message: render(this.body.code, this.args, lang) } : this.body;
    return body.errors ? { ...body, errors: body.errors.map((e) => inLang(e, lang)) } : body;
  }
}

/** A diagnostic (or anything else) as an answer gives it: its message in the language, without its parameters. */
export function inLang<T>(d: T, lang: MsgLang): T {
  if (!d || typeof d !== 'object' || !('args' in d)) return d;
  const { args, ...rest } = localize(d as unknown as Diagnostic, lang);
  void args;
  return rest as T;
}

/** A code's message, as `diagnostic()` makes it, without a source range: Swedish unless asked otherwise. */
export function message(code: Code, args: Params = {}, lang: MsgLang = 'sv'): string {
  return render(code, args, lang);
}

export function httpError(status: number, code: Code, args: Params = {}, extra: Partial<ErrorBody> = {}): HttpError {
  return new HttpError(status, { code, message: message(code, args), ...extra }, args);
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
