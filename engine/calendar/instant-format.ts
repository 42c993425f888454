/**
 * Formatting instants as Swedish local time for reports and messages: 'YYYY-MM-DD HH:mm' in
 * Europe/Stockholm, with ':ss' appended only when the seconds are non-zero (milliseconds are
 * dropped, not rounded). No offset is printed, so an instant in the second (winter-time) occurrence
 * of the autumn repeated hour formats the same as the first, and parseInstant reads it back as the
 * first (see DST_RULE). Table-driven via localDayOf/localSecondOfDay.
 */
import { dayToIso, MS_PER_DAY } from './day';
import { localDayOf, localSecondOfDay } from './timezone';

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** 'HH:mm' for each minute of the day, made once. */
const HHMM: readonly string[] = Array.from({ length: 24 * 60 }, (_, m) => `${two(Math.floor(m / 60))}:${two(m % 60)}`);

/** '2019-01-07 11:00' or '2019-01-07 11:00:30'; 'invalid instant' for a non-finite input. */
export function formatInstantLocal(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return 'invalid instant';
  const sod = localSecondOfDay(epochMs);
  const ss = sod % 60;
  const base = `${dayToIso(localDayOf(epochMs))} ${HHMM[(sod - ss) / 60]}`;
  return ss === 0 ? base : `${base}:${two(ss)}`;
}

const three = (n: number): string => (n < 10 ? '00' + n : n < 100 ? '0' + n : String(n));

/** The instant as Date#toISOString prints it ('2019-01-07T10:00:00.000Z'), without making a Date for years 0..9999. */
export function formatInstantUtc(epochMs: number): string {
  const day = Math.floor(epochMs / MS_PER_DAY);
  const msOfDay = epochMs - day * MS_PER_DAY;
  const iso = dayToIso(day);
  if (iso.length !== 10 || !Number.isInteger(msOfDay)) return new Date(epochMs).toISOString();
  const ms = msOfDay % 1000;
  const sod = (msOfDay - ms) / 1000;
  const ss = sod % 60;
  return `${iso}T${HHMM[(sod - ss) / 60]}:${two(ss)}.${three(ms)}Z`;
}
