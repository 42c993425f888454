// A computed date → a closure that answers: does it apply to this case, and which date is it?
import type * as A from '../../dsl/ast/ast';
import type { CaseData } from '../case/case-data';
import type { CComputed } from '../../dsl/checker/program';
import { compileCondition, compileExpr } from './expressions';

export interface ComputedOutcome {
  applies: boolean;
  day: number; // calendar Day; NaN when an event it needs is not recorded
}

export interface CompiledComputed {
  decl: A.Computed;
  rule: CComputed;
  run(c: CaseData): ComputedOutcome;
}

const NOT_APPLICABLE: ComputedOutcome = Object.freeze({ applies: false, day: NaN });

export function compileComputed(d: CComputed): CompiledComputed {
  const when = d.when ? compileCondition(d.when) : undefined;
  const value = compileExpr(d.value);
  return {
    decl: d.decl,
    rule: d,
    run: (c) => (when && !when(c) ? NOT_APPLICABLE : { applies: true, day: value(c) as number }),
  };
}
