// The JSON Schemas of the HTTP API: requests (validated by Fastify's ajv) and responses (documented in
// /openapi.json, and checked against every answer the HTTP tests receive). Written with TypeBox, so each
// schema is also a TypeScript type: the evaluation result is the engine's own (engine/evaluator/result.ts);
// the monthly and diff answers are checked against the engine's types at compile time (end of this file).
// Every object says what it holds: its properties, or an `additionalProperties` schema for a map.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { Diagnostic } from '../dsl/diagnostics';
import type { MonthsResult } from '../engine/monthly';
import type { BehaviouralDiff } from '../engine/versions/behavioural-diff';
import type { SemanticDiff } from '../engine/versions/semantic-diff';
import { caseSchema } from '../engine/case/schema';
import {
  CitationOutSchema,
  CitationsSchema,
  EvaluationResultSchema,
  ExplanationStepSchema,
  FallbackSchema,
  nullable,
  oneOfStrings,
  recordOf,
  VersionInfoSchema,
} from '../engine/evaluator/result';

const { $schema: _s, $id: _i, ...caseBody } = caseSchema;
/** The case schema without its draft-07 identifiers, to embed in OpenAPI 3.1. */
export const caseComponent = caseBody;

const closed = { additionalProperties: false } as const;
const str = Type.String();
/** A date of the calendar: 2019-02-30 and 2019-13-45 are refused (ajv-formats' `date`). */
const date = (description?: string) => Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });
const month = (description: string) => Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description });

export const versionLabel = Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$' });
export const agreementId = Type.String({ minLength: 1, maxLength: 60, pattern: '^[\\p{L}\\p{N}_-]+$' });

export const versionInfo = VersionInfoSchema;
export const evaluationResult = EvaluationResultSchema;

// ---- diagnostics and errors ---------------------------------------------------------------------------

const position = Type.Object({ offset: Type.Integer(), line: Type.Integer(), column: Type.Integer() }, closed);

export const diagnosticSchema = Type.Object(
  {
    severity: oneOfStrings(['error', 'warning', 'info'] as const),
    code: Type.String({ description: 'a stable code, AVT-…' }),
    message: str,
    range: Type.Object({ start: position, end: position }, closed),
    file: Type.Optional(str),
  },
  closed,
);

/** One problem of a request: a field of the body or query (pointer), or a case error. */
export const errorItem = Type.Object(
  { code: Type.String({ description: 'a stable code, AVT-…' }), message: str, pointer: Type.Optional(Type.String({ description: 'JSON pointer to the field' })) },
  closed,
);

export const errorBody = Type.Object(
  {
    code: Type.String({ description: 'a stable code, AVT-…' }),
    message: str,
    pointer: Type.Optional(Type.String({ description: 'JSON pointer to the field (ajv instancePath)' })),
    in: Type.Optional(oneOfStrings(['querystring', 'params', 'headers'] as const, 'where the invalid field is, when it is not in the body')),
    limit: Type.Optional(Type.Object({ name: str, max: Type.Number(), actual: Type.Number() }, { ...closed, description: 'the limit the request is over (server/limits.ts)' })),
    errors: Type.Optional(Type.Array(Type.Union([errorItem, diagnosticSchema]), { description: 'every problem found: request fields, case errors, or diagnostics of a policy text' })),
  },
  closed,
);

export const errorResponse = Type.Object({ error: errorBody }, closed);

// ---- reading the policies -----------------------------------------------------------------------------

export const statusResponse = Type.Object({ writable: Type.Boolean(), policiesDir: str, version: str }, closed);

export const agreementsResponse = Type.Array(
  Type.Object({ agreement: str, title: Type.Optional(str), county: Type.Optional(str), versions: Type.Array(versionInfo) }, closed),
);

export const versionDetailResponse = Type.Object(
  {
    info: versionInfo,
    text: str,
    diagnostics: Type.Array(diagnosticSchema),
    interpretations: Type.Array(
      Type.Object({ id: str, title: Type.Optional(str), decision: Type.Optional(str), citations: Type.Array(CitationOutSchema) }, closed),
    ),
  },
  closed,
);

export const versionParams = Type.Object({ agreement: Type.String({ maxLength: 60 }), version: Type.String({ maxLength: 64 }) }, closed);

// ---- evaluation ---------------------------------------------------------------------------------------

/** `?lang=`: the language of the answer's messages (else Accept-Language, else Swedish). */
export const msgLang = oneOfStrings(['sv', 'en'] as const, 'the language of messages, reasons, explanations and diffs: sv (the default) or en; without it, the Accept-Language header decides');

export const evaluateQuery = Type.Object(
  {
    on: Type.Optional(date("choose the version in force on this date instead of the case's own date")),
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'choose this version label, drafts included' })),
    explain: Type.Optional(Type.Boolean({ default: true, description: 'false leaves out the explanation steps' })),
    lang: Type.Optional(msgLang),
  },
  closed,
);

export const batchAnswer = Type.Union([
  Type.Object({ ok: Type.Literal(true), result: evaluationResult }, closed),
  Type.Object(
    {
      ok: Type.Literal(false),
      line: Type.Optional(Type.Integer({ description: 'NDJSON: the line of a body line that is not JSON (400) or too long (413)' })),
      status: Type.Integer({ description: 'the status a single evaluation would have had' }),
      error: errorBody,
    },
    closed,
  ),
]);

export const batchResponse = Type.Object({ results: Type.Array(batchAnswer) }, closed);

// ---- drafts -------------------------------------------------------------------------------------------

export const draftParams = Type.Object({ agreement: agreementId }, closed);

export const draftBody = Type.Object(
  {
    version: Type.String({ ...versionLabel, description: 'the version label; the file is saved as <version>.draft.avtal' }),
    text: Type.String({ minLength: 1, maxLength: 1_000_000, description: 'the policy text; its header names the agreement, this version and `draft`/`utkast`' }),
  },
  closed,
);

export const draftUpdateParams = Type.Object({ agreement: agreementId, version: versionLabel }, closed);

export const draftUpdateBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 1_000_000, description: 'the policy text; its header names the agreement, this version and `draft`/`utkast`' }),
    baseHash: Type.String({ minLength: 1, maxLength: 100, description: 'the hash of the draft as it was opened (`info.hash`); a draft changed since then is not overwritten (409)' }),
  },
  closed,
);

export const draftResponse = Type.Object({ file: Type.String({ description: 'path relative to the policies folder' }), hash: str, info: versionInfo }, closed);

// ---- versions and diffs -------------------------------------------------------------------------------

export const diffQuery = Type.Object(
  {
    agreement: Type.String({ minLength: 1, maxLength: 60, description: 'the agreement id' }),
    from: Type.String({ minLength: 1, maxLength: 64, description: 'the older version label' }),
    to: Type.String({ minLength: 1, maxLength: 64, description: 'the newer version label' }),
    behaviour: Type.Optional(Type.Boolean({ default: true, description: 'false leaves out the behavioural diff (it runs both versions over many scenarios)' })),
    lang: Type.Optional(msgLang),
  },
  closed,
);

const citationRef = Type.Object({ heading: str, quote: Type.Optional(str), file: Type.Optional(str) }, closed);
const bothCitations = Type.Object({ old: Type.Array(citationRef), new: Type.Array(citationRef) }, closed);
const sourceRange = Type.Object({ start: position, end: position }, closed);

const change = Type.Object(
  {
    what: oneOfStrings(['added', 'removed', 'changed'] as const),
    path: Type.String({ description: 'machine path, e.g. grace[when ready_notice_sent after noon]' }),
    label: str,
    old: Type.Optional(Type.String({ description: 'the rendered value; absent when added' })),
    new: Type.Optional(Type.String({ description: 'absent when removed' })),
    text: Type.String({ description: 'the row as a sentence, in the language asked for ("Betalningsregeln kommunens_betalningsansvar: antalet fristdagar ändras från 3 dagar till 2 dagar")' }),
    citations: bothCitations,
  },
  closed,
);

const versionRef = Type.Object({ agreement: str, version: str, status: str, validFrom: Type.Optional(str), validTo: Type.Optional(str) }, closed);

export const semanticDiffSchema = Type.Object(
  {
    old: versionRef,
    new: versionRef,
    header: Type.Array(change, { description: 'the agreement header: validity, status, version label, fallback, citations' }),
    declarations: Type.Array(
      Type.Object(
        {
          change: oneOfStrings(['added', 'removed', 'changed', 'renamed'] as const),
          kind: Type.String({ description: 'the declaration kind, e.g. Payment' }),
          kindLabel: Type.String({ description: 'e.g. payment rule' }),
          id: Type.String({ description: 'the id in the new version (the old one when removed)' }),
          oldId: Type.Optional(str),
          title: Type.Optional(str),
          oldTitle: Type.Optional(str),
          changes: Type.Array(change),
          citations: bothCitations,
          oldRange: Type.Optional(sourceRange),
          newRange: Type.Optional(sourceRange),
        },
        closed,
      ),
    ),
    empty: Type.Boolean({ description: 'true when the two versions mean the same' }),
  },
  closed,
);

const outcomeDifference = Type.Object({ rule: str, field: str, old: str, new: str }, closed);
const numbers = Type.Array(Type.Number());

export const behaviouralDiffSchema = Type.Object(
  {
    scenarios: Type.Integer({ description: 'how many were run' }),
    differing: Type.Integer(),
    counterexamples: Type.Array(
      Type.Object(
        {
          text: str,
          origin: str,
          tier: Type.Integer(),
          novel: Type.Boolean(),
          events: recordOf(str, 'the events of the scenario in Stockholm local time'),
          facts: recordOf(Type.Union([Type.String(), Type.Number(), Type.Boolean()]), 'the facts of the scenario'),
          averages: Type.Optional(recordOf(Type.Number(), 'for a monthly ladder: YYYY-MM → average')),
          differences: Type.Array(outcomeDifference),
        },
        closed,
      ),
    ),
    summary: Type.Array(Type.Object({ rule: str, field: str, count: Type.Integer() }, closed)),
    onlyInOld: Type.Array(str),
    onlyInNew: Type.Array(str),
    boundaries: Type.Object(
      {
        minutesOfDay: numbers,
        dayCounts: numbers,
        elapsedMinutes: numbers,
        numbers,
        events: numbers,
        booleanFacts: numbers,
        numericFacts: numbers,
        years: numbers,
      },
      closed,
    ),
  },
  closed,
);

export const diffResponse = Type.Object(
  {
    semantic: semanticDiffSchema,
    behavioural: Type.Union([behaviouralDiffSchema, Type.Null()], { description: 'null when a version has errors or behaviour=false' }),
  },
  closed,
);

// ---- monthly ladders ----------------------------------------------------------------------------------

const monthsCommon = {
  county: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'the county; its one agreement with a monthly ladder is used' })),
  agreement: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  version: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a version label, drafts included; default: the version in force on `on`' })),
  on: Type.Optional(date('choose the version in force on this date; default: the first day of the first month in the input')),
  municipality: Type.Optional(Type.String({ maxLength: 200, description: 'only this municipality' })),
  ladder: Type.Optional(Type.String({ maxLength: 60, description: 'the ladder to run, when the policy has several' })),
  from: Type.Optional(month('first month to report')),
  to: Type.Optional(month('last month to report')),
  explain: Type.Optional(Type.Boolean({ description: 'false leaves out the explanations' })),
  lang: Type.Optional(msgLang),
};

/** An episode of a monthly input: a case that names its municipality (the county is the request's). */
const monthlyEpisode = Type.Unsafe<Record<string, unknown>>({ ...caseComponent, required: ['municipality'], title: 'MonthlyEpisode' });

/** Exactly one of `averages` or `episodes`: two closed shapes, so a body with both (or neither) fits none. */
export const monthsBody = Type.Union([
  Type.Object(
    {
      ...monthsCommon,
      averages: recordOf(recordOf(Type.Number()), 'municipality → month (YYYY-MM) → average, e.g. {"Växjö": {"2025-01": 3.25}}; a month or average the ladder cannot read is a diagnostic of the result'),
    },
    { additionalProperties: false, title: 'MonthsFromAverages' },
  ),
  Type.Object(
    {
      ...monthsCommon,
      episodes: Type.Union([
        Type.Array(monthlyEpisode, { description: 'episodes: cases of the case schema, with a municipality and without a county' }),
        Type.String({ description: 'JSON Lines or CSV text (see format)' }),
      ]),
      format: Type.Optional(oneOfStrings(['jsonl', 'csv'] as const, 'how an episodes string is written (default jsonl)')),
    },
    { additionalProperties: false, title: 'MonthsFromEpisodes' },
  ),
]);

const nnum = nullable(Type.Number());
const nint = nullable(Type.Integer());

const monthResult = Type.Object(
  {
    month: Type.String({ description: 'YYYY-MM' }),
    average: nullable(Type.Number(), 'null: not measured'),
    episodes: nullable(Type.Integer(), 'null when the input gave averages only'),
    days: nint,
    emptyMonth: Type.Boolean({ description: "no episode counted: the measure's `empty month` average applies" }),
    undetermined: Type.Boolean({ description: "the year's threshold is not decided (a yearly parameter without a value): not compared, never invoiced" }),
    version: nullable(str, 'the agreement version the month is judged under; null: no version is in force for the whole month (the law applies, which has no ladder)'),
    threshold: nnum,
    comparison: nullable(oneOfStrings(['over', 'at-or-under'] as const)),
    stepAtStart: str,
    step: str,
    transition: nullable(Type.Object({ from: str, to: str }, closed)),
    actions: Type.Array(Type.Object({ id: str, title: Type.Optional(str) }, closed)),
    invoiced: Type.Boolean(),
    invoicedBy: Type.Array(Type.String({ description: "'step NAME' or 'transition FROM→TO in YYYY-MM'" })),
    invoice: nullable(
      Type.Object(
        { episodes: Type.Integer(), days: Type.Integer(), rate: nnum, amount: nullable(Type.Number(), 'null when the rate is missing, or the input was averages only'), episodeIds: Type.Array(str) },
        closed,
      ),
    ),
    explanation: Type.Array(ExplanationStepSchema),
  },
  closed,
);

const monthsDiagnostic = Type.Object(
  {
    severity: oneOfStrings(['error', 'warning', 'info'] as const),
    code: str,
    message: str,
    line: Type.Optional(Type.Integer({ description: 'for input errors: the line of the input file' })),
    field: Type.Optional(Type.String({ description: 'and the field or column' })),
    municipality: Type.Optional(str),
    month: Type.Optional(str),
  },
  closed,
);

/** The engine's MonthsResult as a schema (its `version` label as the engine gives it). */
export const monthsResultSchema = Type.Object(
  {
    ok: Type.Boolean({ description: 'false when the input had errors or the policy has no ladder (see diagnostics)' }),
    partial: Type.Boolean({ description: 'some months could not be decided (a yearly threshold without a value); they are named per municipality' }),
    agreement: str,
    version: str,
    versions: Type.Array(Type.Object({ version: nullable(str), from: str, to: str }, closed), { description: 'the versions the months were judged under, in order (version null: outside every version)' }),
    measure: nullable(str),
    ladder: nullable(str),
    input: oneOfStrings(['averages', 'episodes'] as const),
    municipalities: Type.Array(
      Type.Object(
        {
          municipality: str,
          months: Type.Array(monthResult),
          invoicedMonths: Type.Array(str),
          invoicedEpisodes: nint,
          invoicedDays: nint,
          invoicedAmount: nnum,
          notCounted: recordOf(Type.Integer(), 'reason → number of episodes'),
          undeterminedMonths: Type.Array(str, { description: 'the months whose threshold is not decided (YYYY-MM): the answer is partial for them' }),
        },
        closed,
      ),
    ),
    citations: CitationsSchema,
    diagnostics: Type.Array(monthsDiagnostic),
  },
  closed,
);

/** The HTTP answer: the engine's result with the version's full information, and the fallback when one was used. */
export const monthsResponse = Type.Composite([Type.Omit(monthsResultSchema, ['version']), Type.Object({ version: versionInfo, fallback: Type.Optional(FallbackSchema) })], closed);

// ---- health and readiness -----------------------------------------------------------------------------

const loadProblem = Type.Object(
  { file: str, code: oneOfStrings(['AVT-V006', 'AVT-V007'] as const, 'AVT-V006 left out; AVT-V007 the version loaded before is kept'), message: str },
  closed,
);

/** The policy set in use: its generation (counts reloads), hash, files, and what did not load. */
export const policySetState = Type.Object(
  {
    generation: Type.Integer(), hash: Type.String({ description: 'sha256 over every file and its content hash' }), files: Type.Integer(),
    problems: Type.Array(loadProblem),
    lastReload: Type.Object({ at: str, error: Type.Optional(Type.String({ description: 'the folder could not be read; the set in use was kept' })) }, closed),
  },
  closed,
);

export const healthResponse = Type.Object(
  { status: oneOfStrings(['ok', 'degraded'] as const, 'degraded: some file did not load (see policies.problems)'), policies: policySetState },
  closed,
);

export const readyResponse = Type.Object({ ready: Type.Literal(true), workers: Type.Integer({ description: 'batch worker threads, all started' }), policies: policySetState }, closed);

// ---- compile-time checks: the schemas describe the engine's own types ---------------------------------

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agrees = <T extends true>(_: T) => undefined;
agrees<Same<Static<typeof monthsResultSchema>, MonthsResult>>(true);
agrees<Same<Static<typeof semanticDiffSchema>, SemanticDiff>>(true);
agrees<Same<Static<typeof behaviouralDiffSchema>, BehaviouralDiff>>(true);
// a Diagnostic's code is a literal union, the schema's a string: every diagnostic fits the schema
agrees<Diagnostic extends Static<typeof diagnosticSchema> ? true : false>(true);

export type { TSchema };
