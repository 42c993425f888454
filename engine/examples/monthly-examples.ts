// Runs a ladder's worked example: the example's monthly averages through the ladder, each expectation
// (step, action, invoiced months) compared with the outcome.
import type * as A from '../../dsl/ast/ast';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledExample } from '../compiler/example-case';
import type { ExampleResult } from './run-examples';
import type { VersionInfo } from '../evaluator/result';
import { evaluateMonths } from '../monthly/evaluate-months';
import { hasMessage, render, type MsgLang } from '../../dsl/messages/render';

/** Whether an example illustrates a ladder (and so is a monthly scenario). */
export function isMonthlyExample(p: CompiledPolicy, ex: A.Example): boolean {
  return !!ex.rule && p.ladders.has(ex.rule.text);
}

export function runMonthlyExample(p: CompiledPolicy, ex: CompiledExample, version: VersionInfo, lang: MsgLang = 'sv'): ExampleResult {
  const d = ex.decl;
  const averages: Record<string, Record<string, number>> = {};
  for (const a of d.averages ?? []) (averages[a.municipality?.text ?? 'A'] ??= {})[a.month] = a.value;
  const r = evaluateMonths(p, { averages }, { ladder: d.rule!.text, lang });
  const rows = r.municipalities.flatMap((m) => m.months);
  const invoiced = [...new Set(r.municipalities.flatMap((m) => m.invoicedMonths))].sort();
  // compared as written (names, ISO months, 'none'), shown in the language
  const value = (v: string) => (hasMessage(`example.value.${v}`) ? render(`example.value.${v}`, {}, lang) : v);
  const row = (text: string, params: Record<string, string>, expected: string, actual: string, range: A.Node['range']) => ({
    text: render(`example.row.${text}`, params, lang), expected: value(expected), actual: value(actual), pass: expected === actual, range,
  });
  const expectations = d.expects.map((e) => {
    switch (e.kind) {
      case 'step': return row('step', { month: e.month }, e.step.text, rows.find((x) => x.month === e.month)?.step ?? 'none', e.range);
      case 'action': {
        const acts = rows.find((x) => x.month === e.month)?.actions.map((a) => a.id) ?? [];
        return row('action', { month: e.month }, e.action.text, acts.includes(e.action.text) ? e.action.text : acts.length ? acts.join(', ') : 'none', e.range);
      }
      case 'invoice': return row('invoiced months', {}, [...e.months].sort().join(', '), invoiced.join(', ') || 'none', e.range);
      case 'no-invoice': return row('invoiced months', {}, 'none', invoiced.join(', ') || 'none', e.range);
      default: return { ...row('invoiced months', {}, 'a ladder outcome', 'not a ladder expectation', e.range), text: e.kind };
    }
  });
  const errors = r.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.code} ${x.message}`);
  return {
    id: d.id.text, title: d.title?.value, derived: d.derived, rule: d.rule?.text,
    pass: errors.length === 0 && expectations.every((x) => x.pass), expectations, errors, range: d.range,
    result: { version, deadlines: [], payments: [], computed: [], explanation: rows.flatMap((m) => m.explanation), citations: r.citations, warnings: r.diagnostics.filter((x) => x.severity === 'warning').map((x) => ({ code: x.code, message: x.message })) },
  };
}
