/**
 * Swedish public holidays ("allmänna helgdagar", Lag (1989:253), ordinary Sundays excluded) and the
 * customary days off that are not holidays in law (midsommarafton, julafton, nyårsafton). The rules
 * are computed arithmetically (Easter by the anonymous Gregorian algorithm; midsommardagen = the
 * Saturday 20-26 June; alla helgons dag = the Saturday 31 Oct-6 Nov) and baked once at module load
 * into a Uint8Array of per-day flags for FIRST_YEAR..LAST_YEAR, so lookups are one array read.
 * History: nationaldagen (6 June) is a holiday from 2005, when it replaced annandag pingst, which is
 * therefore a public holiday up to and including 2004 (date-holidays omits this; see the tests).
 * Years outside the table use the same rules computed on demand (rules before 1953 are not modelled).
 */
import { dayFromYmd, weekday, yearOfDay, FIRST_DAY, LAST_DAY, FIRST_YEAR, LAST_YEAR, type Day } from './day';

export const FLAG_WEEKEND = 1; // Saturday or Sunday
export const FLAG_SUNDAY = 2;
export const FLAG_PUBLIC = 4; // allmän helgdag (other than an ordinary Sunday)
export const FLAG_CUSTOMARY = 8; // midsommarafton, julafton, nyårsafton
export const MASK_RED = FLAG_SUNDAY | FLAG_PUBLIC;
export const MASK_NOT_WORKING = FLAG_WEEKEND | FLAG_PUBLIC | FLAG_CUSTOMARY;

type HolidayDef = { sv: string; en: string; kind: 'public' | 'customary' };

const DEFS = {
  nyarsdagen: { sv: 'nyårsdagen', en: "New Year's Day", kind: 'public' },
  trettondedagJul: { sv: 'trettondedag jul', en: 'Epiphany', kind: 'public' },
  langfredagen: { sv: 'långfredagen', en: 'Good Friday', kind: 'public' },
  paskdagen: { sv: 'påskdagen', en: 'Easter Sunday', kind: 'public' },
  annandagPask: { sv: 'annandag påsk', en: 'Easter Monday', kind: 'public' },
  forstaMaj: { sv: 'första maj', en: 'May Day', kind: 'public' },
  kristiHimmelsfard: { sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day', kind: 'public' },
  pingstdagen: { sv: 'pingstdagen', en: 'Whit Sunday', kind: 'public' },
  annandagPingst: { sv: 'annandag pingst', en: 'Whit Monday', kind: 'public' },
  nationaldagen: { sv: 'nationaldagen', en: 'National Day of Sweden', kind: 'public' },
  midsommardagen: { sv: 'midsommardagen', en: 'Midsummer Day', kind: 'public' },
  allaHelgonsDag: { sv: 'alla helgons dag', en: "All Saints' Day", kind: 'public' },
  juldagen: { sv: 'juldagen', en: 'Christmas Day', kind: 'public' },
  annandagJul: { sv: 'annandag jul', en: 'Boxing Day', kind: 'public' },
  midsommarafton: { sv: 'midsommarafton', en: 'Midsummer Eve', kind: 'customary' },
  julafton: { sv: 'julafton', en: 'Christmas Eve', kind: 'customary' },
  nyarsafton: { sv: 'nyårsafton', en: "New Year's Eve", kind: 'customary' },
} as const satisfies Record<string, HolidayDef>;

export type HolidayKey = keyof typeof DEFS;
export type HolidayEntry = { day: Day; key: HolidayKey; sv: string; en: string; kind: 'public' | 'customary' };

/** Easter Sunday (Gregorian), anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dom = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, dom);
}

/** First day with ISO weekday `wd` on or after `day`. */
function onOrAfter(day: Day, wd: number): Day {
  return day + ((wd - weekday(day) + 7) % 7);
}

/** All public holidays and customary days off of a year, in date order (two may share a day, e.g. 2008-05-01). */
export function holidaysOfYear(year: number): HolidayEntry[] {
  const easter = easterSunday(year);
  const midsommardagen = onOrAfter(dayFromYmd(year, 6, 20), 6);
  const list: [Day, HolidayKey][] = [
    [dayFromYmd(year, 1, 1), 'nyarsdagen'],
    [dayFromYmd(year, 1, 6), 'trettondedagJul'],
    [easter - 2, 'langfredagen'],
    [easter, 'paskdagen'],
    [easter + 1, 'annandagPask'],
    [dayFromYmd(year, 5, 1), 'forstaMaj'],
    [easter + 39, 'kristiHimmelsfard'],
    [easter + 49, 'pingstdagen'],
    [midsommardagen - 1, 'midsommarafton'],
    [midsommardagen, 'midsommardagen'],
    [onOrAfter(dayFromYmd(year, 10, 31), 6), 'allaHelgonsDag'],
    [dayFromYmd(year, 12, 24), 'julafton'],
    [dayFromYmd(year, 12, 25), 'juldagen'],
    [dayFromYmd(year, 12, 26), 'annandagJul'],
    [dayFromYmd(year, 12, 31), 'nyarsafton'],
  ];
  if (year <= 2004) list.push([easter + 50, 'annandagPingst']);
  else list.push([dayFromYmd(year, 6, 6), 'nationaldagen']);
  list.sort((x, y) => x[0] - y[0]);
  return list.map(([day, key]) => ({ day, key, ...DEFS[key] }));
}

function flagsFromEntries(day: Day, entries: readonly HolidayEntry[]): number {
  const wd = weekday(day);
  let f = wd >= 6 ? FLAG_WEEKEND : 0;
  if (wd === 7) f |= FLAG_SUNDAY;
  for (const e of entries) if (e.day === day) f |= e.kind === 'public' ? FLAG_PUBLIC : FLAG_CUSTOMARY;
  return f;
}

const FLAGS: Uint8Array = (() => {
  const t = new Uint8Array(LAST_DAY - FIRST_DAY + 1);
  for (let i = 0; i < t.length; i++) {
    const wd = weekday(FIRST_DAY + i);
    t[i] = (wd >= 6 ? FLAG_WEEKEND : 0) | (wd === 7 ? FLAG_SUNDAY : 0);
  }
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (const e of holidaysOfYear(y)) t[e.day - FIRST_DAY] |= e.kind === 'public' ? FLAG_PUBLIC : FLAG_CUSTOMARY;
  }
  return t;
})();

// Out-of-range years: small cache of computed holiday lists.
const yearCache = new Map<number, HolidayEntry[]>();
function cachedHolidays(year: number): HolidayEntry[] {
  let e = yearCache.get(year);
  if (!e) {
    if (yearCache.size > 64) yearCache.clear();
    e = holidaysOfYear(year);
    yearCache.set(year, e);
  }
  return e;
}

/** Bit flags (FLAG_*) of a day: one array read inside the table range. */
export function dayFlags(day: Day): number {
  if (day >= FIRST_DAY && day <= LAST_DAY) return FLAGS[day - FIRST_DAY];
  return flagsFromEntries(day, cachedHolidays(yearOfDay(day)));
}

/** Allmän helgdag other than an ordinary Sunday (påskdagen and pingstdagen count; they are always Sundays). */
export function isPublicHoliday(day: Day): boolean {
  return (dayFlags(day) & FLAG_PUBLIC) !== 0;
}

/** "Röd dag": a Sunday or a public holiday. Note: midsommardagen/alla helgons dag are red although Saturdays; ordinary Saturdays are not. */
export function isRedDay(day: Day): boolean {
  return (dayFlags(day) & MASK_RED) !== 0;
}

/** Midsommarafton, julafton, nyårsafton: not holidays in law but customarily days off. */
export function isCustomaryDayOff(day: Day): boolean {
  return (dayFlags(day) & FLAG_CUSTOMARY) !== 0;
}

export function isWeekend(day: Day): boolean {
  return weekday(day) >= 6;
}

/**
 * Name of the public holiday or customary day off on `day`, else undefined (ordinary Sundays have no name).
 * If two holidays fall on the same day (e.g. Kristi himmelsfärdsdag on första maj, 2008) the names are
 * joined: 'första maj och Kristi himmelsfärdsdag' / 'May Day and Ascension Day'.
 */
export function holidayName(day: Day): { sv: string; en: string } | undefined {
  if (day >= FIRST_DAY && day <= LAST_DAY && (FLAGS[day - FIRST_DAY] & (FLAG_PUBLIC | FLAG_CUSTOMARY)) === 0) return undefined;
  const hits = cachedHolidays(yearOfDay(day)).filter((e) => e.day === day);
  if (hits.length === 0) return undefined;
  return { sv: hits.map((e) => e.sv).join(' och '), en: hits.map((e) => e.en).join(' and ') };
}
