// POST /api/months: a county's monthly escalation ladder over monthly averages or raw episodes, per
// municipality and month (engine/monthly). Input problems are part of the result (ok: false, diagnostics).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { evaluateMonths, type MonthsInput } from '../../engine/monthly';
import { monthsInForce, overlapIn } from '../../engine/months';
import { parseIsoDate } from '../../engine/calendar/day';
import type { BatchPool } from '../batch-pool';
import { fromCaseErrors, httpError, HttpError } from '../errors';
import type { PolicyStore } from '../policy-store';
import { monthsBody } from '../schemas';
import { BATCH_LIMIT, MONTHS_CELLS_MAX, MONTHS_MUNICIPALITIES_MAX, MONTHS_SPAN_MAX, WORK_LIMITS, type WorkLimits } from '../limits';
import { withDeadline } from '../deadline';
import { msg, render } from '../../dsl/messages/render';
import { localize } from '../../dsl/diagnostics';

type Body = {
  county?: string; agreement?: string; version?: string; on?: string; averages?: unknown; episodes?: unknown[] | string;
  format?: 'jsonl' | 'csv'; municipality?: string; ladder?: string; from?: string; to?: string; explain?: boolean; lang?: 'sv' | 'en';
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

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** The municipalities an episodes text names (JSON Lines: the `municipality` members; CSV: its column). */
function municipalitiesIn(text: string, format: 'jsonl' | 'csv'): number {
  if (format === 'jsonl') return new Set([...text.matchAll(/"municipality"\s*:\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1])).size;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const column = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, '')).indexOf('municipality');
  return column === -1 ? 1 : new Set(lines.slice(1).map((l) => l.split(',')[column])).size;
}

/**
 * What a request would cost, bounded before any work: the months reported per municipality (from `from`/`to`,
 * else the first and last month the input mentions), the municipalities, and their product. Over a limit: 422
 * AVT-H021 naming it. The answer's size is checked once it is written (413).
 */
function checkCost(body: Body): { first: number; last: number } | undefined {
  let months: string[] = [];
  let municipalities = 0;
  if (body.averages && typeof body.averages === 'object') {
    const all = Object.entries(body.averages as Record<string, unknown>).filter(([m]) => !body.municipality || m === body.municipality);
    municipalities = all.length;
    months = all.flatMap(([, v]) => (v && typeof v === 'object' ? Object.keys(v) : []));
  } else if (body.episodes !== undefined) {
    const text = typeof body.episodes === 'string' ? body.episodes : JSON.stringify(body.episodes);
    months = [...text.matchAll(/\b\d{4}-(?:0[1-9]|1[0-2])(?=-\d{2})/g)].map((m) => m[0]);
    municipalities = body.municipality ? 1 : Array.isArray(body.episodes) ? new Set(body.episodes.map((e) => (e as { municipality?: unknown })?.municipality)).size : municipalitiesIn(text, body.format ?? 'jsonl');
  }
  const valid = months.filter((m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m)).map(monthIndex);
  const first = body.from ? monthIndex(body.from) : Math.min(...valid);
  const last = body.to ? monthIndex(body.to) : Math.max(...valid);
  const span = Number.isFinite(first) && Number.isFinite(last) ? Math.max(0, last - first + 1) : 0;
  const over = (name: string, max: number, actual: number, pointer: string) =>
    httpError(422, 'AVT-H021', { limit: name, max, actual }, { pointer, limit: { name, max, actual } });
  if (span > MONTHS_SPAN_MAX) throw over('monthsSpan', MONTHS_SPAN_MAX, span, body.from || body.to ? (body.from ? '/from' : '/to') : '');
  if (municipalities > MONTHS_MUNICIPALITIES_MAX) throw over('monthsMunicipalities', MONTHS_MUNICIPALITIES_MAX, municipalities, body.averages ? '/averages' : '/episodes');
  if (span * municipalities > MONTHS_CELLS_MAX) throw over('monthsCells', MONTHS_CELLS_MAX, span * municipalities, '');
  return span > 0 ? { first, last } : undefined;
}

export function monthsRoutes(app: FastifyInstance, store: PolicyStore, pool?: BatchPool, limits: WorkLimits = WORK_LIMITS): void {
  const max = limits.answerBytes;
  const tooLarge = (size: number) => httpError(413, 'AVT-H021', { limit: 'answerBytes', max, actual: size }, { limit: { name: 'answerBytes', max, actual: size } });
  app.post('/api/months', { schema: { body: monthsBody }, bodyLimit: BATCH_LIMIT, config: { expensive: true } }, async (req: FastifyRequest<{ Body: Body }>, reply) => {
    const body = req.body;
    // `lang` in the body, as the schema allows, chooses the language as `?lang=` does (server/lang.ts)
    if (body.lang) {
      req.lang = body.lang;
      reply.header('content-language', body.lang);
    }
    // As evaluation does: a date of the calendar, or 400 (2023-02-30 is not one).
    if (body.on !== undefined && parseIsoDate(body.on) === undefined) throw httpError(400, 'AVT-E008', { value: body.on }, { pointer: '/on' });
    const span = checkCost(body);
    if ((body.averages === undefined) === (body.episodes === undefined)) throw httpError(400, 'AVT-H004', { detail: msg('http.months.oneInput') }, { pointer: body.averages === undefined ? '/averages' : '/episodes' });
    if (!body.county && !body.agreement) throw httpError(400, 'AVT-H004', { detail: msg('http.months.countyOrAgreement') }, { pointer: '/county' });
    const set = store.set;
    let agreement = body.agreement;
    if (agreement !== undefined && !set.agreements().includes(agreement)) throw httpError(404, 'AVT-H013', { agreement }, { pointer: '/agreement' });
    if (agreement === undefined) {
      const withLadder = set.ladderAgreements(body.county!);
      if (withLadder.length === 0) throw httpError(404, 'AVT-H020', { county: body.county!, known: set.counties().join(', ') }, { pointer: '/county' });
      if (withLadder.length > 1) throw httpError(404, 'AVT-E009', { county: body.county!, agreements: withLadder.join(', ') }, { pointer: '/agreement' });
      agreement = withLadder[0];
    }
    const input: MonthsInput = body.averages !== undefined ? { averages: body.averages } : typeof body.episodes === 'string' ? { episodes: body.episodes, format: body.format ?? 'jsonl' } : { episodes: body.episodes! };
    // the language of the explanations and diagnostics: the request's (server/lang.ts)
    const options = { municipality: body.municipality, ladder: body.ladder, from: body.from, to: body.to, explain: body.explain, lang: req.lang };
    const type = 'application/json; charset=utf-8';
    // Each month under the version in force for it, unless `on` or `version` names one version for the series.
    const perMonth = body.on === undefined && body.version === undefined && set.versionsOf(agreement).some((v) => v.info.status === 'published' && (v.compiled?.ladders.size ?? 0) > 0);
    if (perMonth) {
      // Overlapping published versions are an error, never a pick: a month in the overlap has no version.
      const overlap = span && overlapIn(set.versionsOf(agreement).filter((v) => v.info.status === 'published' && (v.compiled?.ladders.size ?? 0) > 0), agreement, span.first, span.last);
      if (overlap) throw new HttpError(422, fromCaseErrors([{ code: overlap.code, pointer: '', message: localize(overlap, req.lang).message }]));
      if (!pool || pool.size === 0) {
        const r = monthsInForce(set, agreement, input, options)!;
        const json = JSON.stringify({ ...r, version: set.versionsOf(agreement).find((v) => v.info.version === r.version)?.info });
        if (Buffer.byteLength(json) > max) throw tooLarge(Buffer.byteLength(json));
        return reply.type(type).send(json);
      }
      // Off the event loop: the empty version label asks the worker for each month's version in force.
      const answer = await withDeadline(pool.months(agreement, '', input, options, {}, max), limits.deadlineMs);
      if (answer.ok) return reply.type(type).send(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.length));
      if (answer.problem === 'too-large') throw tooLarge(answer.size);
      throw new Error(answer.problem === 'lost' ? answer.message : `months failed: ${answer.problem}`);
    }
    const on = body.on ?? firstDate(body) ?? new Date().toISOString().slice(0, 10);
    const selection = set.select(agreement, on, { version: body.version });
    if (!selection.ok) {
      const e = selection.error;
      throw new HttpError(body.version && e.code === 'AVT-E004' ? 404 : 422, fromCaseErrors([{ code: e.code, pointer: body.version ? '/version' : '', message: localize(e, req.lang).message }]));
    }
    const fallback = selection.viaFallback && { from: selection.viaFallback.from, reason: render('fallback.version', selection.viaFallback.args, req.lang) };
    const extra = { version: selection.version.info, ...(fallback ? { fallback } : {}) };
    if (!pool || pool.size === 0) {
      const json = JSON.stringify({ ...evaluateMonths(selection.version.compiled!, input, options), ...extra });
      if (Buffer.byteLength(json) > max) throw tooLarge(Buffer.byteLength(json));
      return reply.type(type).send(json);
    }
    // Off the event loop: a worker thread runs the ladder and writes the answer.
    const answer = await withDeadline(pool.months(selection.version.info.agreement, selection.version.info.version, input, options, extra, max), limits.deadlineMs);
    if (answer.ok) return reply.type(type).send(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.length));
    if (answer.problem === 'too-large') throw tooLarge(answer.size);
    throw new Error(answer.problem === 'lost' ? answer.message : `months failed: ${answer.problem}`);
  });
}
