// What an evaluation returns: JSON-ready, every decision with its rule and the values used, and each rule's
// citations once. Each part is declared once, as a JSON Schema (TypeBox), and its TypeScript type is derived
// from it: the HTTP API's OpenAPI document embeds these schemas, so the types, the document and the answers
// cannot drift apart. To add a field, add it to the schema: the type follows, and the tests that validate
// real answers against the OpenAPI document tell when an answer lacks it.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DEADLINE_STATUSES, type DeadlineStatus } from '../../dsl/ast/ast';

export type { DeadlineStatus };

/** `{ [key: string]: T }` as JSON Schema (`additionalProperties`), which every OpenAPI tool reads. */
export const recordOf = <T extends TSchema>(item: T, description?: string) =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: item, ...(description ? { description } : {}) });
/** A string or null. */
export const nullable = <T extends TSchema>(t: T, description?: string) => Type.Union([t, Type.Null()], description ? { description } : {});
/** One of the given strings, as a JSON Schema `enum`. */
export const oneOfStrings = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

const closed = { additionalProperties: false } as const;
const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const CitationOutSchema = Type.Object({ file: Type.String(), heading: Type.String(), quote: Type.Optional(Type.String()) }, closed);
export type CitationOut = Static<typeof CitationOutSchema>;

/** One decision of the explanation; its rule's citations are in the result's `citations`, under `rule`. */
export const ExplanationStepSchema = Type.Object(
  {
    rule: Type.String({ description: "the rule; its citations are the result's citations[rule]" }),
    title: Type.Optional(Type.String()),
    text: Type.String(),
    /** the interpretations the rule relies on (shared by every step of the rule, in every result: frozen) */
    interpretations: Type.Unsafe<readonly string[]>(Type.Array(Type.String())),
    values: recordOf(Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  },
  closed,
);
export type ExplanationStep = Static<typeof ExplanationStepSchema>;

/**
 * The citations of every rule the explanation names, by rule: given once, however many steps a rule has
 * (shared by every result of a compiled policy: frozen). Empty when the explanation is left out.
 */
export const CitationsSchema = Type.Unsafe<Readonly<Record<string, readonly CitationOut[]>>>({
  type: 'object',
  additionalProperties: Type.Array(CitationOutSchema),
  description: 'the citations of every rule the explanation names, by rule id, once each (empty when explain=false)',
});
export type Citations = Static<typeof CitationsSchema>;

export const DeadlineStatusSchema = oneOfStrings(DEADLINE_STATUSES);

export const DeadlineResultSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.Optional(Type.String()),
    status: DeadlineStatusSchema,
    due: nullable(Type.String(), 'Stockholm local time the event was due by; for day counts, the end of that day ("2019-01-10 24:00")'),
    dueInstant: nullable(Type.String(), 'ISO 8601 with offset'),
    actual: nullable(Type.String()),
    reason: Type.String(),
  },
  closed,
);
export type DeadlineResult = Static<typeof DeadlineResultSchema>;

/**
 * responsible: payment responsibility has arisen; pending: a requirement does not hold yet but still can (an event
 * it names may still happen in time); not-responsible: a requirement is not met, or an exemption applies;
 * not-started: the anchor event is not recorded.
 */
export const PAYMENT_STATUSES = ['responsible', 'pending', 'not-responsible', 'not-started'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

const RateUsedSchema = Type.Object({ year: Type.Integer(), rate: Type.Number(), days: Type.Integer() }, closed);

/** One billable period: from a ready notice to the end of the stay or to the notice's withdrawal. */
export const PaymentPeriodSchema = Type.Object(
  {
    status: oneOfStrings(PAYMENT_STATUSES),
    from: Type.String({ description: "the anchor event's time that opened the period (Stockholm local time)" }),
    endedBy: nullable(Type.String(), "the event that ended it (its id: discharged, died…), 'withdrawn', or null while the patient is still in hospital"),
    dayOne: nullable(isoDate),
    firstPayableDay: nullable(isoDate),
    lastBillableDay: nullable(isoDate),
    billableDays: nullable(Type.Integer()),
    amount: nullable(Type.Number()),
    ratesUsed: Type.Array(RateUsedSchema),
    reason: Type.String(),
  },
  closed,
);
export type PaymentPeriod = Static<typeof PaymentPeriodSchema>;

export const PaymentResultSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.Optional(Type.String()),
    status: oneOfStrings(PAYMENT_STATUSES),
    responsible: Type.Boolean(),
    reason: Type.String(),
    periods: Type.Array(PaymentPeriodSchema, { description: "every period of the history, in time order (one for a notice never withdrawn); the fields below are the first period's" }),
    totalBillableDays: nullable(Type.Integer(), 'the billable days of every period together (null when one is unknown or none is responsible)'),
    totalAmount: nullable(Type.Number(), 'the amount of every period together (null when one is unknown)'),
    law: Type.Optional(Type.Object(
      { agreement: Type.String(), version: Type.String(), rule: Type.String(), clause: Type.String() },
      { ...closed, description: "the law's condition that decided a not-responsible or pending status, when it is the law's (subject to); its citations are citations['AGREEMENT/RULE']" },
    )),
    dayOne: nullable(isoDate),
    graceDays: nullable(Type.Integer()),
    graceUnit: nullable(Type.String()),
    lastGraceDay: nullable(isoDate),
    firstPayableDay: nullable(isoDate),
    lastBillableDay: nullable(isoDate),
    billableDays: nullable(Type.Integer()),
    ongoing: Type.Boolean({ description: 'the patient is still in hospital: billable days are counted to the evaluation date, or not at all' }),
    amount: nullable(Type.Number()),
    currency: Type.Literal('SEK'),
    ratesUsed: Type.Array(RateUsedSchema),
  },
  closed,
);
export type PaymentResult = Static<typeof PaymentResultSchema>;

export const VersionInfoSchema = Type.Object(
  {
    agreement: Type.String(),
    title: Type.Optional(Type.String()),
    county: Type.Optional(Type.String()),
    version: Type.String(),
    status: oneOfStrings(['published', 'draft'] as const),
    validFrom: isoDate,
    validTo: nullable(isoDate, 'exclusive end; null: until further notice'),
    hash: Type.String({ description: 'sha256 of the file text (CRLF read as LF)' }),
    file: Type.Optional(Type.String()),
    source: Type.Optional(Type.String()),
  },
  closed,
);
export type VersionInfo = Static<typeof VersionInfoSchema>;

export const WarningSchema = Type.Object({ code: Type.String(), message: Type.String() }, closed);
export type Warning = Static<typeof WarningSchema>;

export const ComputedResultSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.Optional(Type.String()),
    date: nullable(isoDate, 'the date, or null when the rule does not apply or an event it needs is not recorded'),
    applies: Type.Boolean(),
    reason: Type.String(),
  },
  closed,
);
export type ComputedResult = Static<typeof ComputedResultSchema>;

/** Where the version came from when it is the fallback agreement's (the national law outside an agreement). */
export const FallbackSchema = Type.Object({ from: Type.String(), reason: Type.String() }, closed);

export const EvaluationResultSchema = Type.Object(
  {
    caseId: Type.Optional(Type.String()),
    version: VersionInfoSchema,
    deadlines: Type.Array(DeadlineResultSchema),
    payments: Type.Array(PaymentResultSchema),
    computed: Type.Array(ComputedResultSchema),
    explanation: Type.Array(ExplanationStepSchema),
    citations: CitationsSchema,
    warnings: Type.Array(WarningSchema),
    fallback: Type.Optional(FallbackSchema),
  },
  closed,
);
export type EvaluationResult = Static<typeof EvaluationResultSchema>;

// The result of `evaluate(…, { explain: false })` (issue 19): the same decisions as codes, dates and numbers, and
// no text — no `reason`, no times written out, no explanation. Times are epoch milliseconds (UTC); days are
// `YYYY-MM-DD` as in the full result (they come from a table made once, so they cost nothing to give).
// `describe(result, { lang })` renders the text from it: the full result above, with the texts `explain: true`
// gives (and `explanation: []`, `citations: {}`).
const epochMs = (description: string) => nullable(Type.Number(), description);

export const FastDeadlineResultSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.Optional(Type.String()),
    status: DeadlineStatusSchema,
    dueAt: epochMs("the instant of the full result's dueInstant, in epoch milliseconds (UTC); for day counts the last millisecond of the due day"),
    actualAt: epochMs('when the event happened (epoch milliseconds), or null'),
  },
  closed,
);
export type FastDeadlineResult = Static<typeof FastDeadlineResultSchema>;

export const FastPaymentPeriodSchema = Type.Object(
  {
    status: oneOfStrings(PAYMENT_STATUSES),
    fromAt: epochMs("the anchor event's time that opened the period (epoch milliseconds), or null when it is not recorded"),
    endedBy: nullable(Type.String(), "the event that ended it (its id), 'withdrawn', or null while the patient is still in hospital"),
    dayOne: nullable(isoDate),
    firstPayableDay: nullable(isoDate),
    lastBillableDay: nullable(isoDate),
    billableDays: nullable(Type.Integer()),
    amount: nullable(Type.Number()),
    ratesUsed: Type.Array(RateUsedSchema),
  },
  closed,
);
export type FastPaymentPeriod = Static<typeof FastPaymentPeriodSchema>;

export const FastPaymentResultSchema = Type.Object(
  {
    ...Type.Omit(PaymentResultSchema, ['reason', 'periods']).properties,
    periods: Type.Array(FastPaymentPeriodSchema),
  },
  closed,
);
export type FastPaymentResult = Static<typeof FastPaymentResultSchema>;

export const FastComputedResultSchema = Type.Omit(ComputedResultSchema, ['reason'], closed);
export type FastComputedResult = Static<typeof FastComputedResultSchema>;

export const FastEvaluationResultSchema = Type.Object(
  {
    caseId: Type.Optional(Type.String()),
    version: VersionInfoSchema,
    deadlines: Type.Array(FastDeadlineResultSchema),
    payments: Type.Array(FastPaymentResultSchema),
    computed: Type.Array(FastComputedResultSchema),
    warnings: Type.Array(WarningSchema),
    fallback: Type.Optional(Type.Object({ from: Type.String() }, closed)),
  },
  { ...closed, description: 'the result of evaluate(…, { explain: false }): decisions as codes, dates and numbers, no text; describe() renders the text' },
);
export type FastEvaluationResult = Static<typeof FastEvaluationResultSchema>;
