// Evaluating episodes: one case, a JSON array of cases, or an NDJSON stream of cases (one per line).
import { msg, render, type MsgLang } from '../../dsl/messages/render';
import { jsonProblem } from '../../dsl/messages/json';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../../engine/api';
import { caseSchema } from '../../engine/case/schema';
import { answersJson, groupAnswers, tooLongAnswer } from '../answers';
import type { BatchPool, PoolAnswer } from '../batch-pool';
import { fromEvaluationError, httpError, message } from '../errors';
import { BATCH_EXPLAINED_MAX, BATCH_LIMIT, BATCH_MAX, SINGLE_LIMIT } from '../limits';
import { bodyText } from '../encoding';
import { groups } from '../ndjson';
import type { PolicyStore } from '../policy-store';
import { evaluateQuery } from '../schemas';

/** Bodies shorter than this (about a thousand cases) are evaluated inline; longer ones over the worker threads. */
const INLINE_BELOW = 256 * 1024;

type Query = { on?: string; version?: string; explain?: boolean };

const optionsOf = (q: Query, req: FastifyRequest): EvaluateCaseOptions => ({ on: q.on, version: q.version, explain: q.explain !== false, lang: req.lang });
const isNdjson = (req: FastifyRequest) => req.headers['content-type']?.startsWith('application/x-ndjson') ?? false;

/** The most cases a JSON batch may hold: fewer with explanations, whose answers are some kilobytes each. */
const batchMax = (options: EvaluateCaseOptions) => (options.explain === false ? BATCH_MAX : BATCH_EXPLAINED_MAX);

/** Invalid JSON (message), too many cases (count, over max), or not an array (neither). */
function batchProblem(p: { json?: ReturnType<typeof jsonProblem>; count?: number; max?: number }) {
  if (p.json !== undefined) return httpError(400, 'AVT-H001', { detail: p.json }, { pointer: '' });
  if (p.count !== undefined) {
    const max = p.max ?? BATCH_MAX;
    const name = max === BATCH_MAX ? 'batchCases' : 'batchExplainedCases';
    return httpError(413, 'AVT-H015', { max: max === BATCH_MAX ? max : msg('http.batchExplainedMax', { max, all: BATCH_MAX }), count: p.count }, { limit: { name, max, actual: p.count } });
  }
  return httpError(400, 'AVT-H004', { detail: msg('http.batchNotArray') }, { pointer: '' });
}

/**
 * Why a streamed answer, already begun, ends early: a part that did not come (its worker stopped: 500), or the
 * server shutting down (503). The stream then ends with this error, never as if it were whole.
 */
type Cut = { status: number; code: 'AVT-H017' | 'AVT-H019'; message: string };
const streamLost = (what: 'lines' | 'shares', a: Extract<PoolAnswer, { ok: false }>, lang: MsgLang | undefined): Cut =>
  ({ status: 500, code: 'AVT-H019', message: message('AVT-H019', { id: msg(`http.lost.${what}`, { why: a.problem === 'lost' || a.problem === 'diff' ? a.message : a.problem }) }, lang) });
const shutDown = (after: { code: 'http.cut.lines' } | { code: 'http.cut.shares'; count: number }, lang: MsgLang | undefined): Cut =>
  ({ status: 503, code: 'AVT-H017', message: `${message('AVT-H017', {}, lang)}: ${render(after.code, after, lang)}` });
/** The NDJSON line that ends a stream cut short (it has no `line`: it is about the stream, not a case). */
const cutLine = (c: Cut) => JSON.stringify({ ok: false, status: c.status, error: { code: c.code, message: c.message }, incomplete: true }) + '\n';

/** NDJSON bodies are cut into groups of whole lines of about this many bytes (some 290 cases). */
const NDJSON_GROUP = 64 * 1024;
/** A group smaller than this (only a body's last can be) is evaluated inline: posting it would cost more than it saves. */
const NDJSON_INLINE_BELOW = 16 * 1024;

/**
 * One answer line per body line, in order; a bad line gets an error line naming it. The body is read as it
 * comes, cut into groups of whole lines, and each group is decoded, split and evaluated by a worker thread (a
 * few groups in flight, so a long stream is not read ahead of its answers without bound); without workers,
 * and for a last group of a few lines, inline.
 */
async function* ndjsonStream(source: Readable, store: PolicyStore, pool: BatchPool, options: EvaluateCaseOptions, cut: () => boolean): AsyncGenerator<string | Uint8Array> {
  // The policies as they are when the body starts (a worker that has since read a newer folder keeps that).
  const set = store.set;
  const generation = store.generation;
  const queue: (string | Promise<PoolAnswer>)[] = [];
  let ended = false;
  const next = async (): Promise<string | Uint8Array> => {
    const item = queue.shift()!;
    if (typeof item === 'string') return item;
    const answer = await item;
    if (answer.ok) return answer.bytes;
    ended = true;
    return cutLine(streamLost('lines', answer, options.lang));
  };
  for await (const g of groups(source, SINGLE_LIMIT, NDJSON_GROUP)) {
    if ('tooLong' in g) queue.push(tooLongAnswer(g.tooLong));
    else if (pool.size === 0 || g.bytes.length < NDJSON_INLINE_BELOW) queue.push(groupAnswers(g, set, options));
    else queue.push(pool.lines(g, generation, options));
    while (queue.length > 2 * pool.size) {
      yield await next();
      if (ended) return;
    }
    if (cut()) break;
  }
  while (queue.length > 0 && !cut()) {
    yield await next();
    if (ended) return;
  }
  // Shutting down: the lines answered so far are sent, then the line that says the rest is missing.
  if (cut()) yield cutLine(shutDown({ code: 'http.cut.lines' }, options.lang));
}

const OPEN = Buffer.from('{"results":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');
/** Shares of a large batch evaluated by the worker threads; each worker takes this many, so sending starts early. */
const SHARES_PER_WORKER = 4;

/**
 * `{"results":[…]}` around shares of answers (each the comma-separated JSON of some answers; empty: none). Cut
 * short (a worker lost, the server shutting down), it ends `…],"error":{…},"incomplete":true}`: valid JSON that
 * says it is not whole.
 */
async function* resultsBody(shares: Promise<PoolAnswer>[], cut: () => boolean, lang: MsgLang | undefined): AsyncGenerator<Uint8Array> {
  yield OPEN;
  let first = true;
  let count = 0;
  for (const share of shares) {
    const answer = await share;
    const ended = !answer.ok ? streamLost('shares', answer, lang) : cut() ? shutDown({ code: 'http.cut.shares', count }, lang) : undefined;
    if (ended) {
      yield Buffer.from(`],"error":${JSON.stringify({ code: ended.code, message: ended.message })},"incomplete":true}`);
      return;
    }
    count++;
    if (!answer.ok) continue;
    if (answer.bytes.length === 0) continue;
    if (!first) yield COMMA;
    yield answer.bytes;
    first = false;
  }
  yield CLOSE;
}

/**
 * A JSON array (as text): inline when small, else parsed and evaluated by the worker threads, whose shares are
 * sent in order as they are done (a stream), once the first has shown the body is a valid array.
 */
async function arrayAnswers(text: string, store: PolicyStore, pool: BatchPool, options: EvaluateCaseOptions, cut: () => boolean): Promise<Buffer | Readable> {
  const max = batchMax(options);
  if (text.length >= INLINE_BELOW && pool.size > 0) {
    const shares = pool.run(text, store.generation, max, options, SHARES_PER_WORKER);
    const answer = await shares[0];
    if (answer.ok) return Readable.from(resultsBody(shares, cut, options.lang), { objectMode: false });
    if (answer.problem === 'lost' || answer.problem === 'diff') throw new Error(answer.message);
    throw batchProblem(answer.problem === 'json' ? { json: answer.detail } : answer.problem === 'too-many' ? { count: answer.count, max } : {});
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw batchProblem({ json: jsonProblem(text, e) });
  }
  if (!Array.isArray(body)) throw batchProblem({});
  if (body.length > max) throw batchProblem({ count: body.length, max });
  const set = store.set;
  const answers = new Array<EvaluationAnswer>(body.length);
  for (let i = 0; i < body.length; i++) answers[i] = evaluateCase(set, body[i], options);
  return Buffer.concat([OPEN, Buffer.from(answersJson(answers)), CLOSE]);
}

export function evaluateRoutes(app: FastifyInstance, store: PolicyStore, pool: BatchPool, cut: () => boolean = () => false): void {
  // NDJSON bodies are left as a stream for the batch route to read line by line.
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  app.post('/api/evaluate', { schema: { querystring: evaluateQuery }, bodyLimit: SINGLE_LIMIT }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    if (isNdjson(req)) throw httpError(415, 'AVT-H002', { type: 'application/x-ndjson', expected: 'application/json (one case); NDJSON goes to /api/evaluate/batch' });
    const answer = evaluateCase(store.set, req.body, optionsOf(req.query, req));
    if (!answer.ok) throw fromEvaluationError(answer.error);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.result));
  });

  // The batch route reads a JSON body as text: large batches are parsed by the worker threads, not here.
  app.register(async (batch) => {
    // As bytes, checked to be UTF-8 (a byte-order mark dropped) as every body is: server/encoding.ts.
    batch.removeContentTypeParser('application/json');
    batch.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BATCH_LIMIT }, (_req, body, done) => {
      const t = bodyText(body as Buffer);
      if (t.ok) done(null, t.text);
      else done(t.error as unknown as Error, undefined);
    });
    batch.post('/api/evaluate/batch', { schema: { querystring: evaluateQuery }, bodyLimit: BATCH_LIMIT, config: { expensive: true } }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
      const options = optionsOf(req.query, req);
      if (isNdjson(req)) return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(ndjsonStream(req.body as Readable, store, pool, options, cut), { objectMode: false }));
      // An empty body without a content type is not parsed at all: req.body is undefined, not text.
      if (typeof req.body !== 'string') throw batchProblem({});
      return reply.type('application/json; charset=utf-8').send(await arrayAnswers(req.body, store, pool, options, cut));
    });
  });

  app.get('/api/schema/case', async () => caseSchema);
}
