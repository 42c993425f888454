/**
 * Calendar dates as plain integers. A `Day` is a local calendar date (in practice the
 * Europe/Stockholm date) counted as days since 1970-01-01, i.e. `Date.UTC(y, m-1, d) / 86400000`.
 * Conversions use Howard Hinnant's proleptic-Gregorian civil-date algorithms: pure integer
 * arithmetic, no allocation on the hot helpers (`weekday`, `monthIndex`, `yearOfDay`), valid for
 * any year (not only the FIRST_YEAR..LAST_YEAR table range, which is defined here because the
 * holiday and time-zone tables are indexed by Day).
 */

export type Day = number;

/** Range of the precomputed tables (holiday flags, DST transitions). Outside it everything still works, just via slower fallbacks. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export const MS_PER_DAY = 86_400_000;

/**
 * Day of a (year, month 1-12, day-of-month) triple. Out-of-range month/day values are normalised
 * the way `Date.UTC` does it (month 13 = January next year, day 0 = last day of the previous month),
 * but unlike `Date.UTC` years 0..99 are taken literally. Non-integer arguments are truncated.
 */
export function dayFromYmd(y: number, m: number, d: number): Day {
  y = Math.trunc(y);
  m = Math.trunc(m) - 1;
  d = Math.trunc(d);
  y += Math.floor(m / 12);
  m = m - Math.floor(m / 12) * 12 + 1; // 1..12
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Packed y*10000 + m*100 + d without allocating (m in 1..12, d in 1..31; works for negative years too). */
function packedYmd(day: Day): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

export function ymdOfDay(day: Day): { year: number; month: number; day: number } {
  const p = packedYmd(day);
  const year = Math.floor(p / 10000);
  const rest = p - year * 10000;
  return { year, month: Math.floor(rest / 100), day: rest % 100 };
}

/** Calendar year of a day (no allocation). */
export function yearOfDay(day: Day): number {
  return Math.floor(packedYmd(day) / 10000);
}

/** year*12 + (month-1): consecutive integers for consecutive calendar months, for grouping. */
export function monthIndex(day: Day): number {
  const p = packedYmd(day);
  const year = Math.floor(p / 10000);
  return year * 12 + Math.floor((p - year * 10000) / 100) - 1;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD'. Years outside 0..9999 use the ISO 8601 expanded form (sign + 6 digits). */
export function dayToIso(day: Day): string {
  // Days of the calendar's table years are formatted once and kept: results print the same few days over and over.
  const i = day - ISO_TABLE_FIRST;
  if (i >= 0 && i < isoTable.length) return (isoTable[i] ??= formatDay(day));
  return formatDay(day);
}

const ISO_TABLE_FIRST: Day = dayFromYmd(FIRST_YEAR, 1, 1);
const isoTable = new Array<string | undefined>(dayFromYmd(LAST_YEAR + 1, 1, 1) - ISO_TABLE_FIRST);

function formatDay(day: Day): string {
  const p = packedYmd(day);
  const y = Math.floor(p / 10000);
  const rest = p - y * 10000;
  const ys = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  return `${ys}-${pad(Math.floor(rest / 100), 2)}-${pad(rest % 100, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict 'YYYY-MM-DD' (exactly, no surrounding whitespace) naming a real date; otherwise undefined. */
export function parseIsoDate(s: string): Day | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayFromYmd(y, mo, d);
}

/**
 * `YYYY-MM-DD` read by character codes: the day, exactly as parseIsoDate reads it, for a month 01–12 and a day
 * 01–31 that the month has (what the case schema's date pattern allows); NaN for anything else.
 */
export function scanIsoDate(s: string): Day {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48, d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const mo = m1 * 10 + m2, d = d1 * 10 + d2;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return dayFromYmd(y, mo, d);
}

export const FIRST_DAY: Day = dayFromYmd(FIRST_YEAR, 1, 1);
export const LAST_DAY: Day = dayFromYmd(LAST_YEAR, 12, 31);
