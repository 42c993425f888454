// GET /api/diff: the semantic and behavioural diff of two versions of an agreement. The behavioural diff
// runs both versions over many scenarios (seconds), so it runs in a worker thread when there are workers,
// and answers are kept: a version's text never changes under its label (drafts are never overwritten), so
// the two content hashes name the answer.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { diffVersions } from '../../engine/versions';
import type { BatchPool } from '../batch-pool';
import { httpError } from '../errors';
import type { PolicyStore } from '../policy-store';
import { diffQuery } from '../schemas';
import { withDeadline } from '../deadline';
import { WORK_LIMITS, type WorkLimits } from '../limits';
import type { MsgLang } from '../../dsl/messages/render';

type Query = { agreement: string; from: string; to: string; behaviour?: boolean };
const KEEP = 32;

export function diffRoutes(app: FastifyInstance, store: PolicyStore, pool: BatchPool, limits: WorkLimits = WORK_LIMITS): void {
  const kept = new Map<string, Promise<string>>();
  app.get('/api/diff', { schema: { querystring: diffQuery }, config: { expensive: true } }, async (req: FastifyRequest<{ Querystring: Query }>, reply) => {
    const { agreement, from, to } = req.query;
    const behaviour = req.query.behaviour !== false;
    if (!store.set.agreements().includes(agreement)) throw httpError(404, 'AVT-H013', { agreement }, { pointer: '/agreement' });
    const a = store.version(agreement, from);
    const b = store.version(agreement, to);
    if (!a || !b) throw httpError(404, 'AVT-H014', { agreement, version: !a ? from : to }, { pointer: !a ? '/from' : '/to' });
    const key = `${a.source.hash} ${b.source.hash} ${behaviour} ${req.lang}`;
    let answer = kept.get(key);
    if (!answer) {
      answer = compute(agreement, from, to, behaviour, req.lang);
      kept.set(key, answer);
      answer.catch(() => kept.delete(key));
      if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
    }
    return reply.type('application/json; charset=utf-8').send(await withDeadline(answer, limits.deadlineMs));
  });

  async function compute(agreement: string, from: string, to: string, behaviour: boolean, lang: MsgLang): Promise<string> {
    if (pool.size === 0) {
      const d = diffVersions(store.set, agreement, from, to, { behaviour, lang });
      if (!d.ok) throw httpError(404, 'AVT-H014', { agreement, version: `${from} or ${to}` });
      return JSON.stringify({ semantic: d.semantic, behavioural: d.behavioural });
    }
    const r = await pool.diff(agreement, from, to, behaviour, store.generation, lang);
    if (r.ok) return r.json;
    if (r.problem === 'diff') throw httpError(404, 'AVT-H014', { agreement, version: `${from} or ${to}` });
    throw new Error(r.problem === 'lost' ? r.message : 'diff failed');
  }
}
