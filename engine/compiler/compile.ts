// The compiler: a checked program → a CompiledPolicy of closures. Never eval, never new Function.
// It reads only what the checker proved (dsl/checker/program.ts): no name is looked up here.
import type * as A from '../../dsl/ast/ast';
import type { CHeader, Program } from '../../dsl/checker/program';
import { compileComputed, type CompiledComputed } from './computed';
import { compileDeadline, type CompiledDeadline } from './deadline';
import { compileTimingDeadline } from './recurrence';
import { compilePayment, type CompiledPayment } from './payment';
import { compileExampleCase, type CompiledExample } from './example-case';
import { compileMeasure, type CompiledMeasure } from './measure';
import { compileLadder, type CompiledLadder } from './ladder';

export interface CompiledPolicy {
  program: Program;
  ast: A.Policy;
  header: CHeader;
  interpretations: ReadonlyMap<string, A.Interpretation>;
  deadlines: CompiledDeadline[];
  payments: CompiledPayment[];
  computed: CompiledComputed[];
  examples: CompiledExample[];
  rules: Map<string, CompiledDeadline | CompiledPayment>;
  measures: Map<string, CompiledMeasure>;
  ladders: Map<string, CompiledLadder>;
}

/** Compiles a policy the checker passed without errors: its checked program. */
export function compile(program: Program): CompiledPolicy {
  const deadlines = program.deadlines.map((d) => (d.form === 'within' ? compileDeadline(d) : compileTimingDeadline(d)));
  const payments = program.payments.map(compilePayment);
  const computed = program.computed.map(compileComputed);
  const measures = new Map(program.measures.map((m) => [m.id, compileMeasure(m)]));
  const byRule = new Map(program.measures.map((m) => [m, measures.get(m.id) as CompiledMeasure]));
  const ladders = new Map(program.ladders.map((l) => [l.id, compileLadder(l, byRule.get(l.measure) as CompiledMeasure)]));
  const rules = new Map<string, CompiledDeadline | CompiledPayment>();
  for (const r of [...deadlines, ...payments]) rules.set(r.rule.id, r);
  return {
    program, ast: program.ast, header: program.header, interpretations: program.interpretations, deadlines, payments, computed,
    examples: program.examples.map(compileExampleCase), rules, measures, ladders,
  };
}
