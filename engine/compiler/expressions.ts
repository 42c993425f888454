// Expressions → closures over CaseData. The checker has typed every expression, so each closure
// returns the representation of its type: instants in epoch ms, dates as Day numbers, elapsed time
// in ms, counted days and numbers as numbers, enum values by their English id. An unrecorded event is
// NaN, and every comparison with NaN is false: a condition about an event that has not happened does not hold.
import type * as A from '../../dsl/ast/ast';
import { lookupVocabulary, lookupEnumValue } from '../../dsl/builtins/vocabulary';
import { lookupFunction } from '../../dsl/builtins/functions';
import { parseIsoDate, localDayOf, parseInstant, utcOffsetMinutes, MS_PER_DAY } from '../calendar';
import { eventSlot, factSlot, type CaseData, type FactValue } from '../case/case-data';
import { BUILTIN_IMPLS, UNARY_IMPLS } from './builtins';

export type Value = number | boolean | string | undefined;
export type Compiled = (c: CaseData) => Value;
export type Condition = (c: CaseData) => boolean;

export interface CompileScope {
  cutoff(name: string): A.Cutoff | undefined;
  parameter(name: string): A.Parameter | undefined;
}

const MS = { minutes: 60_000, hours: 3_600_000 } as const;

/** The slot of an expression that is just an event's name, else -1: read without a call. */
export function eventRefSlot(e: A.Expr): number {
  if (e.kind !== 'NameRef') return -1;
  const v = lookupVocabulary(e.name);
  return v?.kind === 'event' ? eventSlot(v.id) : -1;
}

export function compileCondition(e: A.Expr, scope: CompileScope): Condition {
  // An event name as a condition means "the event is recorded" (events are numbers: only NaN differs from itself).
  if (e.kind === 'NameRef') {
    const v = lookupVocabulary(e.name);
    if (v?.kind === 'event') {
      const slot = eventSlot(v.id);
      return (c) => c.events[slot] === c.events[slot];
    }
    if (v?.kind === 'fact' && v.type === 'boolean') return compileName(e, scope) as Condition;
  }
  // These always yield a boolean: no `=== true` wrapper on the hot path.
  if (e.kind === 'Compare' || e.kind === 'CutoffTest' || e.kind === 'Is' || e.kind === 'And' || e.kind === 'Or' || e.kind === 'Not') return compileExpr(e, scope) as Condition;
  const f = compileExpr(e, scope);
  return (c) => f(c) === true;
}

export const enum TestKind {
  Call = 0, // any condition: call its closure
  Recorded = 1, // an event as a condition: it is recorded
  FactIs = 2, // a boolean fact (is true), or an enum or text fact `is` a value
}

/**
 * A condition of a rule (when, requires, exempt) as data when it is one of the simple, common forms, so
 * that the rule tests it with `holds` — inlined, one array read — instead of a call through a closure.
 */
export interface Test {
  kind: TestKind;
  slot: number;
  value: FactValue;
  call: Condition; // always the compiled condition, whatever the kind
}

export function compileTest(e: A.Expr, scope: CompileScope): Test {
  const call = compileCondition(e, scope);
  if (e.kind === 'NameRef') {
    const v = lookupVocabulary(e.name);
    if (v?.kind === 'event') return { kind: TestKind.Recorded, slot: eventSlot(v.id), value: undefined, call };
    if (v?.kind === 'fact' && v.type === 'boolean') return { kind: TestKind.FactIs, slot: factSlot(v.id), value: true, call };
  }
  if (e.kind === 'Is' && e.subject.kind === 'NameRef') {
    const fact = lookupVocabulary(e.subject.name);
    if (fact?.kind === 'fact' && (fact.type === 'enum' || fact.type === 'text')) {
      return { kind: TestKind.FactIs, slot: factSlot(fact.id), value: lookupEnumValue(fact, e.value.text)?.id, call };
    }
  }
  return { kind: TestKind.Call, slot: -1, value: undefined, call };
}

/** Whether a compiled test holds: the same answer as its closure. */
export function holds(t: Test, c: CaseData): boolean {
  if (t.kind === TestKind.Recorded) {
    const x = c.events[t.slot];
    return x === x;
  }
  if (t.kind === TestKind.FactIs) return c.facts[t.slot] === t.value;
  return t.call(c);
}

/** Every condition holds; specialised for the short lists policies have, without array callbacks. */
function allOf(ops: Condition[]): Condition {
  if (ops.length === 1) return ops[0];
  if (ops.length === 2) {
    const [a, b] = ops;
    return (c) => a(c) && b(c);
  }
  if (ops.length === 3) {
    const [a, b, d] = ops;
    return (c) => a(c) && b(c) && d(c);
  }
  return (c) => {
    for (let i = 0; i < ops.length; i++) if (!ops[i](c)) return false;
    return true;
  };
}

/** Some condition holds. */
function anyOf(ops: Condition[]): Condition {
  if (ops.length === 1) return ops[0];
  if (ops.length === 2) {
    const [a, b] = ops;
    return (c) => a(c) || b(c);
  }
  if (ops.length === 3) {
    const [a, b, d] = ops;
    return (c) => a(c) || b(c) || d(c);
  }
  return (c) => {
    for (let i = 0; i < ops.length; i++) if (ops[i](c)) return true;
    return false;
  };
}

export function compileExpr(e: A.Expr, scope: CompileScope): Compiled {
  switch (e.kind) {
    case 'Number':
    case 'Money': {
      const v = e.value;
      return () => v;
    }
    case 'Duration': {
      const v = e.unit === 'minutes' || e.unit === 'hours' ? e.value * MS[e.unit] : e.value;
      return () => v;
    }
    case 'Date': {
      const d = parseIsoDate(e.iso) ?? NaN;
      return () => d;
    }
    case 'Instant': {
      const r = parseInstant(`${e.date}T${e.time}`);
      const t = r.ok ? r.epochMs : NaN;
      return () => t;
    }
    case 'Time': {
      const m = e.minutes;
      return () => m;
    }
    case 'String': {
      const s = e.value;
      return () => s;
    }
    case 'Bool': {
      const b = e.value;
      return () => b;
    }
    case 'NameRef': return compileName(e, scope);
    case 'Call': {
      const fn = lookupFunction(e.fn.text)!;
      const impl = BUILTIN_IMPLS[fn.id];
      const args = e.args.map((a) => compileExpr(a, scope));
      // The common calls, without an argument array: same results as the implementations in builtins.ts.
      if (args.length === 2 && (fn.id === 'latest' || fn.id === 'earliest')) {
        const [a, b] = args;
        const max = fn.id === 'latest';
        return (c) => {
          const x = a(c) as number;
          const y = b(c) as number;
          if (x !== x) return y;
          if (y !== y) return x;
          return max ? Math.max(x, y) : Math.min(x, y);
        };
      }
      if (args.length === 1 && fn.id === 'date_of') {
        const [a] = args;
        return (c) => {
          const t = a(c) as number;
          return t === t ? localDayOf(t) : NaN;
        };
      }
      const unary = args.length === 1 ? UNARY_IMPLS[fn.id] : undefined;
      if (unary) {
        const [a] = args;
        return (c) => unary(a(c) as number);
      }
      if (args.length === 1) {
        const [a] = args;
        return (c) => impl([a(c) as number]);
      }
      return (c) => impl(args.map((a) => a(c) as number));
    }
    case 'Arith': {
      const l = compileExpr(e.left, scope);
      const r = compileExpr(e.right, scope);
      return e.op === '+' ? (c) => (l(c) as number) + (r(c) as number) : (c) => (l(c) as number) - (r(c) as number);
    }
    case 'Compare': return compileCompare(e, scope);
    case 'Is': {
      const subject = compileExpr(e.subject, scope);
      const fact = e.subject.kind === 'NameRef' ? lookupVocabulary(e.subject.name) : undefined;
      const value = fact?.kind === 'fact' ? lookupEnumValue(fact, e.value.text)?.id : e.value.text;
      if (fact?.kind === 'fact' && (fact.type === 'enum' || fact.type === 'text')) {
        const slot = factSlot(fact.id); // read as compileName reads an enum or text fact
        return (c) => c.facts[slot] === value;
      }
      return (c) => subject(c) === value;
    }
    case 'CutoffTest': return compileCutoffTest(e, scope);
    case 'And': return allOf(e.operands.map((o) => compileCondition(o, scope)));
    case 'Or': return anyOf(e.operands.map((o) => compileCondition(o, scope)));
    case 'Not': {
      const op = compileCondition(e.operand, scope);
      return (c) => !op(c);
    }
  }
}

function compileName(e: A.NameRef, scope: CompileScope): Compiled {
  const v = lookupVocabulary(e.name);
  if (v?.kind === 'event') {
    const slot = eventSlot(v.id);
    return (c) => c.events[slot];
  }
  if (v?.kind === 'fact') {
    const slot = factSlot(v.id);
    if (v.type === 'boolean') return (c) => c.facts[slot] === true;
    if (v.type === 'count' || v.type === 'date') return (c) => (c.facts[slot] === undefined ? NaN : c.facts[slot]);
    return (c) => c.facts[slot];
  }
  const p = scope.parameter(e.name);
  if (p) {
    // A parameter read in an expression takes its latest year's value; rates by year go through the payment rule.
    const latest = [...p.values].sort((a, b) => b.year - a.year)[0];
    const f = latest ? compileExpr(latest.value, scope) : () => undefined;
    return f;
  }
  return () => undefined;
}

function compileCompare(e: A.Compare, scope: CompileScope): Compiled {
  const l = compileExpr(e.left, scope);
  const r = compileExpr(e.right, scope);
  switch (e.op) {
    case '>': return (c) => (l(c) as number) > (r(c) as number);
    case '>=': return (c) => (l(c) as number) >= (r(c) as number);
    case '<': return (c) => (l(c) as number) < (r(c) as number);
    case '<=': return (c) => (l(c) as number) <= (r(c) as number);
    case '=': return (c) => l(c) === r(c);
    case '!=': return (c) => { const a = l(c), b = r(c); return a !== b && !(Number.isNaN(a) || Number.isNaN(b)); };
  }
}

/** "EVENT after CUTOFF": the local time of day of the instant against the cutoff, the boundary as declared. */
function compileCutoffTest(e: A.CutoffTest, scope: CompileScope): Compiled {
  const subject = compileExpr(e.subject, scope);
  const cutoff = e.cutoff.kind === 'NameRef' ? scope.cutoff(e.cutoff.name) : undefined;
  if (!cutoff) return () => false;
  const boundaryMs = cutoff.time.minutes * 60_000; // after local midnight
  const boundaryIsAfter = cutoff.countsAs === 'after';
  // Compared at the instant's full precision: 12:00:00.001 is after 12:00.
  // Milliseconds since local midnight on the wall clock (as localSecondOfDay, with the milliseconds), without
  // the remainder operator, which on doubles is a call into the runtime.
  const isAfter = (t: number): boolean => {
    const local = t + utcOffsetMinutes(t) * 60_000;
    const ms = local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
    return ms > boundaryMs || (ms === boundaryMs && boundaryIsAfter);
  };
  return e.side === 'after'
    ? (c) => { const t = subject(c) as number; return !Number.isNaN(t) && isAfter(t); }
    : (c) => { const t = subject(c) as number; return !Number.isNaN(t) && !isAfter(t); };
}


/**
 * The events a condition waits for, each once: a bare event, or an event on the left of a comparison
 * (`sip_called <= ready_notice_sent + 3 days` waits for sip_called; the right side is what it is measured
 * from). A requirement is pending while such an event is not recorded and could still happen in time.
 */
export function eventRefs(e: A.Expr): number[] {
  const slots = new Set<number>();
  const walk = (x: A.Expr): void => {
    switch (x.kind) {
      case 'NameRef': {
        const v = lookupVocabulary(x.name);
        if (v?.kind === 'event') slots.add(eventSlot(v.id));
        return;
      }
      case 'Call': x.args.forEach(walk); return;
      case 'Arith': walk(x.left); walk(x.right); return;
      case 'Compare': walk(x.left); return;
      case 'Is': walk(x.subject); return;
      case 'CutoffTest': walk(x.subject); return;
      case 'And': case 'Or': x.operands.forEach(walk); return;
      case 'Not': walk(x.operand); return;
      default: return;
    }
  };
  walk(e);
  return [...slots];
}
