// Episodes → per municipality and month: the sum of days, the number of episodes, the average.
// The one place averages are computed from raw data; the measure decides every counting choice.
// Episodes are added one at a time as they are read (MeasureGroups.add): nothing of an episode is kept but what
// its months need for their invoices.
import { Counted, type CompiledMeasure } from '../compiler/measure';
import type { CaseData } from '../case/case-data';
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

/** One measure's months, per municipality, filled an episode at a time (only those of `only`, when given). */
export class MeasureGroups {
  readonly groups = new Map<string, MunicipalityGroup>();

  constructor(
    readonly measure: CompiledMeasure,
    private readonly only?: string,
  ) {}

  /** Counts one episode; `data` is read now and not kept. */
  add(id: string, municipality: string, data: CaseData): void {
    if (this.only && municipality !== this.only) return;
    let g = this.groups.get(municipality);
    if (!g) this.groups.set(municipality, (g = { months: new Map(), notCounted: {} }));
    const r = this.measure.run(data);
    if (r.counted !== Counted.Yes) {
      g.notCounted[r.counted] = (g.notCounted[r.counted] ?? 0) + 1;
      return;
    }
    for (const c of r.contributions) {
      let cell = g.months.get(c.month);
      if (!cell) g.months.set(c.month, (cell = { average: 0, sum: 0, count: 0, episodes: [] }));
      cell.sum += c.days;
      cell.count++;
      cell.episodes.push({ id, days: c.days, firstDayNo: c.firstDayNo, totalDays: r.days });
    }
  }

  /** The groups with each month's average, once every episode is in. */
  finish(): Map<string, MunicipalityGroup> {
    for (const g of this.groups.values()) for (const cell of g.months.values()) cell.average = cell.sum / cell.count;
    return this.groups;
  }
}

export function compileMeasureGroups(measure: CompiledMeasure, episodes: Episode[], only?: string): Map<string, MunicipalityGroup> {
  const groups = new MeasureGroups(measure, only);
  for (const e of episodes) groups.add(e.id, e.municipality, e.data);
  return groups.finish();
}
