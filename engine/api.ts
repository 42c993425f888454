// The library entry point: what the CLI, the HTTP service and other programs call.
import { diagnostic, localize, NO_RANGE, type Diagnostic } from '../dsl/diagnostics';
import { render, type MsgLang } from '../dsl/messages/render';
import { dayToIso, localDayOf, parseIsoDate } from './calendar';
import { eventSlot, EVALUATION_DATE } from './case/case-data';
import { validateCase, type CaseError } from './case/validate';
import { evaluate } from './evaluator/evaluate';
import type { EvaluationResult } from './evaluator/result';
import type { PolicySet, PolicyVersion } from './registry/policy-set';

export type EvaluationError = {
  /** 'invalid-case' (HTTP 400), 'unknown' county or agreement (404), 'no-version' in force (422), 'broken-policy' (500 is never used: 422) */
  kind: 'invalid-case' | 'unknown' | 'no-version' | 'broken-policy';
  errors: CaseError[];
};

export type EvaluationAnswer = { ok: true; result: EvaluationResult & { fallback?: { from: string; reason: string } } } | { ok: false; error: EvaluationError };

export interface EvaluateCaseOptions {
  /** Choose the version in force on this date (YYYY-MM-DD) instead of the case's own date. */
  on?: string;
  /** Choose this version label, drafts included. */
  version?: string;
  explain?: boolean;
  /** the language of messages: reasons, explanation steps, warnings and errors (default Swedish) */
  lang?: MsgLang;
}

const READY = eventSlot('ready_notice_sent');
const ADMITTED = eventSlot('admitted');

function fromDiagnostic(kind: EvaluationError['kind'], d: Diagnostic, pointer = '', lang: MsgLang = 'sv'): EvaluationAnswer {
  return { ok: false, error: { kind, errors: [{ code: d.code, pointer, message: localize(d, lang).message }] } };
}

/**
 * Evaluates one care episode under the agreement version in force. The version is chosen by the date
 * of the ready-for-discharge notice, else the admission, else the evaluation date — or by `on`.
 */
export function evaluateCase(set: PolicySet, raw: unknown, options: EvaluateCaseOptions = {}): EvaluationAnswer {
  const validated = validateCase(raw);
  if (!validated.ok) return { ok: false, error: { kind: 'invalid-case', errors: validated.errors } };
  const { input, data } = validated;
  const which = set.agreementFor(input.county, input.agreement);
  const lang = options.lang ?? 'sv';
  if (!which.ok) return fromDiagnostic('unknown', which.error, input.agreement ? '/agreement' : '/county', lang);
  let date: string | undefined;
  if (options.on !== undefined) {
    if (parseIsoDate(options.on) === undefined) return { ok: false, error: { kind: 'invalid-case', errors: [{ code: 'AVT-E008', pointer: '', message: render('AVT-E008', { value: options.on }, lang) }] } };
    date = options.on;
  } else if (!Number.isNaN(data.events[READY])) date = dayToIso(localDayOf(data.events[READY]));
  else if (!Number.isNaN(data.events[ADMITTED])) date = dayToIso(localDayOf(data.events[ADMITTED]));
  else if (data.facts[EVALUATION_DATE] !== undefined) date = dayToIso(data.facts[EVALUATION_DATE] as number);
  if (date === undefined && !options.version) {
    return fromDiagnostic('invalid-case', diagnostic('AVT-E010', NO_RANGE), '/events', lang);
  }
  const selection = set.select(which.agreement, date ?? '', { version: options.version });
  if (!selection.ok) return fromDiagnostic(selection.error.code === 'AVT-E012' ? 'broken-policy' : selection.error.code === 'AVT-E011' ? 'unknown' : 'no-version', selection.error, '', lang);
  const v: PolicyVersion = selection.version;
  const result = evaluate(v.compiled!, data, v.info, { explain: options.explain, caseId: input.id, lang });
  if (selection.viaFallback) return { ok: true, result: { ...result, fallback: { from: selection.viaFallback.from, reason: render('fallback.version', selection.viaFallback.args, lang) } } };
  const borrowed = fallbackPayments(set, v, data, date, options.explain, lang);
  if (!borrowed) return { ok: true, result };
  return {
    ok: true,
    result: {
      ...result,
      payments: [...result.payments, ...borrowed.result.payments],
      explanation: [...result.explanation, ...borrowed.result.explanation.filter((s) => borrowed.result.payments.some((p) => p.id === s.rule))],
      warnings: [...result.warnings, ...borrowed.result.warnings],
      fallback: borrowed.fallback,
    },
  };
}

/**
 * An agreement without a payment rule (nor a ladder) leaves payment to the agreement it names as its fallback (the national
 * law: its 5 kap. 4 § applies where no agreement sets the time). The fallback's version in force on the same
 * date is evaluated, and its payment results are added to the agreement's own deadlines.
 */
function fallbackPayments(set: PolicySet, v: PolicyVersion, data: Parameters<typeof evaluate>[1], date: string | undefined, explain: boolean | undefined, lang: MsgLang = 'sv') {
  const name = v.analysis.ast.header?.fallback?.text;
  // An agreement with a payment rule, or with an economic ladder of its own, regulates payment itself.
  const regulates = (v.compiled?.payments.length ?? 0) > 0 || (v.compiled?.ladders.size ?? 0) > 0;
  if (!name || regulates || date === undefined || !set.has(name)) return undefined;
  const fb = set.select(name, date);
  if (!fb.ok || (fb.version.compiled?.payments.length ?? 0) === 0) return undefined;
  const result = evaluate(fb.version.compiled!, data, fb.version.info, { explain, lang });
  const reason = render('fallback.payment', { agreement: v.info.agreement, version: v.info.version, fallback: name, fallbackVersion: fb.version.info.version }, lang);
  return { result, fallback: { from: v.info.agreement, reason } };
}
