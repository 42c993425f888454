// The entry point for monthly statistics: monthly averages or raw care episodes in, per municipality and
// month the average, the ladder step, the actions due and what is invoiced out, each with its citations.
// Browser-safe; never throws for a user's mistake.
import type * as A from '../../dsl/ast/ast';
import { CODES } from '../../dsl/diagnostics/codes';
import { msg, render, type MsgLang, type Params } from '../../dsl/messages/render';
import type { CompiledPolicy } from '../compiler/compile';
import type { Citations, CitationOut, ExplanationStep } from '../evaluator/result';
import { NO_CITATIONS } from '../evaluator/explain';
import { visitCsv, visitJsonLines, visitObjects, type Episode, type EpisodeVisitor, type InputError } from './episodes';
import { MeasureGroups, type MonthCell, type MunicipalityGroup } from './aggregate';
import { Counted, type CompiledMeasure } from '../compiler/measure';
import { emptyCase } from '../case/case-data';
import type { CompiledLadder, LadderMonth } from '../compiler/ladder';
import { monthText, parseMonth, yearOfMonth, type Month } from '../calendar/months';
import type { MonthInvoice, MonthResult, MonthsDiagnostic, MonthsResult, MunicipalityResult } from './result';

/** Averages per municipality and month (`{"Växjö": {"2025-01": 3.25}}`), or raw episodes. */
export type MonthsInput =
  | { averages: unknown }
  | { episodes: string; format: 'jsonl' | 'csv' }
  | { episodes: unknown[] };

export interface MonthsOptions {
  /** Only this municipality. */
  municipality?: string;
  /** The ladder to run, when the policy has several. */
  ladder?: string;
  /** The first and last month to report (YYYY-MM); by default the months the input covers. */
  from?: string;
  to?: string;
  /** Leave out the explanations (the numbers only). */
  explain?: boolean;
  /** the language of the explanations and the diagnostics' messages (default Swedish) */
  lang?: MsgLang;
  /**
   * Per municipality, where it stands when the months begin, carried in from another version of the agreement
   * (the ladder's `at a change of version: keep the step`): its step by name, the month it entered it, its runs.
   */
  carriedIn?: ReadonlyMap<string, CarriedState>;
}

/** A municipality's place on a ladder, by step name, as one version's months leave it for the next. */
export interface CarriedState {
  step: string;
  entered: string | null; // YYYY-MM; null: since before the months began
  over: number;
  under: number;
}

/** Why episodes are not counted: the keys of a municipality's `notCounted` (stable, English), each a message of the catalogue. */
const NOT_COUNTED: Record<number, string> = {
  [Counted.Excluded]: 'excluded by the measure', [Counted.NoAnchor]: 'no anchor event', [Counted.Ongoing]: 'not yet ended', [Counted.NoMonth]: 'no event to place it in a month',
};

/** A monthly diagnostic, its message rendered in the language from the catalogue (dsl/messages/monthly.ts for the details). */
export function monthsDiag(code: keyof typeof CODES, args: Params, extra: Partial<MonthsDiagnostic> = {}, lang: MsgLang = 'sv'): MonthsDiagnostic {
  return { severity: CODES[code].severity, code, message: render(code, args, lang), ...extra };
}

/** Parses the averages input: municipality → month → number. */
function readAverages(raw: unknown, out: MonthsDiagnostic[], lang: MsgLang): Map<string, Map<Month, number>> {
  const result = new Map<string, Map<Month, number>>();
  const invalid = (detail: ReturnType<typeof msg>, field?: string) => out.push(monthsDiag('AVT-M004', { detail }, field === undefined ? {} : { field }, lang));
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    invalid(msg('months.averages.notMap'));
    return result;
  }
  for (const [municipality, months] of Object.entries(raw as Record<string, unknown>)) {
    if (!months || typeof months !== 'object' || Array.isArray(months)) {
      invalid(msg('months.averages.municipalityNotMap', { municipality }), municipality);
      continue;
    }
    const m = new Map<Month, number>();
    for (const [key, value] of Object.entries(months as Record<string, unknown>)) {
      const month = parseMonth(key);
      if (month === undefined) invalid(msg('months.averages.notMonth', { municipality, key }), `${municipality}.${key}`);
      else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) invalid(msg('months.averages.notAverage', { municipality, key, value: JSON.stringify(value) ?? 'undefined' }), `${municipality}.${key}`);
      else m.set(month, value);
    }
    result.set(municipality, m);
  }
  return result;
}

/** The input's episodes, read once and counted by each measure as they are read: per measure, its groups; the input's errors. */
export interface EpisodeAggregates {
  groups: Map<CompiledMeasure, Map<string, MunicipalityGroup>>;
  errors: InputError[];
}

/**
 * Reads the episodes of `input` once, each into one reused case, and counts every episode by each of `measures`
 * (only the municipality `only`, when given): no case object is kept per episode. An input of averages has none.
 */
export function aggregateEpisodes(input: MonthsInput, measures: readonly CompiledMeasure[], only?: string, lang: MsgLang = 'sv'): EpisodeAggregates {
  const all = [...new Set(measures)].map((m) => new MeasureGroups(m, only));
  const errors: InputError[] = [];
  const visit: EpisodeVisitor = {
    episode: (_line, id, municipality, data) => {
      for (let i = 0; i < all.length; i++) all[i].add(id, municipality, data);
    },
    error: (e) => void errors.push(e),
    lang,
  };
  const reuse = emptyCase();
  if ('episodes' in input) {
    if (Array.isArray(input.episodes)) visitObjects(input.episodes, visit, reuse);
    else if ('format' in input && input.format === 'csv') visitCsv(input.episodes, visit, reuse);
    else visitJsonLines(input.episodes, visit, reuse);
  }
  return { groups: new Map(all.map((g) => [g.measure, g.finish()])), errors };
}

/** The measure a policy's ladder counts with (the ladder named, else its first); undefined without a ladder. */
export function ladderMeasure(compiled: CompiledPolicy, ladderName?: string): CompiledMeasure | undefined {
  const ladder = ladderName ? compiled.ladders.get(ladderName) : compiled.ladders.values().next().value;
  return ladder ? compiled.measures.get(ladder.decl.measure!.text) : undefined;
}

/**
 * Evaluates a policy's escalation ladder month by month for every municipality of the input.
 * `compiled` is one version of an agreement (choose it with PolicySet.select); the result carries every
 * problem of the input as a located diagnostic (line and field for episode files). `aggregates`: the input's
 * episodes already counted (aggregateEpisodes, with this measure and options.municipality), when the caller runs
 * several versions over one input; else they are read here.
 */
export function evaluateMonths(compiled: CompiledPolicy, input: MonthsInput, options: MonthsOptions = {}, aggregates?: EpisodeAggregates): MonthsResult {
  const diagnostics: MonthsDiagnostic[] = [];
  const lang = options.lang ?? 'sv';
  const diag = (code: keyof typeof CODES, args: Params, extra: Partial<MonthsDiagnostic> = {}) => monthsDiag(code, args, extra, lang);
  const h = compiled.header;
  const ladders = [...compiled.ladders.values()];
  const ladder = options.ladder ? compiled.ladders.get(options.ladder) : ladders[0];
  const base: MonthsResult = {
    ok: false, partial: false, agreement: h.id, version: h.version, versions: [], measure: null, ladder: null,
    input: 'averages' in input ? 'averages' : 'episodes', municipalities: [], citations: NO_CITATIONS, diagnostics,
  };
  if (!ladder) {
    diagnostics.push(diag('AVT-M005', { what: 'ladder', detail: options.ladder ? msg('months.noLadderNamed', { name: options.ladder }) : msg('months.noLadder', { agreement: h.id }) }));
    return base;
  }
  const measure = ladder.measure;
  base.ladder = ladder.decl.id.text;
  base.measure = measure.decl.id.text;
  if (options.explain !== false) base.citations = ladderCitations(compiled, ladder.decl);
  const range = { from: options.from ? parseMonth(options.from) : undefined, to: options.to ? parseMonth(options.to) : undefined };
  for (const [k, v] of [['from', options.from], ['to', options.to]] as const) {
    if (v !== undefined && parseMonth(v) === undefined) diagnostics.push(diag('AVT-M004', { detail: msg('months.range.notMonth', { option: `--${k}`, value: v }) }));
  }

  // 1. Monthly cells per municipality: given averages, or aggregated from episodes.
  const cells = new Map<string, Map<Month, MonthCell>>();
  const notCounted = new Map<string, Record<string, number>>();
  let lo = Infinity;
  let hi = -Infinity;
  if ('averages' in input) {
    for (const [municipality, months] of readAverages(input.averages, diagnostics, lang)) {
      const m = new Map<Month, MonthCell>();
      for (const [month, average] of months) {
        m.set(month, { average, sum: NaN, count: NaN, episodes: [] });
      }
      cells.set(municipality, m);
    }
  } else {
    const read = aggregates?.groups.has(measure) ? aggregates : aggregateEpisodes(input, [measure], options.municipality, lang);
    for (const e of read.errors) diagnostics.push({ severity: 'error', code: e.code, message: e.message, line: e.line, field: e.field });
    const groups = read.groups.get(measure)!;
    for (const [municipality, g] of groups) {
      cells.set(municipality, g.months);
      notCounted.set(municipality, Object.fromEntries(Object.entries(g.notCounted).map(([k, v]) => [NOT_COUNTED[Number(k)], v])));
      for (const [code, count] of Object.entries(g.notCounted)) {
        diagnostics.push(diag('AVT-M007', { count, municipality, reason: msg(`months.notCounted.${NOT_COUNTED[Number(code)]}` as 'months.notCounted.no anchor event') }, { municipality }));
      }
    }
    for (const m of cells.values()) for (const k of m.keys()) [lo, hi] = [Math.min(lo, k), Math.max(hi, k)];
  }

  // 2. Run the ladder per municipality over consecutive months.
  const municipalities = [...cells.keys()].filter((m) => !options.municipality || m === options.municipality).sort((a, b) => a.localeCompare(b, 'sv'));
  const missingYears = new Set<number>();
  const missingRates = new Set<number>();
  for (const municipality of municipalities) {
    const m = cells.get(municipality)!;
    const keys = [...m.keys()];
    const first = range.from ?? ('averages' in input ? Math.min(...keys) : lo);
    const last = range.to ?? ('averages' in input ? Math.max(...keys) : hi);
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      base.municipalities.push({ municipality, months: [], invoicedMonths: [], invoicedEpisodes: null, invoicedDays: null, invoicedAmount: null, notCounted: notCounted.get(municipality) ?? {}, undeterminedMonths: [] });
      continue;
    }
    const inputs: { month: Month; average: number | undefined }[] = [];
    for (let mo = first; mo <= last; mo++) {
      const cell = m.get(mo);
      let average: number | undefined = cell?.average;
      if (!cell) {
        if ('averages' in input) diagnostics.push(diag('AVT-M003', { municipality, month: monthText(mo) }, { municipality, month: monthText(mo) }));
        else average = measure.emptyMonth;
      }
      inputs.push({ month: mo, average });
    }
    const carried = options.carriedIn?.get(municipality);
    const step = carried ? ladder.steps.indexOf(carried.step) : -1;
    const rows = ladder.run(inputs, carried && step >= 0 ? { step, entered: carried.entered === null ? -Infinity : (parseMonth(carried.entered) ?? -Infinity), over: carried.over, under: carried.under } : undefined);
    // A year without a threshold: its months are undetermined for this municipality (named, one diagnostic per
    // municipality and year, from its first such month); other municipalities and other years are unaffected.
    const named = new Set<number>();
    for (const r of rows) if (r.undetermined && !named.has(r.threshold.year)) {
      named.add(r.threshold.year);
      missingYears.add(r.threshold.year);
      const p = ladder.decl.threshold!;
      const months = rows.filter((x) => x.undetermined && x.threshold.year === r.threshold.year).map((x) => monthText(x.month));
      diagnostics.push(diag('AVT-M001', { name: p.kind === 'parameter' ? p.name.text : '?', year: r.threshold.year, municipality, months: `${months[0]}${months.length > 1 ? ` … ${months[months.length - 1]}` : ''}` }, { municipality, month: months[0] }));
    }
    base.municipalities.push(buildMunicipality(compiled, ladder, municipality, rows, m, 'averages' in input, options.explain !== false, missingRates, diagnostics, notCounted.get(municipality) ?? {}, lang));
  }
  base.ok = !diagnostics.some((d) => d.severity === 'error');
  base.partial = base.municipalities.some((m) => m.undeterminedMonths.length > 0);
  const all = base.municipalities.flatMap((m) => m.months.map((x) => x.month)).sort();
  if (all.length > 0) base.versions = [{ version: base.version, from: all[0], to: all[all.length - 1] }];
  return base;
}

function buildMunicipality(
  compiled: CompiledPolicy, ladder: CompiledLadder, municipality: string, rows: LadderMonth[], cells: Map<Month, MonthCell>,
  averagesOnly: boolean, explain: boolean, missingRates: Set<number>, diagnostics: MonthsDiagnostic[], notCounted: Record<string, number>, lang: MsgLang,
): MunicipalityResult {
  const l = ladder.decl;
  // Why a month is invoiced: `invoicedBy` says it the stable way ('step NAME', 'transition FROM→TO in YYYY-MM'),
  // the explanation in the language.
  const invoicedBy = new Map<Month, { key: string; text: string }[]>();
  const add = (mo: Month, key: string, text: () => string) => invoicedBy.set(mo, [...(invoicedBy.get(mo) ?? []), { key, text: explain ? text() : '' }]);
  for (const r of rows) {
    const step = ladder.steps[r.stepAtStart];
    if (r.invoicedByStep) add(r.month, `step ${step}`, () => render('months.invoicedBy.step', { step }, lang));
    if (r.transition >= 0) {
      const t = l.transitions[r.transition];
      const month = monthText(r.month);
      for (const mo of r.invoiceMonths) add(mo, `transition ${t.from.text}→${t.to.text} in ${month}`, () => render('months.invoicedBy.transition', { from: t.from.text, to: t.to.text, month }, lang));
    }
  }
  const months: MonthResult[] = rows.map((r) => {
    const cell = cells.get(r.month);
    const t = r.transition >= 0 ? l.transitions[r.transition] : undefined;
    // An undetermined month is never invoiced, not even by a transition that invoices the months before it.
    const by = r.undetermined ? [] : invoicedBy.get(r.month) ?? [];
    const invoice = by.length > 0 ? invoiceOf(ladder, r.month, cell, averagesOnly, missingRates, diagnostics, lang) : null;
    return {
      month: monthText(r.month),
      average: r.average ?? null,
      episodes: averagesOnly ? null : cell ? cell.count : 0,
      days: averagesOnly ? null : cell ? cell.sum : 0,
      emptyMonth: !averagesOnly && !cell,
      undetermined: r.undetermined,
      version: compiled.header.version,
      threshold: r.threshold.ok ? r.threshold.value : null,
      comparison: r.comparison ?? null,
      stepAtStart: ladder.steps[r.stepAtStart],
      step: ladder.steps[r.step],
      transition: t ? { from: t.from.text, to: t.to.text } : null,
      actions: t ? t.actions.map((a) => ({ id: a.id.text, title: a.title?.value })) : [],
      invoiced: by.length > 0,
      invoicedBy: by.map((b) => b.key),
      invoice,
      explanation: explain ? explainMonth(ladder, r, t, by.map((b) => b.text), lang) : [],
    };
  });
  const invoicedMonths = months.filter((m) => m.invoiced);
  const sum = (f: (i: MonthInvoice) => number | null) => invoicedMonths.reduce<number | null>((acc, m) => (acc === null || !m.invoice || f(m.invoice) === null ? null : acc + f(m.invoice)!), 0);
  return {
    municipality, months, invoicedMonths: invoicedMonths.map((m) => m.month),
    invoicedEpisodes: averagesOnly ? null : sum((i) => i.episodes),
    invoicedDays: averagesOnly ? null : sum((i) => i.days),
    invoicedAmount: averagesOnly ? null : sum((i) => i.amount),
    notCounted,
    undeterminedMonths: months.filter((m) => m.undetermined).map((m) => m.month),
  };
}

/** What one invoiced month bills: the episodes over the ladder's day limit, their days from day N, at the year's rate. */
function invoiceOf(ladder: CompiledLadder, month: Month, cell: MonthCell | undefined, averagesOnly: boolean, missingRates: Set<number>, diagnostics: MonthsDiagnostic[], lang: MsgLang): MonthInvoice {
  const l = ladder.decl;
  const year = yearOfMonth(month);
  const rate = ladder.rate(year);
  if (averagesOnly) return { episodes: 0, days: 0, rate: rate ?? null, amount: null, episodeIds: [] };
  if (rate === undefined && l.rate && !missingRates.has(year)) {
    missingRates.add(year);
    diagnostics.push(monthsDiag('AVT-M006', { name: l.rate.text, year }, { month: monthText(month) }, lang));
  }
  const over = l.invoicedEpisodesOver?.value ?? 0;
  const fromDay = l.invoicedFromDay?.n ?? 1;
  let episodes = 0;
  let days = 0;
  const ids: string[] = [];
  for (const e of cell?.episodes ?? []) {
    if (!(e.totalDays > over)) continue;
    const lastNo = e.firstDayNo + e.days - 1;
    const billed = Math.max(0, lastNo - Math.max(e.firstDayNo, fromDay) + 1);
    if (billed === 0) continue;
    episodes++;
    days += billed;
    ids.push(e.id);
  }
  return { episodes, days, rate: rate ?? null, amount: rate === undefined ? null : days * rate, episodeIds: ids };
}

function citations(compiled: CompiledPolicy, cites: A.Citation[]): CitationOut[] {
  const file = compiled.header.source;
  return cites.map((c) => ({ file: c.file?.value ?? file, heading: c.heading.value, quote: c.quote?.value }));
}

// The rules a month's explanation steps name: the ladder, each of its transitions, and its invoicing.
const transitionRule = (l: A.Ladder, t: A.LadderTransition) => `${l.id.text}: ${t.from.text} → ${t.to.text}`;
const invoiceRule = (l: A.Ladder) => `${l.id.text}: invoice`;

const byLadder = new WeakMap<A.Ladder, Citations>();
/** The citations of every rule a ladder's explanation steps can name, made once per ladder. A transition without citations of its own has the ladder's. */
function ladderCitations(compiled: CompiledPolicy, l: A.Ladder): Citations {
  let c = byLadder.get(l);
  if (!c) {
    const rules: Record<string, CitationOut[]> = { [l.id.text]: citations(compiled, l.cites) };
    for (const t of l.transitions) rules[transitionRule(l, t)] = citations(compiled, t.cites.length ? t.cites : l.cites);
    rules[invoiceRule(l)] = citations(compiled, l.cites);
    c = Object.freeze(rules);
    byLadder.set(l, c);
  }
  return c;
}

/** A month's explanation steps: the average against the threshold, the transition taken, and why it is invoiced. */
function explainMonth(ladder: CompiledLadder, r: LadderMonth, t: A.LadderTransition | undefined, by: string[], lang: MsgLang): ExplanationStep[] {
  const l = ladder.decl;
  const month = monthText(r.month);
  const steps: ExplanationStep[] = [];
  const thr = r.threshold;
  steps.push({
    rule: l.id.text, title: l.title?.value,
    text: r.average === undefined ? render('months.explain.notMeasured', { month }, lang)
      : !thr.ok ? render('months.explain.noThreshold', { month, average: r.average, year: thr.year }, lang)
      : render('months.explain.compared', {
        month, average: round(r.average), comparison: r.comparison ?? null, threshold: thr.value,
        carriedFrom: thr.fromYear !== thr.year ? thr.fromYear : null, runOver: r.runOver, runUnder: r.runUnder, step: ladder.steps[r.stepAtStart],
      }, lang),
    interpretations: l.see.map((s) => s.text),
    values: { month, average: r.average ?? null, threshold: thr.ok ? thr.value : null, runOver: r.runOver, runUnder: r.runUnder },
  });
  if (t) {
    steps.push({
      rule: transitionRule(l, t),
      text: render('months.explain.transition', {
        run: t.when.run, side: t.when.side, from: t.from.text, to: t.to.text,
        actions: t.actions.map((a) => a.title?.value ?? a.id.text).join('; '), actionCount: t.actions.length,
        invoice: t.invoiceMonths ? r.invoiceMonths.map(monthText).join(',') : '',
      }, lang),
      interpretations: t.see.map((s) => s.text),
      values: { from: t.from.text, to: t.to.text },
    });
  }
  if (by.length) {
    steps.push({
      rule: invoiceRule(l),
      text: render('months.explain.invoiced', { month, by: by.join('; '), over: l.invoicedEpisodesOver?.value ?? '?', fromDay: l.invoicedFromDay?.n ?? '?', rate: l.rate?.text ?? '?' }, lang),
      interpretations: l.see.map((s) => s.text), values: { month },
    });
  }
  return steps;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export type { Episode };
