// The cheap way in for a case: one pass over the object on tables made once from the vocabulary, every time and
// date read by character codes, straight into the evaluator's arrays. It reads only what is certainly a valid,
// possible case — the same CaseData validateCase's careful path (the generated schema validator, then
// parseInstant) gives — and says no to everything else, without saying why: the careful path then decides and
// names the field. Test: test/engine/well-formed.test.ts compares the two paths on generated and mutated cases.
import { EVENTS, FACTS, GIVEN_FACTS, type FactEntry } from '../../dsl/builtins/vocabulary';
import { scanInstant, scanIsoDate } from '../calendar';
import { CARE_TYPE, EVALUATION_DATE, MUNICIPALITY, factSlot, recordOccurrences, type CaseData } from './case-data';
import { historyErrors, isPossibleWithoutHistory } from './history';

/** An event's slot, and whether it happens at most once (then a single time, never a list). */
const EVENT_OF = new Map(EVENTS.map((e, slot) => [e.id, { slot, once: e.history?.once === true }]));
/** The facts a case's `facts` may give (the others come from the case's own fields): slot and type. */
const FACT_OF = new Map<string, { slot: number; entry: FactEntry }>(
  GIVEN_FACTS.map((f) => [f.id, { slot: factSlot(f.id), entry: f }]),
);
const ENUM_IDS = new Map(FACTS.filter((f) => f.type === 'enum').map((f) => [f.id, new Set((f.values ?? []).map((v) => v.id))]));

// The schema's string limits (engine/case/schema.ts) count code points; a text no longer in UTF-16 units is
// certainly within them, a longer one goes the careful way.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max;

/** A fact's value as the schema allows it; false for anything else. */
function factValue(entry: FactEntry, v: unknown): boolean {
  switch (entry.type) {
    case 'boolean': return typeof v === 'boolean';
    case 'count': return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 150;
    case 'text': return text(v, 200);
    case 'enum': return typeof v === 'string' && ENUM_IDS.get(entry.id)!.has(v);
    case 'date': return false; // read as a day, below
  }
}

/** Every occurrence of a recurring event, in time order, into `c`; false when one is not read or the order is wrong. */
function occurrencesInto(c: CaseData, slot: number, list: unknown[]): boolean {
  if (list.length === 0 || list.length > 100) return false;
  const times: number[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    const t = typeof v === 'string' ? scanInstant(v) : NaN;
    if (t !== t || (i > 0 && t < times[i - 1])) return false;
    times[i] = t;
  }
  recordOccurrences(c, slot, times);
  return true;
}

/**
 * Reads `raw` into `into` (an empty case: emptyCase(), or one reset the same way) when it is a valid, possible
 * case; false otherwise, and `into` is then partly written. `needCounty: false` reads an episode of a monthly
 * file, which may leave the county out.
 */
export function readWellFormed(raw: unknown, into: CaseData, needCounty = true): boolean {
  if (!isObject(raw)) return false;
  let county = false;
  let careType: string | undefined;
  for (const key in raw) {
    const v = raw[key];
    switch (key) {
      case 'id':
      case 'municipality':
        if (!text(v, 200)) return false;
        break;
      case 'county':
        if (!text(v, 60) || v === '') return false;
        county = true;
        break;
      case 'agreement':
        if (!text(v, 60)) return false;
        break;
      case 'careType':
        if (v !== 'somatic' && v !== 'psychiatric') return false;
        careType = v;
        break;
      case 'evaluationDate': {
        const day = typeof v === 'string' ? scanIsoDate(v) : NaN;
        if (day !== day) return false;
        into.facts[EVALUATION_DATE] = day;
        break;
      }
      case 'events':
        if (!isObject(v)) return false;
        for (const id in v) {
          const e = EVENT_OF.get(id);
          const value = v[id];
          if (e === undefined) return false;
          if (typeof value === 'string') {
            const t = scanInstant(value);
            if (t !== t) return false;
            into.events[e.slot] = t;
          } else if (e.once || !Array.isArray(value) || !occurrencesInto(into, e.slot, value)) return false;
        }
        break;
      case 'facts':
        if (!isObject(v)) return false;
        for (const id in v) {
          const f = FACT_OF.get(id);
          const value = v[id];
          if (f === undefined) return false;
          if (f.entry.type === 'date') {
            const day = typeof value === 'string' ? scanIsoDate(value) : NaN;
            if (day !== day) return false;
            into.facts[f.slot] = day;
          } else if (factValue(f.entry, value)) into.facts[f.slot] = value as boolean | number | string;
          else return false;
        }
        break;
      default:
        return false;
    }
  }
  if (needCounty && !county) return false;
  into.facts[CARE_TYPE] = careType ?? 'somatic';
  if (raw.municipality !== undefined) into.facts[MUNICIPALITY] = raw.municipality as string;
  // A possible history only: an impossible one goes the careful way, which names the event that makes it so.
  return into.history === undefined ? isPossibleWithoutHistory(into) : historyErrors(into).length === 0;
}
