// The language of an answer's messages (errors, reasons, explanations, diffs): `?lang=sv|en`, else the
// Accept-Language header, else Swedish. Every answer says which in Content-Language.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLang, type MsgLang } from '../dsl/messages/render';

declare module 'fastify' {
  interface FastifyRequest {
    /** the language of this request's messages (set in onRequest) */
    lang: MsgLang;
  }
}

/** `lang=` of the query string as sent (before any schema sees it), or undefined. */
function queryLang(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const m = /(?:^|&)lang=([^&]*)/.exec(url.slice(q + 1));
  return m ? decodeURIComponent(m[1]) : undefined;
}

export const langOf = (req: FastifyRequest): MsgLang => pickLang(queryLang(req.url), req.headers['accept-language']);

export function languageHooks(app: FastifyInstance): void {
  app.decorateRequest('lang', 'sv');
  app.addHook('onRequest', (req, reply, done) => {
    req.lang = langOf(req);
    reply.header('content-language', req.lang);
    done();
  });
}
