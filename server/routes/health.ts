// GET /health (the process is alive; the policy set in use, its generation and hash, and what did not load)
// and GET /ready (the policies are loaded and the batch workers warm: send traffic).
import type { FastifyInstance } from 'fastify';
import type { BatchPool } from '../batch-pool';
import { errorJson, httpError } from '../errors';
import { msg } from '../../dsl/messages/render';
import type { PolicyStore } from '../policy-store';

export function healthRoutes(app: FastifyInstance, store: PolicyStore, pool: BatchPool, closing: () => boolean): void {
  const policies = () => ({ generation: store.generation, hash: store.hash, files: store.sources.length, problems: store.problems, lastReload: store.lastReload });

  app.get('/health', async () => ({ status: store.problems.length > 0 || store.lastReload.error ? 'degraded' : 'ok', policies: policies() }));

  app.get('/ready', async (_req, reply) => {
    const why = closing() ? msg('http.ready.closing') : !pool.warm ? msg('http.ready.workers', { n: pool.size }) : undefined;
    if (why) {
      const e = httpError(503, 'AVT-H024', { detail: why });
      return reply.code(503).header('retry-after', '1').type('application/json; charset=utf-8').send(errorJson(e.inLang(_req.lang)));
    }
    return { ready: true, workers: pool.size, policies: policies() };
  });
}
