// Scenarios for the behavioural diff: both versions' worked examples, and each of them moved onto
// every boundary either version mentions — cutoff times ± 1 minute, day counts ± 1, hour limits
// ± 1 minute, numbers ± 1 and ± 0.01 for numeric facts, flipped conditions, weekends, public holidays
// and both DST nights of the years involved. Boundaries are found by a generic walk over the ASTs.
import type * as A from '../../dsl/ast/ast';
import { EVENTS, FACTS, lookupVocabulary } from '../../dsl/builtins/vocabulary';
import { dayFromYmd, dayToIso, FIRST_YEAR, holidaysOfYear, LAST_YEAR, localDayOf, localSecondOfDay, weekday, yearOfDay, type Day } from '../calendar';
import { resolveLocalWallTime } from '../calendar/instant-parse';
import { EVALUATION_DATE, type CaseData } from '../case/case-data';
import type { CompiledPolicy } from '../compiler/compile';

const MS_PER_DAY = 86_400_000;

export interface Scenario {
  data: CaseData;
  /** where it comes from: the example, and what was moved ("ready_notice_sent at 12:01") */
  origin: string;
  /** the event or fact that was moved, shown first in a counterexample */
  focus?: string;
  /** 0: an example as written, 1: a time or value at a boundary, 2: a day count, 3: a calendar shift */
  tier: number;
  /** the index of the example it was made from */
  base: number;
}

/** What the two versions mention: the boundaries scenarios are generated around. */
export interface Boundaries {
  minutesOfDay: number[]; // cutoff and other times of day
  dayCounts: number[];
  elapsedMinutes: number[]; // durations in hours or minutes
  numbers: number[];
  events: number[]; // vocabulary slots of the events either version names
  booleanFacts: number[];
  numericFacts: number[];
  years: number[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DAY_UNITS = new Set(['days', 'calendar-days', 'weekdays', 'working-days']);

function collect(node: unknown, b: Boundaries, seen: { events: Set<number>; facts: Set<number> }): void {
  if (Array.isArray(node)) return node.forEach((x) => collect(x, b, seen));
  if (!isObject(node)) return;
  const name = typeof node.text === 'string' && Object.keys(node).every((k) => k === 'text' || k === 'range') ? node.text : node.kind === 'NameRef' ? node.name : undefined;
  if (typeof name === 'string') {
    const v = lookupVocabulary(name);
    if (v?.kind === 'event') seen.events.add(EVENTS.findIndex((e) => e.id === v.id));
    if (v?.kind === 'fact') seen.facts.add(FACTS.findIndex((f) => f.id === v.id));
  }
  if (node.kind === 'Time' && typeof node.minutes === 'number') b.minutesOfDay.push(node.minutes);
  if (node.kind === 'Duration' && typeof node.value === 'number') {
    if (node.unit === 'hours') b.elapsedMinutes.push(node.value * 60);
    else if (node.unit === 'minutes') b.elapsedMinutes.push(node.value);
    else b.dayCounts.push(node.value);
  }
  if (typeof node.n === 'number' && DAY_UNITS.has(String(node.unit))) b.dayCounts.push(node.n);
  if ((node.kind === 'Number' || node.kind === 'number') && typeof node.value === 'number') b.numbers.push(node.value);
  if (isObject(node) && typeof node.iso === 'string') b.years.push(+node.iso.slice(0, 4));
  for (const [k, v] of Object.entries(node)) if (k !== 'range' && k !== 'comments' && k !== 'keywords') collect(v, b, seen);
}

const uniq = (xs: number[]) => [...new Set(xs.filter((x) => Number.isFinite(x)))].sort((a, b) => a - b);

export function boundariesOf(policies: A.Policy[], bases: CaseData[]): Boundaries {
  const b: Boundaries = { minutesOfDay: [], dayCounts: [], elapsedMinutes: [], numbers: [], events: [], booleanFacts: [], numericFacts: [], years: [] };
  const seen = { events: new Set<number>(), facts: new Set<number>() };
  for (const p of policies) collect(p, b, seen);
  for (const c of bases) for (const t of c.events) if (!Number.isNaN(t)) b.years.push(yearOfDay(localDayOf(t)));
  b.events = [...seen.events].filter((i) => i >= 0).sort((x, y) => x - y);
  b.booleanFacts = [...seen.facts].filter((i) => i >= 0 && FACTS[i].type === 'boolean');
  b.numericFacts = [...seen.facts].filter((i) => i >= 0 && FACTS[i].type === 'count');
  b.years = uniq(b.years).filter((y) => y >= FIRST_YEAR && y <= LAST_YEAR);
  return { ...b, minutesOfDay: uniq(b.minutesOfDay), dayCounts: uniq(b.dayCounts), elapsedMinutes: uniq(b.elapsedMinutes), numbers: uniq(b.numbers) };
}

// ---- building cases ----------------------------------------------------------------------------

function copy(c: CaseData): CaseData {
  return { events: Float64Array.from(c.events), facts: [...c.facts] };
}

/** Epoch ms of a Stockholm wall-clock time, undefined when the clocks skip it. */
export function localInstant(day: Day, minute: number): number | undefined {
  return resolveLocalWallTime(day * MS_PER_DAY + minute * 60_000);
}

const minuteOf = (t: number) => Math.floor(localSecondOfDay(t) / 60);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const describeInstant = (t: number) => `${dayToIso(localDayOf(t))} ${hhmm(minuteOf(t))}`;

/** Every recorded event moved by whole days, each keeping its wall-clock time. */
function shifted(c: CaseData, days: number): CaseData | undefined {
  const out = copy(c);
  for (let i = 0; i < out.events.length; i++) {
    const t = out.events[i];
    if (Number.isNaN(t)) continue;
    const moved = localInstant(localDayOf(t) + days, minuteOf(t));
    if (moved === undefined) return undefined;
    out.events[i] = moved;
  }
  if (typeof out.facts[EVALUATION_DATE] === 'number') out.facts[EVALUATION_DATE] = (out.facts[EVALUATION_DATE] as number) + days;
  return out;
}

function dstDays(year: number): Day[] {
  const lastSunday = (m: number) => {
    const d = dayFromYmd(year, m, 31);
    return d - (weekday(d) % 7);
  };
  return [lastSunday(3), lastSunday(10)];
}

/** Days to move a scenario onto: weekends, public holidays and DST nights of the years involved. */
function calendarTargets(years: number[], base: Day): { day: Day; why: string }[] {
  const out: { day: Day; why: string }[] = [];
  // the weekend after the example's own date, Friday to Monday
  const friday = base + ((5 - weekday(base) + 7) % 7);
  for (let i = 0; i < 4; i++) out.push({ day: friday + i, why: ['a Friday', 'a Saturday', 'a Sunday', 'a Monday after a weekend'][i] });
  for (const y of years) {
    for (const h of holidaysOfYear(y)) {
      out.push({ day: h.day, why: `${dayToIso(h.day)} (${h.en})` });
      out.push({ day: h.day - 1, why: `the day before ${dayToIso(h.day)} (${h.en})` });
    }
    for (const d of dstDays(y)) {
      out.push({ day: d, why: `the DST night ${dayToIso(d)}` });
      out.push({ day: d - 1, why: `the day before the DST night ${dayToIso(d)}` });
    }
  }
  return out;
}

/** A scenario's identity for removing duplicates: two 32-bit hashes of the events' bytes, and the facts. */
function keyOf(c: CaseData): string {
  const words = new Uint32Array(c.events.buffer, c.events.byteOffset, c.events.length * 2);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < words.length; i++) {
    h1 = Math.imul(h1 ^ words[i], 0x01000193);
    h2 = Math.imul(h2 + words[i], 0x5bd1e995) ^ (h2 >>> 15);
  }
  let facts = '';
  for (const f of c.facts) facts += f === undefined ? ',' : `${String(f)},`;
  return `${h1 >>> 0}:${h2 >>> 0}|${facts}`;
}

/** The scenarios for a pair of compiled versions; duplicates removed. */
export function generateScenarios(a: CompiledPolicy, b: CompiledPolicy, limit = 200_000): { scenarios: Scenario[]; boundaries: Boundaries } {
  const examples = [...a.examples, ...b.examples].filter((e) => e.errors.length === 0);
  const bases = examples.map((e) => ({ data: e.data, origin: `example ${e.decl.id.text}` }));
  const bd = boundariesOf([a.ast, b.ast], bases.map((x) => x.data));
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  let baseIndex = 0;
  const add = (data: CaseData | undefined, origin: string, tier: number, focus?: string) => {
    if (!data || scenarios.length >= limit) return;
    const key = keyOf(data);
    if (seen.has(key)) return;
    seen.add(key);
    scenarios.push({ data, origin, tier, base: baseIndex, ...(focus ? { focus } : {}) });
  };
  const times = uniq([...bd.minutesOfDay.flatMap((m) => [m - 1, m, m + 1]), 0, 23 * 60 + 59]).filter((m) => m >= 0 && m < 1440);
  const dstTimes = [119, 120, 150, 180, 181];

  // every example as written first, so that none is taken for a variant of another
  for (const [bi, base] of bases.entries()) {
    baseIndex = bi;
    add(copy(base.data), base.origin, 0);
  }
  for (const [bi, base] of bases.entries()) {
    baseIndex = bi;
    const c = base.data;
    const recorded = [...c.events.keys()].filter((i) => !Number.isNaN(c.events[i]));
    // 1. a time of day at each boundary, ± 1 minute
    for (const e of recorded) {
      for (const m of times) {
        const x = copy(c);
        const t = localInstant(localDayOf(c.events[e]), m);
        if (t === undefined) continue;
        x.events[e] = t;
        add(x, `${base.origin}, ${EVENTS[e].id} at ${hhmm(m)}`, 1, EVENTS[e].id);
      }
    }
    // 2. conditions flipped, numbers at each number ± 1 and ± 0.01, an event left out
    for (const f of bd.booleanFacts) {
      for (const v of [true, false, undefined]) {
        if (c.facts[f] === v) continue;
        const x = copy(c);
        x.facts[f] = v;
        add(x, `${base.origin}, ${FACTS[f].id} ${v === undefined ? 'not given' : v ? 'yes' : 'no'}`, 1, FACTS[f].id);
      }
    }
    for (const f of bd.numericFacts) {
      for (const n of bd.numbers.flatMap((n) => [n - 1, n - 0.01, n, n + 0.01, n + 1])) {
        const x = copy(c);
        x.facts[f] = Math.round(n * 100) / 100;
        add(x, `${base.origin}, ${FACTS[f].id} ${x.facts[f]}`, 1, FACTS[f].id);
      }
    }
    for (const e of recorded) {
      const x = copy(c);
      x.events[e] = NaN;
      add(x, `${base.origin}, no ${EVENTS[e].id}`, 1, EVENTS[e].id);
    }
    // 3. one event a day count ± 1 after another (same time, first and last minute of the day),
    //    or an hour limit ± 1 minute after it
    const targets = uniq([...bd.events, ...recorded]);
    for (const anchor of recorded) {
      const t0 = c.events[anchor];
      for (const e of targets) {
        if (e === anchor) continue;
        for (const n of bd.dayCounts) {
          for (const k of [n - 1, n, n + 1]) {
            if (k < 0) continue;
            for (const m of [minuteOf(t0), 0, 23 * 60 + 59]) {
              const t = localInstant(localDayOf(t0) + k, m);
              if (t === undefined) continue;
              const x = copy(c);
              x.events[e] = t;
              add(x, `${base.origin}, ${EVENTS[e].id} ${k} day(s) after ${EVENTS[anchor].id}, at ${hhmm(m)}`, 2, EVENTS[e].id);
            }
          }
        }
        for (const mins of bd.elapsedMinutes) {
          for (const d of [-1, 0, 1]) {
            const x = copy(c);
            x.events[e] = t0 + (mins + d) * 60_000;
            add(x, `${base.origin}, ${EVENTS[e].id} ${mins + d} minutes after ${EVENTS[anchor].id}`, 2, EVENTS[e].id);
          }
        }
      }
    }
    // 4. the whole scenario moved so that one of its events falls on a weekend, a public holiday or
    //    a DST night — as written, and with that event at each time boundary
    for (const anchor of recorded) {
      const day = localDayOf(c.events[anchor]);
      for (const target of calendarTargets(bd.years, day)) {
        const moved = shifted(c, target.day - day);
        if (!moved) continue;
        add(moved, `${base.origin} moved so that ${EVENTS[anchor].id} falls on ${target.why}`, 3, EVENTS[anchor].id);
        const isDst = dstDays(yearOfDay(target.day)).includes(target.day);
        for (const m of isDst ? [...times, ...dstTimes] : times) {
          const t = localInstant(target.day, m);
          if (t === undefined) continue;
          const x = copy(moved);
          x.events[anchor] = t;
          add(x, `${base.origin} moved so that ${EVENTS[anchor].id} falls on ${target.why} at ${hhmm(m)}`, 3, EVENTS[anchor].id);
        }
      }
    }
  }
  return { scenarios, boundaries: bd };
}

