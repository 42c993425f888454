// The runtime that rules exported by `avtal export --format json-rules-engine` need: custom operators
// and calculated facts, registered on a json-rules-engine Engine. Day arithmetic, local dates and
// cutoffs go through Avtal's calendar tables (Europe/Stockholm, Swedish holidays), never through Date.
// It imports nothing from json-rules-engine: the engine is passed in, so this file stays browser-safe.
//
// Facts an exported rule set reads (see episodeFacts): one fact per vocabulary event, its instant in
// epoch milliseconds or null when not recorded; one fact per vocabulary fact (booleans, counts, enum
// ids, texts), null when not given; `evaluation_date` as a calendar Day number (days since 1970-01-01).
import { EVENTS, FACTS } from '../../dsl/builtins/vocabulary';
import { addDays, dayFromYmd, dayToIso, isCountedDay, localDayOf, localSecondOfDay, parseInstant, parseIsoDate, startOfLocalDay, yearOfDay, type DayKind } from '../calendar';
import type { CaseData } from '../case/case-data';
import { BUILTIN_IMPLS } from '../compiler/builtins';

export const JRE_RUNTIME = 'avtal-jre-runtime/2';

/** Options the Engine must be created with: event params name calculated facts, resolved per run. */
export const JRE_ENGINE_OPTIONS = { allowUndefinedFacts: true, replaceFactsInEventParams: true } as const;

/** The part of json-rules-engine's Engine and Almanac the runtime uses. */
export interface JreAlmanac {
  factValue<T>(factId: string, params?: Record<string, unknown>): Promise<T>;
}
export interface JreEngineLike {
  // biome-ignore lint/suspicious/noExplicitAny: json-rules-engine's callbacks and event params are untyped
  addOperator(name: string, evaluator: (factValue: any, compareTo: any) => boolean): void;
  // biome-ignore lint/suspicious/noExplicitAny: json-rules-engine's callbacks and event params are untyped
  addFact(id: string, calc: (params: Record<string, any>, almanac: any) => unknown, options?: { cache?: boolean; priority?: number }): unknown;
}

/**
 * A value the rules compute: a number (instants in epoch ms, dates as Day numbers, durations in ms or
 * days), an event's instant, a count or date fact, a built-in function of Avtal (the same
 * implementation the compiled evaluator calls), or a sum or difference. Unrecorded values are NaN.
 */
export type ValueExpr = number | EventRef | { fact: string } | { call: string; args: ValueExpr[] } | { add: [ValueExpr, ValueExpr] } | { sub: [ValueExpr, ValueExpr] };
/**
 * An event's instant, as a payment period reads it: with `notBefore`, an instant before that event's (a
 * withdrawal before the anchor) reads as not recorded; with `orNow`, an unrecorded event reads as the fact
 * avtal:now, the earliest moment it could still happen (whether a pending requirement can still be met).
 */
export interface EventRef { event: string; notBefore?: string; orNow?: boolean }
export type DayUnit = 'days' | 'calendar-days' | 'weekdays' | 'working-days';
export interface CutoffSpec { minutes: number; countsAs: 'before' | 'after' }
export interface DueParams { anchor: ValueExpr; within: number; unit: DayUnit | 'hours' | 'minutes' }
export interface PaymentParams {
  anchor: string; // event
  dayOne: 'same-day' | 'next-day';
  grace: number;
  unit: DayUnit;
  ends: string[]; // events: the stay ends at the first of them recorded
  inclusive: boolean;
  withdrawal?: string | null; // event: withdraws the anchor (when at or after it), ending the period
  withdrawalInclusive?: boolean;
  rates?: Record<string, number> | null; // year → rate per day; null: no rate
  carryForward?: boolean; // a year without a rate takes the latest earlier year's
}

const DAY_KIND: Record<DayUnit, DayKind> = { days: 'calendar', 'calendar-days': 'calendar', weekdays: 'weekday', 'working-days': 'working' };

/** null and non-numbers read as NaN, so every comparison with an unrecorded value is false, as in Avtal. */
const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

// ---- pure calendar arithmetic, shared by the facts below ------------------------------------------

/** "EVENT after CUTOFF": the local time of day at full precision against the cutoff, the boundary as declared. */
export function isAfterCutoff(t: number, c: CutoffSpec): boolean {
  const ms = localSecondOfDay(t) * 1000 + (((t % 1000) + 1000) % 1000);
  const boundary = c.minutes * 60_000;
  return ms > boundary || (ms === boundary && c.countsAs === 'after');
}

/** The last moment allowed (elapsed time, inclusive) or the end of the due day (day counts, exclusive). */
export function deadlineDue(anchor: number, within: number, unit: DueParams['unit']): number {
  if (Number.isNaN(anchor)) return NaN;
  if (unit === 'hours') return anchor + within * 3_600_000;
  if (unit === 'minutes') return anchor + within * 60_000;
  return startOfLocalDay(addDays(localDayOf(anchor), within, DAY_KIND[unit]) + 1);
}

/** Day 1, then n counted grace days (day 1 itself when it counts); payment runs from the day after. */
export function firstPayableDay(anchor: number, p: Pick<PaymentParams, 'dayOne' | 'grace' | 'unit'>): number {
  if (Number.isNaN(anchor)) return NaN;
  const kind = DAY_KIND[p.unit];
  const dayOne = localDayOf(anchor) + (p.dayOne === 'next-day' ? 1 : 0);
  const firstCounted = isCountedDay(dayOne, kind) ? dayOne : addDays(dayOne, 1, kind);
  const lastGrace = p.grace === 0 ? dayOne - 1 : addDays(firstCounted, p.grace - 1, kind);
  return lastGrace + 1;
}

/**
 * The last billable day: the end event's date (or the day before, exclusive), or the withdrawal's when that
 * is earlier (`withdrawn`: the withdrawal's instant when it ends the period, else NaN); else the evaluation date.
 */
export function lastBillableDay(end: number, inclusive: boolean, evaluationDay: number, withdrawn = NaN, withdrawalInclusive = false): number {
  let last = Number.isNaN(end) ? NaN : localDayOf(end) - (inclusive ? 0 : 1);
  if (!Number.isNaN(withdrawn)) {
    const beforeWithdrawal = localDayOf(withdrawn) - (withdrawalInclusive ? 0 : 1);
    if (!(last <= beforeWithdrawal)) last = beforeWithdrawal;
  }
  return Number.isNaN(last) ? evaluationDay : last;
}

/** The earliest of the instants recorded (NaN when none is). */
export function firstRecorded(instants: number[]): number {
  let t = NaN;
  for (const x of instants) if (!Number.isNaN(x) && !(x >= t)) t = x;
  return t;
}

/**
 * "Now" for a requirement that waits for an event: the last moment of the evaluation date when one is given,
 * else the latest instant the episode records (NaN when it records none).
 */
export function earliestStillPossible(evaluationDay: number, instants: number[]): number {
  if (!Number.isNaN(evaluationDay)) return startOfLocalDay(evaluationDay + 1) - 1;
  let latest = -Infinity;
  for (const t of instants) if (t > latest) latest = t;
  return Number.isFinite(latest) ? latest : NaN;
}

/** The rate of a year; with carry forward, a year without a value takes the latest earlier year's value. */
function rateOf(rates: Record<string, number>, year: number, carryForward: boolean): number | undefined {
  if (rates[String(year)] !== undefined || !carryForward) return rates[String(year)];
  let best: number | undefined;
  for (const y of Object.keys(rates).map(Number)) if (y < year && (best === undefined || y > best)) best = y;
  return best === undefined ? undefined : rates[String(best)];
}

export function amountFor(first: number, last: number, rates: Record<string, number> | null | undefined, carryForward = false): number {
  if (!rates) return NaN;
  if (last - first + 1 <= 0) return 0;
  let amount = 0;
  for (let y = yearOfDay(first); y <= yearOfDay(last); y++) {
    const rate = rateOf(rates, y, carryForward);
    if (rate === undefined) return NaN;
    amount += (Math.min(last, dayFromYmd(y, 12, 31)) - Math.max(first, dayFromYmd(y, 1, 1)) + 1) * rate;
  }
  return amount;
}

// ---- registration ----------------------------------------------------------------------------------

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Evaluates a ValueExpr against the facts of one run. */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the runtime's exported name; a module function, not Object.prototype.valueOf
export async function valueOf(x: ValueExpr, almanac: JreAlmanac): Promise<number | boolean> {
  if (typeof x === 'number') return x;
  if ('event' in x) {
    let t = num(await almanac.factValue(x.event));
    if (x.notBefore !== undefined && !(t >= num(await almanac.factValue(x.notBefore)))) t = NaN;
    if (x.orNow && Number.isNaN(t)) t = num(await almanac.factValue('avtal:now'));
    return t;
  }
  if ('fact' in x) return num(await almanac.factValue(x.fact));
  if ('call' in x) {
    const impl = BUILTIN_IMPLS[x.call];
    if (!impl) throw new Error(`unknown Avtal function ${x.call}`); // the exporter writes only known ones
    const args = await Promise.all(x.args.map((a) => valueOf(a, almanac)));
    return impl(args as number[]);
  }
  const [l, r] = 'add' in x ? x.add : x.sub;
  const a = (await valueOf(l, almanac)) as number;
  const b = (await valueOf(r, almanac)) as number;
  return 'add' in x ? a + b : a - b;
}

const instantOf = async (x: ValueExpr, almanac: JreAlmanac): Promise<number> => num(await valueOf(x, almanac));

async function billable(p: PaymentParams, almanac: JreAlmanac): Promise<{ first: number; last: number; days: number }> {
  const anchor = num(await almanac.factValue(p.anchor));
  const first = firstPayableDay(anchor, p);
  const end = firstRecorded(await Promise.all(p.ends.map(async (e) => num(await almanac.factValue(e)))));
  // A withdrawal before the anchor withdraws nothing: the period is read as if it were not recorded.
  const w = p.withdrawal ? num(await almanac.factValue(p.withdrawal)) : NaN;
  const last = lastBillableDay(end, p.inclusive, num(await almanac.factValue('evaluation_date')), w >= anchor ? w : NaN, p.withdrawalInclusive === true);
  return { first, last, days: Number.isNaN(last) || Number.isNaN(first) ? NaN : Math.max(0, last - first + 1) };
}

/** Registers Avtal's operators and calculated facts on a json-rules-engine Engine. */
export function registerAvtalRuntime(engine: JreEngineLike): void {
  // Operators. Unrecorded values (null) compare false, as NaN does in Avtal.
  engine.addOperator('avtal:recorded', (v, want: boolean) => !Number.isNaN(num(v)) === want);
  engine.addOperator('avtal:lt', (a, b) => num(a) < num(b));
  engine.addOperator('avtal:le', (a, b) => num(a) <= num(b));
  engine.addOperator('avtal:gt', (a, b) => num(a) > num(b));
  engine.addOperator('avtal:ge', (a, b) => num(a) >= num(b));
  engine.addOperator('avtal:eq', (a, b) => num(a) === num(b));
  engine.addOperator('avtal:ne', (a, b) => { const x = num(a), y = num(b); return x !== y && !Number.isNaN(x) && !Number.isNaN(y); });
  engine.addOperator('avtal:afterCutoff', (t, c: CutoffSpec) => !Number.isNaN(num(t)) && isAfterCutoff(t, c));
  engine.addOperator('avtal:beforeCutoff', (t, c: CutoffSpec) => !Number.isNaN(num(t)) && !isAfterCutoff(t, c));

  // Calculated facts (cached per run by json-rules-engine, keyed by their params).
  engine.addFact('avtal:value', async (p, almanac) => {
    const v = await valueOf(p.expr as ValueExpr, almanac);
    return typeof v === 'number' ? nullIfNaN(v) : v;
  });
  // A computed date's value as an ISO date, null when an event it needs is not recorded.
  engine.addFact('avtal:date', async (p, almanac) => {
    const v = await valueOf(p.expr as ValueExpr, almanac);
    return typeof v === 'number' && !Number.isNaN(v) ? dayToIso(v) : null;
  });
  engine.addFact('avtal:deadlineDue', async (p, almanac) => {
    const d = p as unknown as DueParams;
    return nullIfNaN(deadlineDue(await instantOf(d.anchor, almanac), d.within, d.unit));
  });
  // The end of the evaluation date: a deadline whose event is not recorded is missed once this lies past the due time.
  engine.addFact('avtal:evaluationEnd', async (_p, almanac: JreAlmanac) => {
    const evalDay = num(await almanac.factValue('evaluation_date'));
    return Number.isNaN(evalDay) ? null : startOfLocalDay(evalDay + 1);
  });
  // The earliest moment an unrecorded event could still happen (see earliestStillPossible): read by `orNow` values.
  engine.addFact('avtal:now', async (_p, almanac: JreAlmanac) => {
    const instants = await Promise.all(EVENTS.map(async (e) => num(await almanac.factValue(e.id))));
    return nullIfNaN(earliestStillPossible(num(await almanac.factValue('evaluation_date')), instants));
  });
  engine.addFact('avtal:firstPayableDay', async (p, almanac: JreAlmanac) => {
    const first = firstPayableDay(num(await almanac.factValue(p.anchor)), p as PaymentParams);
    return Number.isNaN(first) ? null : dayToIso(first);
  });
  engine.addFact('avtal:billableDays', async (p, almanac: JreAlmanac) => nullIfNaN((await billable(p as PaymentParams, almanac)).days));
  engine.addFact('avtal:amount', async (p, almanac: JreAlmanac) => {
    const b = await billable(p as PaymentParams, almanac);
    return Number.isNaN(b.days) ? null : nullIfNaN(amountFor(b.first, b.last, (p as PaymentParams).rates, (p as PaymentParams).carryForward === true));
  });
}

// ---- facts from an episode ---------------------------------------------------------------------------

export type EpisodeFacts = Record<string, number | boolean | string | null>;

/**
 * An episode that records an event more than once (a history) has no facts: a fact holds one instant per event,
 * and the exported rules read one period. Refused with this error rather than read as its first occurrences.
 */
export class HistoryNotExported extends Error {
  constructor(readonly event: string, readonly times: number) {
    super(`${event} is recorded ${times} times: the exported json-rules-engine rules read one occurrence of each event (histories are not exported; evaluate the episode with Avtal)`);
  }
}

/** Facts from Avtal's CaseData (what the evaluator reads): the same values, NaN and undefined as null. */
export function factsFromCaseData(c: CaseData): EpisodeFacts {
  const repeated = c.history?.findIndex((h) => h !== undefined && h.length > 1) ?? -1;
  if (repeated >= 0) throw new HistoryNotExported(EVENTS[repeated].id, c.history![repeated]!.length);
  const f: EpisodeFacts = {};
  for (let i = 0; i < EVENTS.length; i++) f[EVENTS[i].id] = Number.isNaN(c.events[i]) ? null : c.events[i];
  for (let i = 0; i < FACTS.length; i++) f[FACTS[i].id] = c.facts[i] ?? null;
  return f;
}

/**
 * Facts from a case in the format of `avtal schema` ({events: {id: instant}, facts: {...}, careType?,
 * municipality?, evaluationDate?}). Instants without an offset are Stockholm local time. The case is
 * not validated here: run `avtal eval` or validateCase for that. An unreadable instant or date is null.
 * An event given as a list of more than one time (a history) throws HistoryNotExported.
 */
export function episodeFacts(input: { events?: Record<string, string | string[] | undefined>; facts?: Record<string, unknown>; careType?: string; municipality?: string; evaluationDate?: string }): EpisodeFacts {
  const f: EpisodeFacts = {};
  for (const e of EVENTS) {
    let v = input.events?.[e.id];
    // A list of one time is that time; a longer one is a history, which the rules cannot read.
    if (Array.isArray(v)) {
      if (v.length > 1) throw new HistoryNotExported(e.id, v.length);
      v = v[0];
    }
    const parsed = v === undefined ? undefined : parseInstant(v);
    f[e.id] = parsed?.ok ? parsed.epochMs : null;
  }
  for (const x of FACTS) f[x.id] = (input.facts?.[x.id] as EpisodeFacts[string] | undefined) ?? null;
  f.care_type = input.careType ?? 'somatic';
  if (input.municipality !== undefined) f.municipality = input.municipality;
  if (input.evaluationDate !== undefined) f.evaluation_date = parseIsoDate(input.evaluationDate) ?? null;
  return f;
}

// ---- reading the results ----------------------------------------------------------------------------

export interface JreDeadlineOutcome { rule: string; status: 'met' | 'missed' | 'pending' | 'not-applicable'; reason: string; due: number | null }
export interface JrePaymentOutcome {
  rule: string;
  status: 'responsible' | 'pending' | 'not-responsible' | 'not-started';
  responsible: boolean;
  reason: string;
  /** the requirement or exemption that decided a not-responsible or pending status, as written */
  clause?: string;
  /** when that clause is the law's that binds the rule (`subject to`): the law and its payment rule */
  law?: { agreement: string; version: string; rule: string };
  firstPayableDay: string | null;
  billableDays: number | null;
  amount: number | null;
}

export interface JreComputedOutcome { rule: string; applies: boolean; date: string | null }

/** The events of one run, by rule: every exported rule fires exactly one event per episode. */
// biome-ignore lint/suspicious/noExplicitAny: json-rules-engine's callbacks and event params are untyped
export function outcomesOf(events: { type: string; params?: Record<string, any> }[]): {
  deadlines: Map<string, JreDeadlineOutcome>;
  payments: Map<string, JrePaymentOutcome>;
  computed: Map<string, JreComputedOutcome>;
} {
  const deadlines = new Map<string, JreDeadlineOutcome>();
  const payments = new Map<string, JrePaymentOutcome>();
  const computed = new Map<string, JreComputedOutcome>();
  for (const e of events) {
    if (e.type === 'avtal.deadline') deadlines.set(e.params!.rule, e.params as JreDeadlineOutcome);
    else if (e.type === 'avtal.payment') payments.set(e.params!.rule, e.params as JrePaymentOutcome);
    else if (e.type === 'avtal.computed') computed.set(e.params!.rule, e.params as JreComputedOutcome);
  }
  return { deadlines, payments, computed };
}
