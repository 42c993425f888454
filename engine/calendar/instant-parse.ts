/**
 * Parsing instants at the edge (policy files, episode data, CLI input) into epoch milliseconds.
 * Accepts ISO 8601 / RFC 3339 with an offset or Z ('2019-01-07T11:00:00+01:00', '2019-01-07T10:00Z')
 * and Swedish local time without an offset ('2019-01-07T11:00', '2019-01-07 11:00', optional
 * ':ss' and '.fff'), which is interpreted in Europe/Stockholm. Date separator 'T' or a space;
 * offsets '+HH:MM', '+HHMM', '+HH' or 'Z'; surrounding whitespace is ignored; no leap seconds, no 24:00.
 *
 * DST rule for local times without an offset:
 *  - A local time that does not exist (the spring-forward gap, e.g. 2025-03-30 02:00-02:59) is an
 *    error, code 'nonexistent-local-time'; the message names the time and asks for an explicit offset.
 *  - A local time that exists twice (the autumn repeated hour, e.g. 2025-10-26 02:00-02:59) means the
 *    FIRST occurrence, i.e. summer time (+02:00). Give '+01:00' explicitly to select the second one.
 * Everything resolves through the table-driven utcOffsetMinutes, so no luxon is needed here.
 */
import { dayFromYmd, daysInMonth, MS_PER_DAY } from './day';
import { utcOffsetMinutes } from './timezone';

export const DST_RULE =
  'Local times without an offset are Europe/Stockholm time. A local time that does not exist ' +
  '(the spring-forward gap, e.g. 2025-03-30 02:30) is rejected with code "nonexistent-local-time"; ' +
  'give an explicit offset instead. A local time that occurs twice (the autumn repeated hour, e.g. ' +
  '2025-10-26 02:30) means the first occurrence, summer time (+02:00); write +01:00 explicitly for the second.';

export type LocalTimeResult =
  | { ok: true; epochMs: number }
  | { ok: false; code: 'nonexistent-local-time' | 'invalid-datetime'; message: string };

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const EXPECTED =
  "expected ISO 8601 with offset ('2019-01-07T11:00:00+01:00', '2019-01-07T10:00Z') or Swedish local time ('2019-01-07 11:00', '2019-01-07T11:00:00')";

function invalid(s: string, why: string): LocalTimeResult {
  return { ok: false, code: 'invalid-datetime', message: `Invalid date-time '${s}': ${why}` };
}

/**
 * Epoch ms for a Stockholm wall-clock reading given as "local ms" (the wall clock read as if UTC), or
 * undefined if that reading does not exist. When it exists twice, the earlier instant is returned.
 */
export function resolveLocalWallTime(localMs: number): number | undefined {
  // Offsets one day either side bracket any transition near this wall time.
  const a = utcOffsetMinutes(localMs - MS_PER_DAY);
  const b = utcOffsetMinutes(localMs + MS_PER_DAY);
  let best: number | undefined;
  for (const o of a === b ? [a] : [a, b]) {
    const t = localMs - o * 60_000;
    if (utcOffsetMinutes(t) === o && (best === undefined || t < best)) best = t;
  }
  return best;
}

export function parseInstant(s: string): LocalTimeResult {
  if (typeof s !== 'string') return invalid(String(s), 'not a string');
  const text = s.trim();
  const m = PATTERN.exec(text);
  if (!m) return invalid(s, EXPECTED);
  const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5];
  const sec = m[6] ? +m[6] : 0;
  const ms = m[7] ? +m[7].padEnd(3, '0') : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return invalid(s, `no such date ${m[1]}-${m[2]}-${m[3]}`);
  if (h > 23 || mi > 59 || sec > 59) return invalid(s, 'time of day out of range (00:00:00-23:59:59)');
  const localMs = dayFromYmd(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  if (m[8]) return { ok: true, epochMs: localMs };
  if (m[9]) {
    const oh = +m[10], om = m[11] ? +m[11] : 0;
    if (oh > 23 || om > 59) return invalid(s, 'UTC offset out of range');
    const sign = m[9] === '-' ? -1 : 1;
    return { ok: true, epochMs: localMs - sign * (oh * 60 + om) * 60_000 };
  }
  const epochMs = resolveLocalWallTime(localMs);
  if (epochMs === undefined) {
    const shown = text.replace(/[Tt]/, ' ');
    return {
      ok: false,
      code: 'nonexistent-local-time',
      message:
        `Local time ${shown} does not exist in Europe/Stockholm (the clocks skip this hour when summer time starts); ` +
        `give an explicit UTC offset, e.g. '+01:00' (winter time) or '+02:00' (summer time).`,
    };
  }
  return { ok: true, epochMs };
}
