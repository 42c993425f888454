// A computed date's outcome → its JSON result and its explanation step.
import { dayToIso } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledComputed, ComputedOutcome } from '../compiler/computed';
import { interpretationsOf } from './explain';
import type { MsgLang } from '../../dsl/messages/render';
import { EXPLAIN_MESSAGES as X } from '../../dsl/messages/explain';
import { exprText } from './expr-text';
import type { ComputedResult, ExplanationStep } from './result';

export function presentComputed(p: CompiledPolicy, r: CompiledComputed, o: ComputedOutcome, steps: ExplanationStep[] | undefined, lang: MsgLang = 'sv'): ComputedResult {
  const d = r.decl;
  const { when, value } = r.rule;
  const date = o.applies && !Number.isNaN(o.day) ? dayToIso(o.day) : null;
  const reason = !o.applies
    ? X['reason.computed.notApplicable'][lang]({ cond: when ? exprText(when.ast, lang) : '' }, lang)
    : date === null
      ? X['reason.computed.missing'][lang]({ expr: exprText(value.ast, lang) }, lang)
      : X['reason.computed.value'][lang]({ expr: exprText(value.ast, lang), date }, lang);
  steps?.push({
    rule: d.id.text, title: d.title?.value, text: X['explain.computed'][lang]({ id: d.id.text, reason }, lang),
    interpretations: interpretationsOf(d), values: { date },
  });
  return { id: d.id.text, title: d.title?.value, date, applies: o.applies, reason };
}
