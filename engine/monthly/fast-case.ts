// A fast path for reading many episodes: a plain case object whose fields are all well-formed becomes
// CaseData without the JSON Schema validator; anything unusual returns undefined, and the caller falls
// back to validateCase, which names the field that is wrong. The results of the two paths are equal.
import { lookupVocabulary, lookupEnumValue, type FactEntry } from '../../dsl/builtins/vocabulary';
import { dayFromYmd, MS_PER_DAY } from '../calendar/day';
import { utcOffsetMinutes } from '../calendar';
import { emptyCase, EVALUATION_DATE, factSlot, eventSlot, type CaseData } from '../case/case-data';
import { isPossibleWithoutHistory } from '../case/history';

const TOP = new Set(['id', 'county', 'agreement', 'municipality', 'careType', 'events', 'facts', 'evaluationDate']);
const CARE_TYPE = factSlot('care_type');
const MUNICIPALITY = factSlot('municipality');

const digits = (s: string, from: number, n: number): number => {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

/** `YYYY-MM-DDTHH:MM` (or with a space) in Swedish local time, on a day without a clock change; else NaN. */
export function fastLocalInstant(s: string): number {
  if (s.length !== 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return NaN;
  const y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2), mi = digits(s, 14, 2);
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return NaN;
  const day = dayFromYmd(y, mo, d);
  if (dayFromYmd(y, mo, 1) + d - 1 !== day || (d > 28 && dayFromYmd(y, mo + 1, 1) <= day)) return NaN; // not a date of the calendar
  const midnight = day * MS_PER_DAY;
  const o = utcOffsetMinutes(midnight - 2 * 3_600_000);
  if (o !== utcOffsetMinutes(midnight + 26 * 3_600_000)) return NaN; // a clock-change day: the careful path decides
  return midnight + (h * 60 + mi - o) * 60_000;
}

export function fastCase(raw: Record<string, unknown>): CaseData | undefined {
  for (const k in raw) if (!TOP.has(k)) return undefined;
  const data = emptyCase();
  const events = raw.events;
  if (events !== undefined) {
    if (!events || typeof events !== 'object' || Array.isArray(events)) return undefined;
    for (const [k, v] of Object.entries(events)) {
      const e = lookupVocabulary(k);
      if (!e || e.kind !== 'event' || e.id !== k || typeof v !== 'string') return undefined;
      const t = fastLocalInstant(v);
      if (Number.isNaN(t)) return undefined;
      data.events[eventSlot(k)] = t;
    }
  }
  const facts = raw.facts;
  if (facts !== undefined) {
    if (!facts || typeof facts !== 'object' || Array.isArray(facts)) return undefined;
    for (const [k, v] of Object.entries(facts)) {
      const f = lookupVocabulary(k) as FactEntry | undefined;
      if (!f || f.kind !== 'fact' || f.id !== k || k === 'care_type' || k === 'municipality' || k === 'evaluation_date') return undefined;
      if (f.type === 'boolean' ? typeof v !== 'boolean' : f.type === 'count' ? typeof v !== 'number' || !Number.isInteger(v) || v < 0 : f.type === 'enum' ? typeof v !== 'string' || !lookupEnumValue(f, v) || lookupEnumValue(f, v)!.id !== v : f.type === 'text' ? typeof v !== 'string' : true) return undefined;
      data.facts[factSlot(k)] = v as boolean | number | string;
    }
  }
  if (raw.careType !== undefined && raw.careType !== 'somatic' && raw.careType !== 'psychiatric') return undefined;
  if (raw.evaluationDate !== undefined || (raw.id !== undefined && typeof raw.id !== 'string')) return undefined;
  data.facts[CARE_TYPE] = (raw.careType as string | undefined) ?? 'somatic';
  if (typeof raw.municipality === 'string') data.facts[MUNICIPALITY] = raw.municipality;
  void EVALUATION_DATE;
  // An impossible history goes the careful way, which names the event that makes it impossible.
  return isPossibleWithoutHistory(data) ? data : undefined;
}
