// The HTTP service: the JSON API over the engine, and the browser editor's static build, in one Fastify app.
import { msg, type Params } from '../dsl/messages/render';
import { jsonProblem } from '../dsl/messages/json';
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { errorJson, HttpError, httpError, message, type ErrorBody } from './errors';
import { schemaProblem } from '../engine/case/validate';
import { agreementId, versionLabel } from './schemas';
import { openApiDocument } from './openapi';
import { BatchPool } from './batch-pool';
import { PolicyStore } from './policy-store';
import type { PolicyPeers } from './cluster';
import { agreementRoutes } from './routes/agreements';
import { draftRoutes } from './routes/drafts';
import { monthsRoutes } from './routes/months';
import { diffRoutes } from './routes/versions-diff';
import { evaluateRoutes } from './routes/evaluate';
import { SINGLE_LIMIT, TIMEOUTS, TOKEN_MIN_LENGTH, WORK_LIMITS, type Timeouts, type WorkLimits } from './limits';
import { bodyText } from './encoding';
import { guards, methodNotAllowed, methodsByPath, redactUrl } from './guards';
import { healthRoutes } from './routes/health';
import { staticRoutes } from './static';
import { languageHooks, langOf } from './lang';

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
  /** connection timeouts (server/limits.ts TIMEOUTS by default; tests shorten them) */
  timeouts?: Partial<Timeouts>;
  /** answer only requests whose Host is one of these names (set for a loopback address: DNS rebinding) */
  allowedHosts?: string[];
  /** expensive requests (months, diffs, batches) one client may have in flight (server/limits.ts) */
  clientConcurrency?: number;
  /** a months or diff request's deadline and a months answer's size (server/limits.ts WORK_LIMITS by default; tests lower them) */
  limits?: Partial<WorkLimits>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** resolves once the batch workers have started and answered (at once without workers) */
    whenWarm(): Promise<void>;
  }
}

export const SERVICE_VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

// Query strings and path parameters arrive as text: coerce them (explain=false → false). Bodies are JSON
// and are validated as sent: nothing coerced, nothing silently removed.
const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
const exact = new Ajv({ coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: true, strict: false });
// `format: date` refuses dates the calendar does not have (2019-02-30), as the engine does.
for (const ajv of [coercing, exact]) addFormats(ajv, ['date']);

/** Why a body Fastify's parser refused is not JSON. */
function notJson(text: string): { code: string; params: Params } {
  try {
    JSON.parse(text);
  } catch (e) {
    return jsonProblem(text, e);
  }
  return jsonProblem('', undefined);
}

/**
 * A schema's errors without the noise of its alternatives: for a body that may take one of several shapes
 * (`anyOf`/`oneOf`: the months' averages or episodes), the errors of the alternative that came nearest (the
 * fewest errors), not every alternative's, nor the "must match a schema in anyOf" that sums them up; each once.
 */
function bestBranch<E extends { keyword: string; schemaPath: string; instancePath: string; message?: string }>(errors: readonly E[]): E[] {
  const branches = new Map<string, E[]>();
  const plain: E[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const branch = /\/(?:anyOf|oneOf)\/\d+\//.exec(e.schemaPath)?.[0];
    if (branch) branches.set(branch, [...(branches.get(branch) ?? []), e]);
    else plain.push(e);
  }
  const nearest = [...branches.values()].sort((a, b) => a.length - b.length)[0] ?? [];
  const kept = [...plain, ...nearest];
  const seen = new Set<string>();
  const unique = kept.filter((e) => {
    const key = `${e.instancePath} ${e.keyword} ${e.message}`;
    return !seen.has(key) && (seen.add(key), true);
  });
  return unique.length > 0 ? unique : [...errors];
}

/** The part of a request a schema refused. */
function validationPart(context: string | undefined): 'body' | 'querystring' | 'params' | 'headers' {
  return context === 'querystring' || context === 'params' || context === 'headers' ? context : 'body';
}

/** What a text that does not match a request schema's pattern is told (server/schemas.ts's patterns). */
function patternProblem(pattern: string): { code: string; params: Params } {
  if (pattern === versionLabel.pattern) return msg('http.pattern.versionLabel');
  if (pattern === agreementId.pattern) return msg('http.pattern.id');
  if (pattern.includes('(0[1-9]|1[0-2])$')) return msg('http.pattern.month');
  if (pattern.includes('\\d{2}-\\d{2}$')) return msg('case.date', { pattern });
  return msg('http.pattern.other', { pattern });
}

/** Fastify's own errors (bad JSON, wrong content type, too large, schema) → our error body. */
function toHttpError(e: FastifyError, req: FastifyRequest): HttpError | undefined {
  const contentType = req.headers['content-type'];
  if (e instanceof HttpError) return e;
  if (e.validation) {
    const part = validationPart(e.validationContext);
    const where = msg(`http.in.${part}`);
    const items = bestBranch(e.validation).map((v) => {
      const { pointer, detail } = schemaProblem(v, patternProblem);
      const args = { detail: pointer ? msg('http.schema', { where, pointer, what: detail }) : msg('http.schemaWhole', { where, what: detail }) };
      return { code: 'AVT-H004', pointer, message: message('AVT-H004', args), args };
    });
    const first = items[0];
    return new HttpError(400, { code: 'AVT-H004', message: first?.message ?? message('AVT-H004', { detail: part }), pointer: first?.pointer ?? '', ...(part === 'body' ? {} : { in: part }), errors: items } as ErrorBody, first?.args ?? { detail: part });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, { code: 'AVT-H001', message: message('AVT-H001', { detail: e.message }), pointer: '' }, { detail: e.message });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
      return new HttpError(415, { code: 'AVT-H002', message: message('AVT-H002', { type: contentType ?? '(none)', expected: 'application/json' }) }, { type: contentType ?? '(none)', expected: 'application/json' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, { code: 'AVT-H003', message: message('AVT-H003', { limit: req.routeOptions.bodyLimit ?? SINGLE_LIMIT }) }, { limit: req.routeOptions.bodyLimit ?? SINGLE_LIMIT });
  }
  // Prototype poisoning, bad content length, aborted uploads…: the client's doing, so a 4xx.
  if (e instanceof SyntaxError || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) {
    const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 400;
    return new HttpError(status, { code: status === 413 ? 'AVT-H003' : status === 415 ? 'AVT-H002' : 'AVT-H004', message: status === 413 || status === 415 ? e.message : message('AVT-H004', { detail: e.message }) });
  }
  return undefined;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  if (options.token !== undefined && options.token.length < TOKEN_MIN_LENGTH) throw new Error(`the token is too short: at least ${TOKEN_MIN_LENGTH} characters`);
  const timeouts = { ...TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    // Bounded connections: a request must arrive whole within requestMs, an idle socket is closed after idleMs,
    // an idle keep-alive connection after keepAliveMs; the request line and headers must arrive within headersMs.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the header and request timeouts every connectionsCheckingInterval (30 s by default).
    http: { headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs), requestTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.max(50, Math.min(1000, timeouts.headersMs / 4)) },
    logController: new LogController({ disableRequestLogging: true }), // one line per request, written in onResponse below
    bodyLimit: SINGLE_LIMIT,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Path parameters up to 1,000 characters reach the routes, whose schemas answer a 400 in JSON; beyond
    // find-my-way's default of 100 they would fall through to the editor's static files.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    // A URL that does not decode (`/api/agreements/%E0%A4%A`): our 400, not Fastify's own shape.
    frameworkErrors: (e, _req, reply: FastifyReply) => {
      void reply.code(400).type('application/json; charset=utf-8').send(errorJson({ code: 'AVT-H004', message: message('AVT-H004', { detail: e.message }, langOf(_req)) }));
    },
  });
  const store = new PolicyStore(options.policiesDir, options.peers, app.log);
  // Bodies are JSON (or NDJSON for batches): text/plain would reach the engine as a string.
  app.removeContentTypeParser('text/plain');
  // JSON bodies: UTF-8 or a 400, a byte-order mark dropped (server/encoding.ts), then Fastify's own parser
  // (which refuses __proto__ and constructor.prototype keys).
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const t = bodyText(body as Buffer);
    if (!t.ok) return done(t.error as unknown as Error, undefined);
    jsonParser(req, t.text, (e, value) => {
      // Fastify's parser says "not valid JSON" for a prototype-poisoning key too: say which key it is.
      if (e && /"(__proto__|constructor)"\s*:/.test(t.text)) return done(httpError(400, 'AVT-H004', { detail: msg('http.prototypeKey') }, { pointer: '' }) as unknown as Error, undefined);
      // Not JSON: where the reading stopped, in the language (Fastify's own words are English and say nothing of where).
      if (e) return done(httpError(400, 'AVT-H001', { detail: notJson(t.text) }, { pointer: '' }) as unknown as Error, undefined);
      done(e, value);
    });
  });
  const allowedMethods = methodsByPath(app);
  guards(app, { allowedHosts: options.allowedHosts, concurrency: options.clientConcurrency, allowedMethods });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema));

  // Graceful shutdown: once closing, answers in flight say `Connection: close`, so keep-alive clients let go
  // and close() does not wait for their idle sockets to time out. A streamed answer has sent its headers
  // already: its socket is closed as soon as it falls idle.
  let closing = false;
  let sweeper: NodeJS.Timeout | undefined;
  // A stream still running shortly before the process must exit ends with an explicit error (routes/evaluate.ts).
  let cut = false;
  app.addHook('preClose', async () => {
    closing = true;
    setTimeout(() => (cut = true), timeouts.streamCutMs).unref();
    sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
    sweeper.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeper));
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  languageHooks(app);

  app.addHook('onResponse', (req, reply, done) => {
    req.log.info({ method: req.method, url: redactUrl(req.url), status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
    done();
  });

  app.setErrorHandler(async (e: FastifyError, req, reply) => {
    const known = toHttpError(e, req);
    if (known) {
      // Busy or not answered in time: say when to come back.
      if ((known.status === 429 || known.status === 503) && !reply.hasHeader('retry-after')) reply.header('retry-after', '1');
      return reply.code(known.status).type('application/json; charset=utf-8').send(errorJson(known.inLang(req.lang)));
    }
    const id = randomUUID();
    req.log.error({ err: e, errorId: id }, 'internal error');
    return reply.code(500).type('application/json; charset=utf-8').send(errorJson({ code: 'AVT-H019', message: message('AVT-H019', { id }, req.lang) }));
  });

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0];
    const allow = allowedMethods(req.url);
    if (allow.length > 0 && !allow.includes(req.method)) {
      const e = methodNotAllowed(req.method, path, allow, req.lang);
      return reply.code(e.status).header('allow', allow.join(', ')).type('application/json; charset=utf-8').send(errorJson(e.body));
    }
    return reply.code(404).type('application/json; charset=utf-8').send(errorJson({ code: 'AVT-H005', message: message('AVT-H005', { method: req.method, url: path }, req.lang) }));
  });

  agreementRoutes(app, store, { writable: !!options.token, version: SERVICE_VERSION });
  const limits = { ...WORK_LIMITS, ...options.limits };
  const pool = new BatchPool(() => ({ generation: store.generation, sources: store.sources }), options.batchWorkers ?? (cpus().length > 1 ? Math.min(cpus().length, 4) : 0), limits.deadlineMs);
  let warming: Promise<void> = Promise.resolve();
  if (pool.size > 0) app.addHook('onReady', async () => void (warming = pool.warmUp(store.generation).catch((e) => app.log.error({ err: e }, 'batch workers did not start'))));
  app.decorate('whenWarm', () => warming);
  app.addHook('onClose', async () => pool.close());
  healthRoutes(app, store, pool, () => closing);
  evaluateRoutes(app, store, pool, () => cut);
  draftRoutes(app, store, options.token);
  monthsRoutes(app, store, pool, limits);
  diffRoutes(app, store, pool, limits);
  const doc = JSON.stringify(openApiDocument(SERVICE_VERSION));
  app.get('/openapi.json', async (_req, reply) => reply.type('application/json; charset=utf-8').send(doc));

  const editorDir = options.editorDir && resolve(options.editorDir);
  await staticRoutes(app, editorDir && existsSync(resolve(editorDir, 'index.html')) ? editorDir : undefined);
  return app;
}
