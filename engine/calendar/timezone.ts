/**
 * Europe/Stockholm UTC offset for instants (epoch milliseconds), table-driven. At module load the
 * DST transition instants for FIRST_YEAR..LAST_YEAR are computed by rule into a Float64Array:
 * summer time (+02:00) starts on the last Sunday of March at 01:00 UTC and ends at 01:00 UTC on the
 * last Sunday of October (1996 onwards; up to 1995 it ended on the last Sunday of September, as
 * in the tz database). The lookup estimates the year from the instant and compares with that year's
 * two transitions (an estimate that is off by one near New Year still gives the right answer, since
 * no transition is within two months of 1 January), so localDayOf/localSecondOfDay are O(1),
 * allocation-free and luxon-free. Instants outside the table range fall back to luxon (tzdata).
 */
import { DateTime } from 'luxon';
import { dayFromYmd, weekday, ymdOfDay, FIRST_YEAR, LAST_YEAR, FIRST_DAY, LAST_DAY, MS_PER_DAY, type Day } from './day';

export const ZONE = 'Europe/Stockholm';

const HOUR = 3_600_000;
const MS_PER_MEAN_YEAR = 31_556_952_000; // 365.2425 days
const YEARS = LAST_YEAR - FIRST_YEAR + 1;

/** Local 1 January FIRST_YEAR 00:00 (CET) .. local 1 January LAST_YEAR+1 00:00, half-open. */
const RANGE_START_MS = FIRST_DAY * MS_PER_DAY - HOUR;
const RANGE_END_MS = (LAST_DAY + 1) * MS_PER_DAY - HOUR;

function lastSundayOf(year: number, month: number): Day {
  const last = dayFromYmd(year, month + 1, 0);
  return last - (weekday(last) % 7);
}

/** [summerStart(FIRST_YEAR), summerEnd(FIRST_YEAR), summerStart(FIRST_YEAR+1), ...] in epoch ms. */
export const DST_TRANSITIONS: Float64Array = (() => {
  const t = new Float64Array(2 * YEARS);
  for (let i = 0; i < YEARS; i++) {
    const y = FIRST_YEAR + i;
    t[2 * i] = lastSundayOf(y, 3) * MS_PER_DAY + HOUR;
    t[2 * i + 1] = lastSundayOf(y, y <= 1995 ? 9 : 10) * MS_PER_DAY + HOUR;
  }
  return t;
})();

function fallbackOffset(epochMs: number): number {
  if (!Number.isFinite(epochMs)) return NaN;
  const dt = DateTime.fromMillis(epochMs, { zone: ZONE });
  return dt.isValid ? dt.offset : NaN;
}

/**
 * UTC offset in minutes: 60 (CET) or 120 (CEST) inside the table range. Outside it, whatever tzdata
 * says via luxon (e.g. also 60/120 after 2100; other values far in the past); NaN for non-finite input.
 */
export function utcOffsetMinutes(epochMs: number): number {
  if (epochMs >= RANGE_START_MS && epochMs < RANGE_END_MS) {
    let i = Math.floor(epochMs / MS_PER_MEAN_YEAR) + (1970 - FIRST_YEAR);
    if (i < 0) i = 0;
    else if (i >= YEARS) i = YEARS - 1;
    return epochMs >= DST_TRANSITIONS[2 * i] && epochMs < DST_TRANSITIONS[2 * i + 1] ? 120 : 60;
  }
  return fallbackOffset(epochMs);
}

/** The Stockholm local calendar date of an instant. */
export function localDayOf(epochMs: number): Day {
  return Math.floor((epochMs + utcOffsetMinutes(epochMs) * 60_000) / MS_PER_DAY);
}

/**
 * Wall-clock seconds since local midnight, 0..86399. On DST days this is the wall clock reading, not
 * elapsed time: 03:00 CEST on the spring night is 10800; both 02:30 readings on the autumn night are 9000.
 */
export function localSecondOfDay(epochMs: number): number {
  const local = epochMs + utcOffsetMinutes(epochMs) * 60_000;
  return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / 1000);
}

/** Epoch ms of local 00:00 on `day` (DST-aware: 23:00Z the day before in winter, 22:00Z in summer). */
export function startOfLocalDay(day: Day): number {
  if (day >= FIRST_DAY && day <= LAST_DAY) {
    // Transitions happen at 01:00 UTC, never between 22:00 and 23:00 UTC, so one probe decides.
    const cet = day * MS_PER_DAY - HOUR;
    return utcOffsetMinutes(cet) === 60 ? cet : cet - HOUR;
  }
  if (!Number.isFinite(day)) return NaN;
  const { year, month, day: d } = ymdOfDay(day);
  const dt = DateTime.fromObject({ year, month, day: d }, { zone: ZONE });
  return dt.isValid ? dt.toMillis() : NaN;
}
