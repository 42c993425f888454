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

/** Why a text is not a time: the form, a date the calendar does not have, the time of day, the offset. */
export type InstantProblem = 'form' | 'date' | 'time' | 'offset';

export type LocalTimeResult =
  | { ok: true; epochMs: number }
  | { ok: false; code: 'invalid-datetime'; why: InstantProblem; message: string }
  | { ok: false; code: 'nonexistent-local-time'; local: string; message: string };

const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

const EXPECTED =
  "expected ISO 8601 with offset ('2019-01-07T11:00:00+01:00', '2019-01-07T10:00Z') or Swedish local time ('2019-01-07 11:00', '2019-01-07T11:00:00')";

function invalid(s: string, why: InstantProblem, text: string): LocalTimeResult {
  return { ok: false, code: 'invalid-datetime', why, message: `Invalid date-time '${s}': ${text}` };
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
  if (typeof s !== 'string') return invalid(String(s), 'form', 'not a string');
  const text = s.trim();
  const m = PATTERN.exec(text);
  if (!m) return invalid(s, 'form', EXPECTED);
  const y = +m[1], mo = +m[2], d = +m[3], h = +m[4], mi = +m[5];
  const sec = m[6] ? +m[6] : 0;
  const ms = m[7] ? +m[7].padEnd(3, '0') : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return invalid(s, 'date', `no such date ${m[1]}-${m[2]}-${m[3]}`);
  if (h > 23 || mi > 59 || sec > 59) return invalid(s, 'time', 'time of day out of range (00:00:00-23:59:59)');
  const localMs = dayFromYmd(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  if (m[8]) return { ok: true, epochMs: localMs };
  if (m[9]) {
    const oh = +m[10], om = m[11] ? +m[11] : 0;
    if (oh > 23 || om > 59) return invalid(s, 'offset', 'UTC offset out of range');
    const sign = m[9] === '-' ? -1 : 1;
    return { ok: true, epochMs: localMs - sign * (oh * 60 + om) * 60_000 };
  }
  const epochMs = resolveLocalWallTime(localMs);
  if (epochMs === undefined) {
    const shown = text.replace(/[Tt]/, ' ');
    return {
      ok: false,
      code: 'nonexistent-local-time',
      local: shown,
      message:
        `Local time ${shown} does not exist in Europe/Stockholm (the clocks skip this hour when summer time starts); ` +
        `give an explicit UTC offset, e.g. '+01:00' (winter time) or '+02:00' (summer time).`,
    };
  }
  return { ok: true, epochMs };
}

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The forms cases are written in, read by character codes instead of the regular expression: `YYYY-MM-DDTHH:MM`
 * (or a space for the `T`), optionally `:SS` and `.f` to `.fff`, then nothing (Swedish local time), `Z`, or an
 * offset `+HH:MM` / `-HH:MM`. The instant in epoch milliseconds, exactly as parseInstant reads it; NaN for
 * every other text (other forms, whitespace, a date the calendar does not have, a local time that does not
 * exist), which parseInstant then reads or refuses with its reason. Every text it reads also fits the case
 * schema's pattern for a time.
 */
export function scanInstant(s: string): number {
  const n = s.length;
  if (n < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return NaN;
  const y1 = twoDigits(s, 0), y2 = twoDigits(s, 2), mo = twoDigits(s, 5), d = twoDigits(s, 8), h = twoDigits(s, 11), mi = twoDigits(s, 14);
  if ((y1 | y2 | mo | d | h | mi) < 0 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return NaN;
  const y = y1 * 100 + y2;
  if (d > 28 && d > daysInMonth(y, mo)) return NaN;
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = twoDigits(s, i + 1);
    if (sec < 0 || sec > 59) return NaN;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      let k = 0;
      for (i++; k < 3 && i < n; i++, k++) {
        const c = s.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms = ms * 10 + c;
      }
      if (k === 0) return NaN;
      if (k === 1) ms *= 100;
      else if (k === 2) ms *= 10;
    }
  }
  const localMs = dayFromYmd(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1000 + ms;
  if (i === n) return resolveLocalWallTime(localMs) ?? NaN;
  const c = s.charCodeAt(i);
  if (c === 90) return i + 1 === n ? localMs : NaN;
  if ((c !== 43 && c !== 45) || i + 6 !== n || s.charCodeAt(i + 3) !== 58) return NaN;
  const oh = twoDigits(s, i + 1), om = twoDigits(s, i + 4);
  if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
  return c === 45 ? localMs + (oh * 60 + om) * 60_000 : localMs - (oh * 60 + om) * 60_000;
}
