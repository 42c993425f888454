/**
 * Counting days of a given kind, the way agreements phrase deadlines ("within 3 working days").
 * 'calendar' counts every day; 'weekday' counts Monday-Friday; 'working' counts Monday-Friday that
 * are neither a public holiday nor a customary day off (midsommarafton, julafton, nyårsafton).
 * Convention for addDays(day, n, kind): the result is the n-th counted day strictly AFTER `day`
 * (whether or not `day` itself is counted); n = 0 returns `day` unchanged; negative n counts
 * backwards (the |n|-th counted day strictly before). So addDays(friday, 1, 'working') is the next
 * Monday, or the first later working day if that Monday is a holiday (annandag påsk → Tuesday).
 */
import { weekday, type Day } from './day';
import { dayFlags, MASK_NOT_WORKING } from './holidays';

export type DayKind = 'calendar' | 'weekday' | 'working';

/** Whether `day` counts for `kind`. Throws TypeError only for an unknown kind (a programming error). */
export function isCountedDay(day: Day, kind: DayKind): boolean {
  switch (kind) {
    case 'calendar':
      return true;
    case 'weekday':
      return weekday(day) <= 5;
    case 'working':
      return (dayFlags(day) & MASK_NOT_WORKING) === 0;
    default:
      throw new TypeError(`unknown DayKind: ${String(kind)}`);
  }
}

/** The n-th counted day after `day` (see the file comment for the convention). n is truncated to an integer. */
export function addDays(day: Day, n: number, kind: DayKind): Day {
  n = Math.trunc(n);
  if (kind === 'calendar') return day + n;
  if (kind !== 'weekday' && kind !== 'working') throw new TypeError(`unknown DayKind: ${String(kind)}`);
  if (!Number.isFinite(n) || !Number.isFinite(day)) return NaN;
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  if (kind === 'weekday') {
    // Any 7 consecutive days hold exactly 5 weekdays: skip whole weeks first.
    if (left > 5) {
      const weeks = Math.floor((left - 1) / 5);
      day += step * 7 * weeks;
      left -= 5 * weeks;
    }
    while (left > 0) {
      day += step;
      if (weekday(day) <= 5) left--;
    }
    return day;
  }
  while (left > 0) {
    day += step;
    if ((dayFlags(day) & MASK_NOT_WORKING) === 0) left--;
  }
  return day;
}
