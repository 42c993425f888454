// The JSON Schemas of the HTTP API: requests (validated by Fastify's ajv) and responses (documented in
// /openapi.json, and checked against real answers by the tests). The case schema is the engine's own.
import { caseSchema } from '../engine/case/schema';

const { $schema: _s, $id: _i, ...caseBody } = caseSchema;
/** The case schema without its draft-07 identifiers, to embed in OpenAPI 3.1. */
export const caseComponent = caseBody;

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const versionLabel = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$' } as const;
export const agreementId = { type: 'string', minLength: 1, maxLength: 60, pattern: '^[\\p{L}\\p{N}_-]+$' } as const;

export const versionInfo = {
  type: 'object',
  required: ['agreement', 'version', 'status', 'validFrom', 'validTo', 'hash'],
  properties: {
    agreement: str, title: str, county: str, version: str,
    status: { enum: ['published', 'draft'] },
    validFrom: date, validTo: { type: ['string', 'null'], description: 'exclusive end; null: until further notice' },
    hash: { type: 'string', description: 'sha256 of the file text (CRLF read as LF)' },
    file: str, source: str,
  },
} as const;

const citation = { type: 'object', required: ['file', 'heading'], properties: { file: str, heading: str, quote: str } } as const;
const citationsByRule = {
  type: 'object', additionalProperties: { type: 'array', items: citation },
  description: 'the citations of every rule the explanation names, by rule id, once each (empty when explain=false)',
} as const;
const position = { type: 'object', properties: { offset: { type: 'integer' }, line: { type: 'integer' }, column: { type: 'integer' } } } as const;

export const diagnosticSchema = {
  type: 'object',
  required: ['severity', 'code', 'message', 'range'],
  properties: {
    severity: { enum: ['error', 'warning', 'info'] }, code: str, message: str, file: str,
    range: { type: 'object', properties: { start: position, end: position } },
  },
} as const;

export const evaluationResult = {
  type: 'object',
  required: ['version', 'deadlines', 'payments', 'explanation', 'citations', 'warnings'],
  properties: {
    caseId: str,
    version: versionInfo,
    deadlines: {
      type: 'array',
      items: {
        type: 'object', required: ['id', 'status', 'due', 'dueInstant', 'actual', 'reason'],
        properties: { id: str, title: str, status: { enum: ['met', 'missed', 'pending', 'not-applicable'] }, due: nstr, dueInstant: nstr, actual: nstr, reason: str },
      },
    },
    payments: {
      type: 'array',
      items: {
        type: 'object', required: ['id', 'status', 'responsible', 'reason', 'ongoing', 'currency'],
        properties: {
          id: str, title: str, status: { enum: ['responsible', 'pending', 'not-responsible', 'not-started'] }, responsible: { type: 'boolean' }, reason: str,
          periods: {
            type: 'array',
            description: 'every period of the history: from a ready notice to the end of the stay or to its withdrawal',
            items: {
              type: 'object', required: ['status', 'from', 'endedBy', 'dayOne', 'firstPayableDay', 'lastBillableDay', 'billableDays', 'amount', 'ratesUsed', 'reason'],
              properties: {
                status: { enum: ['responsible', 'pending', 'not-responsible', 'not-started'] }, from: str, endedBy: nstr, dayOne: nstr, firstPayableDay: nstr, lastBillableDay: nstr,
                billableDays: { type: ['integer', 'null'] }, amount: { type: ['number', 'null'] }, reason: str,
                ratesUsed: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, rate: { type: 'number' }, days: { type: 'integer' } } } },
              },
            },
          },
          totalBillableDays: { type: ['integer', 'null'] }, totalAmount: { type: ['number', 'null'] },
          law: { type: 'object', required: ['agreement', 'version', 'rule', 'clause'], properties: { agreement: str, version: str, rule: str, clause: str } },
          dayOne: nstr, graceDays: { type: ['integer', 'null'] }, graceUnit: nstr, lastGraceDay: nstr, firstPayableDay: nstr, lastBillableDay: nstr,
          billableDays: { type: ['integer', 'null'] }, ongoing: { type: 'boolean' }, amount: { type: ['number', 'null'] }, currency: { const: 'SEK' },
          ratesUsed: { type: 'array', items: { type: 'object', properties: { year: { type: 'integer' }, rate: { type: 'number' }, days: { type: 'integer' } } } },
        },
      },
    },
    explanation: {
      type: 'array',
      items: {
        type: 'object', required: ['rule', 'text', 'interpretations', 'values'],
        properties: {
          rule: { type: 'string', description: "the rule; its citations are the result's citations[rule]" }, title: str, text: str, interpretations: { type: 'array', items: str },
          values: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } },
        },
      },
    },
    citations: citationsByRule,
    warnings: { type: 'array', items: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str } } },
    fallback: { type: 'object', properties: { from: str, reason: str }, description: 'present when the version came from the fallback agreement' },
  },
} as const;

export const errorBody = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: 'a stable code, AVT-…' },
    message: str,
    pointer: { type: 'string', description: 'JSON pointer to the field (ajv instancePath)' },
    errors: { type: 'array', items: { type: 'object' } },
    limit: {
      type: 'object', required: ['name', 'max', 'actual'], description: 'the limit the request is over (server/limits.ts)',
      properties: { name: str, max: { type: 'number' }, actual: { type: 'number' } },
    },
    in: { enum: ['querystring', 'params'], description: 'where the pointer points, when not into the body' },
  },
} as const;

export const errorResponse = { type: 'object', required: ['error'], properties: { error: errorBody } } as const;

export const statusResponse = {
  type: 'object', required: ['writable', 'policiesDir', 'version'],
  properties: { writable: { type: 'boolean' }, policiesDir: str, version: str },
} as const;

export const agreementsResponse = {
  type: 'array',
  items: { type: 'object', required: ['agreement', 'versions'], properties: { agreement: str, title: str, county: str, versions: { type: 'array', items: versionInfo } } },
} as const;

export const versionDetailResponse = {
  type: 'object', required: ['info', 'text', 'diagnostics', 'interpretations'],
  properties: {
    info: versionInfo, text: str, diagnostics: { type: 'array', items: diagnosticSchema },
    interpretations: { type: 'array', items: { type: 'object', required: ['id', 'citations'], properties: { id: str, title: str, decision: str, citations: { type: 'array', items: citation } } } },
  },
} as const;

export const versionParams = {
  type: 'object', required: ['agreement', 'version'], additionalProperties: false,
  properties: { agreement: { type: 'string', maxLength: 60 }, version: { type: 'string', maxLength: 64 } },
} as const;

/** `?lang=`: the language of the answer's messages (else Accept-Language, else Swedish). */
export const msgLang = { enum: ['sv', 'en'], description: 'the language of messages, reasons, explanations and diffs: sv (the default) or en; without it, the Accept-Language header decides' } as const;

export const evaluateQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    on: { ...date, description: 'choose the version in force on this date instead of the case\'s own date' },
    version: { type: 'string', minLength: 1, maxLength: 64, description: 'choose this version label, drafts included' },
    explain: { type: 'boolean', default: true, description: 'false leaves out the explanation steps' },
    lang: msgLang,
  },
} as const;

export const batchAnswer = {
  oneOf: [
    { type: 'object', required: ['ok', 'result'], properties: { ok: { const: true }, result: evaluationResult } },
    { type: 'object', required: ['ok', 'error'], properties: { ok: { const: false }, status: { type: 'integer', description: 'the status a single evaluation would have had' }, error: errorBody } },
  ],
} as const;

export const batchResponse = { type: 'object', required: ['results'], properties: { results: { type: 'array', items: batchAnswer } } } as const;

export const draftParams = { type: 'object', required: ['agreement'], additionalProperties: false, properties: { agreement: agreementId } } as const;

export const draftBody = {
  type: 'object', required: ['version', 'text'], additionalProperties: false,
  properties: {
    version: { ...versionLabel, description: 'the version label; the file is saved as <version>.draft.avtal' },
    text: { type: 'string', minLength: 1, maxLength: 1_000_000, description: 'the policy text; its header names the agreement, this version and `draft`/`utkast`' },
  },
} as const;

export const draftUpdateParams = { type: 'object', required: ['agreement', 'version'], additionalProperties: false, properties: { agreement: agreementId, version: versionLabel } } as const;

export const draftUpdateBody = {
  type: 'object', required: ['text', 'baseHash'], additionalProperties: false,
  properties: {
    text: draftBody.properties.text,
    baseHash: { type: 'string', minLength: 1, maxLength: 100, description: 'the hash of the draft as it was opened (`info.hash`); a draft changed since then is not overwritten (409)' },
  },
} as const;

export const draftResponse = {
  type: 'object', required: ['file', 'hash', 'info'],
  properties: { file: { type: 'string', description: 'path relative to the policies folder' }, hash: str, info: versionInfo },
} as const;

export const draftRejected = {
  type: 'object', required: ['error'],
  properties: { error: { ...errorBody, properties: { ...errorBody.properties, errors: { type: 'array', items: diagnosticSchema } } } },
} as const;

export const diffQuery = {
  type: 'object', required: ['agreement', 'from', 'to'], additionalProperties: false,
  properties: {
    agreement: { type: 'string', minLength: 1, maxLength: 60, description: 'the agreement id' },
    from: { type: 'string', minLength: 1, maxLength: 64, description: 'the older version label' },
    to: { type: 'string', minLength: 1, maxLength: 64, description: 'the newer version label' },
    behaviour: { type: 'boolean', default: true, description: 'false leaves out the behavioural diff (it runs both versions over many scenarios)' },
    lang: msgLang,
  },
} as const;

export const diffResponse = {
  type: 'object', required: ['semantic', 'behavioural'],
  properties: {
    semantic: { type: 'object', description: 'rules added, removed, renamed or changed, with both versions\' citations (engine/versions/semantic-diff.ts)' },
    behavioural: { type: ['object', 'null'], description: 'scenarios whose outcome differs (engine/versions/behavioural-diff.ts); null when a version has errors or behaviour=false' },
  },
} as const;

export const monthsBody = {
  type: 'object', additionalProperties: false,
  properties: {
    county: { type: 'string', minLength: 1, maxLength: 60, description: 'the county; its one agreement with a monthly ladder is used' },
    agreement: { type: 'string', minLength: 1, maxLength: 60 },
    version: { type: 'string', minLength: 1, maxLength: 64, description: 'a version label, drafts included; default: the version in force on `on`' },
    on: { ...date, description: 'choose the version in force on this date; default: the first day of the first month in the input' },
    averages: { type: 'object', description: 'municipality → month (YYYY-MM) → average, e.g. {"Växjö": {"2025-01": 3.25}}' },
    episodes: {
      oneOf: [{ type: 'array', items: { type: 'object' }, description: 'cases of the case schema, with municipality' }, { type: 'string', description: 'JSON Lines or CSV text (see format)' }],
    },
    format: { enum: ['jsonl', 'csv'], description: 'how an episodes string is written (default jsonl)' },
    municipality: { type: 'string', maxLength: 200, description: 'only this municipality' },
    ladder: { type: 'string', maxLength: 60, description: 'the ladder to run, when the policy has several' },
    from: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'first month to report' },
    to: { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'last month to report' },
    explain: { type: 'boolean', description: 'false leaves out the explanations' },
  },
} as const;

export const monthsResponse = {
  type: 'object', required: ['ok', 'agreement', 'version', 'municipalities', 'citations', 'diagnostics'],
  properties: {
    ok: { type: 'boolean', description: 'false when the input had errors or the policy has no ladder (see diagnostics)' },
    agreement: str, version: versionInfo, measure: nstr, ladder: nstr, input: { enum: ['averages', 'episodes'] },
    municipalities: { type: 'array', items: { type: 'object', description: 'per month: average, step, actions, invoice, explanation (engine/monthly/result.ts)' } },
    citations: citationsByRule,
    diagnostics: { type: 'array', items: { type: 'object', required: ['severity', 'code', 'message'], properties: { severity: str, code: str, message: str, line: { type: 'integer' }, field: str, municipality: str, month: str } } },
    fallback: { type: 'object', properties: { from: str, reason: str } },
  },
} as const;

const loadProblem = {
  type: 'object', required: ['file', 'code', 'message'],
  properties: { file: str, code: { enum: ['AVT-V006', 'AVT-V007'], description: 'AVT-V006 left out; AVT-V007 the version loaded before is kept' }, message: str },
} as const;

/** The policy set in use: its generation (counts reloads), hash, files, and what did not load. */
export const policySetState = {
  type: 'object', required: ['generation', 'hash', 'files', 'problems', 'lastReload'],
  properties: {
    generation: { type: 'integer' }, hash: { type: 'string', description: 'sha256 over every file and its content hash' }, files: { type: 'integer' },
    problems: { type: 'array', items: loadProblem },
    lastReload: { type: 'object', required: ['at'], properties: { at: str, error: { type: 'string', description: 'the folder could not be read; the set in use was kept' } } },
  },
} as const;

export const healthResponse = {
  type: 'object', required: ['status', 'policies'],
  properties: { status: { enum: ['ok', 'degraded'], description: 'degraded: some file did not load (see policies.problems)' }, policies: policySetState },
} as const;

export const readyResponse = {
  type: 'object', required: ['ready', 'workers', 'policies'],
  properties: { ready: { const: true }, workers: { type: 'integer', description: 'batch worker threads, all started' }, policies: policySetState },
} as const;
