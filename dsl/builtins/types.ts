// The value types of the language. Durations are of two kinds that never mix: elapsed time
// (minutes, hours) and counted days (calendar days, weekdays, working days).
export type Type =
  | 'instant' // a moment: an event's timestamp
  | 'date' // a calendar date in Europe/Stockholm
  | 'time' // a local time of day
  | 'elapsed' // a duration in minutes or hours
  | 'days' // a number of counted days
  | 'number' // a count or a decimal
  | 'money' // Swedish kronor
  | 'boolean'
  | 'text'
  | 'cutoff' // a declared cutoff time
  | { enum: string }; // the values of an enumerated fact

export function typeName(t: Type): string {
  if (typeof t === 'object') return `value of ${t.enum}`;
  return {
    instant: 'instant', date: 'date', time: 'time of day', elapsed: 'duration in hours', days: 'number of days',
    number: 'number', money: 'amount of money', boolean: 'condition', text: 'text', cutoff: 'cutoff',
  }[t];
}

export const sameType = (a: Type, b: Type): boolean =>
  typeof a === 'object' || typeof b === 'object' ? typeof a === 'object' && typeof b === 'object' && a.enum === b.enum : a === b;
