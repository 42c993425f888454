// Evaluating episodes: one case, a JSON array of cases, or an NDJSON stream of cases (one per line).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../../engine/api';
import { caseSchema } from '../../engine/case/schema';
import { answersJson, groupAnswers, tooLongAnswer } from '../answers';
import type { BatchPool, PoolAnswer } from '../batch-pool';
import { fromEvaluationError, httpError } from '../errors';
import { BATCH_LIMIT, BATCH_MAX, SINGLE_LIMIT } from '../limits';
import { groups } from '../ndjson';
import type { PolicyStore } from '../policy-store';
import { evaluateQuery } from '../schemas';

/** Bodies shorter than this (about a thousand cases) are evaluated inline; longer ones over the worker threads. */
const INLINE_BELOW = 256 * 1024;

type Query = { on?: string; version?: string; explain?: boolean };

const optionsOf = (q: Query): EvaluateCaseOptions => ({ on: q.on, version: q.version, explain: q.explain !== false });
const isNdjson = (req: FastifyRequest) => req.headers['content-type']?.startsWith('application/x-ndjson') ?? false;

/** Invalid JSON (message), too many cases (count), or not an array (neither). */
function batchProblem(p: { message?: string; count?: number }) {
  if (p.message !== undefined) return httpError(400, 'AVT-H001', { detail: p.message }, { pointer: '' });
  if (p.count !== undefined) return httpError(413, 'AVT-H015', { max: BATCH_MAX, count: p.count });
  return httpError(400, 'AVT-H004', { detail: 'the body must be a JSON array of cases (or NDJSON, one case per line)' }, { pointer: '' });
}

/** A part of a streamed answer that did not come (its worker stopped): the answer, already begun, is cut short. */
const streamLost = (what: string, a: Extract<PoolAnswer, { ok: false }>) =>
  new Error(`${what} lost: ${a.problem === 'lost' || a.problem === 'diff' ? a.message : a.problem}`);

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
async function* ndjsonStream(source: Readable, store: PolicyStore, pool: BatchPool, options: EvaluateCaseOptions): AsyncGenerator<string | Uint8Array> {
  // The policies as they are when the body starts (a worker that has since read a newer folder keeps that).
  const set = store.set;
  const generation = store.generation;
  const queue: (string | Promise<PoolAnswer>)[] = [];
  const next = async (): Promise<string | Uint8Array> => {
    const item = queue.shift()!;
    if (typeof item === 'string') return item;
    const answer = await item;
    if (!answer.ok) throw streamLost('NDJSON group', answer);
    return answer.bytes;
  };
  for await (const g of groups(source, SINGLE_LIMIT, NDJSON_GROUP)) {
    if ('tooLong' in g) queue.push(tooLongAnswer(g.tooLong));
    else if (pool.size === 0 || g.bytes.length < NDJSON_INLINE_BELOW) queue.push(groupAnswers(g, set, options));
    else queue.push(pool.lines(g, generation, options));
    while (queue.length > 2 * pool.size) yield await next();
  }
  while (queue.length > 0) yield await next();
}

const OPEN = Buffer.from('{"results":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');
/** Shares of a large batch evaluated by the worker threads; each worker takes this many, so sending starts early. */
const SHARES_PER_WORKER = 4;

/** `{"results":[…]}` around shares of answers (each the comma-separated JSON of some answers; empty: none). */
async function* resultsBody(shares: Promise<PoolAnswer>[]): AsyncGenerator<Uint8Array> {
  yield OPEN;
  let first = true;
  for (const share of shares) {
    const answer = await share;
    if (!answer.ok) throw streamLost('batch share', answer);
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
async function arrayAnswers(text: string, store: PolicyStore, pool: BatchPool, options: EvaluateCaseOptions): Promise<Buffer | Readable> {
  if (text.length >= INLINE_BELOW && pool.size > 0) {
    const shares = pool.run(text, store.generation, BATCH_MAX, options, SHARES_PER_WORKER);
    const answer = await shares[0];
    if (answer.ok) return Readable.from(resultsBody(shares), { objectMode: false });
    if (answer.problem === 'lost' || answer.problem === 'diff') throw new Error(answer.message);
    throw batchProblem(answer.problem === 'json' ? { message: answer.message } : answer.problem === 'too-many' ? { count: answer.count } : {});
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw batchProblem({ message: (e as Error).message });
  }
  if (!Array.isArray(body)) throw batchProblem({});
  if (body.length > BATCH_MAX) throw batchProblem({ count: body.length });
  const set = store.set;
  const answers = new Array<EvaluationAnswer>(body.length);
  for (let i = 0; i < body.length; i++) answers[i] = evaluateCase(set, body[i], options);
  return Buffer.concat([OPEN, Buffer.from(answersJson(answers)), CLOSE]);
}

export function evaluateRoutes(app: FastifyInstance, store: PolicyStore, pool: BatchPool): void {
  // NDJSON bodies are left as a stream for the batch route to read line by line.
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  app.post('/api/evaluate', { schema: { querystring: evaluateQuery }, bodyLimit: SINGLE_LIMIT }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    if (isNdjson(req)) throw httpError(415, 'AVT-H002', { type: 'application/x-ndjson', expected: 'application/json (one case); NDJSON goes to /api/evaluate/batch' });
    const answer = evaluateCase(store.set, req.body, optionsOf(req.query));
    if (!answer.ok) throw fromEvaluationError(answer.error);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.result));
  });

  // The batch route reads a JSON body as text: large batches are parsed by the worker threads, not here.
  app.register(async (batch) => {
    batch.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BATCH_LIMIT }, (_req, body, done) => done(null, body));
    batch.post('/api/evaluate/batch', { schema: { querystring: evaluateQuery }, bodyLimit: BATCH_LIMIT }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
      const options = optionsOf(req.query);
      if (isNdjson(req)) return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(ndjsonStream(req.body as Readable, store, pool, options), { objectMode: false }));
      // An empty body without a content type is not parsed at all: req.body is undefined, not text.
      if (typeof req.body !== 'string') throw batchProblem({});
      return reply.type('application/json; charset=utf-8').send(await arrayAnswers(req.body, store, pool, options));
    });
  });

  app.get('/api/schema/case', async () => caseSchema);
}
