// Saving a draft version. Off unless the server has a token; the token's checks are server/guards.ts's.
import type { FastifyInstance } from 'fastify';
import { saveDraft, updateDraft } from '../drafts';
import type { PolicyStore } from '../policy-store';
import { tokenCheck } from '../guards';
import { draftBody, draftParams, draftUpdateBody, draftUpdateParams } from '../schemas';

export function draftRoutes(app: FastifyInstance, store: PolicyStore, token: string | undefined): void {
  const check = tokenCheck(token);
  app.post<{ Params: { agreement: string }; Body: { version: string; text: string } }>('/api/agreements/:agreement/drafts', {
    schema: { params: draftParams, body: draftBody },
    // Before the body is read: an unauthorised client costs nothing.
    onRequest: check,
    // A label typed as o + combining diaeresis is the same label as ö: normalized before the schema sees it.
    preValidation: async (req) => {
      const body = req.body as { version?: unknown } | undefined;
      if (body && typeof body.version === 'string') body.version = body.version.normalize('NFC');
    },
  }, async (req, reply) => {
    const saved = await saveDraft(store, req.params.agreement, req.body.version, req.body.text);
    return reply.code(201).send(saved);
  });
  app.put<{ Params: { agreement: string; version: string }; Body: { text: string; baseHash: string } }>('/api/agreements/:agreement/drafts/:version', {
    schema: { params: draftUpdateParams, body: draftUpdateBody },
    onRequest: check,
  }, async (req, reply) => {
    const saved = await updateDraft(store, req.params.agreement, req.params.version, req.body.text, req.body.baseHash);
    return reply.code(200).send(saved);
  });
}
