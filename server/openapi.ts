// The OpenAPI 3.1 document, built from the same schemas the routes validate with (server/schemas.ts) and
// the engine's case schema. OpenAPI 3.1 schemas are JSON Schema, so they are embedded as they are.
import * as S from './schemas';

type Schema = Record<string, unknown>;
interface Op {
  method: 'get' | 'post' | 'put';
  path: string; // Fastify style, /api/agreements/:agreement
  summary: string;
  query?: Schema;
  params?: Schema;
  body?: { schema: Schema; types?: Record<string, Schema>; required?: boolean; example?: unknown };
  responses: Record<number, { description: string; schema?: Schema; type?: string }>;
  auth?: boolean;
}

const err = (description: string) => ({ description, schema: { $ref: '#/components/schemas/Error' } });
const caseRef = { $ref: '#/components/schemas/Case' };
const resultRef = { $ref: '#/components/schemas/EvaluationResult' };
/** Värmland's worked example 2: the notice sent at 13:00 on a Monday, after the 12:00 cutoff (the /docs page's "Try it out" starts from it). */
const exampleCase = {
  county: 'varmland',
  events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_assessed: '2019-01-07T10:00', ready_notice_sent: '2019-01-07T13:00', discharged: '2019-01-14T10:00' },
  facts: { sip_needed: false },
};

export const operations: Op[] = [
  { method: 'get', path: '/api/status', summary: 'Whether writes are enabled, the policies folder and the service version', responses: { 200: { description: 'status', schema: S.statusResponse } } },
  { method: 'get', path: '/api/agreements', summary: 'Every agreement with its versions', responses: { 200: { description: 'agreements', schema: S.agreementsResponse } } },
  {
    method: 'get', path: '/api/agreements/:agreement/versions/:version', summary: "One version's text, validity, hash, diagnostics and interpretations", params: S.versionParams,
    responses: { 200: { description: 'the version', schema: S.versionDetailResponse }, 404: err('unknown agreement or version (AVT-H013, AVT-H014)') },
  },
  {
    method: 'post', path: '/api/evaluate', summary: 'Evaluate one care episode under the version in force', query: S.evaluateQuery, body: { schema: caseRef, required: true, example: exampleCase },
    responses: {
      200: { description: 'the evaluation, naming the version and its hash', schema: resultRef },
      400: err('invalid case, JSON or query (pointer names the field)'), 404: err('unknown county or agreement'), 413: err('body over 1 MiB'),
      415: err('unsupported content type'), 422: err('no version in force on the date, or the version has errors'),
    },
  },
  {
    method: 'post', path: '/api/evaluate/batch', summary: 'Evaluate many episodes: a JSON array, or NDJSON (one case per line in, one answer per line out, streamed)', query: S.evaluateQuery,
    body: { schema: { type: 'array', maxItems: 100000, items: caseRef }, types: { 'application/x-ndjson': { type: 'string', description: 'one case (JSON) per line' } }, required: true },
    responses: {
      200: { description: 'one answer per case, in order', schema: S.batchResponse },
      400: err('invalid JSON, or not an array'), 413: err('body over 32 MiB or more than 100,000 cases'), 415: err('unsupported content type'),
    },
  },
  { method: 'get', path: '/api/schema/case', summary: 'The JSON Schema of a case', responses: { 200: { description: 'JSON Schema (draft-07)', schema: { type: 'object' } } } },
  {
    method: 'post', path: '/api/agreements/:agreement/drafts', summary: 'Save a new draft version (needs the server token)', params: S.draftParams, body: { schema: S.draftBody, required: true }, auth: true,
    responses: {
      201: { description: 'saved', schema: S.draftResponse }, 400: { description: 'the text has errors or a wrong header; diagnostics in error.errors', schema: S.draftRejected },
      403: err('writes disabled, or wrong token'), 409: err('the version exists'), 413: err('body over 1 MiB'),
    },
  },
  {
    method: 'put', path: '/api/agreements/:agreement/drafts/:version', summary: 'Update an unpublished draft (needs the server token and the hash it was opened with)', params: S.draftUpdateParams, body: { schema: S.draftUpdateBody, required: true }, auth: true,
    responses: {
      200: { description: 'saved', schema: S.draftResponse }, 400: { description: 'the text has errors or a wrong header; diagnostics in error.errors', schema: S.draftRejected },
      403: err('writes disabled, or wrong token'), 404: err('unknown agreement or version'),
      409: err('the version is published (AVT-H033), or the draft changed since it was opened (AVT-H032)'), 413: err('body over 1 MiB'),
    },
  },
  {
    method: 'post', path: '/api/months', summary: "A county's monthly escalation ladder over monthly averages or raw episodes, per municipality and month", body: { schema: S.monthsBody, required: true },
    responses: {
      200: { description: 'the ladder month by month; input problems are diagnostics in the result (ok: false)', schema: S.monthsResponse },
      400: err('malformed request (pointer names the field)'), 404: err('unknown agreement, county without a ladder or with several, unknown version'),
      413: err('body over 32 MiB'), 422: err('no version in force on the date, or the version has errors'),
    },
  },
  {
    method: 'get', path: '/api/diff', summary: 'Semantic and behavioural diff of two versions of an agreement', query: S.diffQuery,
    responses: { 200: { description: 'both diffs', schema: S.diffResponse }, 400: err('missing or invalid query'), 404: err('unknown agreement or version') },
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } } },
];

const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

function parameters(op: Op): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) {
      const { description, ...rest } = s;
      out.push({ name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return out;
}

/** Adds operations from other modules (the monthly ladder, diffs) when they are wired. */
export function addOperation(op: Op): void {
  operations.push(op);
}

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses = Object.fromEntries(Object.entries(op.responses).map(([code, r]) => [code, {
      description: r.description,
      ...(r.schema ? { content: { [r.type ?? 'application/json']: { schema: r.schema } } } : {}),
    }]));
    const content = op.body ? { 'application/json': { schema: op.body.schema, ...(op.body.example !== undefined ? { example: op.body.example } : {}) }, ...Object.fromEntries(Object.entries(op.body.types ?? {}).map(([t, s]) => [t, { schema: s }])) } : undefined;
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      summary: op.summary,
      ...(parameters(op).length ? { parameters: parameters(op) } : {}),
      ...(content ? { requestBody: { required: op.body!.required ?? false, content } } : {}),
      ...(op.auth ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Avtal evaluation service', version, description: 'Evaluates care episodes under Swedish discharge agreements written as policy files. Errors: { error: { code, message, pointer?, errors? } }.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Case: S.caseComponent, EvaluationResult: S.evaluationResult, VersionInfo: S.versionInfo, Diagnostic: S.diagnosticSchema, Error: S.errorResponse },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
