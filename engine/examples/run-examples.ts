// Runs a policy's worked examples: each scenario through the compiled rules, each expectation
// compared with the outcome. Used by `avtal test`, the editor's examples panel and the test suite.
import type * as A from '../../dsl/ast/ast';
import type { Range } from '../../dsl/diagnostics';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledExample } from '../compiler/example-case';
import { evaluate } from '../evaluator/evaluate';
import type { EvaluationResult, VersionInfo } from '../evaluator/result';
import { isMonthlyExample, runMonthlyExample } from './monthly-examples';
import { hasMessage, render, type MsgLang } from '../../dsl/messages/render';

/** A word of an expectation row in the language ('not responsible' → 'inget betalningsansvar'); dates and numbers as they are. */
function shown(value: string, lang: MsgLang): string {
  if (lang === 'en') return value;
  const from = /^responsible from (.*)$/.exec(value);
  if (from) return render('example.responsibleFrom', { date: from[1] }, lang);
  const unit = /^(\d+(?:\.\d+)?) (SEK|days|calendar-days|weekdays|working-days)$/.exec(value);
  if (unit) return `${unit[1]} ${render(`example.unit.${unit[2]}`, {}, lang)}`;
  return hasMessage(`example.value.${value}`) ? render(`example.value.${value}`, {}, lang) : value;
}

export interface ExpectationResult {
  text: string; // the expectation as written
  pass: boolean;
  expected: string;
  actual: string;
  range: Range;
}

export interface ExampleResult {
  id: string;
  title?: string;
  derived: boolean;
  rule?: string;
  pass: boolean;
  expectations: ExpectationResult[];
  errors: string[];
  range: Range;
  result: EvaluationResult;
}

function check(e: A.Expectation, ruleId: string | undefined, r: EvaluationResult, lang: MsgLang): Omit<ExpectationResult, 'range'> {
  const payment = r.payments.find((p) => p.id === ruleId) ?? r.payments[0];
  // compared as written (English words, ISO dates), shown in the language
  const row = (text: string, expected: unknown, actual: unknown) => ({
    text: hasMessage(`example.row.${text}`) ? render(`example.row.${text}`, {}, lang) : text,
    expected: shown(String(expected), lang), actual: shown(String(actual ?? 'none'), lang), pass: String(expected) === String(actual ?? 'none'),
  });
  switch (e.kind) {
    case 'first-payable-day': return row('first payable day', e.date, payment?.firstPayableDay);
    case 'no-payment': return row('no payment', 'not responsible', payment ? (payment.responsible ? `responsible from ${payment.firstPayableDay}` : payment.status === 'pending' ? 'pending' : 'not responsible') : 'no payment rule');
    case 'billable-days': return row('billable days', e.n, payment?.totalBillableDays);
    case 'amount': return row('amount', `${e.value} SEK`, payment?.totalAmount == null ? 'none' : `${payment.totalAmount} SEK`);
    case 'grace': return row('grace days', `${e.count.n} ${e.count.unit}`, payment?.graceDays == null ? 'none' : `${payment.graceDays} ${payment.graceUnit}`);
    case 'day-one': return row('day 1', e.date, payment?.dayOne);
    case 'computed': {
      const d = r.computed.find((x) => x.id === e.computed.text);
      return row(e.computed.text, e.date, d?.date);
    }
    case 'deadline': {
      const d = r.deadlines.find((x) => x.id === e.deadline.text);
      if (!d) {
        const p = r.payments.find((x) => x.id === e.deadline.text);
        if (p) return { ...row(`payment ${e.deadline.text}`, e.status, p.status), text: render('example.row.payment', { id: e.deadline.text }, lang) };
      }
      return { ...row(`deadline ${e.deadline.text}`, e.status, d?.status), text: render('example.row.deadline', { id: e.deadline.text }, lang) };
    }
    default: return row(e.kind, 'an outcome of one care episode', 'a ladder outcome (see engine/monthly)');
  }
}

export function runExample(p: CompiledPolicy, ex: CompiledExample, version: VersionInfo, lang: MsgLang = 'sv'): ExampleResult {
  const result = evaluate(p, ex.data, version, { lang });
  const expectations = ex.decl.expects.map((e) => ({ ...check(e, ex.decl.rule?.text, result, lang), range: e.range }));
  const errors = ex.errors.map((e) => render(e.text.code, e.text.params, lang));
  return {
    id: ex.decl.id.text, title: ex.decl.title?.value, derived: ex.decl.derived, rule: ex.decl.rule?.text,
    pass: errors.length === 0 && expectations.every((x) => x.pass), expectations, errors, range: ex.decl.range, result,
  };
}

export function runExamples(p: CompiledPolicy, version: VersionInfo, lang: MsgLang = 'sv'): ExampleResult[] {
  return p.examples.map((ex) => (isMonthlyExample(p, ex.decl) ? runMonthlyExample(p, ex, version, lang) : runExample(p, ex, version, lang)));
}
