// Months under the version in force each month: the library entry point for a series of months of one
// agreement. A month is judged under the published version in force for the whole month; a month no version
// covers (before the first, after the last, or one in which a version ends) is outside the agreement: the law
// applies, which has no ladder, and nothing is invoiced. A change of version inside a series is shown, and the
// ladder starts again in the new version's first step. Browser-safe; never throws for a user's mistake.
import { msg, render, type MsgLang, type Param } from '../dsl/messages/render';
import { diagnostic, localize, NO_RANGE, type Diagnostic } from '../dsl/diagnostics';
import { dayToIso } from './calendar';
import { aggregateEpisodes, evaluateMonths, ladderMeasure, monthsDiag, type CarriedState, type MonthsInput, type MonthsOptions } from './monthly/evaluate-months';
import { daysOfMonth, monthText, parseMonth, type Month } from './calendar/months';
import type { MonthResult, MonthsDiagnostic, MonthsResult, MunicipalityResult } from './monthly/result';
import type { PolicySet, PolicyVersion } from './registry/policy-set';


/**
 * The published version with a ladder that judges the month: the one in force on every day of it; else, for a
 * month a version begins or ends in, the one in force on its last day when that version's ladder says so
 * (`a month partly in force: under the version in force on its last day`). None: the month is outside.
 */
function versionFor(versions: PolicyVersion[], month: Month, ladderName: string | undefined): PolicyVersion | undefined {
  const { first, last } = daysOfMonth(month);
  const from = dayToIso(first);
  const to = dayToIso(last);
  const whole = versions.find((v) => v.info.validFrom <= from && (v.info.validTo === null || v.info.validTo > to));
  if (whole) return whole;
  const atEnd = versions.find((v) => v.info.validFrom <= to && (v.info.validTo === null || v.info.validTo > to));
  const ladder = atEnd?.compiled && (ladderName ? atEnd.compiled.ladders.get(ladderName) : [...atEnd.compiled.ladders.values()][0]);
  return ladder?.rule.partialMonth === 'last-day' ? atEnd : undefined;
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
 * Two published versions (with a ladder) both in force on some day of the months `from`…`to`: no month there is
 * judged under either, as no date is (PolicySet.select refuses a date in an overlap, AVT-V001). The diagnostic
 * names the two; undefined when the months have at most one version each day.
 */
export function overlapIn(versions: readonly PolicyVersion[], agreement: string, from: Month, to: Month): Diagnostic | undefined {
  const first = dayToIso(daysOfMonth(from).first);
  const until = dayToIso(daysOfMonth(to).last + 1);
  for (let i = 0; i < versions.length; i++) {
    for (const b of versions.slice(i + 1)) {
      const a = versions[i].info;
      const end = [a.validTo, b.info.validTo].filter((d): d is string => d !== null).sort()[0] ?? null;
      const start = a.validFrom > b.info.validFrom ? a.validFrom : b.info.validFrom;
      if ((end === null || start < end) && start < until && (end === null || end > first)) {
        const [x, y] = a.validFrom <= b.info.validFrom ? [a, b.info] : [b.info, a];
        return diagnostic('AVT-V001', NO_RANGE, { a: x.version, b: y.version, agreement, from: y.validFrom, to: x.validTo === null ? msg('set.toOpen') : msg('set.to', { date: x.validTo }) });
      }
    }
  }
  return undefined;
}

/**
 * Runs an agreement's ladder over the months of the input, each month under the version in force for it.
 * `probe` is any compiled version with a ladder: it reads the input and finds its months.
 */
export function monthsInForce(set: PolicySet, agreement: string, input: MonthsInput, options: MonthsOptions = {}): MonthsResult | undefined {
  const versions = set.versionsOf(agreement).filter((v) => v.info.status === 'published' && (v.compiled?.ladders.size ?? 0) > 0);
  const probe = versions[versions.length - 1];
  if (!probe) return undefined;
  // The episodes are read once, and counted by the measure of every version that may judge a month.
  const measures = versions.map((v) => ladderMeasure(v.compiled!, options.ladder)).filter((m) => m !== undefined);
  const counted = 'episodes' in input ? aggregateEpisodes(input, measures, options.municipality, options.lang) : undefined;
  const run = (v: PolicyVersion, o: MonthsOptions) => evaluateMonths(v.compiled!, input, o, counted);
  const found = run(probe, { ...options, explain: false });
  if (!found.ok) return run(probe, options);
  const months = found.municipalities.flatMap((m) => m.months.map((x) => parseMonth(x.month)!));
  const lo = options.from !== undefined ? parseMonth(options.from) : Math.min(...months);
  const hi = options.to !== undefined ? parseMonth(options.to) : Math.max(...months);
  if (lo === undefined || hi === undefined || !Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) return run(probe, options);
  // Overlapping published versions are an error of the set, never a pick: the series is not judged.
  const overlap = overlapIn(versions, agreement, lo, hi);
  if (overlap) {
    const d = localize(overlap, options.lang ?? 'sv');
    return { ...found, ok: false, municipalities: [], versions: [], citations: {}, diagnostics: [{ severity: 'error', code: d.code, message: d.message }] };
  }

  // Consecutive months under one version (or none) form a segment.
  const segments: { from: Month; to: Month; version: PolicyVersion | undefined }[] = [];
  for (let mo = lo; mo <= hi; mo++) {
    const v = versionFor(versions, mo, options.ladder);
    const last = segments[segments.length - 1];
    if (last && last.version === v) last.to = mo;
    else segments.push({ from: mo, to: mo, version: v });
  }
  if (segments.length === 1 && segments[0].version) {
    const r = run(segments[0].version, options);
    return { ...r, versions: [{ version: segments[0].version.info.version, from: monthText(lo), to: monthText(hi) }] };
  }

  const diagnostics: MonthsDiagnostic[] = [];
  const lang = options.lang ?? 'sv';
  const byMunicipality = new Map<string, MunicipalityResult>();
  const given = new Map(found.municipalities.map((m) => [m.municipality, new Map(m.months.map((x) => [x.month, x]))]));
  let first: MonthsResult | undefined;
  let previous: Param | undefined;
  let outsideBefore = false; // the months just before were outside every version
  for (const seg of segments) {
    const from = monthText(seg.from);
    const to = monthText(seg.to);
    let part: MunicipalityResult[];
    if (seg.version) {
      const compiled = seg.version.compiled!;
      // How the series passes into this version is the version's own ladder's decision (`at a change of version`).
      const ladder = options.ladder ? compiled.ladders.get(options.ladder) : [...compiled.ladders.values()][0];
      const keep = previous !== undefined && !outsideBefore && ladder?.rule.versionChange === 'keep-step';
      const carriedIn = keep ? carriedFrom(byMunicipality) : undefined;
      const r = run(seg.version, { ...options, from, to, ...(carriedIn ? { carriedIn } : {}) });
      first ??= r;
      for (const d of r.diagnostics) if (!diagnostics.some((x) => x.code === d.code && x.message === d.message)) diagnostics.push(d);
      if (previous !== undefined && !outsideBefore) {
        const args = { month: from, version: seg.version.info.version, agreement, previous };
        diagnostics.push(monthsDiag(keep ? 'AVT-M010' : ladder?.rule.versionChange === 'start-again' ? 'AVT-M009' : 'AVT-M013', args, { month: from }, lang));
        for (const [municipality, c] of carriedIn ?? []) {
          if (!ladder?.steps.includes(c.step)) diagnostics.push(monthsDiag('AVT-M011', { ...args, municipality, step: c.step }, { municipality, month: from }, lang));
        }
      } else if (previous !== undefined) diagnostics.push(monthsDiag('AVT-M012', { month: from, version: seg.version.info.version, agreement }, { month: from }, lang));
      part = r.municipalities;
      previous = seg.version.info.version;
      outsideBefore = false;
    } else {
      diagnostics.push(monthsDiag('AVT-M008', { from, to, agreement, detail: partly(set.versionsOf(agreement).filter((v) => v.info.status === 'published'), seg.from) }, { month: from }, lang));
      part = [...given.keys()].map((municipality) => outside(municipality, seg.from, seg.to, given.get(municipality)!, options.explain !== false, lang));
      previous = msg('months.noVersion');
      outsideBefore = true;
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

/**
 * Where each municipality stands after the months so far (for `keep the step`): the step of its last month, the
 * month it entered that step, and its runs of months in a row over and at or under, read off the months' results.
 */
function carriedFrom(byMunicipality: ReadonlyMap<string, MunicipalityResult>): Map<string, CarriedState> {
  const out = new Map<string, CarriedState>();
  for (const [municipality, m] of byMunicipality) {
    const last = m.months[m.months.length - 1];
    if (!last || last.step === '') continue;
    let entered: string | null = null;
    for (let i = m.months.length - 1; i >= 0; i--) {
      if (m.months[i].transition) {
        entered = m.months[i].month;
        break;
      }
    }
    const run = (side: 'over' | 'at-or-under') => {
      let n = 0;
      for (let i = m.months.length - 1; i >= 0 && m.months[i].comparison === side; i--) n++;
      return n;
    };
    out.set(municipality, { step: last.step, entered, over: run('over'), under: run('at-or-under') });
  }
  return out;
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
