// A yearly parameter (`value 7800 SEK for 2019`, `carry forward`) as a table of the years it gives a value
// for: its own years, and — only when it carries forward — every later year of the calendar with the latest
// earlier year's value. A year not in the table has no value (the amount or comparison is not made).
import type * as A from '../../dsl/ast/ast';
import { LAST_YEAR } from '../calendar/day';

export function yearValues(p: A.Parameter | undefined, kind: 'Number' | 'Money'): Map<number, number> {
  const table = new Map<number, number>();
  for (const [year, v] of yearValuesFrom(p, kind)) table.set(year, v.value);
  return table;
}

/** The same table, each year's value with the year it was given for: the year itself, or the one it is carried forward from. */
export function yearValuesFrom(p: A.Parameter | undefined, kind: 'Number' | 'Money'): Map<number, { value: number; fromYear: number }> {
  const table = new Map<number, { value: number; fromYear: number }>();
  const own = (p?.values ?? []).filter((v) => v.value.kind === kind).sort((a, b) => a.year - b.year);
  for (const v of own) table.set(v.year, { value: (v.value as A.NumberLit | A.MoneyLit).value, fromYear: v.year });
  if (p?.carryForward && own.length > 0) {
    let last = { value: (own[0].value as A.NumberLit | A.MoneyLit).value, fromYear: own[0].year };
    for (let y = own[0].year; y <= LAST_YEAR; y++) {
      const mine = table.get(y);
      if (mine !== undefined) last = mine;
      else table.set(y, last);
    }
  }
  return table;
}
