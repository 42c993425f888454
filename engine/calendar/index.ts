/**
 * Public entry point of the calendar module: integer calendar days, Swedish holidays and day
 * counting, and Europe/Stockholm time-zone handling backed by precomputed tables for
 * FIRST_YEAR..LAST_YEAR (1990-2100), plus edge functions that parse and format instants.
 * Import everything calendar-related from here.
 */
export {
  type Day,
  FIRST_YEAR,
  LAST_YEAR,
  MS_PER_DAY,
  dayFromYmd,
  ymdOfDay,
  dayToIso,
  parseIsoDate,
  scanIsoDate,
  weekday,
  monthIndex,
  yearOfDay,
  daysInMonth,
  isLeapYear,
} from './day';
export {
  isPublicHoliday,
  isRedDay,
  isCustomaryDayOff,
  isWeekend,
  holidayName,
  holidaysOfYear,
  easterSunday,
  type HolidayEntry,
  type HolidayKey,
} from './holidays';
export { type DayKind, isCountedDay, addDays } from './counting';
export { localDayOf, localSecondOfDay, utcOffsetMinutes, startOfLocalDay } from './timezone';
export { type LocalTimeResult, DST_RULE, parseInstant, scanInstant } from './instant-parse';
export { formatInstantLocal, formatInstantUtc } from './instant-format';
