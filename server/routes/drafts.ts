// Saving a draft version. Off unless the server has a token; the bearer token is compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { saveDraft, updateDraft } from '../drafts';
import { httpError } from '../errors';
import type { PolicyStore } from '../policy-store';
import { draftBody, draftParams, draftUpdateBody, draftUpdateParams } from '../schemas';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function draftRoutes(app: FastifyInstance, store: PolicyStore, token: string | undefined): void {
  const expected = token ? digest(token) : undefined;
  // Before the body is read: an unauthorised client costs nothing.
  const authorise = async (req: FastifyRequest): Promise<void> => {
    if (!expected) throw httpError(403, 'AVT-H006');
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1].trim()), expected)) throw httpError(403, 'AVT-H007');
  };
  app.post<{ Params: { agreement: string }; Body: { version: string; text: string } }>('/api/agreements/:agreement/drafts', {
    schema: { params: draftParams, body: draftBody },
    onRequest: authorise,
  }, async (req, reply) => {
    const saved = await saveDraft(store, req.params.agreement, req.body.version, req.body.text);
    return reply.code(201).send(saved);
  });
  app.put<{ Params: { agreement: string; version: string }; Body: { text: string; baseHash: string } }>('/api/agreements/:agreement/drafts/:version', {
    schema: { params: draftUpdateParams, body: draftUpdateBody },
    onRequest: authorise,
  }, async (req, reply) => {
    const saved = await updateDraft(store, req.params.agreement, req.params.version, req.body.text, req.body.baseHash);
    return reply.code(200).send(saved);
  });
}
