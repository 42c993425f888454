// Case input → CaseData. A valid case is read in one pass on precomputed tables (well-formed.ts); anything else
// goes the careful way: the JSON Schema (its validator generated ahead of time by ajv's standalone code,
// schema-validator.js: nothing is compiled at run time), then every instant parsed at the edge with the
// calendar's DST rule. Errors name the field by JSON pointer; nothing throws.
import type { CaseInput } from './schema';
import { validate as validateSchema } from './schema-validator';
import { readWellFormed } from './well-formed';
import { CARE_TYPE, emptyCase, resetCase, eventSlot, factSlot, MUNICIPALITY, recordOccurrences, EVALUATION_DATE, type CaseData } from './case-data';
import { parseInstant, parseIsoDate, type LocalTimeResult } from '../calendar';
import type { Code } from '../../dsl/diagnostics';
import { FACTS } from '../../dsl/builtins/vocabulary';
import { msg, render, type Params } from '../../dsl/messages';
import { historyError, historyErrors } from './history';

export interface CaseError {
  code: Code;
  pointer: string; // JSON pointer to the field, '' for the whole case
  message: string;
  /** the message's parameters, to render it in another language (`localize(e, lang)`); AVT-E013 has them */
  args?: Params;
}

export type CaseResult = { ok: true; input: CaseInput; data: CaseData } | { ok: false; errors: CaseError[] };

/** One JSON pointer step (RFC 6901): '~' and '/' in a key are escaped. */
export const pointerStep = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The value at a JSON pointer (ajv's instancePath) in `raw`. */
function at(raw: unknown, pointer: string): unknown {
  let v = raw;
  for (const step of pointer.split('/').slice(1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[step.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return v;
}

function schemaErrors(raw: unknown): CaseError[] {
  // An event is one time or an array of times (oneOf): report only the branch the value took.
  const errors = (validateSchema.errors ?? []).filter((e) => {
    if (e.keyword === 'oneOf') return false;
    const branch = /\/oneOf\/(\d+)\//.exec(e.schemaPath);
    if (!branch) return true;
    const pointer = e.instancePath.replace(/\/\d+$/, '');
    const isArray = Array.isArray(at(raw, pointer)) || Array.isArray(at(raw, e.instancePath));
    return branch[1] === (isArray ? '1' : '0');
  });
  return errors.map((e) => {
    const { pointer, detail } = schemaProblem(e);
    const args = { detail };
    return { code: 'AVT-E001' as Code, pointer, message: render('AVT-E001', args, 'en'), args };
  });
}

/** What a schema validator's error object says. */
export interface SchemaErrorObject {
  keyword: string;
  instancePath: string;
  params: unknown;
  message?: string;
}

/**
 * A JSON Schema error (ajv's) as a located message of the catalogue (dsl/messages/case.ts): the pointer of the
 * field (with the unknown or missing member's name) and what is wrong with it. The service's request schemas use
 * it too, so a query string or a draft is refused in the same words as a case. `pattern`: what a text that does
 * not match a pattern is told (by default, a case's time or date).
 */
export function schemaProblem(e: SchemaErrorObject, pattern?: (pattern: string) => { code: string; params: Params }): { pointer: string; detail: { code: string; params: Params } } {
  let pointer = e.instancePath;
  const p = e.params as Record<string, unknown>;
  let detail: { code: string; params: Params };
  if (e.keyword === 'additionalProperties') {
    pointer = `${pointer}/${pointerStep(String(p.additionalProperty))}`;
    detail = msg('case.unknownField', { where: pointer.startsWith('/events') ? 'events' : pointer.startsWith('/facts') ? 'facts' : '' });
  } else if (e.keyword === 'required') {
    pointer = `${pointer}/${pointerStep(String(p.missingProperty))}`;
    detail = msg('case.required');
  } else if (e.keyword === 'enum') detail = msg('case.oneOf', { values: (p.allowedValues as unknown[]).join(', ') });
  else if (e.keyword === 'type') detail = msg('case.type', { type: String(p.type) });
  else if (e.keyword === 'pattern') detail = pattern ? pattern(String(p.pattern)) : msg(String(p.pattern).includes('[T ]') ? 'case.instant' : 'case.date', { pattern: String(p.pattern) });
  else if (e.keyword === 'format' && p.format === 'date') detail = msg('case.date', { pattern: 'YYYY-MM-DD' });
  else if (e.keyword === 'maxLength' || e.keyword === 'minLength' || e.keyword === 'maxItems' || e.keyword === 'minItems' || e.keyword === 'maximum' || e.keyword === 'minimum') {
    detail = msg(`case.${e.keyword}`, { limit: Number(p.limit) });
  } else detail = msg('case.other', { detail: e.message ?? 'is invalid' });
  return { pointer, detail };
}

/** A time the calendar cannot read: AVT-E002 for a local time the clocks skip, otherwise AVT-E001 with why. */
function timeError(pointer: string, value: string, parsed: Exclude<LocalTimeResult, { ok: true }>): CaseError {
  if (parsed.code === 'nonexistent-local-time') {
    const args = { value: parsed.local };
    return { code: 'AVT-E002', pointer, message: render('AVT-E002', args, 'en'), args };
  }
  const args = { detail: msg(`case.time.${parsed.why}`, { value }) };
  return { code: 'AVT-E001', pointer, message: render('AVT-E001', args, 'en'), args };
}

/**
 * `raw` checked and read into CaseData. With `into`, a valid case is read into that case (emptied first) instead
 * of a new one: for a caller that evaluates one case at a time and keeps nothing of it.
 */
export function validateCase(raw: unknown, into?: CaseData): CaseResult {
  const data = into ? resetCase(into) : emptyCase();
  if (readWellFormed(raw, data)) return { ok: true, input: raw as CaseInput, data };
  return validateCaseCarefully(raw);
}

/** validateCase without the one-pass reading: the schema, then each time parsed; every error located. */
export function validateCaseCarefully(raw: unknown): CaseResult {
  if (!validateSchema(raw)) return { ok: false, errors: schemaErrors(raw) };
  const input = raw as CaseInput;
  const data = emptyCase();
  const errors: CaseError[] = [];
  const events = input.events ?? {};
  for (const id in events) {
    const value = events[id as keyof typeof events];
    if (value === undefined) continue;
    if (typeof value === 'string') {
      const parsed = parseInstant(value);
      if (parsed.ok) data.events[eventSlot(id)] = parsed.epochMs;
      else errors.push(timeError(`/events/${id}`, value, parsed));
      continue;
    }
    // Every occurrence, in time order.
    const times: number[] = [];
    value.forEach((v, i) => {
      const parsed = parseInstant(v);
      if (!parsed.ok) errors.push(timeError(`/events/${id}/${i}`, v, parsed));
      else if (times.length > 0 && parsed.epochMs < times[times.length - 1]) errors.push(historyError(`/events/${id}/${i}`, 'history.outOfOrder', { at: v }));
      else times.push(parsed.epochMs);
    });
    recordOccurrences(data, eventSlot(id), times);
  }
  if (errors.length === 0) errors.push(...historyErrors(data));
  const facts = input.facts ?? {};
  for (const id in facts) {
    const value = facts[id as keyof typeof facts];
    // Date facts are calendar Day numbers inside, like the evaluation date.
    if (FACTS[factSlot(id)].type === 'date' && typeof value === 'string') {
      const day = parseIsoDate(value);
      if (day === undefined) errors.push({ code: 'AVT-E008', pointer: `/facts/${id}`, message: `${value} is not a date of the calendar` });
      else data.facts[factSlot(id)] = day;
    } else data.facts[factSlot(id)] = value;
  }
  data.facts[CARE_TYPE] = input.careType ?? 'somatic';
  if (input.municipality !== undefined) data.facts[MUNICIPALITY] = input.municipality;
  if (input.evaluationDate !== undefined) {
    const day = parseIsoDate(input.evaluationDate);
    if (day === undefined) errors.push({ code: 'AVT-E008', pointer: '/evaluationDate', message: `${input.evaluationDate} is not a date of the calendar` });
    else data.facts[EVALUATION_DATE] = day;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input, data };
}
