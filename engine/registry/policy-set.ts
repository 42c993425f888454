// A set of policy files: every version of every agreement, analysed and compiled once, and the
// rules for choosing the version in force on a date (half-open validity [from, to)).
import { analyze, type Analysis, type ParseResult, type SourceLibrary } from '../../dsl';
import { diagnostic, NO_RANGE, type Diagnostic } from '../../dsl/diagnostics';
import { compile, type CompiledPolicy } from '../compiler/compile';
import type { VersionInfo } from '../evaluator/result';
import { msg, render, type Param, type Params } from '../../dsl/messages/render';

export interface PolicySource {
  file: string; // path relative to the policies folder, e.g. varmland/2019-01-01.avtal
  text: string;
  hash: string; // content hash of the text
}

export interface PolicyVersion {
  source: PolicySource;
  analysis: Analysis;
  compiled?: CompiledPolicy; // absent when the file has errors
  info: VersionInfo;
}

export type Selection =
  | { ok: true; version: PolicyVersion; viaFallback?: { from: string; reason: string; args: Params } }
  | { ok: false; error: Diagnostic };

const END_OF_TIME = '9999-12-31';

function infoOf(v: Analysis, s: PolicySource): VersionInfo {
  const h = v.ast.header;
  const to = h?.validTo;
  return {
    agreement: h?.id.text ?? s.file,
    title: h?.title?.value,
    county: h?.county?.text,
    version: h?.version?.value ?? '?',
    status: h?.status ?? 'draft',
    validFrom: h?.validFrom?.iso ?? END_OF_TIME,
    validTo: !to || to === 'until-further-notice' ? null : to.iso,
    hash: s.hash,
    file: s.file,
    source: h?.source?.value,
  };
}

/**
 * Binds a compiled agreement's payment rules by the conditions of a law's payment rules (`subject to`): false when
 * the law has no payment rule. The policy set links every version it holds; the editor links the text it edits.
 */
export function linkLaw(compiled: CompiledPolicy, law: PolicyVersion): boolean {
  const from = { agreement: law.info.agreement, version: law.info.version, source: law.info.source };
  const conditions = law.compiled?.payments.map((p) => ({ ...p.conditions, from })) ?? [];
  if (conditions.length === 0) return false;
  for (const p of compiled.payments) p.law.splice(0, p.law.length, ...conditions);
  return true;
}

const inForce = (i: VersionInfo, date: string) => i.validFrom <= date && (i.validTo === null || date < i.validTo);

export class PolicySet {
  readonly versions: PolicyVersion[] = [];
  /** Problems of the set as a whole: overlaps, gaps, unknown fallbacks, duplicate versions. */
  readonly diagnostics: { file: string; diagnostic: Diagnostic }[] = [];

  /** The source texts the policies' citations were checked against, when the set was given them. */
  readonly library?: SourceLibrary;

  /**
   * `library`: the source texts to check citations against. `parsed`: a file's parse result when the caller has it
   * already (the build's cache of the bundled policies, by content hash), else undefined and the text is parsed.
   */
  constructor(sources: PolicySource[], options: { library?: SourceLibrary; parsed?: (source: PolicySource) => ParseResult | undefined } = {}) {
    this.library = options.library;
    for (const s of sources) {
      const analysis = analyze(s.text, { sources: options.library, parsed: options.parsed?.(s) });
      const compiled = analysis.program ? compile(analysis.program) : undefined;
      this.versions.push({ source: s, analysis, compiled, info: infoOf(analysis, s) });
    }
    this.checkSet();
    this.linkLaws();
  }

  /**
   * `subject to LAW`: the conditions of the law's payment rules bind every payment rule of the agreement. The
   * law's published version in force on the agreement version's first day is linked; a law that does not
   * exist, has no payment rule, or has no version in force then is an error of the set. An agreement that
   * regulates payment for a county without naming the law it is made under is an error too: no agreement
   * can drop the law's conditions.
   */
  private linkLaws(): void {
    // A law: an agreement for no county whose rules regulate payment (the national law).
    const laws = this.versions.filter((v) => !v.analysis.ast.header?.county && (v.compiled?.payments.length ?? 0) > 0);
    for (const v of this.versions) {
      const h = v.analysis.ast.header;
      const regulates = !!v.compiled && (v.compiled.payments.length > 0 || v.compiled.ladders.size > 0);
      if (!h?.subjectTo) {
        if (h?.county && regulates && laws.length > 0) this.diagnostics.push({ file: v.source.file, diagnostic: diagnostic('AVT-V009', h.id.range, { agreement: h.id.text, county: h.county.text }) });
        continue;
      }
      const name = h.subjectTo.text;
      const fail = (detail: Param) => this.diagnostics.push({ file: v.source.file, diagnostic: diagnostic('AVT-V008', h.subjectTo!.range, { name, detail }) });
      if (!this.has(name)) { fail(msg('set.law.unknown', { name })); continue; }
      if (name === v.info.agreement) { fail(msg('set.law.self')); continue; }
      const law = this.publishedOf(name).find((x) => inForce(x.info, v.info.validFrom));
      if (!law) { fail(msg('set.law.noVersion', { name, date: v.info.validFrom, version: v.info.version })); continue; }
      if (law.analysis.ast.header?.subjectTo) { fail(msg('set.law.nested', { name, law: law.analysis.ast.header.subjectTo.text })); continue; }
      if (!v.compiled || !linkLaw(v.compiled, law)) fail(msg('set.law.noPayment', { name, version: law.info.version }));
    }
  }

  // The set does not change after construction: every evaluation asks these, so they are computed once
  // (and copied out, so a caller may sort or push without touching the cache).
  private agreementList?: string[];
  private agreementNames?: ReadonlySet<string>;
  private byAgreement = new Map<string, PolicyVersion[]>();
  private publishedBy = new Map<string, readonly PolicyVersion[]>();
  private byCounty = new Map<string, { ok: true; agreement: string }>();
  /**
   * agreementFor's answers for a named agreement (the county list is not rebuilt per case): by agreement and county
   * for an agreement of counties (only its own counties are kept: a bounded table), by agreement alone for a
   * county-independent one (it answers any county, whatever a case writes there).
   */
  private named = new Map<string, Map<string, { ok: true; agreement: string }>>();
  private everywhere = new Map<string, { ok: true; agreement: string }>();
  /** select's answer for a version in force, one per version (made once, not per call). */
  private chosen = new Map<PolicyVersion, Selection>();

  agreements(): string[] {
    return this.agreementsInOrder().slice();
  }

  /** Whether the set has an agreement of this id. */
  has(agreement: string): boolean {
    this.agreementNames ??= new Set(this.agreementsInOrder());
    return this.agreementNames.has(agreement);
  }

  versionsOf(agreement: string): PolicyVersion[] {
    return this.listOf(agreement).slice();
  }

  private agreementsInOrder(): readonly string[] {
    return (this.agreementList ??= [...new Set(this.versions.map((v) => v.info.agreement))].sort());
  }

  /** The agreement's versions by validity, the set's own array: not for callers to change. */
  private listOf(agreement: string): readonly PolicyVersion[] {
    let list = this.byAgreement.get(agreement);
    if (!list) {
      list = this.versions.filter((v) => v.info.agreement === agreement).sort((a, b) => a.info.validFrom.localeCompare(b.info.validFrom));
      if (this.versions.length > 0) this.byAgreement.set(agreement, list);
    }
    return list;
  }

  private publishedOf(agreement: string): readonly PolicyVersion[] {
    let list = this.publishedBy.get(agreement);
    if (!list) {
      list = this.listOf(agreement).filter((v) => v.info.status === 'published');
      this.publishedBy.set(agreement, list);
    }
    return list;
  }

  counties(): string[] {
    return [...new Set(this.agreementsInOrder().flatMap((a) => this.countiesOf(a)))].sort();
  }

  /**
   * The counties an agreement serves: those its published versions declare. A draft cannot move an agreement
   * to another county (or add one): only an agreement with no published version takes its drafts' county.
   */
  countiesOf(agreement: string): string[] {
    const published = this.publishedOf(agreement);
    const from = published.length > 0 ? published : this.listOf(agreement);
    return [...new Set(from.map((v) => v.info.county).filter((c): c is string => !!c))];
  }

  private checkSet(): void {
    for (const agreement of this.agreements()) {
      const published = this.versionsOf(agreement).filter((v) => v.info.status === 'published');
      const seen = new Map<string, PolicyVersion>();
      for (const v of this.versionsOf(agreement)) {
        const other = seen.get(v.info.version);
        if (other) this.diagnostics.push({ file: v.source.file, diagnostic: diagnostic('AVT-V005', v.analysis.ast.header?.version?.range ?? NO_RANGE, { version: v.info.version, agreement }) });
        seen.set(v.info.version, v);
      }
      for (let i = 0; i + 1 < published.length; i++) {
        const a = published[i].info;
        const b = published[i + 1].info;
        const range = published[i + 1].analysis.ast.header?.validFrom?.range ?? NO_RANGE;
        if (a.validTo === null || a.validTo > b.validFrom) {
          this.diagnostics.push({ file: published[i + 1].source.file, diagnostic: diagnostic('AVT-V001', range, { a: a.version, b: b.version, agreement, from: b.validFrom, to: a.validTo === null ? msg('set.toOpen') : msg('set.to', { date: a.validTo }) }) });
        } else if (a.validTo < b.validFrom && !published[i].analysis.ast.header?.fallback) {
          this.diagnostics.push({ file: published[i + 1].source.file, diagnostic: diagnostic('AVT-V004', range, { a: a.version, b: b.version, agreement, from: a.validTo, to: b.validFrom }) });
        }
      }
      // A version that follows a published one with a ladder says what the series of months does at the change.
      for (const v of this.versionsOf(agreement)) {
        const before = published.filter((p) => p !== v && (p.compiled?.ladders.size ?? 0) > 0 && p.info.validFrom < v.info.validFrom).pop();
        if (!before || !v.compiled) continue;
        for (const l of v.compiled.ladders.values()) {
          if (l.rule.versionChange) continue;
          this.diagnostics.push({ file: v.source.file, diagnostic: diagnostic('AVT-V015', l.decl.id.range, { version: v.info.version, agreement, previous: before.info.version, ladder: l.decl.id.text }) });
        }
      }
      for (const v of this.versionsOf(agreement)) {
        const fb = v.analysis.ast.header?.fallback;
        if (fb && !this.agreements().includes(fb.text)) this.diagnostics.push({ file: v.source.file, diagnostic: diagnostic('AVT-V002', fb.range, { name: fb.text }) });
      }
    }
  }

  /** The county a case gives to reach the county-independent agreements (the national law). */
  static readonly NATIONAL = 'national';

  /** The county an agreement's versions name; undefined for a county-independent agreement (the law). */
  countyOf(agreement: string): string | undefined {
    return this.countiesOf(agreement)[0];
  }

  /**
   * The agreement a case names — one of its county's, or a county-independent one (the law applies in every
   * county); else the county's only agreement, or the one whose id is the county's name. The county
   * `national` stands for the county-independent agreements.
   */
  agreementFor(county: string, agreement?: string): { ok: true; agreement: string } | { ok: false; error: Diagnostic } {
    if (agreement) {
      const known = this.everywhere.get(agreement) ?? this.named.get(agreement)?.get(county);
      if (known !== undefined) return known;
      if (!this.has(agreement)) return { ok: false, error: diagnostic('AVT-E011', NO_RANGE, { agreement, known: this.agreements().join(', ') }) };
      const home = this.countyOf(agreement);
      if (home !== undefined && !this.countiesOf(agreement).includes(county)) return { ok: false, error: diagnostic('AVT-E015', NO_RANGE, { agreement, home, county }) };
      const answer = { ok: true as const, agreement };
      if (home === undefined) this.everywhere.set(agreement, answer);
      else {
        let byCounty = this.named.get(agreement);
        if (!byCounty) this.named.set(agreement, (byCounty = new Map()));
        byCounty.set(county, answer);
      }
      return answer;
    }
    const known = this.byCounty.get(county);
    if (known !== undefined) return known;
    const serving = this.agreements().filter((a) => (county === PolicySet.NATIONAL ? this.countiesOf(a).length === 0 : this.countiesOf(a).includes(county)));
    // An agreement with drafts only (a proposal put in the folder) is reached by naming it: it cannot take a
    // county's cases from, or make ambiguous, the agreements in force there.
    const inCounty = serving.some((a) => this.publishedOf(a).length > 0) ? serving.filter((a) => this.publishedOf(a).length > 0) : serving;
    if (inCounty.length === 0) {
      const national = this.agreementsInOrder().some((a) => this.countyOf(a) === undefined) ? [PolicySet.NATIONAL] : [];
      return { ok: false, error: diagnostic('AVT-E003', NO_RANGE, { county, known: [...this.counties(), ...national].join(', ') }) };
    }
    // One agreement in the county, or the one named like the county (its main agreement; others, such
    // as Kronoberg's home-care agreement, are reached by naming them in the case).
    const pick = inCounty.length === 1 ? inCounty : inCounty.filter((a) => a === county);
    if (pick.length !== 1) return { ok: false, error: diagnostic('AVT-E009', NO_RANGE, { county, agreements: inCounty.join(', ') }) };
    const answer = { ok: true as const, agreement: pick[0] };
    this.byCounty.set(county, answer);
    return answer;
  }

  /**
   * The agreements with a monthly ladder a county's months are judged under: those serving the county
   * (countiesOf: a draft cannot move an agreement) with a ladder, and of these only the ones with a published
   * ladder when there are any (as agreementFor: an agreement with drafts only is reached by naming it).
   */
  ladderAgreements(county: string): string[] {
    const hasLadder = (v: PolicyVersion) => (v.compiled?.ladders.size ?? 0) > 0;
    const serving = this.agreements().filter((a) => this.countiesOf(a).includes(county) && this.listOf(a).some(hasLadder));
    const published = serving.filter((a) => this.publishedOf(a).some(hasLadder));
    return published.length > 0 ? published : serving;
  }

  /**
   * The version of an agreement in force on a date. Drafts are chosen only by their version label.
   * With no version in force, the fallback agreement named by the nearest version is tried.
   */
  select(agreement: string, date: string, options: { version?: string } = {}, visited?: ReadonlySet<string>): Selection {
    const all = this.listOf(agreement);
    if (all.length === 0) return { ok: false, error: diagnostic('AVT-E011', NO_RANGE, { agreement, known: this.agreements().join(', ') }) };
    if (options.version) {
      const named = all.filter((x) => x.info.version === options.version);
      // Two files declaring one label: neither is chosen (AVT-V005), as for overlapping versions below.
      if (named.length > 1) return { ok: false, error: diagnostic('AVT-V005', NO_RANGE, { version: options.version, agreement }) };
      const v = named[0];
      return v ? this.usable(v) : { ok: false, error: diagnostic('AVT-E004', NO_RANGE, { agreement, date: msg('nearest.versionDate', { version: options.version }), nearest: msg('nearest.versions', { list: all.map((x) => x.info.version).join(', ') }) }) };
    }
    const published = this.publishedOf(agreement);
    // The common answer, one version in force, without a list made per call.
    let only: PolicyVersion | undefined;
    let count = 0;
    for (let i = 0; i < published.length; i++) if (inForce(published[i].info, date)) (only = published[i]), count++;
    if (count === 1) return this.usable(only!);
    const now = published.filter((v) => inForce(v.info, date));
    // Overlapping published versions are an error of the set, not a choice: a date in the overlap has no version.
    if (now.length > 1) {
      const [a, b] = now;
      return { ok: false, error: diagnostic('AVT-V001', NO_RANGE, { a: a.info.version, b: b.info.version, agreement, from: b.info.validFrom, to: a.info.validTo === null ? msg('set.toOpen') : msg('set.to', { date: a.info.validTo }) }) };
    }
    if (now.length === 1) return this.usable(now[0]);
    const before = [...published].reverse().find((v) => v.info.validFrom <= date);
    const after = published.find((v) => v.info.validFrom > date);
    const nearest = before ?? after;
    const fallback = nearest?.analysis.ast.header?.fallback?.text;
    // `visited` ends a cycle of fallbacks (A names B, B names A) with the plain "no version" error.
    if (fallback && fallback !== agreement && !visited?.has(fallback) && this.has(fallback)) {
      const fb = this.select(fallback, date, {}, new Set([...(visited ?? []), agreement]));
      if (fb.ok) {
        const args = { agreement, date, nearest: nearest!.info.version, fallback };
        return { ...fb, viaFallback: { from: agreement, reason: render('fallback.version', args, 'sv'), args } };
      }
    }
    const b = before && msg(before.info.validTo ? 'nearest.before' : 'nearest.beforeOpen', { version: before.info.version, from: before.info.validFrom, to: before.info.validTo });
    const a = after && msg('nearest.after', { version: after.info.version, from: after.info.validFrom });
    return { ok: false, error: diagnostic('AVT-E004', NO_RANGE, { agreement, date, nearest: b && a ? msg('nearest.both', { a: b, b: a }) : b || a ? msg('nearest.one', { a: b || a }) : '' }) };
  }

  private usable(v: PolicyVersion): Selection {
    if (v.compiled) {
      let selection = this.chosen.get(v);
      if (!selection) this.chosen.set(v, (selection = { ok: true, version: v }));
      return selection;
    }
    const first = v.analysis.diagnostics.find((d) => d.severity === 'error');
    return { ok: false, error: diagnostic('AVT-E012', first?.range ?? NO_RANGE, { file: v.source.file, detail: first ? `${first.code} ${first.message}` : msg('set.file.noHeader') }) };
  }
}
