// Episodes → per municipality and month: the sum of days, the number of episodes, the average.
// The one place averages are computed from raw data; the measure decides every counting choice.
import { Counted, type CompiledMeasure } from '../compiler/measure';
import type { Episode } from './episodes';
import type { Month } from '../calendar/months';

export interface EpisodeInMonth {
  id: string;
  days: number; // days in this month
  firstDayNo: number;
  totalDays: number; // the episode's days in all
}

export interface MonthCell {
  average: number;
  sum: number;
  count: number;
  episodes: EpisodeInMonth[];
}

export interface MunicipalityGroup {
  months: Map<Month, MonthCell>;
  notCounted: Partial<Record<Counted, number>>;
}

export function compileMeasureGroups(measure: CompiledMeasure, episodes: Episode[], only?: string): Map<string, MunicipalityGroup> {
  const groups = new Map<string, MunicipalityGroup>();
  for (const e of episodes) {
    if (only && e.municipality !== only) continue;
    let g = groups.get(e.municipality);
    if (!g) groups.set(e.municipality, (g = { months: new Map(), notCounted: {} }));
    const r = measure.run(e.data);
    if (r.counted !== Counted.Yes) {
      g.notCounted[r.counted] = (g.notCounted[r.counted] ?? 0) + 1;
      continue;
    }
    for (const c of r.contributions) {
      let cell = g.months.get(c.month);
      if (!cell) g.months.set(c.month, (cell = { average: 0, sum: 0, count: 0, episodes: [] }));
      cell.sum += c.days;
      cell.count++;
      cell.episodes.push({ id: e.id, days: c.days, firstDayNo: c.firstDayNo, totalDays: r.days });
    }
  }
  for (const g of groups.values()) for (const cell of g.months.values()) cell.average = cell.sum / cell.count;
  return groups;
}
