// The library entry point: what the CLI, the HTTP service and other programs call.
import { diagnostic, localize, NO_RANGE, type Diagnostic } from '../dsl/diagnostics';
import { msg, render, type MsgLang } from '../dsl/messages/render';
import { dayToIso, localDayOf, parseIsoDate } from './calendar';
import { emptyCase, eventSlot, EVALUATION_DATE } from './case/case-data';
import { validateCase, type CaseError } from './case/validate';
import { evaluate } from './evaluator/evaluate';
import { monthsInForce } from './months';
import type { EvaluationResult, VersionInfo } from './evaluator/result';
import { evaluateMonths, type MonthsInput, type MonthsOptions, type MonthsResult } from './monthly';
import { PolicySet, type PolicyVersion } from './registry/policy-set';

export type EvaluationError = {
  /**
   * 'invalid-case' (HTTP 400), 'impossible-history' (422: a well-formed case whose events cannot have happened
   * so), 'unknown' county or agreement (404), 'wrong-agreement': the agreement named is another county's (422),
   * 'no-version' in force (422), 'broken-policy' (500 is never used: 422)
   */
  kind: 'invalid-case' | 'impossible-history' | 'unknown' | 'wrong-agreement' | 'no-version' | 'broken-policy';
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
/** The case evaluateCase reads each call into: the evaluation keeps nothing of it, and nothing here runs inside another call. */
const scratch = emptyCase();
const ADMITTED = eventSlot('admitted');

/** A case error with its message in the language (those with parameters: AVT-E013), without the parameters. */
export function caseErrorIn(e: CaseError, lang: MsgLang): CaseError {
  if (!e.args) return e;
  return { code: e.code, pointer: e.pointer, message: localize(e, lang).message };
}

function fromDiagnostic(kind: EvaluationError['kind'], d: Diagnostic, pointer = '', lang: MsgLang = 'sv'): EvaluationAnswer {
  return { ok: false, error: { kind, errors: [{ code: d.code, pointer, message: localize(d, lang).message }] } };
}

/**
 * Evaluates one care episode under the agreement version in force. The version is chosen by the date
 * of the ready-for-discharge notice, else the admission, else the evaluation date — or by `on`.
 */
export function evaluateCase(set: PolicySet, raw: unknown, options: EvaluateCaseOptions = {}): EvaluationAnswer {
  const validated = validateCase(raw, scratch);
  const lang = options.lang ?? 'sv';
  if (!validated.ok) {
    const impossible = validated.errors.every((e) => e.code === 'AVT-E013');
    return { ok: false, error: { kind: impossible ? 'impossible-history' : 'invalid-case', errors: validated.errors.map((e) => caseErrorIn(e, lang)) } };
  }
  const { input, data } = validated;
  const which = set.agreementFor(input.county, input.agreement);
  if (!which.ok) return fromDiagnostic(which.error.code === 'AVT-E015' ? 'wrong-agreement' : 'unknown', which.error, input.agreement ? '/agreement' : '/county', lang);
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
  // Never an answer without the law's conditions: a version made under a law that is not linked is not used.
  const law = v.analysis.ast.header?.subjectTo?.text;
  if (law && v.compiled && v.compiled.payments.some((p) => p.law.length === 0)) {
    return fromDiagnostic('broken-policy', diagnostic('AVT-E012', NO_RANGE, { file: v.source.file, detail: msg('set.law.notLoaded', { law, date: v.info.validFrom }) }), '', lang);
  }
  const result = evaluate(v.compiled!, data, v.info, { explain: options.explain, caseId: input.id, lang });
  if (selection.viaFallback) return { ok: true, result: { ...result, fallback: { from: selection.viaFallback.from, reason: render('fallback.version', selection.viaFallback.args, lang) } } };
  const borrowed = fallbackPayments(set, v, data, date, options.explain, lang);
  if (!borrowed) return { ok: true, result };
  // The fallback's deadlines that the agreement does not set itself (the law's call to a SIP within three days
  // for Halland) apply too: the law applies where the agreement is silent.
  const own = new Set(result.deadlines.map((d) => d.id));
  const deadlines = borrowed.result.deadlines.filter((d) => !own.has(d.id));
  const rules = new Set([...borrowed.result.payments.map((p) => p.id), ...deadlines.map((d) => d.id)]);
  return {
    ok: true,
    result: {
      ...result,
      deadlines: [...result.deadlines, ...deadlines],
      payments: [...result.payments, ...borrowed.result.payments],
      explanation: [...result.explanation, ...borrowed.result.explanation.filter((s) => rules.has(s.rule))],
      citations: { ...Object.fromEntries(Object.entries(borrowed.result.citations).filter(([rule]) => rules.has(rule))), ...result.citations },
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

/** A monthly ladder run: the county's (or the named agreement's) ladder over averages or raw episodes. */
export type MonthsRequest = MonthsInput &
  MonthsOptions & {
    county?: string;
    agreement?: string;
    /** Choose the version in force on this date (default: the first day the input mentions), or by label. */
    on?: string;
    version?: string;
  };

export type MonthsAnswer = { ok: true; result: Omit<MonthsResult, 'version'> & { version: VersionInfo; fallback?: { from: string; reason: string } } } | { ok: false; error: EvaluationError };

/** The first day the input mentions: the first month of the averages, or the earliest date among the episodes. */
function firstDateOf(input: MonthsInput): string | undefined {
  if ('averages' in input) {
    const months = input.averages && typeof input.averages === 'object' ? Object.values(input.averages as Record<string, unknown>).flatMap((m) => (m && typeof m === 'object' ? Object.keys(m) : [])) : [];
    const first = months.filter((k) => /^\d{4}-\d{2}$/.test(k)).sort()[0];
    return first && `${first}-01`;
  }
  const text = typeof input.episodes === 'string' ? input.episodes : JSON.stringify(input.episodes ?? []);
  let min: string | undefined;
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) if (min === undefined || m[0] < min) min = m[0];
  return min;
}

/**
 * Runs a monthly escalation ladder (engine/monthly) under the agreement of `county` that has one, or the one
 * `agreement` names, in the version in force on `on` (else the first day the input mentions) or of `version`.
 * Problems in the input are the result's `diagnostics` (`ok: false` in the result), not an error.
 */
export function evaluateMonthsFor(set: PolicySet, request: MonthsRequest): MonthsAnswer {
  const { county, agreement: named, on, version, municipality, ladder, from, to, explain } = request;
  const lang = request.lang ?? 'sv';
  const fail = (kind: EvaluationError['kind'], d: Diagnostic, pointer: string): MonthsAnswer => ({ ok: false, error: { kind, errors: [{ code: d.code, pointer, message: localize(d, lang).message }] } });
  let agreement = named;
  if (agreement !== undefined) {
    const which = set.agreementFor(county ?? set.countyOf(agreement) ?? PolicySet.NATIONAL, agreement);
    if (!which.ok) return fail(which.error.code === 'AVT-E015' ? 'wrong-agreement' : 'unknown', which.error, '/agreement');
  } else {
    const withLadder = county === undefined ? [] : set.ladderAgreements(county);
    if (withLadder.length !== 1) {
      const d = withLadder.length === 0 ? diagnostic('AVT-E003', NO_RANGE, { county: county ?? '(none)', known: set.counties().filter((c) => set.agreements().some((a) => set.countyOf(a) === c && set.versionsOf(a).some((v) => (v.compiled?.ladders.size ?? 0) > 0))).join(', ') }) : diagnostic('AVT-E009', NO_RANGE, { county: county!, agreements: withLadder.join(', ') });
      return fail('unknown', d, withLadder.length === 0 ? '/county' : '/agreement');
    }
    agreement = withLadder[0];
  }
  if (on !== undefined && parseIsoDate(on) === undefined) return fail('invalid-case', diagnostic('AVT-E008', NO_RANGE, { value: on }), '/on');
  const input: MonthsInput = 'averages' in request ? { averages: request.averages } : 'format' in request ? { episodes: request.episodes as string, format: request.format } : { episodes: request.episodes as unknown[] };
  // Each month under the version in force for the whole of it, unless `on` or `version` names one for the series.
  if (on === undefined && version === undefined) {
    const r = monthsInForce(set, agreement, input, { municipality, ladder, from, to, explain, lang });
    const info = r && set.versionsOf(agreement).find((v) => v.info.version === r.version)?.info;
    if (r && info) return { ok: true, result: { ...r, version: info } };
  }
  // A version named by its label needs no date (the input is not scanned for one).
  const date = on ?? (version === undefined ? firstDateOf(request) : undefined) ?? new Date().toISOString().slice(0, 10);
  const selection = set.select(agreement, date, { version });
  if (!selection.ok) return fail(selection.error.code === 'AVT-E012' ? 'broken-policy' : version && selection.error.code === 'AVT-E004' ? 'unknown' : 'no-version', selection.error, version ? '/version' : '');
  const result = evaluateMonths(selection.version.compiled!, input, { municipality, ladder, from, to, explain, lang });
  const fallback = selection.viaFallback && { from: selection.viaFallback.from, reason: render('fallback.version', selection.viaFallback.args, lang) };
  return { ok: true, result: { ...result, version: selection.version.info, ...(fallback ? { fallback } : {}) } };
}
