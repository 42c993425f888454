// The evaluator's view of one care episode: flat arrays indexed by the shared vocabulary, so rules
// read an event or a fact with one array access. Instants are epoch milliseconds (NaN: not recorded).
import { EVENTS, FACTS, EVENT_INDEX, FACT_INDEX } from '../../dsl/builtins/vocabulary';

export type FactValue = boolean | number | string | undefined;

export interface CaseData {
  events: Float64Array;
  facts: FactValue[]; // booleans, counts, enum ids, texts; dates as calendar Day numbers
}

export function emptyCase(): CaseData {
  return { events: new Float64Array(EVENTS.length).fill(NaN), facts: new Array(FACTS.length).fill(undefined) };
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

export const EVALUATION_DATE = factSlot('evaluation_date');
