// POST /api/months: a county's monthly escalation ladder over monthly averages or raw episodes, per
// municipality and month (engine/monthly). Input problems are part of the result (ok: false, diagnostics).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { evaluateMonths, type MonthsInput } from '../../engine/monthly';
import { monthsInForce } from '../../engine/months';
import { fromCaseErrors, httpError, HttpError } from '../errors';
import type { PolicyStore } from '../policy-store';
import { monthsBody } from '../schemas';
import { BATCH_LIMIT } from '../limits';

type Body = {
  county?: string; agreement?: string; version?: string; on?: string; averages?: unknown; episodes?: unknown[] | string;
  format?: 'jsonl' | 'csv'; municipality?: string; ladder?: string; from?: string; to?: string; explain?: boolean;
};

/** The first day the input mentions: the first month of the averages, or the earliest date among the episodes. */
function firstDate(body: Body): string | undefined {
  if (body.averages && typeof body.averages === 'object') {
    const months = Object.values(body.averages as Record<string, unknown>).flatMap((m) => (m && typeof m === 'object' ? Object.keys(m) : []));
    const first = months.filter((k) => /^\d{4}-\d{2}$/.test(k)).sort()[0];
    return first && `${first}-01`;
  }
  const text = typeof body.episodes === 'string' ? body.episodes : JSON.stringify(body.episodes ?? []);
  let min: string | undefined;
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) if (min === undefined || m[0] < min) min = m[0];
  return min;
}

export function monthsRoutes(app: FastifyInstance, store: PolicyStore): void {
  app.post('/api/months', { schema: { body: monthsBody }, bodyLimit: BATCH_LIMIT }, async (req: FastifyRequest<{ Body: Body }>, reply) => {
    const body = req.body;
    if ((body.averages === undefined) === (body.episodes === undefined)) throw httpError(400, 'AVT-H004', { detail: 'give exactly one of averages or episodes' }, { pointer: body.averages === undefined ? '/averages' : '/episodes' });
    if (!body.county && !body.agreement) throw httpError(400, 'AVT-H004', { detail: 'give county or agreement' }, { pointer: '/county' });
    const set = store.set;
    let agreement = body.agreement;
    if (agreement !== undefined && !set.agreements().includes(agreement)) throw httpError(404, 'AVT-H013', { agreement }, { pointer: '/agreement' });
    if (agreement === undefined) {
      const withLadder = set.agreements().filter((a) => set.versionsOf(a).some((v) => v.info.county === body.county && (v.compiled?.ladders.size ?? 0) > 0));
      if (withLadder.length === 0) throw httpError(404, 'AVT-H020', { county: body.county!, known: set.counties().join(', ') }, { pointer: '/county' });
      if (withLadder.length > 1) throw httpError(404, 'AVT-E009', { county: body.county!, agreements: withLadder.join(', ') }, { pointer: '/agreement' });
      agreement = withLadder[0];
    }
    const input: MonthsInput = body.averages !== undefined ? { averages: body.averages } : typeof body.episodes === 'string' ? { episodes: body.episodes, format: body.format ?? 'jsonl' } : { episodes: body.episodes! };
    const options = { municipality: body.municipality, ladder: body.ladder, from: body.from, to: body.to, explain: body.explain };
    // Each month under the version in force for it, unless `on` or `version` names one version for the series.
    const perMonth = body.on === undefined && body.version === undefined ? monthsInForce(set, agreement, input, options) : undefined;
    if (perMonth) {
      const info = set.versionsOf(agreement).find((v) => v.info.version === perMonth.version)?.info;
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ ...perMonth, version: info }));
    }
    const on = body.on ?? firstDate(body) ?? new Date().toISOString().slice(0, 10);
    const selection = set.select(agreement, on, { version: body.version });
    if (!selection.ok) {
      const e = selection.error;
      throw new HttpError(body.version && e.code === 'AVT-E004' ? 404 : 422, fromCaseErrors([{ code: e.code, pointer: body.version ? '/version' : '', message: e.message }]));
    }
    const result = evaluateMonths(selection.version.compiled!, input, options);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ ...result, version: selection.version.info, ...(selection.viaFallback ? { fallback: selection.viaFallback } : {}) }));
  });
}
