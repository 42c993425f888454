// A yearly parameter (`value 7800 SEK for 2019`, `carry forward`) as a table of the years it gives a value
// for: its own years, and — only when it carries forward — every later year of the calendar with the latest
// earlier year's value. A year not in the table has no value (the amount or comparison is not made).
import type * as A from '../../dsl/ast/ast';
import { LAST_YEAR } from '../calendar/day';

export function yearValues(p: A.Parameter | undefined, kind: 'Number' | 'Money'): Map<number, number> {
  const table = new Map<number, number>();
  const own = (p?.values ?? []).filter((v) => v.value.kind === kind).sort((a, b) => a.year - b.year);
  for (const v of own) table.set(v.year, (v.value as A.NumberLit | A.MoneyLit).value);
  if (p?.carryForward && own.length > 0) {
    let value = table.get(own[0].year)!;
    for (let y = own[0].year; y <= LAST_YEAR; y++) {
      const mine = table.get(y);
      if (mine !== undefined) value = mine;
      else table.set(y, value);
    }
  }
  return table;
}
