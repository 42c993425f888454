// What is wrong with a case the schema refuses (AVT-E001's {detail}; engine/case/validate.ts), in Swedish and
// English. English keeps the words the schema validator has always used ("must be boolean", "is required").
import type { Message, MsgLang, Params } from './types';

const s = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
type TextFn = (p: Params, lang?: MsgLang) => string;
const f = (sv: TextFn, en: TextFn): { sv: TextFn; en: TextFn } => ({ sv, en });

const SV_TYPES: Record<string, string> = {
  boolean: 'ja eller nej (true eller false)', string: 'en text', integer: 'ett heltal', number: 'ett tal', object: 'ett objekt', array: 'en lista', null: 'null',
};

export const CASE_MESSAGES = {
  'case.required': { sv: 'krävs', en: 'is required' },
  'case.unknownField': f(
    (p) => `är inget känt fält${p.where === 'events' ? ' (se `avtal schema` för händelsernas namn)' : p.where === 'facts' ? ' (se `avtal schema` för uppgifternas namn)' : ''}`,
    (p) => `is not a known field${p.where === 'events' ? ' (see `avtal schema` for the event names)' : p.where === 'facts' ? ' (see `avtal schema` for the fact names)' : ''}`,
  ),
  'case.oneOf': f((p) => `ska vara ett av ${s(p.values)}`, (p) => `must be one of ${s(p.values)}`),
  'case.type': f((p) => `ska vara ${SV_TYPES[s(p.type)] ?? s(p.type)}`, (p) => `must be ${s(p.type)}`),
  'case.instant': f(
    () => 'är ingen tidpunkt: skriv ÅÅÅÅ-MM-DDTHH:MM (svensk tid) eller med tidszon, t.ex. 2019-01-07T11:00 eller 2019-01-07T11:00:00+01:00',
    (p) => `must match pattern "${s(p.pattern)}" (a date and time: YYYY-MM-DDTHH:MM, Swedish local time, or with an offset)`,
  ),
  'case.date': f(() => 'är inget datum: skriv ÅÅÅÅ-MM-DD', (p) => `must match pattern "${s(p.pattern)}" (a date: YYYY-MM-DD)`),
  'case.maxLength': f((p) => `får ha högst ${s(p.limit)} tecken`, (p) => `must NOT have more than ${s(p.limit)} characters`),
  'case.minLength': f((p) => (p.limit === 1 ? 'får inte vara tom' : `ska ha minst ${s(p.limit)} tecken`), (p) => `must NOT have fewer than ${s(p.limit)} characters`),
  'case.maxItems': f((p) => `får ha högst ${s(p.limit)} tidpunkter`, (p) => `must NOT have more than ${s(p.limit)} items`),
  'case.minItems': f((p) => `ska ha minst ${s(p.limit)} tidpunkt`, (p) => `must NOT have fewer than ${s(p.limit)} items`),
  'case.maximum': f((p) => `får vara högst ${s(p.limit)}`, (p) => `must be <= ${s(p.limit)}`),
  'case.minimum': f((p) => `ska vara minst ${s(p.limit)}`, (p) => `must be >= ${s(p.limit)}`),
  // a text the schema lets through as a time but the calendar cannot read (engine/calendar/instant-parse.ts)
  'case.time.form': f(
    (p) => `»${s(p.value)}« är ingen tidpunkt: skriv ÅÅÅÅ-MM-DDTHH:MM (svensk tid) eller med tidszon, t.ex. 2019-01-07T11:00 eller 2019-01-07T11:00:00+01:00`,
    (p) => `'${s(p.value)}' is not a date and time: write YYYY-MM-DDTHH:MM (Swedish local time) or with an offset, e.g. 2019-01-07T11:00 or 2019-01-07T11:00:00+01:00`,
  ),
  'case.time.date': f((p) => `»${s(p.value)}«: datumet finns inte i kalendern`, (p) => `'${s(p.value)}': no such date in the calendar`),
  'case.time.time': f((p) => `»${s(p.value)}«: klockslaget ska vara mellan 00:00:00 och 23:59:59`, (p) => `'${s(p.value)}': the time of day must be between 00:00:00 and 23:59:59`),
  'case.time.offset': f((p) => `»${s(p.value)}«: tidszonens förskjutning ska vara högst 23:59`, (p) => `'${s(p.value)}': the UTC offset must be at most 23:59`),
  'case.other': f((p) => `är ogiltigt (${s(p.detail)})`, (p) => s(p.detail)),
} satisfies Record<string, Message>;
