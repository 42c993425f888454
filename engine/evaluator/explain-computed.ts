// A computed date's outcome → its JSON result and its explanation step.
import { dayToIso } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledComputed, ComputedOutcome } from '../compiler/computed';
import { interpretationsOf } from './explain';
import { exprText } from './expr-text';
import type { ComputedResult, ExplanationStep } from './result';

export function presentComputed(p: CompiledPolicy, r: CompiledComputed, o: ComputedOutcome, steps: ExplanationStep[] | undefined): ComputedResult {
  const d = r.decl;
  const lang = p.ast.lang;
  const date = o.applies && !Number.isNaN(o.day) ? dayToIso(o.day) : null;
  const reason = !o.applies
    ? `applies only when ${exprText(d.when!, lang)}, which does not hold`
    : date === null
      ? `${exprText(d.value!, lang)} needs an event that is not recorded`
      : `${exprText(d.value!, lang)} = ${date}`;
  steps?.push({
    rule: d.id.text, title: d.title?.value, text: `Computed ${d.id.text}: ${reason}.`,
    interpretations: interpretationsOf(d), values: { date },
  });
  return { id: d.id.text, title: d.title?.value, date, applies: o.applies, reason };
}
