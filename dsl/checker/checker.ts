// The checker: names, types, units, validity and provenance of a parsed policy.
// It reads the AST only and returns diagnostics; it never throws for a user's mistake.
import type * as A from '../ast/ast';
import { diagnostic, hasErrors, type Diagnostic, type Range } from '../diagnostics';
import { msg, type Param } from '../messages/render';
import { languageOf } from '../builtins/keywords';
import { lookupEnumValue, lookupVocabulary } from '../builtins/vocabulary';
import { lookupFunction } from '../builtins/functions';
import { Symbols } from './symbols';
import { TypeChecker } from './types';
import { checkEscalation, checkTimingDeadline, isTimingDeadline, type TimingCheckContext } from './recurrence';
import { checkLadder, checkMeasure, checkMonthlyExample, checkNoMonthlyParts, type MonthlyCheckContext } from './monthly';
import { checkUnencoded } from './unencoded';
import { buildProgram, type Program } from './program';

export interface CheckResult {
  diagnostics: Diagnostic[];
  symbols: Symbols;
  /** What the checker proved, kept for the compiler: only when there are no errors. */
  program?: Program;
}

const KIND_WORD: Record<A.Declaration['kind'], string> = {
  Interpretation: 'interpretation', Cutoff: 'cutoff', Deadline: 'deadline', Payment: 'payment', Parameter: 'parameter', Example: 'example',
  Measure: 'measure', Ladder: 'ladder', Escalation: 'escalation', Computed: 'computed date', Unencoded: 'unencoded passage',
};

export function check(policy: A.Policy): CheckResult {
  const out: Diagnostic[] = [];
  const symbols = new Symbols(policy);
  const types = new TypeChecker(symbols, out);
  const used = new Set<string>();
  const monthly: MonthlyCheckContext = {
    types, symbols, out,
    requireCitation: (d) => requireCitation(d, out),
    checkSee: (names) => checkSee(names, symbols, out, used),
    checkEvent: (n) => checkEvent(n, symbols, out),
    hint: (n) => hintFor(n, symbols),
    kindWord: (s) => (!s ? '?' : s.kind === 'declaration' ? KIND_WORD[s.decl.kind] : s.entry.kind),
  };

  const timing: TimingCheckContext = {
    types, out,
    requireCitation: (d) => requireCitation(d, out),
    checkSee: (names) => checkSee(names, symbols, out, used),
    checkEvent: (n) => checkEvent(n, symbols, out),
  };

  checkLanguage(policy, out);
  checkDuplicates(policy, out);
  if (policy.header) checkHeader(policy.header, out, symbols, used);

  for (const d of policy.declarations) {
    switch (d.kind) {
      case 'Interpretation':
        requireCitation(d, out);
        if (!d.decision) out.push(diagnostic('AVT-C023', d.id.range, { kind: 'interpretation', clause: 'a decision: the reading chosen and why' }));
        break;
      case 'Cutoff':
        requireCitation(d, out);
        checkTime(d.time, out);
        checkTime(d.boundary, out);
        if (d.time.minutes !== d.boundary.minutes) out.push(diagnostic('AVT-C014', d.boundary.range, { time: d.time.text, boundary: d.boundary.text }));
        checkSee(d.see, symbols, out, used);
        break;
      case 'Deadline':
        if (isTimingDeadline(d)) {
          requireCitation(d, out);
          checkSee(d.see, symbols, out, used);
          if (d.when) types.condition(d.when);
          checkTimingDeadline(d, timing);
        } else checkDeadline(d, types, symbols, out, used);
        break;
      case 'Payment':
        checkPayment(d, types, symbols, out, used);
        break;
      case 'Parameter':
        checkParameter(d, types, out);
        break;
      case 'Example':
        checkExample(d, symbols, out, monthly);
        break;
      case 'Measure':
        checkMeasure(d, monthly);
        break;
      case 'Ladder':
        checkLadder(d, monthly, policy.header);
        break;
      case 'Escalation':
        checkEscalation(d, timing);
        break;
      case 'Computed':
        checkComputed(d, types, symbols, out, used);
        break;
      case 'Unencoded':
        checkUnencoded(d, out);
        break;
    }
  }

  for (const d of policy.declarations) {
    if (d.kind === 'Interpretation' && !used.has(d.id.text)) out.push(diagnostic('AVT-C027', d.id.range, { name: d.id.text }));
  }
  return hasErrors(out) || !policy.header ? { diagnostics: out, symbols } : { diagnostics: out, symbols, program: buildProgram(policy) };
}

function checkLanguage(policy: A.Policy, out: Diagnostic[]): void {
  for (const k of policy.keywords) {
    const l = languageOf(k.name, k.image);
    if (l !== 'both' && l !== policy.lang) {
      out.push(diagnostic('AVT-C022', k.range, {
        lang: policy.lang === 'sv' ? 'Swedish' : 'English', word: `'${k.image}'`, other: l === 'sv' ? 'Swedish' : 'English',
      }));
    }
  }
}

function checkDuplicates(policy: A.Policy, out: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const d of policy.declarations) {
    if (seen.has(d.id.text)) out.push(diagnostic('AVT-C001', d.id.range, { name: d.id.text }));
    else if (lookupVocabulary(d.id.text) || lookupFunction(d.id.text)) out.push(diagnostic('AVT-C034', d.id.range, { name: d.id.text }));
    seen.add(d.id.text);
  }
}

function checkHeader(h: A.Header, out: Diagnostic[], symbols: Symbols, used: Set<string>): void {
  if (!h.version) out.push(diagnostic('AVT-C023', h.id.range, { kind: 'agreement', clause: 'a version: `version "…" published|draft`' }));
  else if (!h.status) out.push(diagnostic('AVT-C028', h.version.range));
  if (!h.validFrom) out.push(diagnostic('AVT-C023', h.id.range, { kind: 'agreement', clause: 'a validity: `valid from DATE to DATE` or `valid from DATE until further notice`' }));
  if (!h.source) out.push(diagnostic('AVT-C023', h.id.range, { kind: 'agreement', clause: 'a source: the file of the agreement it encodes' }));
  if (h.validFrom) checkDate(h.validFrom.iso, h.validFrom.range, out);
  if (h.validTo && h.validTo !== 'until-further-notice') {
    checkDate(h.validTo.iso, h.validTo.range, out);
    if (h.validFrom && h.validTo.iso <= h.validFrom.iso) out.push(diagnostic('AVT-C021', h.validTo.range, { from: h.validFrom.iso, to: h.validTo.iso }));
  }
  checkSee(h.see, symbols, out, used);
}

function requireCitation(d: { kind: string; id: A.Name; cites: A.Citation[] }, out: Diagnostic[]): void {
  if (d.cites.length === 0) out.push(diagnostic('AVT-C020', d.id.range, { kind: d.kind.toLowerCase(), name: d.id.text }));
}

function checkSee(names: A.Name[], symbols: Symbols, out: Diagnostic[], used: Set<string>): void {
  for (const n of names) {
    const s = symbols.lookup(n.text);
    if (!s) out.push(diagnostic('AVT-C002', n.range, { name: n.text, hint: '' }));
    else if (s.kind !== 'declaration' || s.decl.kind !== 'Interpretation') {
      out.push(diagnostic('AVT-C003', n.range, { name: n.text, actual: s.kind === 'declaration' ? KIND_WORD[s.decl.kind] : s.entry.kind, expected: 'interpretation' }));
    } else used.add(n.text);
  }
}

function checkEvent(n: A.Name, symbols: Symbols, out: Diagnostic[]): void {
  const s = symbols.lookup(n.text);
  if (!s) out.push(diagnostic('AVT-C002', n.range, { name: n.text, hint: hintFor(n.text, symbols) }));
  else if (s.kind !== 'vocabulary' || s.entry.kind !== 'event') {
    out.push(diagnostic('AVT-C003', n.range, { name: n.text, actual: s.kind === 'declaration' ? KIND_WORD[s.decl.kind] : s.entry.kind, expected: 'event' }));
  }
}

function hintFor(name: string, symbols: Symbols): Param {
  const h = symbols.suggest(name);
  return h ? msg('hint.didYouMean', { name: h }) : '';
}

function checkDeadline(d: A.Deadline, types: TypeChecker, symbols: Symbols, out: Diagnostic[], used: Set<string>): void {
  requireCitation(d, out);
  checkSee(d.see, symbols, out, used);
  if (d.when) types.condition(d.when);
  if (!d.subject || !d.within || !d.anchor) {
    out.push(diagnostic('AVT-C023', d.id.range, { kind: 'deadline', clause: 'a rule: `EVENT within DURATION after EVENT`' }));
    return;
  }
  checkEvent(d.subject, symbols, out);
  if (!Number.isInteger(d.within.value) && d.within.unit !== 'hours' && d.within.unit !== 'minutes') {
    out.push(diagnostic('AVT-C016', d.within.range, { value: d.within.value }));
  }
  types.expect(d.anchor, 'instant');
}

function single<T extends A.Node>(items: T[], clause: string, d: A.Payment, out: Diagnostic[]): void {
  if (items.length > 1) out.push(diagnostic('AVT-C024', items[1].range, { clause, kind: 'payment', name: d.id.text }));
}

function checkPayment(p: A.Payment, types: TypeChecker, symbols: Symbols, out: Diagnostic[], used: Set<string>): void {
  requireCitation(p, out);
  checkSee(p.see, symbols, out, used);
  if (!p.from) out.push(diagnostic('AVT-C023', p.id.range, { kind: 'payment', clause: 'an anchor event: `from EVENT`' }));
  else checkEvent(p.from, symbols, out);
  const unconditional = <T>(xs: A.Conditional<T>[]) => xs.filter((x) => !x.when);
  if (unconditional(p.dayOne).length === 0) out.push(diagnostic('AVT-C023', p.id.range, { kind: 'payment', clause: 'a day numbering without condition: `day 1: same day` or `day 1: next day`' }));
  if (unconditional(p.grace).length === 0) out.push(diagnostic('AVT-C023', p.id.range, { kind: 'payment', clause: 'a number of grace days without condition: `grace N days`' }));
  single(unconditional(p.dayOne), 'an unconditional day numbering', p, out);
  single(unconditional(p.grace), 'an unconditional grace clause', p, out);
  for (const g of p.grace) {
    if (!Number.isInteger(g.value.n)) out.push(diagnostic('AVT-C016', g.value.range, { value: g.value.n }));
    if (g.when) types.condition(g.when);
  }
  for (const d of p.dayOne) if (d.when) types.condition(d.when);
  for (const r of p.requires) types.condition(r);
  for (const e of p.exempt) types.condition(e);
  if (!p.to) out.push(diagnostic('AVT-C023', p.id.range, { kind: 'payment', clause: 'an end: `to EVENT inclusive|exclusive`' }));
  else for (const e of [p.to.event, ...p.to.others]) checkEvent(e, symbols, out);
  if (p.withdrawn) checkEvent(p.withdrawn.event, symbols, out);
  if (p.rate) {
    const s = symbols.lookup(p.rate.text);
    if (!s) out.push(diagnostic('AVT-C002', p.rate.range, { name: p.rate.text, hint: hintFor(p.rate.text, symbols) }));
    else if (s.kind !== 'declaration' || s.decl.kind !== 'Parameter') {
      out.push(diagnostic('AVT-C003', p.rate.range, { name: p.rate.text, actual: s.kind === 'declaration' ? KIND_WORD[s.decl.kind] : s.entry.kind, expected: 'parameter' }));
    } else if (s.decl.values.some((v) => v.value.kind !== 'Money')) {
      out.push(diagnostic('AVT-C010', p.rate.range, { expected: 'amount of money', actual: 'parameter with other values' }));
    }
  }
}

function checkParameter(p: A.Parameter, types: TypeChecker, out: Diagnostic[]): void {
  const years = new Set<number>();
  const first = p.values[0] ? types.infer(p.values[0].value) : undefined;
  if (p.carryForward && p.values.length === 0) out.push(diagnostic('AVT-C023', p.id.range, { kind: 'parameter that carries forward', clause: 'a value to carry' }));
  for (const v of p.values) {
    if (years.has(v.year)) out.push(diagnostic('AVT-C026', v.range, { name: p.id.text, year: v.year }));
    years.add(v.year);
    if (p.cites.length === 0 && v.cites.length === 0) out.push(diagnostic('AVT-C020', v.range, { kind: msg('check.parameterValue', { year: v.year }), name: p.id.text }));
    if (first) types.expect(v.value, first);
  }
  if (p.values.length === 0) out.push(diagnostic('AVT-C033', p.id.range, { kind: 'parameter', name: p.id.text, what: 'values' }));
}

function checkExample(ex: A.Example, symbols: Symbols, out: Diagnostic[], monthly: MonthlyCheckContext): void {
  const rule = ex.rule ? symbols.lookup(ex.rule.text) : undefined;
  if (rule?.kind === 'declaration' && rule.decl.kind === 'Ladder') return checkMonthlyExample(ex, rule.decl, monthly);
  checkNoMonthlyParts(ex, monthly);
  let ruleKind: 'Deadline' | 'Payment' | 'Computed' | undefined;
  if (ex.rule && !rule) out.push(diagnostic('AVT-C002', ex.rule.range, { name: ex.rule.text, hint: hintFor(ex.rule.text, symbols) }));
  else if (ex.rule && rule) {
    if (rule.kind === 'declaration' && (rule.decl.kind === 'Deadline' || rule.decl.kind === 'Payment' || rule.decl.kind === 'Computed')) ruleKind = rule.decl.kind;
    else out.push(diagnostic('AVT-C003', ex.rule.range, { name: ex.rule.text, actual: rule.kind === 'declaration' ? KIND_WORD[rule.decl.kind] : rule.entry.kind, expected: 'deadline, payment or computed date' }));
  }
  const givenNames = new Set<string>();
  for (const g of ex.givens) {
    const s = symbols.lookup(g.name.text);
    if (!s || s.kind !== 'vocabulary') {
      out.push(diagnostic(s ? 'AVT-C003' : 'AVT-C002', g.name.range, s
        ? { name: g.name.text, actual: KIND_WORD[(s as { decl: A.Declaration }).decl.kind], expected: 'event or fact' }
        : { name: g.name.text, hint: hintFor(g.name.text, symbols) }));
      continue;
    }
    // An event given again is its next occurrence (a history); a fact has one value.
    if (givenNames.has(s.entry.id) && (s.entry.kind === 'fact' || s.entry.history?.once)) out.push(diagnostic('AVT-C029', g.name.range, { name: g.name.text, example: ex.id.text }));
    givenNames.add(s.entry.id);
    const v = g.value;
    const entry = s.entry;
    const mismatch = (expected: string, actual: string) => out.push(diagnostic('AVT-C010', g.range, { expected, actual }));
    if (entry.kind === 'event') {
      if (v.kind !== 'instant' || !v.time) mismatch('date and time (YYYY-MM-DD HH:MM)', v.kind === 'instant' ? 'a date without a time' : v.kind);
      if (v.kind === 'instant') checkDate(v.date, g.range, out);
    } else if (entry.type === 'boolean' && v.kind !== 'boolean') mismatch('yes or no', v.kind);
    else if (entry.type === 'count' && v.kind !== 'number') mismatch('number', v.kind);
    else if (entry.type === 'date' && (v.kind !== 'instant' || v.time)) mismatch('date (YYYY-MM-DD)', v.kind);
    else if (entry.type === 'text' && v.kind !== 'string' && v.kind !== 'name') mismatch('text', v.kind);
    else if (entry.type === 'enum') {
      if (v.kind !== 'name') mismatch(`one of ${(entry.values ?? []).map((x) => x.id).join(', ')}`, v.kind);
      else if (!lookupEnumValue(entry, v.value)) {
        out.push(diagnostic('AVT-C013', g.range, { value: v.value, fact: entry.id, values: (entry.values ?? []).map((x) => `${x.id}/${x.sv}`).join(', ') }));
      }
    }
  }
  if (ex.expects.length === 0) out.push(diagnostic('AVT-C030', ex.id.range));
  for (const e of ex.expects) {
    if (e.kind === 'deadline') {
      const s = symbols.lookup(e.deadline.text);
      if (!s) out.push(diagnostic('AVT-C002', e.deadline.range, { name: e.deadline.text, hint: hintFor(e.deadline.text, symbols) }));
      // A payment rule can be expected pending: a requirement that can still be met.
      else if (s.kind === 'declaration' && s.decl.kind === 'Payment' && e.status === 'pending') continue;
      else if (s.kind !== 'declaration' || s.decl.kind !== 'Deadline') out.push(diagnostic('AVT-C003', e.deadline.range, { name: e.deadline.text, actual: s.kind === 'declaration' ? KIND_WORD[s.decl.kind] : s.entry.kind, expected: 'deadline' }));
    } else if (e.kind === 'computed') {
      const s = symbols.lookup(e.computed.text);
      if (!s) out.push(diagnostic('AVT-C002', e.computed.range, { name: e.computed.text, hint: hintFor(e.computed.text, symbols) }));
      else if (s.kind !== 'declaration' || s.decl.kind !== 'Computed') out.push(diagnostic('AVT-C003', e.computed.range, { name: e.computed.text, actual: s.kind === 'declaration' ? KIND_WORD[s.decl.kind] : s.entry.kind, expected: 'computed date' }));
      checkDate(e.date, e.range, out);
    } else if (ruleKind === 'Deadline' || ruleKind === 'Computed') {
      out.push(diagnostic('AVT-C025', e.range, { name: ex.id.text, what: 'a payment outcome', rule: ex.rule!.text, kind: KIND_WORD[ruleKind] }));
    }
    if (e.kind === 'first-payable-day' || e.kind === 'day-one') checkDate(e.date, e.range, out);
  }
}

function checkDate(iso: string, range: Range, out: Diagnostic[]): void {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) out.push(diagnostic('AVT-C031', range, { value: iso }));
}

function checkTime(t: A.TimeLit, out: Diagnostic[]): void {
  const [h, m] = t.text.split(':').map(Number);
  if (h > 23 || m > 59) out.push(diagnostic('AVT-C032', t.range, { value: t.text }));
}

/** A computed date: cited, its condition a condition, its value a date. */
function checkComputed(d: A.Computed, types: TypeChecker, symbols: Symbols, out: Diagnostic[], used: Set<string>): void {
  requireCitation(d, out);
  checkSee(d.see, symbols, out, used);
  if (d.when) types.condition(d.when);
  if (!d.value) out.push(diagnostic('AVT-C023', d.id.range, { kind: 'computed date', clause: 'a value: `value DATE-EXPRESSION`' }));
  else types.expect(d.value, 'date');
}
