// fast-check generators for care episodes (case JSON), good and bad: missing events, events out of
// order, dates in year 1 and 9999, local times that do not exist (the spring DST gap) or exist twice
// (the autumn repeated hour), wrong types, extra fields, huge strings, and values that are no JSON object at all.
import fc from 'fast-check';
import { EVENTS, FACTS } from '../../dsl/builtins/vocabulary';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The last Sunday of a month (1-12) of a year, as day of month. */
export function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return last.getUTCDate() - last.getUTCDay();
}

const year = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 2015, max: 2030 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1970, max: 2100 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 2, 1899, 1900, 2101, 9998, 9999) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }) },
);

/** A local date-time that exists or nearly does: any day, also 30 February and 24:00. */
const dateTime = fc.record({
  y: year, mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }),
  s: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }), ms: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
});

const offset = fc.oneof(
  fc.constant(''), fc.constant(''), fc.constant('Z'), fc.constantFrom('+01:00', '+02:00', '-05:00', '+0100', '+01', '+14:00', '-23:59', '+24:00', '+01:60'),
);

/** The spring-forward gap: 02:00-02:59 on the last Sunday of March, which does not exist in Stockholm. */
export const springGap = fc.record({ y: fc.integer({ min: 1996, max: 2200 }), mi: fc.integer({ min: 0, max: 59 }) })
  .map(({ y, mi }) => ({ y, mi, text: `${y}-03-${pad(lastSunday(y, 3))} 02:${pad(mi)}` }));

/** The autumn repeated hour: 02:00-02:59 on the last Sunday of October, which exists twice. */
export const autumnOverlap = fc.record({ y: fc.integer({ min: 1996, max: 2200 }), mi: fc.integer({ min: 0, max: 59 }), t: fc.boolean() })
  .map(({ y, mi, t }) => ({ y, mi, text: `${y}-10-${pad(lastSunday(y, 10))}${t ? 'T' : ' '}02:${pad(mi)}` }));

/** A timestamp string: well-formed local or with an offset, DST edge, far past or future, or malformed. */
export const instantText: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(dateTime, fc.constantFrom('T', ' '), offset).map(([t, sep, o]) => {
    const sec = t.s === undefined ? '' : `:${pad(t.s)}${t.ms === undefined ? '' : `.${pad(t.ms, 3)}`}`;
    return `${pad(t.y, 4)}-${pad(t.mo)}-${pad(t.d)}${sep}${pad(t.h)}:${pad(t.mi)}${sec}${o}`;
  }) },
  { weight: 2, arbitrary: springGap.map((g) => g.text) },
  { weight: 2, arbitrary: autumnOverlap.map((g) => g.text) },
  { weight: 1, arbitrary: fc.constantFrom('2019-01-07T24:00', '2019-02-30 10:00', '2019-13-01 10:00', '0000-01-01 00:00', '2019-01-07', '11:00', '', ' ', 'yesterday', '2019-01-07T11:00:00+01:00 ', ' 2019-01-07 11:00', '2019-01-07T11:00:60', '2019-1-7 11:00', '２０１９-01-07 11:00') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Any JSON value, small; for fields given the wrong type. */
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }), fc.string({ maxLength: 10 }));

/** Strings up to 200 000 characters. */
const hugeString = fc.oneof(fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)), fc.integer({ min: 100, max: 5000 }).map((n) => 'å€😀"\\'.repeat(n)));

const eventIds = EVENTS.map((e) => e.id);

const eventValue = fc.oneof({ weight: 10, arbitrary: instantText }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: hugeString });
const events = fc.oneof(
  { weight: 10, arbitrary: fc.dictionary(fc.constantFrom(...eventIds), eventValue, { maxKeys: 8 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...eventIds, ...EVENTS.map((e) => e.sv)), fc.string({ maxLength: 12 })), eventValue, { maxKeys: 4 }) },
  { weight: 1, arbitrary: wrongType },
);

function factValue(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'boolean': return fc.boolean();
    case 'count': return fc.integer({ min: 0, max: 150 });
    case 'date': return fc.constantFrom('2019-01-10', '2019-02-30', '9999-12-31', '0001-01-01');
    default: return fc.string({ maxLength: 20 });
  }
}

const facts = fc.oneof(
  { weight: 10, arbitrary: fc.array(fc.constantFrom(...FACTS).chain((f) => fc.tuple(fc.constant(f.id), fc.oneof({ weight: 5, arbitrary: factValue(f.type) }, { weight: 1, arbitrary: wrongType }))), { maxLength: 4 })
    .map((pairs) => Object.fromEntries(pairs)) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), wrongType, { maxKeys: 3 }) },
  { weight: 1, arbitrary: wrongType },
);

const isoDay = fc.oneof(
  fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
  fc.constantFrom('2019-02-29', '2020-02-29', '2019-1-1', '', 'today'),
);

/** A timestamp that parses: a real day and time, Swedish local or with an offset, mostly in the policies' years. */
export const goodInstant: fc.Arbitrary<string> = fc
  .record({ y: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 2018, max: 2030 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }) }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), o: fc.constantFrom('', 'Z', '+01:00', '+02:00') })
  .map(({ y, mo, d, h, mi, o }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(o === '' && mo === 3 && d > 24 && h === 2 ? 3 : h)}:${pad(mi)}${o}`);

const plausibleEvents = fc.dictionary(fc.constantFrom(...eventIds), fc.oneof({ weight: 12, arbitrary: goodInstant }, { weight: 1, arbitrary: instantText }), { maxKeys: 8 });
const plausibleFacts = fc.array(fc.constantFrom(...FACTS.filter((f) => f.id !== 'care_type' && f.id !== 'municipality' && f.id !== 'evaluation_date')).chain((f) => fc.tuple(fc.constant(f.id), factValue(f.type))), { maxLength: 4 })
  .map((pairs) => Object.fromEntries(pairs));

/** A case a caller could well send: known county, timestamps (good, out of order, DST edges, far years), typed facts. */
const plausibleCase: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    id: fc.string({ maxLength: 20 }),
    county: fc.oneof({ weight: 4, arbitrary: fc.constant('varmland') }, { weight: 1, arbitrary: fc.constantFrom('halland', 'kronoberg', 'blekinge', 'national') }),
    careType: fc.constantFrom('somatic', 'psychiatric'),
    municipality: fc.string({ maxLength: 20 }),
    events: plausibleEvents,
    facts: plausibleFacts,
    evaluationDate: fc.oneof({ weight: 5, arbitrary: goodInstant.map((s) => s.slice(0, 10)) }, { weight: 1, arbitrary: isoDay }),
  },
  { requiredKeys: ['county'] },
);

type Corruption = { op: 'delete' | 'wrong-type' | 'extra' | 'huge' | 'nested'; key: string; value: unknown };
const corruption: fc.Arbitrary<Corruption> = fc.record({
  op: fc.constantFrom<Corruption['op']>('delete', 'wrong-type', 'extra', 'huge', 'nested'),
  key: fc.oneof(fc.constantFrom('id', 'county', 'agreement', 'municipality', 'careType', 'events', 'facts', 'evaluationDate'), fc.string({ maxLength: 8 })),
  value: fc.oneof(wrongType, hugeString),
});

function corrupt(c: Record<string, unknown>, k: Corruption): Record<string, unknown> {
  const out = { ...c };
  switch (k.op) {
    case 'delete': delete out[k.key]; break;
    case 'wrong-type': out[k.key] = k.value; break;
    case 'extra': out[`${k.key}_extra`] = k.value; break;
    case 'huge': out[k.key] = typeof k.value === 'string' ? k.value : 'x'.repeat(100_000); break;
    case 'nested': {
      // a wrong or unknown field inside events or facts
      const inner = k.key.length % 2 ? 'events' : 'facts';
      const target = out[inner] && typeof out[inner] === 'object' && !Array.isArray(out[inner]) ? { ...(out[inner] as object) } : {};
      (target as Record<string, unknown>)[k.key.length > 3 ? k.key : eventIds[k.key.length]] = k.value;
      out[inner] = target;
      break;
    }
  }
  return out;
}

/** A case object: half plausible, half with 1-3 corruptions (missing, mistyped, unknown or huge fields), some wholly random. */
export const caseObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 5, arbitrary: plausibleCase },
  { weight: 4, arbitrary: fc.tuple(plausibleCase, fc.array(corruption, { minLength: 1, maxLength: 3 })).map(([c, ks]) => ks.reduce(corrupt, c)) },
  { weight: 1, arbitrary: fc.record({ county: fc.oneof(fc.string({ maxLength: 10 }), wrongType), agreement: fc.oneof(fc.constantFrom('varmland', 'nationell_lag', 'nope'), wrongType), events, facts, evaluationDate: fc.oneof(isoDay, wrongType) }, { requiredKeys: [] }) },
);

/** Not even an object: null, arrays, numbers, strings, deeply nested junk. */
export const notACase: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.constant(undefined), fc.integer(), fc.string({ maxLength: 20 }), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), fc.anything({ maxDepth: 3 }),
  fc.integer({ min: 1, max: 2000 }).map((n) => { let v: unknown = {}; for (let i = 0; i < n; i++) v = { events: v }; return v; }),
);

/** A plausible Värmland episode whose ready notice is sent at `readyMs` (epoch ms), with the rest in order. */
export function varmlandEpisode(readyMs: number, dischargedAfterDays?: number): Record<string, unknown> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const day = 86_400_000;
  return {
    county: 'varmland',
    events: {
      admitted: iso(readyMs - 5 * day),
      admission_notice_sent: iso(readyMs - 5 * day + 3_600_000),
      ready_notice_sent: iso(readyMs),
      ...(dischargedAfterDays === undefined ? {} : { discharged: iso(readyMs + dischargedAfterDays * day) }),
    },
    facts: { sip_needed: false },
  };
}
