// Expressions → closures over CaseData. The checker has typed every expression, so each closure
// returns the representation of its type: instants in epoch ms, dates as Day numbers, elapsed time
// in ms, counted days and numbers as numbers, enum values by their English id. An unrecorded event is
// NaN, and every comparison with NaN is false: a condition about an event that has not happened does not hold.
import type * as A from '../../dsl/ast/ast';
import type { TExpr } from '../../dsl/checker/program';
import { parseIsoDate, localDayOf, parseInstant, utcOffsetMinutes, MS_PER_DAY } from '../calendar';
import type { CaseData, FactValue } from '../case/case-data';
import { BUILTIN_IMPLS, UNARY_IMPLS } from './builtins';

export type Value = number | boolean | string | undefined;
export type Compiled = (c: CaseData) => Value;
export type Condition = (c: CaseData) => boolean;

const MS = { minutes: 60_000, hours: 3_600_000 } as const;

/** The slot of an expression that is just an event's name, else -1: read without a call. */
export function eventRefSlot(e: TExpr): number {
  return e.kind === 'Event' ? e.event.slot : -1;
}

export function compileCondition(e: TExpr): Condition {
  // An event name as a condition means "the event is recorded" (events are numbers: only NaN differs from itself).
  if (e.kind === 'Event') {
    const slot = e.event.slot;
    return (c) => c.events[slot] === c.events[slot];
  }
  if (e.kind === 'Fact' && e.fact.entry.type === 'boolean') return compileExpr(e) as Condition;
  // These always yield a boolean: no `=== true` wrapper on the hot path.
  if (e.kind === 'Compare' || e.kind === 'CutoffTest' || e.kind === 'Is' || e.kind === 'And' || e.kind === 'Or' || e.kind === 'Not') return compileExpr(e) as Condition;
  const f = compileExpr(e);
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

export function compileTest(e: TExpr): Test {
  const call = compileCondition(e);
  if (e.kind === 'Event') return { kind: TestKind.Recorded, slot: e.event.slot, value: undefined, call };
  if (e.kind === 'Fact' && e.fact.entry.type === 'boolean') return { kind: TestKind.FactIs, slot: e.fact.slot, value: true, call };
  if (e.kind === 'Is') return { kind: TestKind.FactIs, slot: e.fact.slot, value: e.value, call };
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

export function compileExpr(e: TExpr): Compiled {
  switch (e.kind) {
    case 'Literal': return compileLiteral(e.ast);
    case 'Event': {
      const slot = e.event.slot;
      return (c) => c.events[slot];
    }
    case 'Fact': {
      const slot = e.fact.slot;
      const type = e.fact.entry.type;
      if (type === 'boolean') return (c) => c.facts[slot] === true;
      if (type === 'count' || type === 'date') return (c) => (c.facts[slot] === undefined ? NaN : c.facts[slot]);
      return (c) => c.facts[slot];
    }
    case 'Parameter': return e.latest ? compileLiteral(e.latest) : () => undefined;
    case 'Cutoff': return () => undefined; // a cutoff is read only by a cutoff test
    case 'Call': {
      const fn = e.fn;
      const impl = BUILTIN_IMPLS[fn.id];
      const args = e.args.map((a) => compileExpr(a));
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
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      return e.op === '+' ? (c) => (l(c) as number) + (r(c) as number) : (c) => (l(c) as number) - (r(c) as number);
    }
    case 'Compare': return compileCompare(e);
    case 'Is': {
      const value = e.value;
      const slot = e.fact.slot; // read as a fact's value is read
      return (c) => c.facts[slot] === value;
    }
    case 'CutoffTest': return compileCutoffTest(e);
    case 'And': return allOf(e.operands.map((o) => compileCondition(o)));
    case 'Or': return anyOf(e.operands.map((o) => compileCondition(o)));
    case 'Not': {
      const op = compileCondition(e.operand);
      return (c) => !op(c);
    }
  }
}

function compileLiteral(e: A.Literal): Compiled {
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
  }
}

function compileCompare(e: Extract<TExpr, { kind: 'Compare' }>): Compiled {
  const l = compileExpr(e.left);
  const r = compileExpr(e.right);
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
function compileCutoffTest(e: Extract<TExpr, { kind: 'CutoffTest' }>): Compiled {
  const subject = compileExpr(e.subject);
  const cutoff = e.cutoff;
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
export function eventRefs(e: TExpr): number[] {
  const slots = new Set<number>();
  const walk = (x: TExpr): void => {
    switch (x.kind) {
      case 'Event': slots.add(x.event.slot); return;
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
