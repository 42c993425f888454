// Random care episodes as Avtal's CaseData, for property tests and the benchmark. Times cluster where
// the rules are delicate: around 12:00 (to the millisecond), DST nights, weekends and holidays, the
// 24-hour and day-count boundaries; any event may be missing; facts are given or not.
import fc from 'fast-check';
import { EVENTS, FACTS } from '../../dsl/builtins/vocabulary';
import { dayFromYmd, utcOffsetMinutes } from '../../engine/calendar';
import { emptyCase, eventSlot, EVALUATION_DATE, type CaseData } from '../../engine/case/case-data';

const MS_DAY = 86_400_000;
const H = 3_600_000;

/** Days where calendar rules bite: DST switches, Easter, Midsummer, Christmas, New Year, leap days. */
const SPECIAL_DAYS = [
  [2019, 3, 31], [2019, 10, 27], [2024, 3, 31], [2024, 10, 27], [2025, 3, 30], [2025, 10, 26], [2018, 3, 25],
  [2019, 4, 19], [2019, 4, 22], [2019, 6, 21], [2019, 12, 24], [2019, 12, 31], [2024, 2, 29], [2024, 12, 23], [2025, 6, 20],
  [2018, 12, 28], [2024, 11, 1], [2018, 2, 1], [2019, 1, 7], [2024, 11, 4],
].map(([y, m, d]) => dayFromYmd(y, m, d));

const baseDay = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_DAYS).chain((d) => fc.integer({ min: d - 6, max: d + 2 })) },
  { weight: 3, arbitrary: fc.integer({ min: dayFromYmd(2018, 1, 1), max: dayFromYmd(2026, 12, 31) }) },
);

/** Local wall-clock milliseconds after midnight, clustered at the noon cutoff and the night. */
const timeOfDay = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(12 * H, 12 * H - 1, 12 * H + 1, 12 * H + 1000, 12 * H - 1000, 11 * H, 13 * H) },
  { weight: 1, arbitrary: fc.constantFrom(0, MS_DAY - 1, 1.5 * H, 2.5 * H, 3.5 * H, 23.5 * H) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: MS_DAY - 1 }) },
);

/** Local wall-clock time on a day → instant (an hour of the spring gap maps to some nearby instant). */
export function localInstant(day: number, ms: number): number {
  const cet = day * MS_DAY + ms - H;
  return utcOffsetMinutes(cet) === 120 ? cet - H : cet;
}

/** An event `days` after a day at a time of day, or missing. */
const eventAt = (missing: number, days: fc.Arbitrary<number>) =>
  fc.oneof({ weight: missing, arbitrary: fc.constant(undefined) }, { weight: 10 - missing, arbitrary: fc.tuple(days, timeOfDay) });

/** Elapsed time after an instant, clustered at the 24-hour boundary. */
const elapsed = fc.oneof(
  fc.constantFrom(24 * H, 24 * H - 1, 24 * H + 1, 24 * H + 1000, 23 * H, 25 * H),
  fc.integer({ min: 0, max: 72 * H }),
);

export interface EpisodeShape {
  base: number;
  admitted?: [number, number];
  noticeAfter?: number;
  readyAssessed?: [number, number];
  readyNotice?: [number, number];
  sipCalled?: [number, number];
  discharged?: [number, number];
  others: ([number, number] | undefined)[];
  facts: unknown[];
}

const factArb = FACTS.map((f) => {
  switch (f.type) {
    case 'boolean': return fc.option(fc.boolean(), { nil: undefined, freq: 4 });
    case 'count': return fc.option(fc.integer({ min: 0, max: 105 }), { nil: undefined });
    case 'enum': return f.id === 'care_type' ? fc.constantFrom(...f.values!.map((v) => v.id)) : fc.option(fc.constantFrom(...f.values!.map((v) => v.id)), { nil: undefined });
    case 'date': return fc.option(fc.integer({ min: -2, max: 40 }), { nil: undefined }); // days after the base day
    case 'text': return fc.option(fc.constantFrom('Karlstad', 'Växjö', 'Karlskrona'), { nil: undefined });
  }
});

const STRUCTURED = new Set(['admitted', 'admission_notice_sent', 'ready_assessed', 'ready_notice_sent', 'sip_called', 'discharged']);
const OTHER_EVENTS = EVENTS.filter((e) => !STRUCTURED.has(e.id));

export const episodeShape: fc.Arbitrary<EpisodeShape> = fc.record({
  base: baseDay,
  admitted: eventAt(1, fc.integer({ min: -3, max: 0 })),
  noticeAfter: fc.option(elapsed, { nil: undefined, freq: 5 }),
  readyAssessed: eventAt(2, fc.integer({ min: 0, max: 1 })),
  readyNotice: eventAt(2, fc.constant(0)),
  sipCalled: eventAt(4, fc.integer({ min: 0, max: 6 })),
  discharged: eventAt(3, fc.integer({ min: 0, max: 25 })),
  others: fc.tuple(...OTHER_EVENTS.map(() => eventAt(6, fc.integer({ min: -3, max: 20 })))),
  facts: fc.tuple(...factArb),
});

const slot = (id: string) => eventSlot(id);
const S = { admitted: slot('admitted'), notice: slot('admission_notice_sent'), assessed: slot('ready_assessed'), ready: slot('ready_notice_sent'), sip: slot('sip_called'), discharged: slot('discharged') };

/** The shape → CaseData: admission before the base day, the ready notice on it, the rest after it. */
export function toCaseData(s: EpisodeShape): CaseData {
  const c = emptyCase();
  const at = (p: [number, number] | undefined, day: number) => (p ? localInstant(day + p[0], p[1]) : NaN);
  c.events[S.admitted] = at(s.admitted, s.base);
  if (s.noticeAfter !== undefined && !Number.isNaN(c.events[S.admitted])) c.events[S.notice] = c.events[S.admitted] + s.noticeAfter;
  c.events[S.assessed] = at(s.readyAssessed, s.base);
  c.events[S.ready] = at(s.readyNotice, s.base);
  c.events[S.sip] = at(s.sipCalled, s.base);
  c.events[S.discharged] = at(s.discharged, s.base);
  OTHER_EVENTS.forEach((e, i) => (c.events[eventSlot(e.id)] = at(s.others[i], s.base)));
  FACTS.forEach((f, i) => {
    const v = s.facts[i];
    c.facts[i] = f.type === 'date' && typeof v === 'number' ? s.base + v : (v as CaseData['facts'][number]);
  });
  return c;
}

export const episode: fc.Arbitrary<CaseData> = episodeShape.map(toCaseData);

/** n episodes, the same for the same seed. */
export function sampleEpisodes(n: number, seed: number): CaseData[] {
  return fc.sample(episode, { numRuns: n, seed });
}

const DIED = slot('died');
const WITHDRAWN = slot('ready_withdrawn');

/** A withdrawal of the ready notice: at its very instant, a moment or hours either side of it, or on a day after the base day. */
const withdrawalShape = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, -H, 3 * H).map((ms) => ({ afterNotice: ms })) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: -1, max: 8 }), timeOfDay).map((at) => ({ at })) },
);

/** An episode with death and withdrawal, and its base day. */
const ending = fc
  .tuple(episodeShape, eventAt(5, fc.integer({ min: 0, max: 25 })), fc.option(withdrawalShape, { nil: undefined, freq: 2 }))
  .map(([s, died, w]) => {
    const c = toCaseData(s);
    c.events[DIED] = died ? localInstant(s.base + died[0], died[1]) : NaN;
    const notice = c.events[S.ready];
    c.events[WITHDRAWN] = !w ? NaN : 'at' in w ? localInstant(s.base + w.at[0], w.at[1]) : Number.isNaN(notice) ? NaN : notice + w.afterNotice;
    return { c, base: s.base };
  });

/**
 * The same episode as recorded so far: nothing after a moment a few days after the base day, the stay not
 * ended, and the evaluation date that day or none. Requirements that wait for an event are pending here.
 */
const soFar = fc.tuple(ending, fc.integer({ min: 0, max: 5 }), timeOfDay, fc.boolean()).map(([{ c, base }, days, ms, evaluated]) => {
  const cut = localInstant(base + days, ms);
  for (let i = 0; i < c.events.length; i++) if (c.events[i] > cut) c.events[i] = NaN;
  c.events[S.discharged] = NaN;
  c.events[DIED] = NaN;
  c.facts[EVALUATION_DATE] = evaluated ? base + days : undefined;
  return c;
});

/**
 * Episodes whose stay may also end by death and whose ready notice may be withdrawn (each at most once): the
 * death within the stay's days, the withdrawal clustered at the notice; half of them still open, as
 * recorded so far. A history (an event recorded more than once) is not generated.
 */
export const episodeEnding: fc.Arbitrary<CaseData> = fc.oneof({ weight: 1, arbitrary: ending.map((x) => x.c) }, { weight: 1, arbitrary: soFar });
