// Type inference for expressions: every expression gets a type or a located diagnostic.
import type * as A from '../ast/ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { msg } from '../messages/render';
import { lookupFunction } from '../builtins/functions';
import { lookupEnumValue } from '../builtins/vocabulary';
import { sameType, typeName, type Type } from '../builtins/types';
import type { Symbols } from './symbols';

export class TypeChecker {
  constructor(private readonly symbols: Symbols, private readonly out: Diagnostic[]) {}

  /** A condition: a boolean expression, or an event name meaning "the event is recorded". */
  condition(e: A.Expr): void {
    if (e.kind === 'NameRef') {
      const s = this.symbols.lookup(e.name);
      if (s?.kind === 'vocabulary' && s.entry.kind === 'event') return;
    }
    this.expect(e, 'boolean');
  }

  expect(e: A.Expr, want: Type): void {
    const got = this.infer(e);
    if (got && !sameType(got, want)) this.out.push(diagnostic('AVT-C010', e.range, { expected: typeName(want), actual: typeName(got) }));
  }

  /** The type of an expression; undefined when an error was already reported. */
  infer(e: A.Expr): Type | undefined {
    switch (e.kind) {
      case 'Number': return 'number';
      case 'Money': return 'money';
      case 'Duration': return e.unit === 'minutes' || e.unit === 'hours' ? 'elapsed' : 'days';
      case 'Date': return 'date';
      case 'Instant': return 'instant';
      case 'Time': return 'time';
      case 'String': return 'text';
      case 'Bool': return 'boolean';
      case 'NameRef': return this.nameType(e);
      case 'Call': return this.call(e);
      case 'Arith': return this.arith(e);
      case 'Compare': return this.compare(e);
      case 'Is': return this.isTest(e);
      case 'CutoffTest': return this.cutoffTest(e);
      case 'And':
      case 'Or':
        for (const o of e.operands) this.condition(o);
        return 'boolean';
      case 'Not':
        this.condition(e.operand);
        return 'boolean';
    }
  }

  private nameType(e: A.NameRef): Type | undefined {
    const s = this.symbols.lookup(e.name);
    if (!s) {
      const hint = this.symbols.suggest(e.name);
      this.out.push(diagnostic('AVT-C002', e.range, { name: e.name, hint: hint ? msg('hint.didYouMean', { name: hint }) : '' }));
      return undefined;
    }
    if (s.kind === 'vocabulary') {
      if (s.entry.kind === 'event') return 'instant';
      switch (s.entry.type) {
        case 'boolean': return 'boolean';
        case 'count': return 'number';
        case 'date': return 'date';
        case 'text': return 'text';
        case 'enum': return { enum: s.entry.id };
      }
    }
    switch (s.decl.kind) {
      case 'Cutoff': return 'cutoff';
      case 'Parameter': {
        const first = s.decl.values[0];
        return first ? this.infer(first.value) : 'number';
      }
      default:
        this.out.push(diagnostic('AVT-C003', e.range, { name: e.name, actual: s.decl.kind.toLowerCase(), expected: 'value' }));
        return undefined;
    }
  }

  private call(e: A.Call): Type | undefined {
    const fn = lookupFunction(e.fn.text);
    if (!fn) {
      this.out.push(diagnostic('AVT-C004', e.fn.range, { name: e.fn.text }));
      return undefined;
    }
    const min = fn.params.length;
    if (e.args.length < min || (!fn.variadic && e.args.length > min)) {
      this.out.push(diagnostic('AVT-C005', e.range, { name: e.fn.text, expected: fn.variadic ? `${min} or more` : min, actual: e.args.length }));
      return fn.result;
    }
    e.args.forEach((arg, i) => this.expect(arg, fn.params[Math.min(i, fn.params.length - 1)]));
    return fn.result;
  }

  private arith(e: A.Arith): Type | undefined {
    const l = this.infer(e.left);
    const r = this.infer(e.right);
    if (!l || !r) return undefined;
    const result = arithResult(e.op, l, r);
    if (!result) this.out.push(diagnostic('AVT-C011', e.range, { op: e.op, left: typeName(l), right: typeName(r) }));
    return result;
  }

  private compare(e: A.Compare): Type | undefined {
    const l = this.infer(e.left);
    const r = this.infer(e.right);
    if (!l || !r) return 'boolean';
    if (l === 'time' || r === 'time') {
      const t = (l === 'time' ? e.left : e.right) as A.Expr;
      this.out.push(diagnostic('AVT-C012', e.range, { time: t.kind === 'Time' ? t.text : 'HH:MM' }));
    } else if (!sameType(l, r) || l === 'cutoff' || (l === 'boolean' && e.op !== '=' && e.op !== '!=')) {
      this.out.push(diagnostic('AVT-C011', e.range, { op: e.op, left: typeName(l), right: typeName(r) }));
    }
    return 'boolean';
  }

  private isTest(e: A.IsTest): Type {
    const t = this.infer(e.subject);
    if (!t) return 'boolean';
    if (typeof t !== 'object') {
      this.out.push(diagnostic('AVT-C011', e.range, { op: 'is', left: typeName(t), right: 'a named value' }));
      return 'boolean';
    }
    const s = this.symbols.lookup(t.enum);
    if (s?.kind === 'vocabulary' && s.entry.kind === 'fact' && !lookupEnumValue(s.entry, e.value.text)) {
      this.out.push(diagnostic('AVT-C013', e.value.range, {
        value: e.value.text, fact: s.entry.id, values: (s.entry.values ?? []).map((v) => `${v.id}/${v.sv}`).join(', '),
      }));
    }
    return 'boolean';
  }

  private cutoffTest(e: A.CutoffTest): Type {
    this.expect(e.subject, 'instant');
    if (e.cutoff.kind === 'Time') {
      this.out.push(diagnostic('AVT-C012', e.cutoff.range, { time: e.cutoff.text }));
      return 'boolean';
    }
    const t = this.infer(e.cutoff);
    if (t && t !== 'cutoff') this.out.push(diagnostic('AVT-C010', e.cutoff.range, { expected: 'cutoff', actual: typeName(t) }));
    return 'boolean';
  }
}

/** The result of `left op right`, or undefined when the combination has no meaning. */
export function arithResult(op: A.ArithOp, l: Type, r: Type): Type | undefined {
  if (typeof l === 'object' || typeof r === 'object') return undefined;
  const key = `${l}${op}${r}`;
  const table: Record<string, Type> = {
    'number+number': 'number', 'number-number': 'number',
    'money+money': 'money', 'money-money': 'money',
    'elapsed+elapsed': 'elapsed', 'elapsed-elapsed': 'elapsed',
    'days+days': 'days', 'days-days': 'days',
    'instant+elapsed': 'instant', 'instant-elapsed': 'instant',
    'date+days': 'date', 'date-days': 'date',
  };
  return table[key];
}
