// Built-in functions, declared as data: name in both languages, typed arguments, result, a one-line
// description. The checker, the editor's completion and hover, and the language reference read this
// table; the compiler's implementations live in engine/compiler/builtins.ts, keyed by `id`.
import type { Type } from './types';

export interface FunctionEntry {
  id: string;
  sv: string;
  params: readonly Type[];
  variadic?: boolean; // the last parameter repeats; at least params.length arguments
  result: Type;
  description: string;
}

export const FUNCTIONS: readonly FunctionEntry[] = [
  { id: 'latest', sv: 'senast', params: ['instant', 'instant'], variadic: true, result: 'instant', description: 'the later of the instants that are recorded' },
  { id: 'earliest', sv: 'tidigast', params: ['instant', 'instant'], variadic: true, result: 'instant', description: 'the earlier of the instants that are recorded' },
  { id: 'date_of', sv: 'datum_för', params: ['instant'], result: 'date', description: 'the Swedish calendar date of an instant' },
  { id: 'weekday_of', sv: 'veckodag_för', params: ['date'], result: 'number', description: 'the day of the week of a date, 1 = Monday … 7 = Sunday' },
  { id: 'is_weekend', sv: 'är_veckoslut', params: ['date'], result: 'boolean', description: 'the date is a Saturday or a Sunday' },
  { id: 'is_red_day', sv: 'är_röd_dag', params: ['date'], result: 'boolean', description: 'the date is a Sunday or a public holiday (Lag 1989:253)' },
  { id: 'is_public_holiday', sv: 'är_allmän_helgdag', params: ['date'], result: 'boolean', description: 'the date is a public holiday (Lag 1989:253), not counting ordinary Sundays' },
  { id: 'is_working_day', sv: 'är_arbetsdag', params: ['date'], result: 'boolean', description: 'Monday to Friday, and neither a public holiday nor Midsummer, Christmas or New Year\'s Eve' },
  { id: 'years_after', sv: 'år_efter', params: ['date', 'number'], result: 'instant', description: 'the start of the day n whole years after a date (a 29 February gives 28 February): e.g. the day a person born on the date turns n' },
  { id: 'next_weekday', sv: 'nästa_veckodag', params: ['date', 'number'], result: 'date', description: 'the first date after the given one that falls on that day of the week (1 = Monday … 7 = Sunday)' },
  { id: 'add_working_days', sv: 'plus_arbetsdagar', params: ['date', 'number'], result: 'date', description: 'the date on which the given number of working days after the date have passed (working days: Monday to Friday, not public holidays nor Midsummer, Christmas or New Year\'s Eve)' },
  { id: 'days_between', sv: 'dagar_mellan', params: ['date', 'date'], result: 'days', description: 'the number of calendar days from the first date to the second' },
];

const byName = new Map<string, FunctionEntry>();
for (const f of FUNCTIONS) {
  byName.set(f.id, f);
  byName.set(f.sv, f);
}

export function lookupFunction(name: string): FunctionEntry | undefined {
  return byName.get(name);
}
