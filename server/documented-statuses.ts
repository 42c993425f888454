// The OpenAPI document's share of the service's guards and limits: /health and /ready, and the statuses
// every route may now answer (405, 403 for a Host not served, 429 and 503 with Retry-After, the limits' 413
// and 422). server/openapi.ts applies them to its operations as it defines them, so that every reader of the
// document (the service's /openapi.json, the tests' check of each answer, generated clients) sees them.
import type { Op } from './openapi';
import * as S from './schemas';

const err = (description: string) => ({ description, schema: { $ref: '#/components/schemas/Error' } });

const examplePolicies = {
  generation: 1, hash: 'sha256:…', files: 12, problems: [], lastReload: { at: '2026-01-01T00:00:00.000Z' },
};

/** GET /health and GET /ready (server/routes/health.ts). */
export const guardOperations: Op[] = [
  {
    method: 'get', path: '/health', operationId: 'health', summary: 'Alive: the policy set in use (generation, hash) and the files that did not load',
    responses: { 200: { description: 'alive', schema: S.healthResponse, example: { status: 'ok', policies: examplePolicies } } },
  },
  {
    method: 'get', path: '/ready', operationId: 'ready', summary: 'Ready for traffic: the policies are loaded and the batch workers warm',
    responses: {
      200: { description: 'ready', schema: S.readyResponse, example: { ready: true, workers: 4, policies: examplePolicies } },
      503: err('starting or shutting down (AVT-H024); Retry-After says when to ask again'),
    },
  },
];

const busy = () => err('this client has too many expensive requests in flight (AVT-H022); Retry-After');
const late = () => err('not answered within the deadline (AVT-H023); Retry-After');
const extra: Record<string, Op['responses']> = {
  '/api/months': { 413: err('the answer would be over 16 MiB (AVT-H021, limit answerBytes)'), 422: err('over a limit (AVT-H021: monthsSpan, monthsMunicipalities, monthsCells), or no version in force'), 429: busy(), 503: late() },
  '/api/diff': { 429: busy(), 503: late() },
  '/api/evaluate/batch': { 413: err('body over 32 MiB, more than 100,000 cases, or more than 10,000 with explanations (AVT-H015, limit named)'), 429: busy() },
  '/api/agreements/:agreement/drafts': { 401: err('no token (AVT-H007); WWW-Authenticate: Bearer'), 429: err('too many wrong tokens from this client (AVT-H027); Retry-After') },
  '/api/agreements/:agreement/drafts/:version': { 401: err('no token (AVT-H007); WWW-Authenticate: Bearer'), 429: err('too many wrong tokens from this client (AVT-H027); Retry-After') },
};

/** Adds the guards' and limits' statuses to each operation's responses. */
export function documentGuards(operations: Op[]): void {
  for (const op of operations) {
    Object.assign(op.responses, extra[op.path] ?? {});
    if (op.path.startsWith('/api/')) op.responses[400] ??= err('invalid request; a token in the query string (AVT-H026); a body that is not UTF-8 (AVT-H025)');
    op.responses[403] ??= err('the Host is not served here (AVT-H029)');
  }
}
