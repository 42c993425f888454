import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import {
  dayFromYmd, dayToIso, parseIsoDate, isPublicHoliday, isRedDay, isCustomaryDayOff, isWeekend, holidayName, holidaysOfYear, weekday, easterSunday,
} from '../../engine/calendar/index';

const D = (iso: string) => parseIsoDate(iso)!;

describe('Swedish holidays', () => {
  it('2019', () => {
    const pub = ['2019-01-01', '2019-01-06', '2019-04-19', '2019-04-21', '2019-04-22', '2019-05-01', '2019-05-30', '2019-06-06', '2019-06-09', '2019-06-22', '2019-11-02', '2019-12-25', '2019-12-26'];
    for (const iso of pub) {
      expect(isPublicHoliday(D(iso)), iso).toBe(true);
      expect(isRedDay(D(iso)), iso).toBe(true);
      expect(isCustomaryDayOff(D(iso)), iso).toBe(false);
    }
    for (const iso of ['2019-06-21', '2019-12-24', '2019-12-31']) {
      expect(isCustomaryDayOff(D(iso)), iso).toBe(true);
      expect(isPublicHoliday(D(iso)), iso).toBe(false);
      expect(isRedDay(D(iso)), iso).toBe(false);
    }
    expect(dayToIso(easterSunday(2019))).toBe('2019-04-21');
    expect(holidayName(D('2019-04-19'))).toEqual({ sv: 'långfredagen', en: 'Good Friday' });
    expect(holidayName(D('2019-04-21'))?.sv).toBe('påskdagen');
    expect(holidayName(D('2019-04-22'))?.sv).toBe('annandag påsk');
    expect(holidayName(D('2019-05-30'))?.sv).toBe('Kristi himmelsfärdsdag');
    expect(holidayName(D('2019-06-06'))?.sv).toBe('nationaldagen');
    expect(holidayName(D('2019-06-21'))).toEqual({ sv: 'midsommarafton', en: 'Midsummer Eve' });
    expect(holidayName(D('2019-06-22'))?.sv).toBe('midsommardagen');
    expect(holidayName(D('2019-11-02'))?.sv).toBe('alla helgons dag');
    expect(holidayName(D('2019-12-24'))?.sv).toBe('julafton');
    expect(holidayName(D('2019-12-25'))?.sv).toBe('juldagen');
    expect(holidayName(D('2019-12-26'))?.sv).toBe('annandag jul');
    // Not holidays: påskafton, annandag pingst (since 2005), Valborg
    for (const iso of ['2019-04-20', '2019-06-10', '2019-04-30']) expect(isPublicHoliday(D(iso)), iso).toBe(false);
    expect(holidaysOfYear(2019).filter((h) => h.kind === 'public')).toHaveLength(13);
    expect(holidaysOfYear(2019).filter((h) => h.kind === 'customary')).toHaveLength(3);
  });

  it('2024 and 2025 Easter and Midsummer', () => {
    expect(dayToIso(easterSunday(2024))).toBe('2024-03-31');
    expect(dayToIso(easterSunday(2025))).toBe('2025-04-20');
    for (const iso of ['2024-03-29', '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-19', '2024-06-22', '2024-11-02']) expect(isPublicHoliday(D(iso)), iso).toBe(true);
    for (const iso of ['2025-04-18', '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-21', '2025-11-01']) expect(isPublicHoliday(D(iso)), iso).toBe(true);
    expect(isCustomaryDayOff(D('2024-06-21'))).toBe(true);
    expect(isCustomaryDayOff(D('2025-06-20'))).toBe(true);
    expect(isPublicHoliday(D('2025-06-20'))).toBe(false);
  });

  it('ordinary days, Saturdays and Sundays', () => {
    const tue = D('2019-01-08');
    expect(weekday(tue)).toBe(2);
    expect([isPublicHoliday(tue), isRedDay(tue), isCustomaryDayOff(tue), isWeekend(tue), holidayName(tue)]).toEqual([false, false, false, false, undefined]);
    const sun = D('2019-01-13');
    expect([isPublicHoliday(sun), isRedDay(sun), isWeekend(sun), holidayName(sun)]).toEqual([false, true, true, undefined]);
    const sat = D('2019-01-12');
    expect([isPublicHoliday(sat), isRedDay(sat), isWeekend(sat)]).toEqual([false, false, true]);
    // Midsummer Day is a red Saturday.
    expect(isRedDay(D('2019-06-22'))).toBe(true);
  });

  it('history: annandag pingst until 2004, nationaldagen from 2005', () => {
    expect(isPublicHoliday(D('2004-05-31'))).toBe(true); // annandag pingst 2004
    expect(holidayName(D('2004-05-31'))?.sv).toBe('annandag pingst');
    expect(isPublicHoliday(D('2004-06-07'))).toBe(false); // Monday, 6 June was a Sunday
    expect(isPublicHoliday(D('2003-06-06'))).toBe(false);
    expect(isPublicHoliday(D('2005-06-06'))).toBe(true);
    expect(isPublicHoliday(D('2005-05-16'))).toBe(false); // annandag pingst 2005
  });

  it('names coinciding holidays', () => {
    expect(holidayName(D('2008-05-01'))).toEqual({ sv: 'första maj och Kristi himmelsfärdsdag', en: 'May Day and Ascension Day' });
  });

  it('works outside the table range', () => {
    expect(isPublicHoliday(D('2101-12-25'))).toBe(true);
    expect(dayToIso(easterSunday(2101))).toBe('2101-04-17'); // as date-holidays
    expect(isPublicHoliday(D('2101-04-15'))).toBe(true);
    expect(isPublicHoliday(D('2101-06-25'))).toBe(true); // midsommardagen
    expect(isCustomaryDayOff(D('2101-06-24'))).toBe(true);
    expect(isRedDay(D('2101-01-02'))).toBe(true); // Sunday
    expect(isCustomaryDayOff(D('1985-12-24'))).toBe(true);
    expect(holidayName(D('1985-05-27'))?.sv).toBe('annandag pingst');
  });

  it('agrees with date-holidays (public vs bank) for 2000-2040, except annandag pingst before 2005', () => {
    const hd = new Holidays('SE');
    for (let y = 2000; y <= 2040; y++) {
      const fromLib = new Set<string>();
      for (const h of hd.getHolidays(y)) {
        if (h.type === 'public') fromLib.add(`${h.date.slice(0, 10)} public`);
        if (h.type === 'bank') fromLib.add(`${h.date.slice(0, 10)} customary`);
      }
      // Ordinary Sundays are not listed by date-holidays either, and the eves come as 'bank'.
      const ours = new Set<string>();
      for (const h of holidaysOfYear(y)) {
        if (h.key === 'annandagPingst') {
          // date-holidays types it 'observance' for every year; it was an allmän helgdag until 2004 (SFS 2004:1311).
          expect(y).toBeLessThanOrEqual(2004);
          continue;
        }
        ours.add(`${dayToIso(h.day)} ${h.kind}`);
      }
      expect([...ours].sort(), String(y)).toEqual([...fromLib].sort());
      // And the day table agrees with the list, day by day.
      for (let day = dayFromYmd(y, 1, 1); day <= dayFromYmd(y, 12, 31); day++) {
        const iso = dayToIso(day);
        expect(isPublicHoliday(day), iso).toBe(fromLib.has(`${iso} public`) || (y <= 2004 && day === easterSunday(y) + 50));
        expect(isCustomaryDayOff(day), iso).toBe(fromLib.has(`${iso} customary`));
      }
    }
  });
});
