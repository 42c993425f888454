// Reading the policies: the agreements and their versions, one version's text and analysis, the status.
import type { FastifyInstance } from 'fastify';
import { httpError, inLang } from '../errors';
import type { PolicyStore } from '../policy-store';
import { versionParams } from '../schemas';

export function agreementRoutes(app: FastifyInstance, store: PolicyStore, status: { writable: boolean; version: string }): void {
  app.get('/api/status', async () => ({ writable: status.writable, policiesDir: store.dir, version: status.version }));

  app.get('/api/agreements', async () => store.agreements());

  app.get('/api/agreements/:agreement/versions/:version', { schema: { params: versionParams } }, async (req) => {
    const { agreement, version } = req.params as { agreement: string; version: string };
    if (!store.set.agreements().includes(agreement)) throw httpError(404, 'AVT-H013', { agreement }, { pointer: '/agreement' });
    const v = store.version(agreement, version);
    if (!v) throw httpError(404, 'AVT-H014', { agreement, version }, { pointer: '/version' });
    const detail = store.detail(v);
    return { ...detail, diagnostics: detail.diagnostics.map((d) => inLang(d, req.lang)) };
  });
}
