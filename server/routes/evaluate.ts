// Evaluating episodes: one case, a JSON array of cases, or an NDJSON stream of cases (one per line).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { evaluateCase, type EvaluateCaseOptions } from '../../engine/api';
import { answerJson } from '../answers';
import type { BatchPool } from '../batch-pool';
import { fromEvaluationError, httpError, message } from '../errors';
import { lines } from '../ndjson';
import type { PolicyStore } from '../policy-store';
import { caseSchema } from '../../engine/case/schema';
import { evaluateQuery } from '../schemas';

export const SINGLE_LIMIT = 1024 * 1024;
export const BATCH_LIMIT = 32 * 1024 * 1024;
export const BATCH_MAX = 100_000;
/** Bodies shorter than this (about a thousand cases) are evaluated inline; longer ones over the worker threads. */
const INLINE_BELOW = 256 * 1024;

/** Invalid JSON (message), too many cases (count), or not an array (neither). */
function batchProblem(p: { message?: string; count?: number }) {
  if (p.message !== undefined) return httpError(400, 'AVT-H001', { detail: p.message }, { pointer: '' });
  if (p.count !== undefined) return httpError(413, 'AVT-H015', { max: BATCH_MAX, count: p.count });
  return httpError(400, 'AVT-H004', { detail: 'the body must be a JSON array of cases (or NDJSON, one case per line)' }, { pointer: '' });
}

type Query = { on?: string; version?: string; explain?: boolean };

const optionsOf = (q: Query): EvaluateCaseOptions => ({ on: q.on, version: q.version, explain: q.explain !== false });

export function evaluateRoutes(app: FastifyInstance, store: PolicyStore, pool: BatchPool): void {
  // NDJSON bodies are left as a stream for the batch route to read line by line.
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  app.post('/api/evaluate', { schema: { querystring: evaluateQuery }, bodyLimit: SINGLE_LIMIT }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    if (req.headers['content-type']?.startsWith('application/x-ndjson')) throw httpError(415, 'AVT-H002', { type: 'application/x-ndjson', expected: 'application/json (one case); NDJSON goes to /api/evaluate/batch' });
    const answer = evaluateCase(store.set, req.body, optionsOf(req.query));
    if (!answer.ok) throw fromEvaluationError(answer.error);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(answer.result));
  });

  // The batch route reads a JSON body as text: large batches are parsed by the worker threads, not here.
  app.register(async (batch) => {
  batch.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BATCH_LIMIT }, (_req, body, done) => done(null, body));
  batch.post('/api/evaluate/batch', { schema: { querystring: evaluateQuery }, bodyLimit: BATCH_LIMIT }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    const options = optionsOf(req.query);
    if (req.headers['content-type']?.startsWith('application/x-ndjson')) {
      const set = store.set;
      const source = req.body as Readable;
      async function* answers(): AsyncGenerator<string> {
        let out = '';
        for await (const l of lines(source, SINGLE_LIMIT)) {
          let text: string;
          if (!l.ok) text = JSON.stringify({ ok: false, line: l.line, status: 413, error: { code: 'AVT-H016', message: message('AVT-H016', { line: l.line, limit: SINGLE_LIMIT }) } });
          else {
            let raw: unknown;
            try {
              raw = JSON.parse(l.text);
            } catch (e) {
              raw = e;
            }
            text = raw instanceof Error
              ? JSON.stringify({ ok: false, line: l.line, status: 400, error: { code: 'AVT-H001', message: message('AVT-H001', { detail: raw.message }), pointer: '' } })
              : answerJson(evaluateCase(set, raw, options));
          }
          out += text + '\n';
          if (out.length > 64 * 1024) {
            yield out;
            out = '';
          }
        }
        if (out) yield out;
      }
      return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(answers(), { objectMode: false }));
    }
    const text = req.body as string;
    if (text.length >= INLINE_BELOW && pool.size > 0) {
      const answer = await pool.run(text, store.generation, BATCH_MAX, options);
      if (answer.ok) return reply.type('application/json; charset=utf-8').send(`{"results":[${answer.json}]}`);
      if (answer.problem === 'lost') throw new Error(answer.message);
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
    const parts = new Array<string>(body.length);
    for (let i = 0; i < body.length; i++) parts[i] = answerJson(evaluateCase(set, body[i], options));
    return reply.type('application/json; charset=utf-8').send(`{"results":[${parts.join(',')}]}`);
  });
  });

  app.get('/api/schema/case', async () => caseSchema);
}
