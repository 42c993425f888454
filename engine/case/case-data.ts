// The evaluator's view of one care episode: flat arrays indexed by the shared vocabulary, so rules
// read an event or a fact with one array access. Instants are epoch milliseconds (NaN: not recorded).
import { EVENTS, FACTS, EVENT_INDEX, FACT_INDEX } from '../../dsl/builtins/vocabulary';

export type FactValue = boolean | number | string | undefined;

export interface CaseData {
  events: Float64Array; // the first occurrence of each event
  facts: FactValue[]; // booleans, counts, enum ids, texts; dates as calendar Day numbers
  /**
   * The episode as a history: every occurrence, in time order, of each event recorded more than once, by
   * slot. Absent when every event occurs at most once (the common case, which the rules read from `events`).
   */
  history?: (Float64Array | undefined)[];
}

export function emptyCase(): CaseData {
  return { events: new Float64Array(EVENTS.length).fill(NaN), facts: new Array(FACTS.length).fill(undefined) };
}

/** `c` emptied for another case, as emptyCase() would make it (a Float64Array costs more to allocate than a case to read). */
export function resetCase(c: CaseData): CaseData {
  // Plain loops: for these few slots, fill's builtin costs more than the writes (facts.fill was 5% of evaluate's time).
  const { events, facts } = c;
  for (let i = 0; i < events.length; i++) events[i] = NaN;
  for (let i = 0; i < facts.length; i++) facts[i] = undefined;
  c.history = undefined;
  return c;
}

/** Every occurrence of an event, in time order: [] when not recorded. */
export function occurrences(c: CaseData, slot: number): ArrayLike<number> {
  const h = c.history?.[slot];
  if (h) return h;
  const t = c.events[slot];
  return t === t ? [t] : [];
}

/** Records the occurrences (in time order) of the event in `slot`: the first in `events`, all in `history` when more than one. */
export function recordOccurrences(c: CaseData, slot: number, times: readonly number[]): void {
  c.events[slot] = times.length > 0 ? times[0] : NaN;
  if (times.length > 1) (c.history ??= new Array(EVENTS.length).fill(undefined))[slot] = Float64Array.from(times);
  else if (c.history) c.history[slot] = undefined;
}

export function eventSlot(id: string): number {
  const i = EVENT_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown event ${id}`); // the checker has resolved every name
  return i;
}

export function factSlot(id: string): number {
  const i = FACT_INDEX.get(id);
  if (i === undefined) throw new Error(`unknown fact ${id}`);
  return i;
}

/** The slot of the fact a case gives as a field of its own (vocabulary `caseField`). */
const fieldSlot = (field: NonNullable<(typeof FACTS)[number]['caseField']>): number => {
  const f = FACTS.find((x) => x.caseField === field);
  if (!f) throw new Error(`no fact is the case's ${field}`); // the vocabulary has one for each field
  return factSlot(f.id);
};
export const EVALUATION_DATE = fieldSlot('evaluationDate');
export const CARE_TYPE = fieldSlot('careType');
export const MUNICIPALITY = fieldSlot('municipality');

/**
 * The ready periods of a history as `[anchor, withdrawal or NaN]`, in time order: each occurrence of the anchor
 * event opens a period unless one is open (a repeated anchor while a period is open does not restart it); the
 * first withdrawal at or after it closes it; a later anchor opens a new one. `withdrawal` -1: none is read.
 */
export function readyPeriods(c: CaseData, anchor: number, withdrawal: number): [number, number][] {
  const anchors = occurrences(c, anchor);
  const withdrawals = withdrawal >= 0 ? occurrences(c, withdrawal) : [];
  const list: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < anchors.length) {
    const a = anchors[i++];
    while (j < withdrawals.length && withdrawals[j] < a) j++;
    const w = j < withdrawals.length ? withdrawals[j++] : NaN;
    list.push([a, w]);
    if (w !== w) break;
    while (i < anchors.length && anchors[i] <= w) i++;
  }
  return list;
}
