// The compiler: a checked AST → a CompiledPolicy of closures. Never eval, never new Function.
// It is a named, ordered list of small passes; each reads the AST and what earlier passes built.
import { compileComputed, type CompiledComputed } from './computed';
import type * as A from '../../dsl/ast/ast';
import type { CompileScope } from './expressions';
import { compileDeadline, type CompiledDeadline } from './deadline';
import { compileTimingDeadline } from './recurrence';
import { isTimingDeadline } from '../../dsl/checker/recurrence';
import { compilePayment, type CompiledPayment } from './payment';
import { compileExampleCase, type CompiledExample } from './example-case';
import { compileMeasure, type CompiledMeasure } from './measure';
import { compileLadder, type CompiledLadder } from './ladder';

export interface CompiledPolicy {
  ast: A.Policy;
  header: A.Header;
  interpretations: Map<string, A.Interpretation>;
  deadlines: CompiledDeadline[];
  payments: CompiledPayment[];
  examples: CompiledExample[];
  rules: Map<string, CompiledDeadline | CompiledPayment>;
  measures: Map<string, CompiledMeasure>;
  ladders: Map<string, CompiledLadder>;
  computed: CompiledComputed[];
}

interface PassState {
  ast: A.Policy;
  scope: CompileScope;
  out: CompiledPolicy;
}

type Pass = { name: string; run(s: PassState): void };

const PASSES: Pass[] = [
  // 1. Interpretations first: rules and explanations refer to them by name.
  { name: 'interpretations', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Interpretation') s.out.interpretations.set(d.id.text, d); } },
  // 2. Deadlines and 3. payments need the scope (cutoffs, parameters), which is the AST's own.
  { name: 'deadlines', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Deadline') s.out.deadlines.push(isTimingDeadline(d) ? compileTimingDeadline(d, s.scope) : compileDeadline(d, s.scope)); } },
  { name: 'payments', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Payment') s.out.payments.push(compilePayment(d, s.scope)); } },
  // 3b. Computed dates (an estimated discharge date, how long medicines last).
  { name: 'computed', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Computed') s.out.computed.push(compileComputed(d, s.scope)); } },
  // 4. The rule index, after every rule is compiled.
  { name: 'rule-index', run: (s) => { for (const r of [...s.out.deadlines, ...s.out.payments]) s.out.rules.set(r.decl.id.text, r); } },
  // 4b. Monthly measures, then the ladders that read them (engine/monthly).
  { name: 'measures', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Measure') s.out.measures.set(d.id.text, compileMeasure(d, s.scope)); } },
  { name: 'ladders', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Ladder') s.out.ladders.set(d.id.text, compileLadder(d, s.scope.parameter)); } },
  // 5. Examples last: each becomes a ready case bound to the rule it illustrates.
  { name: 'examples', run: (s) => { for (const d of s.ast.declarations) if (d.kind === 'Example') s.out.examples.push(compileExampleCase(d)); } },
];

/** Compiles a policy the checker passed without errors. */
export function compile(ast: A.Policy): CompiledPolicy {
  const cutoffs = new Map<string, A.Cutoff>();
  const parameters = new Map<string, A.Parameter>();
  for (const d of ast.declarations) {
    if (d.kind === 'Cutoff') cutoffs.set(d.id.text, d);
    if (d.kind === 'Parameter') parameters.set(d.id.text, d);
  }
  const scope: CompileScope = { cutoff: (n) => cutoffs.get(n), parameter: (n) => parameters.get(n) };
  const out: CompiledPolicy = { ast, header: ast.header!, interpretations: new Map(), deadlines: [], payments: [], examples: [], rules: new Map(), measures: new Map(), ladders: new Map(), computed: [] };
  for (const pass of PASSES) pass.run({ ast, scope, out });
  return out;
}
