// fast-check generators for valid policy ASTs, in English or Swedish. A generated AST is one the
// parser could have produced: names are never keywords; the names the formatter translates (events,
// facts, functions, enum values) are spelled in the file's own language; clauses the grammar
// requires are present. Ranges are a dummy; compare trees with `stripRanges`.
//
// Adding a declaration kind (a new construct): write a `(lang) => Arbitrary<YourDecl>` and add it to
// DECLARATIONS below; `policyAst` picks it up. Expressions live in `expressionArb`.
import fc from 'fast-check';
import type * as A from '../../dsl/ast/ast';
import { KEYWORDS, type Lang } from '../../dsl/builtins/keywords';
import { EVENTS, FACTS, VOCABULARY } from '../../dsl/builtins/vocabulary';
import { FUNCTIONS } from '../../dsl/builtins/functions';

export const R: A.Node['range'] = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

// ---- names ----------------------------------------------------------------------------------------

/** Words a generated free name must not be: every keyword word, vocabulary name, enum value and function. */
export const RESERVED: ReadonlySet<string> = new Set([
  ...KEYWORDS.flatMap((k) => [...k.en, ...k.sv]).flatMap((s) => s.split(' ')),
  ...VOCABULARY.flatMap((v) => [v.id, v.sv]),
  ...FACTS.flatMap((f) => (f.values ?? []).flatMap((v) => [v.id, v.sv])),
  ...FUNCTIONS.flatMap((f) => [f.id, f.sv]),
]);

// A name starts with a Latin letter (å, ä, ö, ß, ø… included) or _, and continues with any letter or digit.
const FIRST = [...'abcdefghijklmnopqrstuvwxyzåäöéABCXYZÅÄÖ_ßøŁ'];
const REST = [...FIRST, ...'0123456789Ωж'];

/** A free name: an identifier that is no keyword and no name the formatter would translate. */
export const freeName: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FIRST), fc.string({ unit: fc.constantFrom(...REST), maxLength: 10 }))
  .map(([a, b]) => a + b)
  .filter((s) => !RESERVED.has(s));

const nameNode = (text: fc.Arbitrary<string>): fc.Arbitrary<A.Name> => text.map((t) => ({ text: t, range: R }));

const spelled = (lang: Lang) => (e: { id: string; sv: string }) => (lang === 'sv' ? e.sv : e.id);

/** An event name in the file's language. */
export const eventName = (lang: Lang) => fc.constantFrom(...EVENTS.map(spelled(lang)));
/** An event, fact or free name: what a NameRef or a given may name. */
const valueName = (lang: Lang) => fc.oneof(fc.constantFrom(...VOCABULARY.map(spelled(lang))), freeName);
const functionName = (lang: Lang) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FUNCTIONS.map(spelled(lang))) }, { weight: 1, arbitrary: freeName });
const enumFacts = FACTS.filter((f) => f.type === 'enum');

// ---- literals -------------------------------------------------------------------------------------

/** Text a string may hold after unescaping: anything but a raw carriage return, which the lexer ends strings at. */
export const stringValue = fc
  .string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.constantFrom('"', '\\', '\n', '\t', '#', 'å', 'Ö', ' ', '\\n', '\u2028', '\u00a0', '\f', '\v', '\0') },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    ),
    maxLength: 24,
  })
  .map((s) => s.replace(/\r/g, ''));
const str: fc.Arbitrary<A.Str> = stringValue.map((value) => ({ value, range: R }));
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

/** A number as written: digits, optionally a decimal part. */
export const numberText = fc.oneof(
  fc.nat({ max: 100 }).map(String),
  fc.nat({ max: 10_000_000 }).map(String),
  fc.tuple(fc.nat({ max: 9999 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => `${a}.${b}`),
  // values whose shortest JavaScript spelling has an exponent (1e+22, 1e-7): printed without one
  fc.constantFrom('10000000000000000000000', '0.0000001', '123456789012345', '0.000000000000001', '5000000000000000000000000'),
);
const numberValue = numberText.map(Number);
const d2 = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
export const isoDate = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
export const timeText = fc.tuple(d2(23), d2(59)).map(([h, m]) => `${h}:${m}`);
const timeLit: fc.Arbitrary<A.TimeLit> = timeText.map((text) => ({ kind: 'Time', text, minutes: Number(text.slice(0, 2)) * 60 + Number(text.slice(3)), range: R }));
const dayUnit = fc.constantFrom<A.DayUnit>('days', 'calendar-days', 'weekdays', 'working-days');
const durationUnit = fc.constantFrom<A.DurationUnit>('minutes', 'hours', 'days', 'calendar-days', 'weekdays', 'working-days');
const dayCount: fc.Arbitrary<A.DayCount> = fc.record({ n: numberValue, unit: dayUnit }).map((x) => ({ ...x, range: R }));
const duration: fc.Arbitrary<A.DurationLit> = fc.record({ value: numberValue, unit: durationUnit }).map((x) => ({ kind: 'Duration' as const, ...x, range: R }));

export const literalArb: fc.Arbitrary<A.Literal> = fc.oneof(
  numberText.map((text): A.Literal => ({ kind: 'Number', value: Number(text), text, range: R })),
  duration,
  numberValue.map((value): A.Literal => ({ kind: 'Money', value, range: R })),
  isoDate.map((iso): A.Literal => ({ kind: 'Date', iso, range: R })),
  fc.tuple(isoDate, timeText).map(([date, time]): A.Literal => ({ kind: 'Instant', date, time, range: R })),
  timeLit,
  stringValue.map((value): A.Literal => ({ kind: 'String', value, range: R })),
  fc.boolean().map((value): A.Literal => ({ kind: 'Bool', value, range: R })),
);

// ---- expressions ----------------------------------------------------------------------------------

const exprCache = new Map<Lang, fc.Arbitrary<A.Expr>>();

/** Any expression the grammar can produce: literals, names, calls, + and -, comparisons, is, cutoff tests, and/or/not. */
export function expressionArb(lang: Lang): fc.Arbitrary<A.Expr> {
  const cached = exprCache.get(lang);
  if (cached) return cached;
  const { expr } = fc.letrec<{ expr: A.Expr }>((tie) => {
    const sub = tie('expr');
    const leaf = fc.oneof(literalArb, valueName(lang).map((name): A.Expr => ({ kind: 'NameRef', name, range: R })));
    return {
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ fn: nameNode(functionName(lang)), args: fc.array(sub, { maxLength: 3 }) }).map((x): A.Expr => ({ kind: 'Call', ...x, range: R })),
        fc.record({ op: fc.constantFrom<A.ArithOp>('+', '-'), left: sub, right: sub }).map((x): A.Expr => ({ kind: 'Arith', ...x, range: R })),
        fc.record({ op: fc.constantFrom<A.RelOp>('>=', '<=', '!=', '>', '<', '='), left: sub, right: sub }).map((x): A.Expr => ({ kind: 'Compare', ...x, range: R })),
        fc.oneof(
          fc.record({ subject: sub, value: nameNode(freeName) }),
          fc.constantFrom(...enumFacts).chain((f) => fc.record({
            subject: fc.constant<A.Expr>({ kind: 'NameRef', name: spelled(lang)(f), range: R }),
            value: nameNode(fc.constantFrom(...(f.values ?? []).map(spelled(lang)))),
          })),
        ).map((x): A.Expr => ({ kind: 'Is', ...x, range: R })),
        fc.record({ side: fc.constantFrom<'before' | 'after'>('before', 'after'), subject: sub, cutoff: sub }).map((x): A.Expr => ({ kind: 'CutoffTest', ...x, range: R })),
        fc.record({ kind: fc.constantFrom<'And' | 'Or'>('And', 'Or'), operands: fc.array(sub, { minLength: 2, maxLength: 3 }) }).map((x): A.Expr => ({ ...x, range: R })),
        sub.map((operand): A.Expr => ({ kind: 'Not', operand, range: R })),
      ),
    };
  });
  exprCache.set(lang, expr);
  return expr;
}

// ---- clauses --------------------------------------------------------------------------------------

const citation: fc.Arbitrary<A.Citation> = fc.record({ heading: str, file: optional(str), quote: optional(str) }).map((x) => ({ ...x, range: R }));
const cites = fc.array(citation, { maxLength: 2 });
const see = fc.array(nameNode(freeName), { maxLength: 3 });
const conditional = <T>(value: fc.Arbitrary<T>, lang: Lang): fc.Arbitrary<A.Conditional<T>> =>
  fc.record({ value, when: optional(expressionArb(lang)) }).map((x) => ({ ...x, range: R }));

export function headerArb(lang: Lang): fc.Arbitrary<A.Header> {
  return fc.record({
    id: nameNode(freeName),
    title: optional(str),
    county: optional(nameNode(freeName)),
    version: optional(fc.tuple(str, fc.constantFrom<A.Status>('published', 'draft'))),
    valid: optional(fc.tuple(isoDate, fc.oneof(fc.constant<'until-further-notice'>('until-further-notice'), isoDate.map((iso): A.DateValue => ({ iso, range: R }))))),
    source: optional(str),
    fallback: optional(nameNode(freeName)),
    cites,
    see,
  }).map(({ version, valid, ...h }) => ({
    kind: 'Header' as const,
    ...h,
    version: version?.[0],
    status: version?.[1],
    validFrom: valid ? { iso: valid[0], range: R } : undefined,
    validTo: valid?.[1],
    range: R,
  }));
}

type DeclarationArb = (lang: Lang) => fc.Arbitrary<A.Declaration>;

/** `[N months in a row] over|at or under`; without the run, N is 1. */
const monthCondition: fc.Arbitrary<A.MonthCondition> = fc.record({
  run: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
  side: fc.constantFrom<A.MonthCondition['side']>('over', 'at-or-under'),
}).map(({ run, side }) => (run === undefined ? { run: 1, side, range: R } : { run, runRange: R, side, range: R }));

/** One generator per declaration kind. Partial on purpose: a kind added to the language without a generator here still type-checks. */
export const DECLARATIONS: { [K in A.Declaration['kind']]?: DeclarationArb } = {
  Interpretation: () =>
    fc.record({ id: nameNode(freeName), title: optional(str), cites, decision: optional(str) }).map((x): A.Declaration => ({ kind: 'Interpretation', ...x, range: R })),

  Cutoff: () =>
    fc.record({ id: nameNode(freeName), time: timeLit, boundary: timeLit, countsAs: fc.constantFrom<'before' | 'after'>('before', 'after'), cites, see })
      .map((x): A.Declaration => ({ kind: 'Cutoff', ...x, range: R })),

  Deadline: (lang) =>
    fc.record({
      id: nameNode(freeName), title: optional(str), cites, see, when: optional(expressionArb(lang)),
      // `EVENT within DURATION after EXPR`, or a recurring `EVENT every [N] PERIOD [from EXPR]`
      rule: optional(fc.oneof(
        fc.record({ subject: nameNode(eventName(lang)), within: duration, anchor: expressionArb(lang) }),
        fc.record({
          subject: nameNode(eventName(lang)),
          every: fc.record({ n: fc.integer({ min: 0, max: 99 }), unit: fc.constantFrom<A.PeriodUnit>('calendar-years', 'calendar-months', 'months', 'days'), start: optional(expressionArb(lang)) }).map((e) => ({ ...e, range: R })),
        }),
      )),
      // `EVENT on DAYS between TIME and TIME`
      windows: fc.array(fc.record({
        subject: nameNode(eventName(lang)),
        days: fc.constantFrom<A.DaySet>('days', 'weekdays', 'working-days', 'public-holidays', 'red-days', 'days-off'),
        start: timeLit, end: timeLit,
      }).map((w): A.TimeWindow => ({ ...w, range: R })), { maxLength: 2 }),
    }).map(({ rule, windows, ...x }): A.Declaration => ({
      kind: 'Deadline', ...x, ...rule, subject: rule?.subject ?? windows[0]?.subject, windows: windows.length > 0 ? windows : undefined, range: R,
    })),

  Payment: (lang) =>
    fc.record({
      id: nameNode(freeName), title: optional(str), cites, see,
      from: optional(nameNode(eventName(lang))),
      dayOne: fc.array(conditional(fc.constantFrom<'same-day' | 'next-day'>('same-day', 'next-day'), lang), { maxLength: 2 }),
      grace: fc.array(conditional(dayCount, lang), { maxLength: 2 }),
      requires: fc.array(expressionArb(lang), { maxLength: 2 }),
      exempt: fc.array(expressionArb(lang), { maxLength: 2 }),
      to: optional(fc.record({ event: nameNode(eventName(lang)), others: fc.array(nameNode(eventName(lang)), { maxLength: 2 }), inclusive: fc.boolean() }).map((t) => ({ ...t, range: R }))),
      withdrawn: optional(fc.record({ event: nameNode(eventName(lang)), inclusive: fc.boolean() }).map((t) => ({ ...t, range: R }))),
      rate: optional(nameNode(freeName)),
    }).map((x): A.Declaration => ({ kind: 'Payment', ...x, range: R })),

  Parameter: () =>
    fc.record({
      id: nameNode(freeName), title: optional(str), cites,
      values: fc.array(fc.record({ year: fc.integer({ min: 1900, max: 2200 }), value: literalArb, cites }).map((v) => ({ ...v, range: R })), { maxLength: 3 }),
    }).map((x): A.Declaration => ({ kind: 'Parameter', ...x, range: R })),

  Escalation: () =>
    fc.record({
      id: nameNode(freeName), title: optional(str), cites, see,
      steps: fc.array(fc.record({ id: nameNode(freeName), title: optional(str), cites }).map((x) => ({ ...x, range: R })), { maxLength: 3 }),
    }).map((x): A.Declaration => ({ kind: 'Escalation', ...x, range: R })),

  Computed: (lang) =>
    fc.record({
      id: nameNode(freeName), title: optional(str), cites, see,
      when: optional(expressionArb(lang)), value: optional(expressionArb(lang)),
    }).map((x): A.Declaration => ({ kind: 'Computed', ...x, range: R })),

  // monthly measures and ladders (docs/language.md, monthly measures)
  Measure: (lang) =>
    fc.record({
      id: nameNode(freeName), title: optional(str), cites, see,
      includes: fc.array(expressionArb(lang), { maxLength: 2 }),
      from: optional(nameNode(eventName(lang))),
      received: fc.array(conditional(fc.constantFrom<'same-day' | 'next-day'>('same-day', 'next-day'), lang), { maxLength: 2 }),
      dayOne: fc.array(conditional(fc.constantFrom<'same-day' | 'next-day'>('same-day', 'next-day'), lang), { maxLength: 2 }),
      to: optional(fc.record({ event: nameNode(eventName(lang)), others: fc.array(nameNode(eventName(lang)), { maxLength: 2 }), inclusive: fc.boolean() }).map((t) => ({ ...t, range: R }))),
      withdrawn: optional(fc.record({ event: nameNode(eventName(lang)), inclusive: fc.boolean() }).map((t) => ({ ...t, range: R }))),
      month: optional(fc.oneof(
        fc.constant<A.MonthAssignment>({ mode: 'split', range: R }),
        nameNode(eventName(lang)).map((event): A.MonthAssignment => ({ mode: 'event', event, range: R })),
      )),
      emptyMonth: optional(numberText.map((text): A.NumberLit => ({ kind: 'Number', value: Number(text), text, range: R }))),
    }).map((x): A.Declaration => ({ kind: 'Measure', ...x, range: R })),

  Ladder: () =>
    fc.record({
      id: nameNode(freeName), title: optional(str), measure: nameNode(freeName), cites, see,
      threshold: optional(fc.oneof(
        numberText.map((text): A.Threshold => ({ kind: 'number', value: Number(text), text, range: R })),
        nameNode(freeName).map((name): A.Threshold => ({ kind: 'parameter', name, range: R })),
      )),
      steps: fc.array(fc.record({ id: nameNode(freeName), title: optional(str), invoice: optional(fc.record({ when: optional(monthCondition) }).map((i) => ({ ...i, range: R }))) }).map((x) => ({ ...x, range: R })), { maxLength: 3 }),
      transitions: fc.array(fc.record({
        from: nameNode(freeName), to: nameNode(freeName), when: monthCondition,
        actions: fc.array(fc.record({ id: nameNode(freeName), title: optional(str) }).map((x) => ({ ...x, range: R })), { maxLength: 2 }),
        invoiceMonths: optional(fc.nat({ max: 24 }).map((n) => ({ n, range: R }))),
        cites, see,
      }).map((x) => ({ ...x, range: R })), { maxLength: 3 }),
      invoicedEpisodesOver: optional(fc.record({ text: numberText, unit: dayUnit }).map((x) => ({ ...x, value: Number(x.text), range: R }))),
      invoicedFromDay: optional(fc.nat({ max: 99 }).map((n) => ({ n, range: R }))),
      rate: optional(nameNode(freeName)),
    }).map((x): A.Declaration => ({ kind: 'Ladder', ...x, range: R })),

  Example: (lang) =>
    fc.record({
      id: nameNode(freeName), title: optional(str), derived: fc.boolean(), rule: nameNode(freeName), cites,
      assumptions: fc.array(str, { maxLength: 2 }),
      givens: fc.array(givenArb(lang), { maxLength: 4 }),
      expects: fc.array(expectationArb(lang), { maxLength: 3 }),
    }).map((x): A.Declaration => ({ kind: 'Example', ...x, range: R })),
};

function givenArb(lang: Lang): fc.Arbitrary<A.Given> {
  const plain = fc.record({
    name: nameNode(valueName(lang)),
    value: fc.oneof(
      fc.record({ date: isoDate, time: optional(timeText) }).map((v): A.GivenValue => ({ kind: 'instant', ...v })),
      fc.boolean().map((value): A.GivenValue => ({ kind: 'boolean', value })),
      numberValue.map((value): A.GivenValue => ({ kind: 'number', value })),
      freeName.map((value): A.GivenValue => ({ kind: 'name', value })),
      stringValue.map((value): A.GivenValue => ({ kind: 'string', value })),
    ),
  });
  const enumGiven = fc.constantFrom(...enumFacts).chain((f) => fc.record({
    name: nameNode(fc.constant(spelled(lang)(f))),
    value: fc.constantFrom(...(f.values ?? []).map(spelled(lang))).map((value): A.GivenValue => ({ kind: 'name', value })),
  }));
  return fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: enumGiven }).map((g) => ({ ...g, range: R }));
}

function expectationArb(_lang: Lang): fc.Arbitrary<A.Expectation> {
  return fc.oneof(
    isoDate.map((date): A.Expectation => ({ kind: 'first-payable-day', date, range: R })),
    fc.constant<A.Expectation>({ kind: 'no-payment', range: R }),
    numberValue.map((n): A.Expectation => ({ kind: 'billable-days', n, range: R })),
    numberValue.map((value): A.Expectation => ({ kind: 'amount', value, range: R })),
    dayCount.map((count): A.Expectation => ({ kind: 'grace', count, range: R })),
    isoDate.map((date): A.Expectation => ({ kind: 'day-one', date, range: R })),
    fc.record({ deadline: nameNode(freeName), status: fc.constantFrom<A.DeadlineStatus>('met', 'missed', 'pending', 'not-applicable') })
      .map((x): A.Expectation => ({ kind: 'deadline', ...x, range: R })),
    fc.record({ computed: nameNode(freeName), date: isoDate }).map((x): A.Expectation => ({ kind: 'computed', ...x, range: R })),
  );
}

/** A declaration of any kind that has a generator. */
export function declarationArb(lang: Lang): fc.Arbitrary<A.Declaration> {
  const arbs = Object.values(DECLARATIONS).filter((g): g is DeclarationArb => !!g).map((g) => g(lang));
  return fc.oneof(...arbs);
}

/** A whole policy in one language: a header and up to `maxDeclarations` declarations. */
export function policyAst(lang?: Lang, maxDeclarations = 5): fc.Arbitrary<A.Policy> {
  const langArb = lang ? fc.constant(lang) : fc.constantFrom<Lang>('en', 'sv');
  return langArb.chain((l) =>
    fc.record({ header: headerArb(l), declarations: fc.array(declarationArb(l), { maxLength: maxDeclarations }) }).map(
      (p): A.Policy => ({ kind: 'Policy', lang: l, ...p, comments: [], keywords: [], range: R }),
    ),
  );
}

/**
 * A tree without what the text does not determine: ranges, undefined optional fields, empty lists,
 * the keyword list (spellings) and comment positions. Two trees are the same policy when their stripped forms are equal.
 */
export function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // An empty list is the same as an absent one: a construct added to the parser after these
      // generators were written (a new list field) must not break the comparison.
      if (k === 'range' || k === 'keywords' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      if (k.endsWith('Range')) {
        out[k] = true; // a range kept to say that something was written (`runRange`): only its presence counts
        continue;
      }
      out[k] = k === 'comments' && Array.isArray(v) ? v.map((c: A.Comment) => c.text) : stripRanges(v);
    }
    return out;
  }
  return value;
}
