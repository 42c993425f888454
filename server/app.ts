// The HTTP service: the JSON API over the engine, and the browser editor's static build, in one Fastify app.
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { errorJson, HttpError, message, type ErrorBody } from './errors';
import { pointerStep } from '../engine/case/validate';
import { openApiDocument } from './openapi';
import { BatchPool } from './batch-pool';
import { PolicyStore } from './policy-store';
import type { PolicyPeers } from './cluster';
import { agreementRoutes } from './routes/agreements';
import { draftRoutes } from './routes/drafts';
import { monthsRoutes } from './routes/months';
import { diffRoutes } from './routes/versions-diff';
import { evaluateRoutes } from './routes/evaluate';
import { SINGLE_LIMIT } from './limits';

export interface AppOptions {
  policiesDir: string;
  /** enables writes (saving drafts) when set */
  token?: string;
  /** the editor's static build; not served when the folder is missing */
  editorDir?: string;
  /** Fastify's logger option: false for none, true or pino options for one JSON line per request */
  logger?: FastifyServerOptions['logger'];
  /** worker threads for large JSON batches, NDJSON batches and diffs; 0 does everything in the main thread. Default: one per core (none on one core). */
  batchWorkers?: number;
  /** the other processes serving the same policies folder, when this one is a cluster worker */
  peers?: PolicyPeers;
}

export const SERVICE_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

// Query strings and path parameters arrive as text: coerce them (explain=false → false). Bodies are JSON
// and are validated as sent: nothing coerced, nothing silently removed.
const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
const exact = new Ajv({ coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: true, strict: false });
// `format: date` refuses dates the calendar does not have (2019-02-30), as the engine does.
for (const ajv of [coercing, exact]) addFormats(ajv, ['date']);

/** Fastify's own errors (bad JSON, wrong content type, too large, schema) → our error body. */
function toHttpError(e: FastifyError, req: FastifyRequest): HttpError | undefined {
  const contentType = req.headers['content-type'];
  if (e instanceof HttpError) return e;
  if (e.validation) {
    const where = e.validationContext ?? 'body';
    const items = e.validation.map((v) => {
      let pointer = v.instancePath;
      if (v.keyword === 'additionalProperties') pointer += `/${pointerStep((v.params as { additionalProperty: string }).additionalProperty)}`;
      if (v.keyword === 'required') pointer += `/${pointerStep((v.params as { missingProperty: string }).missingProperty)}`;
      const what = v.keyword === 'additionalProperties' ? 'is not a known field' : v.keyword === 'required' ? 'is required' : v.message ?? 'is invalid';
      return { code: 'AVT-H004', pointer, message: `${where}${pointer ? ' ' + pointer : ''} ${what}` };
    });
    return new HttpError(400, { code: 'AVT-H004', message: message('AVT-H004', { detail: items[0]?.message ?? where }), pointer: items[0]?.pointer ?? '', ...(where === 'body' ? {} : { in: where }), errors: items } as ErrorBody);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, { code: 'AVT-H001', message: message('AVT-H001', { detail: e.message }), pointer: '' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new HttpError(415, { code: 'AVT-H002', message: message('AVT-H002', { type: contentType ?? '(none)', expected: 'application/json' }) });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, { code: 'AVT-H003', message: message('AVT-H003', { limit: req.routeOptions.bodyLimit ?? SINGLE_LIMIT }) });
  }
  // Prototype poisoning, bad content length, aborted uploads…: the client's doing, so a 4xx.
  if (e instanceof SyntaxError || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) {
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 400;
    return new HttpError(status, { code: status === 413 ? 'AVT-H003' : status === 415 ? 'AVT-H002' : 'AVT-H004', message: status === 413 || status === 415 ? e.message : message('AVT-H004', { detail: e.message }) });
  }
  return undefined;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const store = new PolicyStore(options.policiesDir, options.peers);
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }), // one line per request, written in onResponse below
    bodyLimit: SINGLE_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    // A URL that does not decode (`/api/agreements/%E0%A4%A`): our 400, not Fastify's own shape.
    frameworkErrors: (e, _req, reply: FastifyReply) => {
      void reply.code(400).type('application/json; charset=utf-8').send(errorJson({ code: 'AVT-H004', message: message('AVT-H004', { detail: e.message }) }));
    },
  });
  // Bodies are JSON (or NDJSON for batches): text/plain would reach the engine as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema));

  // Graceful shutdown: once closing, answers in flight say `Connection: close`, so keep-alive clients let go
  // and close() does not wait for their idle sockets to time out. A streamed answer has sent its headers
  // already: its socket is closed as soon as it falls idle.
  let closing = false;
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
    sweeper.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeper));
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ method: req.method, url: req.url, status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
    done();
  });

  app.setErrorHandler(async (e: FastifyError, req, reply) => {
    const known = toHttpError(e, req);
    if (known) return reply.code(known.status).type('application/json; charset=utf-8').send(errorJson(known.body));
    const id = randomUUID();
    req.log.error({ err: e, errorId: id }, 'internal error');
    return reply.code(500).type('application/json; charset=utf-8').send(errorJson({ code: 'AVT-H019', message: message('AVT-H019', { id }) }));
  });

  app.setNotFoundHandler(async (req, reply) =>
    reply.code(404).type('application/json; charset=utf-8').send(errorJson({ code: 'AVT-H005', message: message('AVT-H005', { method: req.method, url: req.url.split('?')[0] }) })));

  agreementRoutes(app, store, { writable: !!options.token, version: SERVICE_VERSION });
  const pool = new BatchPool(store.dir, options.batchWorkers ?? (cpus().length > 1 ? Math.min(cpus().length, 4) : 0));
  if (pool.size > 0) app.addHook('onReady', async () => pool.warm(store.generation));
  app.addHook('onClose', async () => pool.close());
  evaluateRoutes(app, store, pool);
  draftRoutes(app, store, options.token);
  monthsRoutes(app, store);
  diffRoutes(app, store, pool);
  const doc = JSON.stringify(openApiDocument(SERVICE_VERSION));
  app.get('/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(doc));

  const editorDir = options.editorDir && resolve(options.editorDir);
  if (editorDir && existsSync(resolve(editorDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: editorDir, prefix: '/', index: ['index.html'], wildcard: true });
  }
  return app;
}
