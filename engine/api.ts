// The library entry point: what the CLI, the HTTP service and other programs call.
import { diagnostic, localize, NO_RANGE, type Diagnostic } from '../dsl/diagnostics';
import { msg, render, type MsgLang, type Params } from '../dsl/messages/render';
import { dayToIso, localDayOf, parseIsoDate } from './calendar';
import { emptyCase, eventSlot, EVALUATION_DATE, type CaseData } from './case/case-data';
import { validateCase, type CaseError } from './case/validate';
import { evaluate } from './evaluator/evaluate';
import { describePart, evaluateFast, SOURCE, sourceOf, type FastSource, type SourcedFastResult } from './evaluator/fast';
import { monthsInForce } from './months';
import type { EvaluationResult, FastEvaluationResult, VersionInfo } from './evaluator/result';
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
  /** false: no explanation steps (evaluateCase keeps the reasons; the public evaluate gives the decisions without text) */
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

/** The date a case chooses its version by: the day of the ready notice, else of the admission, else the evaluation date. */
export function caseDate(data: CaseData): string | undefined {
  if (!Number.isNaN(data.events[READY])) return dayToIso(localDayOf(data.events[READY]));
  if (!Number.isNaN(data.events[ADMITTED])) return dayToIso(localDayOf(data.events[ADMITTED]));
  if (data.facts[EVALUATION_DATE] !== undefined) return dayToIso(data.facts[EVALUATION_DATE] as number);
  return undefined;
}

/** A valid case with the agreement version to evaluate it under, or the error answer. */
type Prepared = { ok: true; input: { id?: string }; data: CaseData; date: string | undefined; v: PolicyVersion; viaFallback?: { from: string; args: Params } } | { ok: false; answer: EvaluationAnswer & { ok: false } };

/** An error answer as prepare's result (a function of the module: a closure made per call costs on the hot path). */
function fail(answer: EvaluationAnswer): Prepared {
  return { ok: false, answer: answer as EvaluationAnswer & { ok: false } };
}

const lawNotLinked = (p: { law: unknown[] }) => p.law.length === 0;

function prepare(set: PolicySet, raw: unknown, options: EvaluateCaseOptions, lang: MsgLang): Prepared {
  const validated = validateCase(raw, scratch);
  if (!validated.ok) {
    const impossible = validated.errors.every((e) => e.code === 'AVT-E013');
    return fail({ ok: false, error: { kind: impossible ? 'impossible-history' : 'invalid-case', errors: validated.errors.map((e) => caseErrorIn(e, lang)) } });
  }
  const { input, data } = validated;
  const which = set.agreementFor(input.county, input.agreement);
  if (!which.ok) return fail(fromDiagnostic(which.error.code === 'AVT-E015' ? 'wrong-agreement' : 'unknown', which.error, input.agreement ? '/agreement' : '/county', lang));
  let date: string | undefined;
  if (options.on !== undefined) {
    if (parseIsoDate(options.on) === undefined) return fail({ ok: false, error: { kind: 'invalid-case', errors: [{ code: 'AVT-E008', pointer: '', message: render('AVT-E008', { value: options.on }, lang) }] } });
    date = options.on;
  } else date = caseDate(data);
  if (date === undefined && !options.version) {
    return fail(fromDiagnostic('invalid-case', diagnostic('AVT-E010', NO_RANGE), '/events', lang));
  }
  const selection = set.select(which.agreement, date ?? '', options);
  if (!selection.ok) return fail(fromDiagnostic(selection.error.code === 'AVT-E012' ? 'broken-policy' : selection.error.code === 'AVT-E011' ? 'unknown' : 'no-version', selection.error, '', lang));
  const v: PolicyVersion = selection.version;
  // Never an answer without the law's conditions: a version made under a law that is not linked is not used.
  const law = v.analysis.ast.header?.subjectTo?.text;
  if (law && v.compiled && v.compiled.payments.some(lawNotLinked)) {
    return fail(fromDiagnostic('broken-policy', diagnostic('AVT-E012', NO_RANGE, { file: v.source.file, detail: msg('set.law.notLoaded', { law, date: v.info.validFrom }) }), '', lang));
  }
  return { ok: true, input, data, date, v, viaFallback: selection.viaFallback };
}

/**
 * The agreement's own result with the fallback's payments (and the deadlines the agreement does not set itself:
 * the law's call to a SIP within three days for Halland): the law applies where the agreement is silent.
 */
function withBorrowed(result: EvaluationResult, borrowed: EvaluationResult): EvaluationResult {
  const own = new Set(result.deadlines.map((d) => d.id));
  const deadlines = borrowed.deadlines.filter((d) => !own.has(d.id));
  const rules = new Set([...borrowed.payments.map((p) => p.id), ...deadlines.map((d) => d.id)]);
  return {
    ...result,
    deadlines: [...result.deadlines, ...deadlines],
    payments: [...result.payments, ...borrowed.payments],
    explanation: [...result.explanation, ...borrowed.explanation.filter((s) => rules.has(s.rule))],
    citations: { ...Object.fromEntries(Object.entries(borrowed.citations).filter(([rule]) => rules.has(rule))), ...result.citations },
    warnings: [...result.warnings, ...borrowed.warnings],
  };
}

/**
 * Evaluates one care episode under the agreement version in force. The version is chosen by the date
 * of the ready-for-discharge notice, else the admission, else the evaluation date — or by `on`.
 * The result has its texts (reasons, times written out), and the explanation unless `explain: false`;
 * evaluateCaseFast gives the decisions without any text.
 */
export function evaluateCase(set: PolicySet, raw: unknown, options: EvaluateCaseOptions = {}): EvaluationAnswer {
  const lang = options.lang ?? 'sv';
  const prepared = prepare(set, raw, options, lang);
  if (!prepared.ok) return prepared.answer;
  const { input, data, date, v, viaFallback } = prepared;
  const result = evaluate(v.compiled!, data, v.info, { explain: options.explain, caseId: input.id, lang });
  if (viaFallback) return { ok: true, result: { ...result, fallback: { from: viaFallback.from, reason: render('fallback.version', viaFallback.args, lang) } } };
  return { ok: true, result: withFallback(set, v, data, date, result, { explain: options.explain, lang }) };
}

/** The answer of `evaluate(…, { explain: false })`: the decisions as codes, dates and numbers, no text (describe renders it). */
export type FastEvaluationAnswer = { ok: true; result: FastEvaluationResult } | { ok: false; error: EvaluationError };

/**
 * evaluateCase without any text (issue 19): the same choice of agreement and version, the same decisions, as codes,
 * dates and numbers (engine/evaluator/fast.ts). Errors are the same, with their messages.
 */
export function evaluateCaseFast(set: PolicySet, raw: unknown, options: Omit<EvaluateCaseOptions, 'explain'> = {}): FastEvaluationAnswer {
  const lang = options.lang ?? 'sv';
  const prepared = prepare(set, raw, options, lang);
  if (!prepared.ok) return prepared.answer;
  const { input, data, date, v, viaFallback } = prepared;
  const result = evaluateFast(v.compiled!, data, v.info, { caseId: input.id, lang });
  if (viaFallback) {
    const source: FastSource = { ...result[SOURCE], fallback: { from: viaFallback.from, key: 'fallback.version', args: viaFallback.args } };
    return { ok: true, result: { ...result, [SOURCE]: source, fallback: { from: viaFallback.from } } as SourcedFastResult };
  }
  const fb = fallbackFor(set, v, date);
  if (!fb) return { ok: true, result };
  const borrowed = evaluateFast(fb.compiled!, data, fb.info, { lang });
  const own = new Set(result.deadlines.map((d) => d.id));
  const source: FastSource = { ...result[SOURCE], borrowed: borrowed[SOURCE], fallback: { from: v.info.agreement, key: 'fallback.payment', args: fallbackArgs(v, fb) } };
  const merged = {
    ...result,
    [SOURCE]: source,
    deadlines: [...result.deadlines, ...borrowed.deadlines.filter((d) => !own.has(d.id))],
    payments: [...result.payments, ...borrowed.payments],
    warnings: [...result.warnings, ...borrowed.warnings],
    fallback: { from: v.info.agreement },
  };
  return { ok: true, result: merged as SourcedFastResult };
}

/**
 * The texts of a result of `evaluate(…, { explain: false })`, in `lang` (default Swedish): the full result — every
 * reason, the times written out (`due`, `dueInstant`, `actual`, a period's `from`), the fallback's reason — as
 * `explain: true` gives them, with `explanation: []` and `citations: {}`. It renders from the outcomes the result
 * keeps in memory: a result read back from JSON (or passed to another thread) cannot be described; evaluate again.
 * A full result is returned as it is.
 */
export function describe(result: FastEvaluationResult | EvaluationResult, options: { lang?: MsgLang } = {}): EvaluationResult & { fallback?: { from: string; reason: string } } {
  const source = sourceOf(result);
  if (!source) {
    if ('explanation' in result) return result;
    throw new TypeError('describe: the result was not made by evaluate(…, { explain: false }) in this process (its outcomes are not kept in JSON): evaluate the case again');
  }
  const lang = options.lang ?? 'sv';
  let full = describePart(source, lang, result.caseId);
  if (source.borrowed) full = withBorrowed(full, describePart(source.borrowed, lang));
  return source.fallback ? { ...full, fallback: { from: source.fallback.from, reason: render(source.fallback.key, source.fallback.args, lang) } } : full;
}

/** The version a case's fallback reads: its header's fallback, its compiled rules and its info. */
export type FallbackFrom = Pick<PolicyVersion, 'analysis' | 'compiled' | 'info'>;

/**
 * `result` (of `v`) with what the agreement `v` names as its fallback decides where `v` is silent, as evaluateCase
 * gives it: the fallback's version in force on `date` is taken from `set`. The editor's simulator calls this with
 * the bundled laws, so that it shows what evaluateCase gives (Halland: the law's payment).
 */
export function withFallback(set: PolicySet, v: FallbackFrom, data: CaseData, date: string | undefined, result: EvaluationResult, options: { explain?: boolean; lang?: MsgLang } = {}): EvaluationResult & { fallback?: { from: string; reason: string } } {
  const fb = fallbackFor(set, v, date);
  if (!fb) return result;
  const lang = options.lang ?? 'sv';
  const borrowed = evaluate(fb.compiled!, data, fb.info, { explain: options.explain, lang });
  return { ...withBorrowed(result, borrowed), fallback: { from: v.info.agreement, reason: render('fallback.payment', fallbackArgs(v, fb), lang) } };
}

/** The agreement the version names as its fallback, in force on the same date, when the agreement leaves payment to it. */
export function fallbackFor(set: PolicySet, v: FallbackFrom, date: string | undefined): PolicyVersion | undefined {
  const name = v.analysis.ast.header?.fallback?.text;
  // An agreement with a payment rule, or with an economic ladder of its own, regulates payment itself.
  const regulates = (v.compiled?.payments.length ?? 0) > 0 || (v.compiled?.ladders.size ?? 0) > 0;
  if (!name || regulates || date === undefined || !set.has(name)) return undefined;
  const fb = set.select(name, date);
  if (!fb.ok || (fb.version.compiled?.payments.length ?? 0) === 0) return undefined;
  return fb.version;
}

const fallbackArgs = (v: FallbackFrom, fb: PolicyVersion) => ({ agreement: v.info.agreement, version: v.info.version, fallback: fb.info.agreement, fallbackVersion: fb.info.version });

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
