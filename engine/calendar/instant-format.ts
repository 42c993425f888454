/**
 * Formatting instants as Swedish local time for reports and messages: 'YYYY-MM-DD HH:mm' in
 * Europe/Stockholm, with ':ss' appended only when the seconds are non-zero (milliseconds are
 * dropped, not rounded). No offset is printed, so an instant in the second (winter-time) occurrence
 * of the autumn repeated hour formats the same as the first, and parseInstant reads it back as the
 * first (see DST_RULE). Table-driven via localDayOf/localSecondOfDay.
 */
import { dayToIso } from './day';
import { localDayOf, localSecondOfDay } from './timezone';

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** '2019-01-07 11:00' or '2019-01-07 11:00:30'; 'invalid instant' for a non-finite input. */
export function formatInstantLocal(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return 'invalid instant';
  const sod = localSecondOfDay(epochMs);
  const hh = Math.floor(sod / 3600);
  const mm = Math.floor((sod % 3600) / 60);
  const ss = sod % 60;
  const base = `${dayToIso(localDayOf(epochMs))} ${two(hh)}:${two(mm)}`;
  return ss === 0 ? base : `${base}:${two(ss)}`;
}
