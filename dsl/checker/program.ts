// The checked program: what the checker proved about a policy, kept. Built only for a policy without errors,
// it has no optional clause the checker requires and no name left to look up: a deadline is one of its three
// forms, every name is resolved to what it names (an event or a fact with its slot in a case, a parameter, a
// cutoff, a measure), every expression carries its type. The compiler takes this, never the bare AST.
// The AST nodes stay beside what was resolved from them (`decl`, `ast`): ranges, titles, citations and the
// text of explanations are read from there.
import type * as A from '../ast/ast';
import type { Type } from '../builtins/types';
import { EVENT_INDEX, FACT_INDEX, lookupEnumValue, lookupVocabulary, type EventEntry, type FactEntry } from '../builtins/vocabulary';
import { lookupFunction, type FunctionEntry } from '../builtins/functions';
import { arithResult } from './types';

/** An event: its vocabulary entry, its slot in a case's `events`, and its name as the policy writes it. */
export interface EventSym {
  entry: EventEntry;
  slot: number;
  name: string;
}

/** A fact: its vocabulary entry (with its type) and its slot in a case's `facts`. */
export interface FactSym {
  entry: FactEntry;
  slot: number;
}

/** A typed expression with every name resolved. `ast` is the expression as written. */
export type TExpr =
  | { kind: 'Literal'; type: Type; ast: A.Literal }
  | { kind: 'Event'; type: 'instant'; ast: A.NameRef; event: EventSym }
  | { kind: 'Fact'; type: Type; ast: A.NameRef; fact: FactSym }
  /** A parameter read in an expression takes its latest year's value (rates by year go through the rule that names them). */
  | { kind: 'Parameter'; type: Type; ast: A.NameRef; parameter: A.Parameter; latest: A.Literal | undefined }
  | { kind: 'Cutoff'; type: 'cutoff'; ast: A.NameRef; cutoff: A.Cutoff }
  | { kind: 'Call'; type: Type; ast: A.Call; fn: FunctionEntry; args: TExpr[] }
  | { kind: 'Arith'; type: Type; ast: A.Arith; op: A.ArithOp; left: TExpr; right: TExpr }
  | { kind: 'Compare'; type: 'boolean'; ast: A.Compare; op: A.RelOp; left: TExpr; right: TExpr }
  /** `FACT is VALUE`: the enumerated fact and the value as the case holds it (the value's id). */
  | { kind: 'Is'; type: 'boolean'; ast: A.IsTest; subject: TExpr; fact: FactSym; value: string }
  | { kind: 'CutoffTest'; type: 'boolean'; ast: A.CutoffTest; side: 'before' | 'after'; subject: TExpr; cutoff: A.Cutoff }
  | { kind: 'And' | 'Or'; type: 'boolean'; ast: A.Logical; operands: TExpr[] }
  | { kind: 'Not'; type: 'boolean'; ast: A.Not; operand: TExpr };

/** A clause that applies when its condition holds (the unconditional one has none), with its index as written. */
export interface CClause<T> {
  value: T;
  when: TExpr | undefined;
  index: number;
}

/** The header, every clause the checker requires present. */
export interface CHeader {
  decl: A.Header;
  id: string;
  title: string | undefined;
  county: string | undefined;
  version: string;
  status: A.Status;
  validFrom: string; // YYYY-MM-DD
  validTo: string | null; // null: until further notice
  source: string;
  fallback: string | undefined;
  subjectTo: string | undefined;
}

interface RuleBase<D> {
  decl: D;
  id: string;
}

/** A deadline is one of three forms. */
export type CDeadline = CWithinDeadline | CRecurringDeadline | CWindowDeadline;

export interface CWithinDeadline extends RuleBase<A.Deadline> {
  form: 'within';
  when: TExpr | undefined;
  subject: EventSym;
  within: A.DurationLit;
  anchor: TExpr;
}

export interface CRecurringDeadline extends RuleBase<A.Deadline> {
  form: 'every';
  when: TExpr | undefined;
  subject: EventSym;
  every: { n: number; unit: A.PeriodUnit; start: TExpr | undefined };
}

export interface CWindowDeadline extends RuleBase<A.Deadline> {
  form: 'windows';
  when: TExpr | undefined;
  subject: EventSym;
  windows: A.TimeWindow[];
}

/** The end of a stay: the first of the events recorded; the withdrawal that ends a ready period. */
export interface CEnd {
  events: EventSym[];
  inclusive: boolean;
}

export interface CWithdrawal {
  event: EventSym;
  inclusive: boolean;
}

export interface CPayment extends RuleBase<A.Payment> {
  anchor: EventSym;
  dayOne: CClause<'same-day' | 'next-day'>[];
  grace: CClause<A.DayCount>[];
  requires: TExpr[];
  exempt: TExpr[];
  end: CEnd;
  withdrawal: CWithdrawal | undefined;
  rate: A.Parameter | undefined;
}

export interface CComputed extends RuleBase<A.Computed> {
  when: TExpr | undefined;
  value: TExpr;
}

export interface CMeasure extends RuleBase<A.Measure> {
  includes: TExpr[];
  anchor: EventSym;
  received: CClause<'same-day' | 'next-day'>[];
  dayOne: CClause<'same-day' | 'next-day'>[];
  end: CEnd;
  withdrawal: CWithdrawal | undefined;
  /** the event whose day decides the month, or `split`: per calendar month */
  month: { mode: 'event'; event: EventSym } | { mode: 'split' };
  emptyMonth: number;
}

export interface CTransition {
  decl: A.LadderTransition;
  from: number; // step index
  to: number;
}

export interface CLadder extends RuleBase<A.Ladder> {
  measure: CMeasure;
  threshold: { kind: 'number'; value: number } | { kind: 'parameter'; parameter: A.Parameter };
  steps: string[];
  transitions: CTransition[];
  rate: A.Parameter | undefined;
  /**
   * What a series of months does when it passes into this version from an earlier one; undefined when not written,
   * which the policy set refuses for a version that follows another with a ladder (AVT-V015).
   */
  versionChange: 'start-again' | 'keep-step' | undefined;
  /** how a month the version covers only in part is judged; undefined only when the version covers whole months */
  partialMonth: 'outside' | 'last-day' | undefined;
}

/** A given of a worked example: an event's occurrence (local date and time) or a fact's value as a case holds it. */
export type CGiven =
  | { kind: 'event'; ast: A.Given; event: EventSym; date: string; time: string }
  | { kind: 'fact'; ast: A.Given; fact: FactSym; value: boolean | number | string };

/** The rule a worked example illustrates, resolved. */
export type CExampleRule =
  | { kind: 'deadline'; rule: CDeadline }
  | { kind: 'payment'; rule: CPayment }
  | { kind: 'computed'; rule: CComputed }
  | { kind: 'ladder'; rule: CLadder };

export interface CExample {
  decl: A.Example;
  id: string;
  rule: CExampleRule | undefined;
  givens: CGiven[];
}

export interface Program {
  ast: A.Policy;
  header: CHeader;
  interpretations: ReadonlyMap<string, A.Interpretation>;
  parameters: ReadonlyMap<string, A.Parameter>;
  deadlines: CDeadline[];
  payments: CPayment[];
  computed: CComputed[];
  measures: CMeasure[];
  ladders: CLadder[];
  escalations: A.Escalation[];
  examples: CExample[];
}

/** What the checker proved and the builder relies on, broken: a bug in the checker, never a user's mistake. */
export class UncheckedPolicy extends Error {}

function must<T>(x: T | undefined | null, what: string): T {
  if (x === undefined || x === null) throw new UncheckedPolicy(`checked program: ${what}`);
  return x;
}

/** The checked program of a policy the checker passed without errors. */
export function buildProgram(policy: A.Policy): Program {
  const decls = new Map<string, A.Declaration>();
  for (const d of policy.declarations) if (!decls.has(d.id.text)) decls.set(d.id.text, d);
  const declOf = <K extends A.Declaration['kind']>(n: A.Name, kind: K): Extract<A.Declaration, { kind: K }> => {
    const d = decls.get(n.text);
    if (d?.kind !== kind) throw new UncheckedPolicy(`checked program: ${n.text} is not a ${kind}`);
    return d as Extract<A.Declaration, { kind: K }>;
  };

  const event = (name: string): EventSym => {
    const v = lookupVocabulary(name);
    if (v?.kind !== 'event') throw new UncheckedPolicy(`checked program: ${name} is not an event`);
    return { entry: v, slot: must(EVENT_INDEX.get(v.id), `the slot of ${v.id}`), name };
  };
  const fact = (v: FactEntry): FactSym => ({ entry: v, slot: must(FACT_INDEX.get(v.id), `the slot of ${v.id}`) });

  const expr = (e: A.Expr): TExpr => {
    switch (e.kind) {
      case 'Number': return { kind: 'Literal', type: 'number', ast: e };
      case 'Money': return { kind: 'Literal', type: 'money', ast: e };
      case 'Duration': return { kind: 'Literal', type: e.unit === 'minutes' || e.unit === 'hours' ? 'elapsed' : 'days', ast: e };
      case 'Date': return { kind: 'Literal', type: 'date', ast: e };
      case 'Instant': return { kind: 'Literal', type: 'instant', ast: e };
      case 'Time': return { kind: 'Literal', type: 'time', ast: e };
      case 'String': return { kind: 'Literal', type: 'text', ast: e };
      case 'Bool': return { kind: 'Literal', type: 'boolean', ast: e };
      case 'NameRef': return name(e);
      case 'Call': {
        const fn = must(lookupFunction(e.fn.text), `the function ${e.fn.text}`);
        return { kind: 'Call', type: fn.result, ast: e, fn, args: e.args.map(expr) };
      }
      case 'Arith': {
        const left = expr(e.left);
        const right = expr(e.right);
        return { kind: 'Arith', type: must(arithResult(e.op, left.type, right.type), `the type of ${e.op}`), ast: e, op: e.op, left, right };
      }
      case 'Compare': return { kind: 'Compare', type: 'boolean', ast: e, op: e.op, left: expr(e.left), right: expr(e.right) };
      case 'Is': {
        // The checker proved the subject an enumerated fact and the value one of its values.
        const subject = expr(e.subject);
        if (subject.kind !== 'Fact') throw new UncheckedPolicy('checked program: `is` on something that is not a fact');
        const id = must(lookupEnumValue(subject.fact.entry, e.value.text), `the value ${e.value.text}`).id;
        return { kind: 'Is', type: 'boolean', ast: e, subject, fact: subject.fact, value: id };
      }
      case 'CutoffTest': {
        if (e.cutoff.kind !== 'NameRef') throw new UncheckedPolicy('checked program: a cutoff test without a named cutoff');
        return { kind: 'CutoffTest', type: 'boolean', ast: e, side: e.side, subject: expr(e.subject), cutoff: declOf({ text: e.cutoff.name, range: e.cutoff.range }, 'Cutoff') };
      }
      case 'And':
      case 'Or': return { kind: e.kind, type: 'boolean', ast: e, operands: e.operands.map(expr) };
      case 'Not': return { kind: 'Not', type: 'boolean', ast: e, operand: expr(e.operand) };
    }
  };

  const name = (e: A.NameRef): TExpr => {
    const d = decls.get(e.name);
    if (d?.kind === 'Parameter') {
      const latest = [...d.values].sort((a, b) => b.year - a.year)[0]?.value;
      const type: Type = latest ? must(expr(latest).type, 'a parameter value type') : 'number';
      return { kind: 'Parameter', type, ast: e, parameter: d, latest };
    }
    if (d?.kind === 'Cutoff') return { kind: 'Cutoff', type: 'cutoff', ast: e, cutoff: d };
    const v = must(lookupVocabulary(e.name), `the name ${e.name}`);
    if (v.kind === 'event') return { kind: 'Event', type: 'instant', ast: e, event: event(e.name) };
    const types: Record<FactEntry['type'], Type> = { boolean: 'boolean', count: 'number', date: 'date', text: 'text', enum: { enum: v.id } };
    return { kind: 'Fact', type: types[v.type], ast: e, fact: fact(v) };
  };

  const clauses = <T>(xs: A.Conditional<T>[]): CClause<T>[] => xs.map((x, index) => ({ value: x.value, when: x.when ? expr(x.when) : undefined, index }));
  const end = (to: A.PeriodEnd | undefined): CEnd => {
    const t = must(to, 'an end');
    return { events: [t.event, ...t.others].map((n) => event(n.text)), inclusive: t.inclusive };
  };
  const withdrawal = (w: A.Withdrawal | undefined): CWithdrawal | undefined => (w ? { event: event(w.event.text), inclusive: w.inclusive } : undefined);

  const h = must(policy.header, 'a header');
  const header: CHeader = {
    decl: h, id: h.id.text, title: h.title?.value, county: h.county?.text, version: must(h.version, 'a version').value, status: must(h.status, 'a status'),
    validFrom: must(h.validFrom, 'a validity').iso, validTo: h.validTo === undefined || h.validTo === 'until-further-notice' ? null : h.validTo.iso,
    source: must(h.source, 'a source').value, fallback: h.fallback?.text, subjectTo: h.subjectTo?.text,
  };

  const program: Program = {
    ast: policy, header, interpretations: new Map(), parameters: new Map(), deadlines: [], payments: [], computed: [], measures: [], ladders: [],
    escalations: [], examples: [],
  };
  const interpretations = program.interpretations as Map<string, A.Interpretation>;
  const parameters = program.parameters as Map<string, A.Parameter>;
  const measures = new Map<A.Measure, CMeasure>();
  const rules = new Map<A.Declaration, CExampleRule>();

  for (const d of policy.declarations) {
    switch (d.kind) {
      case 'Interpretation': interpretations.set(d.id.text, d); break;
      case 'Parameter': parameters.set(d.id.text, d); break;
      case 'Escalation': program.escalations.push(d); break;
      case 'Deadline': {
        const base = { decl: d, id: d.id.text, when: d.when ? expr(d.when) : undefined, subject: event(must(d.subject, 'a deadline subject').text) };
        const rule: CDeadline = d.every
          ? { ...base, form: 'every', every: { n: d.every.n, unit: d.every.unit, start: d.every.start ? expr(d.every.start) : undefined } }
          : d.windows && d.windows.length > 0
            ? { ...base, form: 'windows', windows: d.windows }
            : { ...base, form: 'within', within: must(d.within, 'a duration'), anchor: expr(must(d.anchor, 'an anchor')) };
        program.deadlines.push(rule);
        rules.set(d, { kind: 'deadline', rule });
        break;
      }
      case 'Payment': {
        const rule: CPayment = {
          decl: d, id: d.id.text, anchor: event(must(d.from, 'an anchor event').text), dayOne: clauses(d.dayOne), grace: clauses(d.grace),
          requires: d.requires.map(expr), exempt: d.exempt.map(expr), end: end(d.to), withdrawal: withdrawal(d.withdrawn),
          rate: d.rate ? declOf(d.rate, 'Parameter') : undefined,
        };
        program.payments.push(rule);
        rules.set(d, { kind: 'payment', rule });
        break;
      }
      case 'Computed': {
        const rule: CComputed = { decl: d, id: d.id.text, when: d.when ? expr(d.when) : undefined, value: expr(must(d.value, 'a value')) };
        program.computed.push(rule);
        rules.set(d, { kind: 'computed', rule });
        break;
      }
      case 'Measure': {
        const m = must(d.month, 'a month');
        const rule: CMeasure = {
          decl: d, id: d.id.text, includes: d.includes.map(expr), anchor: event(must(d.from, 'an anchor event').text), received: clauses(d.received),
          dayOne: clauses(d.dayOne), end: end(d.to), withdrawal: withdrawal(d.withdrawn),
          month: m.mode === 'event' ? { mode: 'event', event: event(m.event.text) } : { mode: 'split' }, emptyMonth: must(d.emptyMonth, 'an empty month').value,
        };
        program.measures.push(rule);
        measures.set(d, rule);
        break;
      }
      default: break;
    }
  }
  // Ladders read their measure; examples read their rule: both after every rule is built.
  for (const d of policy.declarations) {
    if (d.kind !== 'Ladder') continue;
    const steps = d.steps.map((s) => s.id.text);
    const step = (n: A.Name): number => {
      const i = steps.indexOf(n.text);
      if (i < 0) throw new UncheckedPolicy(`checked program: no step ${n.text}`);
      return i;
    };
    const th = must(d.threshold, 'a threshold');
    const rule: CLadder = {
      decl: d, id: d.id.text, measure: must(measures.get(declOf(must(d.measure, 'a measure'), 'Measure')), 'the measure'),
      threshold: th.kind === 'number' ? { kind: 'number', value: th.value } : { kind: 'parameter', parameter: declOf(th.name, 'Parameter') },
      steps, transitions: d.transitions.map((t) => ({ decl: t, from: step(t.from), to: step(t.to) })), rate: d.rate ? declOf(d.rate, 'Parameter') : undefined,
      versionChange: d.versionChange?.value,
      partialMonth: d.partialMonth?.value,
    };
    program.ladders.push(rule);
    rules.set(d, { kind: 'ladder', rule });
  }
  for (const d of policy.declarations) {
    if (d.kind !== 'Example') continue;
    const rule = d.rule ? rules.get(must(decls.get(d.rule.text), `the rule ${d.rule.text}`)) : undefined;
    const givens: CGiven[] = d.givens.map((g): CGiven => {
      const v = must(lookupVocabulary(g.name.text), `the given ${g.name.text}`);
      const x = g.value;
      if (v.kind === 'event') {
        if (x.kind !== 'instant' || !x.time) throw new UncheckedPolicy(`checked program: ${g.name.text} without a time`);
        return { kind: 'event', ast: g, event: event(g.name.text), date: x.date, time: x.time };
      }
      const value = x.kind === 'instant' ? x.date : x.kind === 'name' && v.type === 'enum' ? must(lookupEnumValue(v, x.value), `the value ${x.value}`).id : x.value;
      return { kind: 'fact', ast: g, fact: fact(v), value };
    });
    program.examples.push({ decl: d, id: d.id.text, rule, givens });
  }
  return program;
}
