// Calendar months as integers: year*12 + (month-1), so consecutive months are consecutive integers.
import { dayFromYmd, daysInMonth } from '.';

export type Month = number;

export const monthOf = (year: number, month: number): Month => year * 12 + month - 1;
export const yearOfMonth = (m: Month): number => Math.floor(m / 12);

export function monthText(m: Month): string {
  return `${yearOfMonth(m)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' → Month, or undefined when it is not a month. */
export function parseMonth(text: string): Month | undefined {
  const r = /^(\d{4})-(\d{2})$/.exec(text);
  if (!r) return undefined;
  const month = Number(r[2]);
  return month >= 1 && month <= 12 ? monthOf(Number(r[1]), month) : undefined;
}

/** The first and last calendar Day of a month. */
export function daysOfMonth(m: Month): { first: number; last: number } {
  const y = yearOfMonth(m);
  const mo = (m % 12) + 1;
  const first = dayFromYmd(y, mo, 1);
  return { first, last: first + daysInMonth(y, mo) - 1 };
}

/** Compares an average with a threshold exactly, on micro-units: 2.4 is not over 2.4. */
export function compareAverage(average: number, threshold: number): -1 | 0 | 1 {
  const a = Math.round(average * 1e6);
  const t = Math.round(threshold * 1e6);
  return a > t ? 1 : a < t ? -1 : 0;
}

/** Compares a sum of whole days over n episodes with a threshold without dividing: sum/n vs t. */
export function compareSum(sum: number, n: number, threshold: number): -1 | 0 | 1 {
  const a = sum * 1e6;
  const t = Math.round(threshold * 1e6) * n;
  return a > t ? 1 : a < t ? -1 : 0;
}
