// Months under the version in force each month: the library entry point for a series of months of one
// agreement. A month is judged under the published version in force for the whole month; a month no version
// covers (before the first, after the last, or one in which a version ends) is outside the agreement: the law
// applies, which has no ladder, and nothing is invoiced. A change of version inside a series is shown, and the
// ladder starts again in the new version's first step. Browser-safe; never throws for a user's mistake.
import { msg, render, type MsgLang, type Param } from '../dsl/messages/render';
import { dayToIso } from './calendar';
import { evaluateMonths, monthsDiag, type MonthsInput, type MonthsOptions } from './monthly/evaluate-months';
import { daysOfMonth, monthText, parseMonth, type Month } from './calendar/months';
import type { MonthResult, MonthsDiagnostic, MonthsResult, MunicipalityResult } from './monthly/result';
import type { PolicySet, PolicyVersion } from './registry/policy-set';


/** The published version with a ladder in force on every day of the month, if any. */
function versionFor(versions: PolicyVersion[], month: Month): PolicyVersion | undefined {
  const { first, last } = daysOfMonth(month);
  const from = dayToIso(first);
  const to = dayToIso(last);
  return versions.find((v) => v.info.validFrom <= from && (v.info.validTo === null || v.info.validTo > to));
}

/** Why a month is outside: a version that ends or begins inside it, if one does. */
function partly(versions: PolicyVersion[], month: Month): Param {
  const { first, last } = daysOfMonth(month);
  const from = dayToIso(first);
  const to = dayToIso(last);
  const v = versions.find((x) => x.info.validFrom <= to && (x.info.validTo === null || x.info.validTo > from));
  if (!v) return '';
  return v.info.validTo !== null && v.info.validTo <= to ? msg('months.versionEnds', { version: v.info.version, date: v.info.validTo }) : msg('months.versionBegins', { version: v.info.version, date: v.info.validFrom });
}

/**
 * Runs an agreement's ladder over the months of the input, each month under the version in force for it.
 * `probe` is any compiled version with a ladder: it reads the input and finds its months.
 */
export function monthsInForce(set: PolicySet, agreement: string, input: MonthsInput, options: MonthsOptions = {}): MonthsResult | undefined {
  const versions = set.versionsOf(agreement).filter((v) => v.info.status === 'published' && (v.compiled?.ladders.size ?? 0) > 0);
  const probe = versions[versions.length - 1];
  if (!probe) return undefined;
  const found = evaluateMonths(probe.compiled!, input, { ...options, explain: false });
  if (!found.ok) return evaluateMonths(probe.compiled!, input, options);
  const months = found.municipalities.flatMap((m) => m.months.map((x) => parseMonth(x.month)!));
  const lo = options.from !== undefined ? parseMonth(options.from) : Math.min(...months);
  const hi = options.to !== undefined ? parseMonth(options.to) : Math.max(...months);
  if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) return evaluateMonths(probe.compiled!, input, options);

  // Consecutive months under one version (or none) form a segment.
  const segments: { from: Month; to: Month; version: PolicyVersion | undefined }[] = [];
  for (let mo = lo; mo <= hi; mo++) {
    const v = versionFor(versions, mo);
    const last = segments[segments.length - 1];
    if (last && last.version === v) last.to = mo;
    else segments.push({ from: mo, to: mo, version: v });
  }
  if (segments.length === 1 && segments[0].version) {
    const r = evaluateMonths(segments[0].version.compiled!, input, options);
    return { ...r, versions: [{ version: segments[0].version.info.version, from: monthText(lo), to: monthText(hi) }] };
  }

  const diagnostics: MonthsDiagnostic[] = [];
  const lang = options.lang ?? 'sv';
  const byMunicipality = new Map<string, MunicipalityResult>();
  const given = new Map(found.municipalities.map((m) => [m.municipality, new Map(m.months.map((x) => [x.month, x]))]));
  let first: MonthsResult | undefined;
  let previous: Param | undefined;
  for (const seg of segments) {
    const from = monthText(seg.from);
    const to = monthText(seg.to);
    let part: MunicipalityResult[];
    if (seg.version) {
      const r = evaluateMonths(seg.version.compiled!, input, { ...options, from, to });
      first ??= r;
      for (const d of r.diagnostics) if (!diagnostics.some((x) => x.code === d.code && x.message === d.message)) diagnostics.push(d);
      if (previous !== undefined) diagnostics.push(monthsDiag('AVT-M009', { month: from, version: seg.version.info.version, agreement, previous }, { month: from }, lang));
      part = r.municipalities;
      previous = seg.version.info.version;
    } else {
      diagnostics.push(monthsDiag('AVT-M008', { from, to, agreement, detail: partly(set.versionsOf(agreement).filter((v) => v.info.status === 'published'), seg.from) }, { month: from }, lang));
      part = [...given.keys()].map((municipality) => outside(municipality, seg.from, seg.to, given.get(municipality)!, options.explain !== false, lang));
      previous = msg('months.noVersion');
    }
    for (const m of part) {
      const into = byMunicipality.get(m.municipality);
      if (!into) byMunicipality.set(m.municipality, { ...m, months: [...m.months], invoicedMonths: [...m.invoicedMonths], undeterminedMonths: [...m.undeterminedMonths] });
      else {
        into.months.push(...m.months);
        into.invoicedMonths.push(...m.invoicedMonths);
        into.undeterminedMonths.push(...m.undeterminedMonths);
        const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
        into.invoicedEpisodes = add(into.invoicedEpisodes, m.invoicedEpisodes);
        into.invoicedDays = add(into.invoicedDays, m.invoicedDays);
        into.invoicedAmount = add(into.invoicedAmount, m.invoicedAmount);
      }
    }
  }
  const base = first ?? found;
  const municipalities = [...byMunicipality.values()].sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv'));
  return {
    ...base,
    ok: !diagnostics.some((d) => d.severity === 'error'),
    partial: municipalities.some((m) => m.undeterminedMonths.length > 0),
    version: segments.find((s) => s.version)?.version?.info.version ?? base.version,
    versions: segments.map((s) => ({ version: s.version?.info.version ?? null, from: monthText(s.from), to: monthText(s.to) })),
    municipalities,
    diagnostics,
  };
}

/** The months of a municipality outside every version: shown with their average, never compared or invoiced. */
function outside(municipality: string, from: Month, to: Month, given: Map<string, MonthResult>, explain: boolean, lang: MsgLang): MunicipalityResult {
  const months: MonthResult[] = [];
  for (let mo = from; mo <= to; mo++) {
    const month = monthText(mo);
    const g = given.get(month);
    months.push({
      month, average: g?.average ?? null, episodes: g?.episodes ?? null, days: g?.days ?? null, emptyMonth: g?.emptyMonth ?? false,
      undetermined: false, version: null, threshold: null, comparison: null, stepAtStart: '', step: '', transition: null, actions: [],
      invoiced: false, invoicedBy: [], invoice: null,
      explanation: explain ? [{ rule: '', text: render('months.explain.outside', { month }, lang), interpretations: [], values: { month } }] : [],
    });
  }
  return { municipality, months, invoicedMonths: [], invoicedEpisodes: 0, invoicedDays: 0, invoicedAmount: 0, notCounted: {}, undeterminedMonths: [] };
}
