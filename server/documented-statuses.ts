// The OpenAPI document's share of the service's guards and limits: /health and /ready, and the statuses
// every route may now answer (405, 403 for a Host not served, 429 and 503 with Retry-After, the limits' 413
// and 422). Added to the operations of server/openapi.ts through its addOperation, so that file stays as it is.
import { addOperation, operations } from './openapi';
import * as S from './schemas';

const err = (description: string) => ({ description, schema: { $ref: '#/components/schemas/Error' } });

let done = false;
export function documentGuards(): void {
  if (done) return;
  done = true;
  addOperation({ method: 'get', path: '/health', operationId: 'health', summary: 'Alive: the policy set in use (generation, hash) and the files that did not load', responses: { 200: { description: 'alive', schema: S.healthResponse } } });
  addOperation({
    method: 'get', path: '/ready', operationId: 'ready', summary: 'Ready for traffic: the policies are loaded and the batch workers warm',
    responses: { 200: { description: 'ready', schema: S.readyResponse }, 503: err('starting or shutting down (AVT-H024); Retry-After says when to ask again') },
  });
  const extra: Record<string, Record<number, ReturnType<typeof err>>> = {
    '/api/months': { 413: err('the answer would be over 16 MiB (AVT-H021, limit answerBytes)'), 422: err('over a limit (AVT-H021: monthsSpan, monthsMunicipalities, monthsCells), or no version in force'), 429: err('this client has too many expensive requests in flight (AVT-H022); Retry-After'), 503: err('not answered within the deadline (AVT-H023); Retry-After') },
    '/api/diff': { 429: err('this client has too many expensive requests in flight (AVT-H022); Retry-After'), 503: err('not answered within the deadline (AVT-H023); Retry-After') },
    '/api/evaluate/batch': { 413: err('body over 32 MiB, more than 100,000 cases, or more than 10,000 with explanations (AVT-H015, limit named)'), 429: err('this client has too many expensive requests in flight (AVT-H022); Retry-After') },
    '/api/agreements/:agreement/drafts': { 401: err('no token (AVT-H007); WWW-Authenticate: Bearer'), 429: err('too many wrong tokens from this client (AVT-H027); Retry-After') },
    '/api/agreements/:agreement/drafts/:version': { 401: err('no token (AVT-H007); WWW-Authenticate: Bearer'), 429: err('too many wrong tokens from this client (AVT-H027); Retry-After') },
  };
  for (const op of operations) {
    Object.assign(op.responses, extra[op.path] ?? {});
    if (op.path.startsWith('/api/')) op.responses[400] ??= err('invalid request; a token in the query string (AVT-H026); a body that is not UTF-8 (AVT-H025)');
    op.responses[403] ??= err('the Host is not served here (AVT-H029)');
  }
}
