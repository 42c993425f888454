// A computed date's outcome → its JSON result and its explanation step.
import { dayToIso } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledComputed, ComputedOutcome } from '../compiler/computed';
import { interpretationsOf } from './explain';
import { render, type MsgLang } from '../../dsl/messages/render';
import { exprText } from './expr-text';
import type { ComputedResult, ExplanationStep } from './result';

export function presentComputed(p: CompiledPolicy, r: CompiledComputed, o: ComputedOutcome, steps: ExplanationStep[] | undefined, lang: MsgLang = 'sv'): ComputedResult {
  const d = r.decl;
  const date = o.applies && !Number.isNaN(o.day) ? dayToIso(o.day) : null;
  const reason = !o.applies
    ? render('reason.computed.notApplicable', { cond: exprText(d.when!, lang) }, lang)
    : date === null
      ? render('reason.computed.missing', { expr: exprText(d.value!, lang) }, lang)
      : render('reason.computed.value', { expr: exprText(d.value!, lang), date }, lang);
  steps?.push({
    rule: d.id.text, title: d.title?.value, text: render('explain.computed', { id: d.id.text, reason }, lang),
    interpretations: interpretationsOf(d), values: { date },
  });
  return { id: d.id.text, title: d.title?.value, date, applies: o.applies, reason };
}
