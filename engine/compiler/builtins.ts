// Implementations of the built-in functions declared in dsl/builtins/functions.ts, keyed by id.
// Dates are calendar Day numbers; an unrecorded instant is NaN and propagates.
import { addDays, localDayOf, weekday, isWeekend, isRedDay, isPublicHoliday, isCountedDay, ymdOfDay, dayFromYmd, daysInMonth, startOfLocalDay } from '../calendar';

type Impl = (args: number[]) => number | boolean;
type Unary = (x: number) => number | boolean;

/** The functions of one argument, also callable without an argument array (the compiler's hot path). */
export const UNARY_IMPLS: Record<string, Unary> = {
  date_of: (t) => (Number.isNaN(t) ? NaN : localDayOf(t)),
  weekday_of: (d) => (Number.isNaN(d) ? NaN : weekday(d)),
  is_weekend: (d) => !Number.isNaN(d) && isWeekend(d),
  is_red_day: (d) => !Number.isNaN(d) && isRedDay(d),
  is_public_holiday: (d) => !Number.isNaN(d) && isPublicHoliday(d),
  is_working_day: (d) => !Number.isNaN(d) && isCountedDay(d, 'working'),
};

const recorded = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));

export const BUILTIN_IMPLS: Record<string, Impl> = {
  latest: (xs) => (recorded(xs).length ? Math.max(...recorded(xs)) : NaN),
  earliest: (xs) => (recorded(xs).length ? Math.min(...recorded(xs)) : NaN),
  date_of: ([x]) => UNARY_IMPLS.date_of(x),
  weekday_of: ([x]) => UNARY_IMPLS.weekday_of(x),
  is_weekend: ([x]) => UNARY_IMPLS.is_weekend(x),
  is_red_day: ([x]) => UNARY_IMPLS.is_red_day(x),
  is_public_holiday: ([x]) => UNARY_IMPLS.is_public_holiday(x),
  is_working_day: ([x]) => UNARY_IMPLS.is_working_day(x),
  days_between: ([a, b]) => b - a,
  next_weekday: ([d, w]) => (Number.isNaN(d) || !(w >= 1 && w <= 7) ? NaN : d + (((w - weekday(d) + 6) % 7) + 1)),
  add_working_days: ([d, n]) => (Number.isNaN(d) || !(n >= 0) || n > 3660 ? NaN : addDays(d, Math.floor(n), 'working')),
  years_after: ([d, n]) => {
    if (Number.isNaN(d) || Number.isNaN(n)) return NaN;
    const { year, month, day } = ymdOfDay(d);
    return startOfLocalDay(dayFromYmd(year + n, month, Math.min(day, daysInMonth(year + n, month))));
  },
};
