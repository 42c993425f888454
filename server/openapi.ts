// The OpenAPI 3.1 document, built from the same schemas the routes validate with (server/schemas.ts), the
// engine's result schema and case schema. OpenAPI 3.1 schemas are JSON Schema, so they are embedded as they
// are. Every operation has an operationId, an example, and every status the service can answer for it; the
// HTTP tests validate each answer they receive against this document (test/support/openapi-check.ts).
import { documentGuards, guardOperations } from './documented-statuses';
import * as S from './schemas';

type Schema = Record<string, unknown> | S.TSchema;
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export interface Op {
  method: 'get' | 'post' | 'put';
  path: string; // Fastify style, /api/agreements/:agreement
  operationId: string;
  summary: string;
  query?: Schema;
  params?: Schema;
  /** an example value per parameter */
  paramExamples?: Record<string, string>;
  body?: { schema: Schema; types?: Record<string, Schema>; required?: boolean; example?: Json };
  responses: Record<number, { description: string; schema?: Schema; type?: string; types?: Record<string, Schema>; example?: Json }>;
  auth?: boolean;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const err = (description: string) => ({ description, schema: ref('Error') });
const caseRef = ref('Case');
/** Any operation: an unforeseen failure answers 500 AVT-H019 with an id to find it in the log. */
const internal = { 500: err('internal error (AVT-H019, with an id to find it in the log)') };

const exampleVersion = {
  agreement: 'varmland', title: 'Överenskommelse om samverkan vid utskrivning från sluten hälso- och sjukvård i Värmland', county: 'varmland',
  version: '2019-01-01', status: 'published', validFrom: '2019-01-01', validTo: null, hash: 'sha256:…', file: 'varmland/2019-01-01.avtal',
} as const;
const exampleCase = {
  id: 'exempel-2', county: 'varmland', municipality: 'Karlstad',
  events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_assessed: '2019-01-07T10:00', ready_notice_sent: '2019-01-07T13:00', discharged: '2019-01-14T10:00' },
  facts: { sip_needed: false },
};

export const operations: Op[] = [
  {
    method: 'get', path: '/api/status', operationId: 'getStatus', summary: 'Whether writes are enabled, the policies folder and the service version',
    responses: { 200: { description: 'status', schema: S.statusResponse, example: { writable: false, policiesDir: '/srv/avtal/policies', version: '0.2.0' } }, ...internal },
  },
  {
    method: 'get', path: '/api/agreements', operationId: 'listAgreements', summary: 'Every agreement with its versions',
    responses: { 200: { description: 'agreements', schema: S.agreementsResponse, example: [{ agreement: 'varmland', title: exampleVersion.title, county: 'varmland', versions: [exampleVersion] }] }, ...internal },
  },
  {
    method: 'get', path: '/api/agreements/:agreement/versions/:version', operationId: 'getVersion', summary: "One version's text, validity, hash, diagnostics and interpretations",
    params: S.versionParams, paramExamples: { agreement: 'varmland', version: '2019-01-01' },
    responses: {
      200: { description: 'the version', schema: S.versionDetailResponse }, 400: err('a parameter too long, or a path that does not decode (AVT-H004)'),
      404: err('unknown agreement or version (AVT-H013, AVT-H014)'), ...internal,
    },
  },
  {
    method: 'post', path: '/api/evaluate', operationId: 'evaluateCase', summary: 'Evaluate one care episode under the version in force', query: S.evaluateQuery,
    body: { schema: caseRef, required: true, example: exampleCase },
    responses: {
      200: { description: 'the evaluation, naming the version and its hash', schema: ref('EvaluationResult') },
      400: err('invalid case, JSON or query (pointer names the field)'), 404: err('unknown county or agreement'), 413: err('body over 1 MiB'),
      415: err('unsupported content type'), 422: err('no version in force on the date, or the version has errors'), ...internal,
    },
  },
  {
    method: 'post', path: '/api/evaluate/batch', operationId: 'evaluateBatch', summary: 'Evaluate many episodes: a JSON array, or NDJSON (one case per line in, one answer per line out, streamed)', query: S.evaluateQuery,
    body: { schema: { type: 'array', maxItems: 100000, items: caseRef }, types: { 'application/x-ndjson': { type: 'string', description: 'one case (JSON) per line' } }, required: true, example: [exampleCase] },
    responses: {
      200: {
        description: 'one answer per case, in order', schema: S.batchResponse,
        types: { 'application/x-ndjson': { type: 'string', description: 'one BatchAnswer (JSON) per line, in the order of the cases' } },
      },
      400: err('invalid JSON, or not an array'), 413: err('body over 32 MiB or more than 100,000 cases'), 415: err('unsupported content type'), ...internal,
    },
  },
  {
    method: 'get', path: '/api/schema/case', operationId: 'getCaseSchema', summary: 'The JSON Schema of a case',
    responses: {
      200: { description: 'JSON Schema (draft-07)', schema: ref('JsonSchema'), example: { title: 'Avtal care episode', type: 'object', required: ['county'], properties: { county: { type: 'string' } } } },
      ...internal,
    },
  },
  {
    method: 'post', path: '/api/agreements/:agreement/drafts', operationId: 'saveDraft', summary: 'Save a new draft version (needs the server token)', params: S.draftParams,
    paramExamples: { agreement: 'varmland' },
    body: { schema: S.draftBody, required: true, example: { version: '2026-utkast', text: 'avtal varmland "…"\n  version "2026-utkast" utkast\n  …' } }, auth: true,
    responses: {
      201: { description: 'saved', schema: S.draftResponse },
      400: err('the text has errors or a wrong header (diagnostics in error.errors), or the body is malformed'),
      403: err('writes disabled (AVT-H006), or a missing or wrong token (AVT-H007)'), 404: err('unknown agreement (AVT-H013)'), 409: err('the version exists'),
      413: err('body over 1 MiB'), 415: err('unsupported content type'), 500: err('the file could not be written (AVT-H018), or an internal error (AVT-H019)'),
    },
  },
  {
    method: 'put', path: '/api/agreements/:agreement/drafts/:version', operationId: 'updateDraft',
    summary: 'Update an unpublished draft (needs the server token and the hash it was opened with)', params: S.draftUpdateParams,
    paramExamples: { agreement: 'varmland', version: '2026-utkast' },
    body: { schema: S.draftUpdateBody, required: true, example: { text: 'avtal varmland "…"\n  version "2026-utkast" utkast\n  …', baseHash: 'sha256:…' } }, auth: true,
    responses: {
      200: { description: 'saved', schema: S.draftResponse },
      400: err('the text has errors or a wrong header (diagnostics in error.errors), or the body is malformed'),
      403: err('writes disabled (AVT-H006), or a missing or wrong token (AVT-H007)'), 404: err('unknown agreement or version (AVT-H013, AVT-H014)'),
      409: err('the version is published (AVT-H033), or the draft changed since it was opened (AVT-H032)'),
      413: err('body over 1 MiB'), 415: err('unsupported content type'), 500: err('the file could not be written (AVT-H018), or an internal error (AVT-H019)'),
    },
  },
  {
    method: 'post', path: '/api/months', operationId: 'evaluateMonths', summary: "A county's monthly escalation ladder over monthly averages or raw episodes, per municipality and month",
    body: { schema: S.monthsBody, required: true, example: { county: 'kronoberg', averages: { Växjö: { '2025-01': 2.6, '2025-02': 2.41 } } } },
    responses: {
      200: { description: 'the ladder month by month; input problems are diagnostics in the result (ok: false)', schema: S.monthsResponse },
      400: err('malformed request (pointer names the field)'), 404: err('unknown agreement, county without a ladder or with several, unknown version'),
      413: err('body over 32 MiB'), 415: err('unsupported content type'), 422: err('no version in force on the date, or the version has errors'), ...internal,
    },
  },
  {
    method: 'get', path: '/api/diff', operationId: 'diffVersions', summary: 'Semantic and behavioural diff of two versions of an agreement', query: S.diffQuery,
    paramExamples: { agreement: 'varmland', from: '2019-01-01', to: '2026-förslag' },
    responses: { 200: { description: 'both diffs', schema: S.diffResponse }, 400: err('missing or invalid query'), 404: err('unknown agreement or version'), ...internal },
  },
  {
    method: 'get', path: '/openapi.json', operationId: 'getOpenApi', summary: 'This document',
    responses: {
      200: { description: 'OpenAPI 3.1', schema: ref('OpenApiDocument'), example: { openapi: '3.1.0', info: { title: 'Avtal evaluation service', version: '0.2.0' }, paths: {}, components: { schemas: {} } } },
      ...internal,
    },
  },
];

const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

function parameters(op: Op): unknown[] {
  const out: unknown[] = [];
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    const props = ((schema as Record<string, unknown>).properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = new Set(((schema as Record<string, unknown>).required ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) {
      const { description, ...rest } = s;
      const example = op.paramExamples?.[name];
      out.push({ name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest, ...(example !== undefined ? { example } : {}) });
    }
  }
  return out;
}

// /health and /ready, and the statuses of the guards and limits every route may answer (server/documented-statuses.ts).
operations.push(...guardOperations);
documentGuards(operations);

// ---- schemas of the documents the service serves: a JSON Schema, and this OpenAPI document ----------------

const J = ref('JsonSchema');
const mapOf = (item: unknown) => ({ type: 'object', additionalProperties: item });
const strs = { type: 'array', items: { type: 'string' } };

// A JSON value (an example, a default, a const). The recursion goes through an object (JsonObject), which
// generated TypeScript types can express; an array directly inside an array is the one shape left out.
const scalars = [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }];
const valueOrList = { anyOf: [...scalars, ref('JsonObject'), { type: 'array', items: { anyOf: [...scalars, ref('JsonObject')] } }] };
const jsonObject = mapOf(valueOrList);
const V = valueOrList;

/** A JSON Schema, with the keywords this service's schemas use. */
const jsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' }, $id: { type: 'string' }, $ref: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' },
    type: { anyOf: [{ type: 'string' }, strs] }, format: { type: 'string' }, pattern: { type: 'string' },
    properties: mapOf(J), patternProperties: mapOf(J), additionalProperties: { anyOf: [{ type: 'boolean' }, J] }, required: strs,
    items: J, anyOf: { type: 'array', items: J }, oneOf: { type: 'array', items: J }, allOf: { type: 'array', items: J },
    enum: { type: 'array', items: V }, const: V, default: V, examples: { type: 'array', items: V },
    minLength: { type: 'integer' }, maxLength: { type: 'integer' }, minItems: { type: 'integer' }, maxItems: { type: 'integer' },
    minimum: { type: 'number' }, maximum: { type: 'number' }, exclusiveMinimum: { type: 'number' }, exclusiveMaximum: { type: 'number' }, multipleOf: { type: 'number' },
  },
};

const mediaType = { type: 'object', additionalProperties: false, required: ['schema'], properties: { schema: J, example: V } };
const operationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['operationId', 'summary', 'responses'],
  properties: {
    operationId: { type: 'string' }, summary: { type: 'string' }, description: { type: 'string' },
    parameters: {
      type: 'array',
      items: {
        type: 'object', additionalProperties: false, required: ['name', 'in', 'required', 'schema'],
        properties: { name: { type: 'string' }, in: { type: 'string', enum: ['path', 'query', 'header', 'cookie'] }, required: { type: 'boolean' }, description: { type: 'string' }, schema: J, example: V },
      },
    },
    requestBody: { type: 'object', additionalProperties: false, required: ['content'], properties: { required: { type: 'boolean' }, content: mapOf(mediaType) } },
    responses: mapOf({ type: 'object', additionalProperties: false, required: ['description'], properties: { description: { type: 'string' }, content: mapOf(mediaType) } }),
    security: { type: 'array', items: mapOf(strs) },
  },
};

const openApiDocumentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string' },
    info: { type: 'object', additionalProperties: false, required: ['title', 'version'], properties: { title: { type: 'string' }, version: { type: 'string' }, description: { type: 'string' } } },
    servers: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string' } } } },
    paths: mapOf({ type: 'object', additionalProperties: false, properties: { get: operationSchema, post: operationSchema, put: operationSchema } }),
    components: {
      type: 'object', additionalProperties: false,
      properties: {
        schemas: mapOf(J),
        securitySchemes: mapOf({ type: 'object', additionalProperties: false, required: ['type'], properties: { type: { type: 'string' }, scheme: { type: 'string' } } }),
      },
    },
  },
};

export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const responses = Object.fromEntries(Object.entries(op.responses).map(([code, r]) => {
      const content = r.schema
        ? { [r.type ?? 'application/json']: { schema: r.schema, ...(r.example !== undefined ? { example: r.example } : {}) }, ...Object.fromEntries(Object.entries(r.types ?? {}).map(([t, s]) => [t, { schema: s }])) }
        : undefined;
      return [code, { description: r.description, ...(content ? { content } : {}) }];
    }));
    const content = op.body
      ? {
          'application/json': { schema: op.body.schema, ...(op.body.example !== undefined ? { example: op.body.example } : {}) },
          ...Object.fromEntries(Object.entries(op.body.types ?? {}).map(([t, s]) => [t, { schema: s }])),
        }
      : undefined;
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(parameters(op).length ? { parameters: parameters(op) } : {}),
      ...(content ? { requestBody: { required: op.body!.required ?? false, content } } : {}),
      ...(op.auth ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
  }
  // JSON.parse(JSON.stringify(…)): plain JSON, without TypeBox's symbol keys.
  return JSON.parse(JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Avtal evaluation service', version, description: 'Evaluates care episodes under Swedish discharge agreements written as policy files. Errors: { error: { code, message, pointer?, in?, errors? } }.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        Case: S.caseComponent, EvaluationResult: S.evaluationResult, BatchAnswer: S.batchAnswer, VersionInfo: S.versionInfo, Diagnostic: S.diagnosticSchema, Error: S.errorResponse,
        SemanticDiff: S.semanticDiffSchema, BehaviouralDiff: S.behaviouralDiffSchema, MonthsResponse: S.monthsResponse,
        JsonSchema: jsonSchema, JsonObject: jsonObject, OpenApiDocument: openApiDocumentSchema,
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  }));
}
