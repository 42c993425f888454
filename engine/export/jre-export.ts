// A checked policy → json-rules-engine rules. Each deadline, payment rule and computed date becomes a few
// rules with mutually exclusive conditions, one per outcome, so exactly one event fires per rule and episode.
// Conditions are json-rules-engine condition trees (all/any/not); day arithmetic, local dates and
// cutoffs are the custom operators and calculated facts of ./jre-runtime. A rule with any clause that
// has no faithful translation is left out whole and reported (AVT-X002): never exported wrongly.
import type * as A from '../../dsl/ast/ast';
import type { CComputed, CDeadline, CPayment, Program } from '../../dsl/checker/program';
import { EPISODE_KINDS, type EpisodeKind } from '../evaluator/kinds';
import { EVENTS, lookupVocabulary, lookupEnumValue } from '../../dsl/builtins/vocabulary';
import { lookupFunction } from '../../dsl/builtins/functions';
import { diagnostic, type Diagnostic } from '../../dsl/diagnostics';
import { hasMessage, msg, render, type MessageCode, type MsgLang, type Params } from '../../dsl/messages';
import { formatExpression } from '../../dsl/format/formatter';
import { parseInstant, parseIsoDate } from '../calendar';
import { BUILTIN_IMPLS } from '../compiler/builtins';
import type { CompiledPolicy } from '../compiler/compile';
import { eventRefs } from '../compiler/expressions';
import type { PolicyVersion } from '../registry/policy-set';
import { JRE_RUNTIME, type DayUnit, type EventRef, type PaymentParams, type ValueExpr } from './jre-runtime';

export type JreCondition =
  | { all: JreCondition[]; priority?: number }
  | { any: JreCondition[]; priority?: number }
  | { not: JreCondition; priority?: number }
  | { fact: string; operator: string; value: unknown; params?: Record<string, unknown>; priority?: number };

export interface JreRule {
  name: string;
  conditions: { all: JreCondition[] } | { any: JreCondition[] } | { not: JreCondition };
  event: { type: 'avtal.deadline' | 'avtal.payment' | 'avtal.computed'; params: Record<string, unknown> };
}

export interface JreExport {
  format: 'json-rules-engine';
  runtime: string;
  policy: { agreement: string; county?: string; version?: string; validFrom?: string; validTo: string | null; file?: string; subjectTo?: { agreement: string; version: string } };
  /** Facts every episode must supply; see episodeFacts in the runtime. */
  inputFacts: string[];
  exported: string[];
  notExported: { rule: string; code: string; reason: string }[];
  rules: JreRule[];
}

const FORMAT = 'json-rules-engine';

/** Thrown inside one rule's translation; caught per rule and reported. The reason is a message of the catalogue (dsl/messages/export.ts). */
class NotExportable extends Error {
  readonly reason: { code: string; params: Params };
  constructor(code: MessageCode, params: Params, readonly node: A.Node) {
    super(code);
    this.reason = msg(code, params);
  }
}

interface Scope {
  lang: A.Policy['lang'];
  cutoffs: Map<string, A.Cutoff>;
  parameters: Map<string, A.Parameter>;
  /** How an event is read (a payment period's view of the case); plainly by default. */
  eventRef?: (id: string) => EventRef;
}

function scopeOf(ast: A.Policy): Scope {
  const scope: Scope = { lang: ast.lang, cutoffs: new Map(), parameters: new Map() };
  for (const d of ast.declarations) {
    if (d.kind === 'Cutoff') scope.cutoffs.set(d.id.text, d);
    if (d.kind === 'Parameter') scope.parameters.set(d.id.text, d);
  }
  return scope;
}

const eventValue = (id: string, s: Scope): EventRef => (s.eventRef ? s.eventRef(id) : { event: id });
/** An event read as it is: a plain fact of the episode. */
const isPlainEvent = (v: ValueExpr): v is EventRef => typeof v === 'object' && 'event' in v && !v.orNow && v.notBefore === undefined;
/** "The event is recorded" (want true) or not (false), as the scope reads it. */
const recorded = (v: EventRef, want: boolean): JreCondition => (isPlainEvent(v) ? fact(v.event, 'avtal:recorded', want) : fact('avtal:value', 'avtal:recorded', want, { expr: v }));

const fact = (f: string, operator: string, value: unknown, params?: Record<string, unknown>): JreCondition => (params ? { fact: f, operator, value, params } : { fact: f, operator, value });
const all = (cs: JreCondition[]): JreCondition => (cs.length === 1 ? cs[0] : { all: cs });
const any = (cs: JreCondition[]): JreCondition => (cs.length === 1 ? cs[0] : { any: cs });
const not = (c: JreCondition): JreCondition => ({ not: c });
const top = (cs: JreCondition[]): JreRule['conditions'] => ({ all: cs });

// ---- expressions -----------------------------------------------------------------------------------

const MS = { minutes: 60_000, hours: 3_600_000 } as const;

/** An expression with a number as its value, in the runtime's ValueExpr form (the same representation as the evaluator's). */
function valueExpr(e: A.Expr, s: Scope): ValueExpr {
  switch (e.kind) {
    case 'Number':
    case 'Money': return e.value;
    case 'Duration': return e.unit === 'minutes' || e.unit === 'hours' ? e.value * MS[e.unit] : e.value;
    case 'Date': {
      const d = parseIsoDate(e.iso);
      if (d === undefined) break;
      return d;
    }
    case 'Instant': {
      const r = parseInstant(`${e.date}T${e.time}`);
      if (!r.ok) break;
      return r.epochMs;
    }
    case 'NameRef': {
      const v = lookupVocabulary(e.name);
      if (v?.kind === 'event') return eventValue(v.id, s);
      if (v?.kind === 'fact' && (v.type === 'count' || v.type === 'date')) return { fact: v.id };
      if (s.parameters.has(e.name)) throw new NotExportable('export.parameterInCondition', { name: e.name }, e);
      break;
    }
    case 'Call': {
      const fn = lookupFunction(e.fn.text);
      if (!fn || !BUILTIN_IMPLS[fn.id] || fn.result === 'boolean') break;
      return { call: fn.id, args: e.args.map((a) => valueExpr(a, s)) };
    }
    case 'Arith': {
      const pair: [ValueExpr, ValueExpr] = [valueExpr(e.left, s), valueExpr(e.right, s)];
      return e.op === '+' ? { add: pair } : { sub: pair };
    }
    default:
  }
  throw new NotExportable('export.noValue', { expr: formatExpression(e, s.lang) }, e);
}

/** A comparison operand: a constant, a plain fact, or a value the runtime computes (fact avtal:value). */
type Operand = { fact: string; params?: Record<string, unknown> } | { literal: number };

function operand(e: A.Expr, s: Scope): Operand {
  const v = valueExpr(e, s);
  if (typeof v === 'number') return { literal: v };
  if (isPlainEvent(v)) return { fact: v.event };
  if ('fact' in v) return { fact: v.fact };
  return { fact: 'avtal:value', params: { expr: v } };
}

const FLIP: Record<A.RelOp, A.RelOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
const OPERATOR: Record<A.RelOp, string> = { '<': 'avtal:lt', '<=': 'avtal:le', '>': 'avtal:gt', '>=': 'avtal:ge', '=': 'avtal:eq', '!=': 'avtal:ne' };

function compare(e: A.Compare, s: Scope): JreCondition {
  let l = operand(e.left, s);
  let r = operand(e.right, s);
  let op = e.op;
  if ('literal' in l) {
    if ('literal' in r) throw new NotExportable('export.twoConstants', {}, e);
    [l, r, op] = [r, l, FLIP[op]];
  }
  const left = l as { fact: string; params?: Record<string, unknown> };
  return fact(left.fact, OPERATOR[op], 'literal' in r ? r.literal : r, left.params);
}

/** A condition, with Avtal's meaning: an event name means "recorded"; an unrecorded value makes a comparison false. */
export function condition(e: A.Expr, s: Scope): JreCondition {
  switch (e.kind) {
    case 'NameRef': {
      const v = lookupVocabulary(e.name);
      if (v?.kind === 'event') return recorded(eventValue(v.id, s), true);
      if (v?.kind === 'fact' && v.type === 'boolean') return fact(v.id, 'equal', true);
      throw new NotExportable('export.notYesNo', { name: e.name }, e);
    }
    case 'Bool': throw new NotExportable('export.constantCondition', {}, e);
    case 'Not': return not(condition(e.operand, s));
    case 'And': return all(e.operands.map((o) => condition(o, s)));
    case 'Or': return any(e.operands.map((o) => condition(o, s)));
    case 'Is': {
      const v = e.subject.kind === 'NameRef' ? lookupVocabulary(e.subject.name) : undefined;
      if (v?.kind !== 'fact' || v.type !== 'enum') throw new NotExportable('export.isNeedsEnum', { expr: formatExpression(e, s.lang), keyword: s.lang === 'sv' ? 'är' : 'is' }, e);
      const value = lookupEnumValue(v, e.value.text)?.id;
      if (value === undefined) throw new NotExportable('export.notAValue', { value: e.value.text, fact: v.id }, e);
      return fact(v.id, 'equal', value);
    }
    case 'CutoffTest': {
      const cutoff = e.cutoff.kind === 'NameRef' ? s.cutoffs.get(e.cutoff.name) : undefined;
      if (!cutoff) throw new NotExportable('export.cutoffUndeclared', {}, e.cutoff);
      const subject = operand(e.subject, s);
      if (!('fact' in subject)) throw new NotExportable('export.isConstant', { expr: formatExpression(e.subject, s.lang) }, e.subject);
      return fact(subject.fact, e.side === 'after' ? 'avtal:afterCutoff' : 'avtal:beforeCutoff', { minutes: cutoff.time.minutes, countsAs: cutoff.countsAs }, subject.params);
    }
    case 'Compare': return compare(e, s);
    case 'Call': {
      // A yes/no built-in (is_weekend, is_working_day, …): the runtime calls the evaluator's own implementation.
      const fn = lookupFunction(e.fn.text);
      if (fn?.result !== 'boolean' || !BUILTIN_IMPLS[fn.id]) throw new NotExportable('export.notCondition', { expr: formatExpression(e, s.lang) }, e);
      return fact('avtal:value', 'equal', true, { expr: { call: fn.id, args: e.args.map((a) => valueExpr(a, s)) } });
    }
    default:
      throw new NotExportable('export.noCondition', { expr: formatExpression(e, s.lang) }, e);
  }
}

/** The instant a deadline counts from: any instant-valued expression. */
const anchorExpr = (e: A.Expr, s: Scope): ValueExpr => {
  const v = valueExpr(e, s);
  if (typeof v === 'number') throw new NotExportable('export.constantAnchor', {}, e);
  return v;
};

const recordedAnchor = (a: ValueExpr, want: boolean): JreCondition =>
  isPlainEvent(a) ? fact(a.event, 'avtal:recorded', want) : fact('avtal:value', 'avtal:recorded', want, { expr: a });

// ---- rules -----------------------------------------------------------------------------------------

/** The clauses each rule kind may use to be exported; any other clause (a newer form of the language) is not translated. */
const KNOWN_CLAUSES: Record<'Deadline' | 'Payment' | 'Computed', Set<string>> = {
  Deadline: new Set(['kind', 'range', 'id', 'title', 'cites', 'see', 'when', 'subject', 'within', 'anchor']),
  Payment: new Set(['kind', 'range', 'id', 'title', 'cites', 'see', 'from', 'dayOne', 'grace', 'requires', 'exempt', 'to', 'withdrawn', 'rate']),
  Computed: new Set(['kind', 'range', 'id', 'title', 'cites', 'see', 'when', 'value']),
};

function onlyKnownClauses(d: A.Deadline | A.Payment | A.Computed): void {
  for (const [k, v] of Object.entries(d)) {
    const used = v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);
    if (used && !KNOWN_CLAUSES[d.kind].has(k)) throw new NotExportable('export.formNotTranslated', { form: hasMessage(`export.form.${k}`) ? msg(`export.form.${k}` as MessageCode) : msg('export.form.other', { name: k }), kind: d.kind.toLowerCase() }, d.id);
  }
}

function exportDeadline(d: A.Deadline, s: Scope): JreRule[] {
  const id = d.id.text;
  onlyKnownClauses(d);
  if (!d.within || !d.anchor || !d.subject) throw new NotExportable('export.onlyWithin', {}, d.id);
  const when = d.when ? [condition(d.when, s)] : [];
  const subject = lookupVocabulary(d.subject!.text);
  if (subject?.kind !== 'event') throw new NotExportable('export.subjectNotEvent', {}, d.subject!);
  const anchor = anchorExpr(d.anchor!, s);
  const dueParams = { anchor, within: d.within!.value, unit: d.within!.unit };
  const due = { fact: 'avtal:deadlineDue', params: dueParams };
  const dayCounted = d.within!.unit !== 'hours' && d.within!.unit !== 'minutes';
  // Day counts end at the start of the next day (exclusive); elapsed time ends at its last moment (inclusive).
  const inTime = fact(subject.id, dayCounted ? 'avtal:lt' : 'avtal:le', due);
  // Not recorded: missed once the end of the evaluation date lies past the due time, or the discharge at or past it.
  const overdue = any([fact('avtal:evaluationEnd', 'avtal:gt', due), fact('discharged', 'avtal:ge', due), fact('died', 'avtal:ge', due)]);
  const rule = (suffix: string, conds: JreCondition[], status: string, reason: string, withDue: boolean): JreRule => ({
    name: `${id}:${suffix}`,
    conditions: top(conds),
    event: { type: 'avtal.deadline', params: { rule: id, status, reason, due: withDue ? due : null } },
  });
  const live = [...when, recordedAnchor(anchor, true)];
  const rules = [
    rule('no-anchor', [...when, recordedAnchor(anchor, false)], 'not-applicable', 'no-anchor', false),
    rule('met', [...live, fact(subject.id, 'avtal:recorded', true), inTime], 'met', 'in-time', true),
    rule('late', [...live, fact(subject.id, 'avtal:recorded', true), not(inTime)], 'missed', 'late', true),
    rule('overdue', [...live, fact(subject.id, 'avtal:recorded', false), overdue], 'missed', 'not-recorded', true),
    rule('pending', [...live, fact(subject.id, 'avtal:recorded', false), not(overdue)], 'pending', 'not-recorded', true),
  ];
  if (d.when) rules.unshift(rule('not-applicable', [not(when[0])], 'not-applicable', 'when-false', false));
  return rules;
}

/** The clause chosen: the first conditional clause that holds, else the first unconditional one. */
function choices<T>(clauses: A.Conditional<T>[], s: Scope, what: 'dayOne' | 'grace', node: A.Node): { value: T; index: number; conds: JreCondition[] }[] {
  const conditional = clauses.map((c, index) => ({ c, index })).filter((x) => x.c.when);
  const fallback = clauses.findIndex((c) => !c.when);
  if (fallback < 0) throw new NotExportable('export.noUnconditional', { what: msg(`diff.field.${what}` as MessageCode) }, node);
  const whens = conditional.map((x) => condition(x.c.when!, s));
  const out = conditional.map((x, i) => ({ value: x.c.value, index: x.index, conds: [...whens.slice(0, i).map(not), whens[i]] }));
  out.push({ value: clauses[fallback].value, index: fallback, conds: whens.map(not) });
  return out;
}

function rateTable(p: A.Parameter | undefined): Record<string, number> | null {
  if (!p) return null;
  return Object.fromEntries(p.values.filter((v) => v.value.kind === 'Money').map((v) => [String(v.year), (v.value as A.MoneyLit).value]));
}

/**
 * The conditions of the law a policy is made under (`subject to`), as the policy set links them into its
 * payment rules: they bind every payment rule of the policy, so they are exported with each of them.
 */
export interface LinkedLaw {
  agreement: string;
  version: string;
  /** the law's policy: its cutoffs, parameters and language are what its conditions are read with */
  policy: A.Policy;
  /** the law's payment rules whose conditions (requires, exempt) bind the policy's, in order (CompiledPayment.law) */
  conditions: readonly { decl: A.Payment; rule: CPayment }[];
}

/** The law a policy set linked into a compiled policy (undefined when the policy names none or the set could not link it). */
export function linkedLaw(set: { versionsOf(agreement: string): PolicyVersion[] }, compiled: CompiledPolicy | undefined): LinkedLaw | undefined {
  const law = compiled?.payments[0]?.law;
  const from = law?.[0]?.from;
  if (!law || !from) return undefined;
  const v = set.versionsOf(from.agreement).find((x) => x.info.version === from.version);
  return v ? { agreement: from.agreement, version: from.version, policy: v.analysis.ast, conditions: law } : undefined;
}

/** One set of conditions a payment rule is bound by (its own, or a law's), translated for one period's view of the case. */
interface Conditions {
  /** per requirement: it holds */
  holds: JreCondition[];
  /** per requirement: it is unmet for good: it does not hold, and it could not even if the events it waits for happened now */
  unmet: JreCondition[];
  /** per exemption: it applies */
  exempt: JreCondition[];
  requireText: string[];
  exemptText: string[];
  law?: { agreement: string; version: string; rule: string };
}

/**
 * A requirement waits for the events it names bare or on the left of a comparison (eventRefs, as the compiler
 * reads it). It is pending, not unmet, while the period is open (`open`), one of those events is not recorded,
 * and it would hold if they happened now (the fact avtal:now): the `orNow` reading of those events.
 */
function conditionsOf(rule: CPayment, s: Scope, open: JreCondition[], lang: A.Policy['lang'], law?: Conditions['law']): Conditions {
  const decl = rule.decl;
  const view = (id: string): EventRef => eventValue(id, s);
  const holds = decl.requires.map((r) => condition(r, s));
  const unmet = decl.requires.map((r, i) => {
    const waits = new Set(eventRefs(rule.requires[i]).map((slot) => EVENTS[slot].id));
    if (waits.size === 0) return not(holds[i]);
    const now: Scope = { ...s, eventRef: (id) => (waits.has(id) ? { ...view(id), orNow: true } : view(id)) };
    const couldHold = all([...open, any([...waits].map((id) => recorded(view(id), false))), condition(r, now)]);
    return not(any([holds[i], couldHold]));
  });
  return {
    holds, unmet, exempt: decl.exempt.map((e) => condition(e, s)),
    requireText: decl.requires.map((r) => formatExpression(r, lang)), exemptText: decl.exempt.map((e) => formatExpression(e, lang)),
    ...(law ? { law } : {}),
  };
}

function exportPayment(checked: CPayment, s: Scope, subjectTo: A.Name | undefined, law: LinkedLaw | undefined): JreRule[] {
  const p = checked.decl;
  const id = p.id.text;
  onlyKnownClauses(p);
  const eventOf = (n: A.Name): string => {
    const v = lookupVocabulary(n.text);
    if (v?.kind !== 'event') throw new NotExportable('export.notEvent', { name: n.text }, n);
    return v.id;
  };
  if (!p.from || !p.to) throw new NotExportable('export.fromTo', {}, p);
  const anchor = eventOf(p.from);
  const ends = [p.to.event, ...p.to.others].map(eventOf);
  const withdrawal = p.withdrawn ? eventOf(p.withdrawn.event) : null;
  if (subjectTo && law?.agreement !== subjectTo.text) {
    throw new NotExportable('export.lawNotGiven', { law: subjectTo.text }, p.id);
  }
  // A period reads the case with a withdrawal before its anchor as not recorded: it withdraws nothing.
  const view: Scope['eventRef'] = (x) => (x === withdrawal ? { event: x, notBefore: anchor } : { event: x });
  const rs: Scope = { ...s, eventRef: view };
  // The period is open while no end event is recorded and the anchor is not withdrawn: only then may a requirement be pending.
  const open = [...ends.map((e) => fact(e, 'avtal:recorded', false)), ...(withdrawal ? [not(fact(withdrawal, 'avtal:ge', { fact: anchor }))] : [])];
  const sets = [conditionsOf(checked, rs, open, s.lang)];
  if (subjectTo && law) {
    const ls: Scope = { ...scopeOf(law.policy), eventRef: view };
    for (const c of law.conditions) {
      try {
        sets.push(conditionsOf(c.rule, ls, open, s.lang, { agreement: law.agreement, version: law.version, rule: c.decl.id.text }));
      } catch (e) {
        if (!(e instanceof NotExportable)) throw e;
        throw new NotExportable('export.lawCondition', { agreement: law.agreement, version: law.version, rule: c.decl.id.text, reason: e.reason }, subjectTo);
      }
    }
  }
  const dayOne = choices(p.dayOne, rs, 'dayOne', p);
  const grace = choices(p.grace, rs, 'grace', p);
  const rateParam = p.rate ? s.parameters.get(p.rate.text) : undefined;
  const rates = rateTable(rateParam);
  const carry = rateParam?.carryForward ? { carryForward: true } : {};
  const started = fact(anchor, 'avtal:recorded', true);
  const none = { firstPayableDay: null, billableDays: null, amount: null };
  // `decisive`, the condition that tells this rule's outcome from the others', is evaluated first (json-rules-engine
  // evaluates higher priorities first and stops at the first false one): the others are read only when it holds.
  const rule = (name: string, conds: JreCondition[], decisive: JreCondition, params: Record<string, unknown>): JreRule => ({
    name: `${id}:${name}`, conditions: top([{ ...started, priority: 3 }, { ...decisive, priority: 2 }, ...conds]), event: { type: 'avtal.payment', params: { rule: id, ...params } },
  });
  const rules: JreRule[] = [
    { name: `${id}:not-started`, conditions: top([fact(anchor, 'avtal:recorded', false)]), event: { type: 'avtal.payment', params: { rule: id, status: 'not-started', responsible: false, reason: 'not-started', ...none } } },
  ];
  // No payment: decided by the first set of conditions with a requirement unmet for good (the first such
  // requirement) or else an exemption that applies (the first): the rule's own, then the law's.
  const undecided = (c: Conditions): JreCondition[] => [...c.unmet.map(not), ...c.exempt.map(not)];
  const prefix = (c: Conditions): string => (c.law ? `${c.law.agreement}:${c.law.rule}:` : '');
  const about = (c: Conditions, clause: string) => ({ clause, ...(c.law ? { law: c.law } : {}) });
  sets.forEach((c, k) => {
    const before = sets.slice(0, k).flatMap(undecided);
    c.unmet.forEach((u, i) => rules.push(rule(`${prefix(c)}requirement-unmet-${i + 1}`, [...before, ...c.unmet.slice(0, i).map(not)], u,
      { status: 'not-responsible', responsible: false, reason: 'requirement-unmet', ...about(c, c.requireText[i]), ...none })));
    c.exempt.forEach((x, j) => rules.push(rule(`${prefix(c)}exempt-${j + 1}`, [...before, ...c.unmet.map(not), ...c.exempt.slice(0, j).map(not)], x,
      { status: 'not-responsible', responsible: false, reason: 'exempt', ...about(c, c.exemptText[j]), ...none })));
  });
  // Pending: nothing decided, and a requirement does not hold yet (so it still can); the first such, the rule's own before the law's.
  const noneDecided = sets.flatMap(undecided);
  sets.forEach((c, k) => {
    const heldBefore = sets.slice(0, k).flatMap((x) => x.holds);
    c.holds.forEach((h, i) => rules.push(rule(`${prefix(c)}pending-${i + 1}`, [...noneDecided, ...heldBefore, ...c.holds.slice(0, i)], not(h),
      { status: 'pending', responsible: false, reason: 'requirement-pending', ...about(c, c.requireText[i]), ...none })));
  });
  const payable = [...sets.flatMap((c) => c.holds), ...sets.flatMap((c) => c.exempt.map(not))];
  for (const d1 of dayOne) {
    for (const g of grace) {
      const params: PaymentParams = {
        anchor, dayOne: d1.value, grace: g.value.n, unit: g.value.unit as DayUnit, ends, inclusive: p.to.inclusive,
        ...(withdrawal ? { withdrawal, withdrawalInclusive: p.withdrawn!.inclusive } : {}), rates, ...carry,
      };
      rules.push(rule(`responsible:day-one-${d1.index + 1}:grace-${g.index + 1}`, [...d1.conds, ...g.conds], { all: payable }, {
        status: 'responsible', responsible: true, reason: 'responsible', dayOne: d1.value, graceDays: g.value.n, graceUnit: g.value.unit,
        firstPayableDay: { fact: 'avtal:firstPayableDay', params }, billableDays: { fact: 'avtal:billableDays', params }, amount: { fact: 'avtal:amount', params },
      }));
    }
  }
  return rules;
}

/** A computed date: applies when its `when` holds (always without one), and then its value as an ISO date (null when an event it needs is not recorded). */
function exportComputed(d: A.Computed, s: Scope): JreRule[] {
  const id = d.id.text;
  onlyKnownClauses(d);
  if (!d.value) throw new NotExportable('export.computedNoValue', {}, d.id);
  const date = { fact: 'avtal:date', params: { expr: valueExpr(d.value, s) } };
  const when = d.when ? condition(d.when, s) : undefined;
  const rules: JreRule[] = [{ name: `${id}:applies`, conditions: top(when ? [when] : []), event: { type: 'avtal.computed', params: { rule: id, applies: true, date } } }];
  if (when) rules.unshift({ name: `${id}:not-applicable`, conditions: top([not(when)]), event: { type: 'avtal.computed', params: { rule: id, applies: false, date: null } } });
  return rules;
}

interface ExportContext {
  scope: Scope;
  subjectTo: A.Name | undefined;
  law: LinkedLaw | undefined;
}

interface Exporter<R extends { decl: A.Declaration }> {
  label: string;
  rules(p: Program): readonly R[];
  export(rule: R, x: ExportContext): JreRule[];
}

/** One exporter per kind of episode rule, keyed by the evaluator's kinds (engine/evaluator/kinds.ts): a kind added there is missing here until it has one. */
const EXPORTERS: { readonly [K in EpisodeKind]: Exporter<{ deadlines: CDeadline; payments: CPayment; computed: CComputed }[K]> } = {
  deadlines: { label: 'deadline', rules: (p) => p.deadlines, export: (r, x) => exportDeadline(r.decl, x.scope) },
  payments: { label: 'payment', rules: (p) => p.payments, export: (r, x) => exportPayment(r, x.scope, x.subjectTo, x.law) },
  computed: { label: 'computed date', rules: (p) => p.computed, export: (r, x) => exportComputed(r.decl, x.scope) },
};

/** Every episode rule of a program with its exporter, in the policy's order. */
function exportable(program: Program): { decl: A.Declaration; label: string; run(x: ExportContext): JreRule[] }[] {
  const byDecl = new Map<A.Declaration, { decl: A.Declaration; label: string; run(x: ExportContext): JreRule[] }>();
  const add = <K extends EpisodeKind>(k: K) => {
    const e = EXPORTERS[k] as Exporter<{ decl: A.Declaration }>;
    for (const r of e.rules(program)) byDecl.set(r.decl, { decl: r.decl, label: e.label, run: (x) => e.export(r, x) });
  };
  for (const k of EPISODE_KINDS) add(k);
  return program.ast.declarations.flatMap((d) => byDecl.get(d) ?? []);
}

/**
 * Exports a policy the checker passed without errors. Diagnostics name every rule left out, and why. A policy
 * made under a law (`subject to`) needs the law's conditions, as its policy set links them (see linkedLaw):
 * without them its payment rules are not exported. `lang` is the language of `notExported[].reason` (the
 * diagnostics are Swedish and carry their parameters, to be given in another language at the edge).
 */
export function exportToJre(program: Program, file?: string, law?: LinkedLaw, lang: MsgLang = 'sv'): { doc: JreExport; diagnostics: Diagnostic[] } {
  const ast = program.ast;
  const scope = scopeOf(ast);
  const h = program.header.decl;
  const doc: JreExport = {
    format: FORMAT,
    runtime: JRE_RUNTIME,
    policy: {
      agreement: h.id.text, county: h.county?.text, version: h.version?.value, validFrom: h.validFrom?.iso,
      validTo: !h.validTo || h.validTo === 'until-further-notice' ? null : h.validTo.iso, ...(file ? { file } : {}),
      ...(h.subjectTo && law?.agreement === h.subjectTo.text ? { subjectTo: { agreement: law.agreement, version: law.version } } : {}),
    },
    inputFacts: [],
    exported: [],
    notExported: [],
    rules: [],
  };
  const diagnostics: Diagnostic[] = [];
  const context: ExportContext = { scope, subjectTo: h.subjectTo, law };
  for (const { decl: d, label, run } of exportable(program)) {
    try {
      doc.rules.push(...run(context));
      doc.exported.push(d.id.text);
    } catch (e) {
      if (!(e instanceof NotExportable)) throw e;
      const diag = diagnostic('AVT-X002', e.node.range, { kind: label, name: d.id.text, format: FORMAT, reason: e.reason });
      diagnostics.push(diag);
      doc.notExported.push({ rule: d.id.text, code: diag.code, reason: render(e.reason.code, e.reason.params, lang) });
    }
  }
  const used = new Set<string>();
  collectFacts(doc.rules, used);
  // avtal:evaluationEnd and billable days read the evaluation date; avtal:now (pending) reads every event too.
  if (doc.rules.length) used.add('evaluation_date');
  if (JSON.stringify(doc.rules).includes('"orNow":true')) for (const e of EVENTS) used.add(e.id);
  doc.inputFacts = [...used].sort();
  return { doc, diagnostics };
}

const FACT_KEYS = new Set(['fact', 'event', 'anchor', 'ends', 'withdrawal', 'notBefore']);

/** Every vocabulary name the rules read, wherever it appears: conditions, anchors, event params. */
function collectFacts(x: unknown, into: Set<string>, key = ''): void {
  if (typeof x === 'string') {
    if (FACT_KEYS.has(key) && lookupVocabulary(x)) into.add(x);
  } else if (Array.isArray(x)) for (const v of x) collectFacts(v, into, key);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) collectFacts(v, into, k);
}
