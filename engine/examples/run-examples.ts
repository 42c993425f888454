// Runs a policy's worked examples: each scenario through the compiled rules, each expectation
// compared with the outcome. Used by `avtal test`, the editor's examples panel and the test suite.
import type * as A from '../../dsl/ast/ast';
import type { Range } from '../../dsl/diagnostics';
import type { CompiledPolicy } from '../compiler/compile';
import type { CompiledExample } from '../compiler/example-case';
import { evaluate } from '../evaluator/evaluate';
import type { EvaluationResult, VersionInfo } from '../evaluator/result';
import { isMonthlyExample, runMonthlyExample } from './monthly-examples';

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

function check(e: A.Expectation, ruleId: string | undefined, r: EvaluationResult): Omit<ExpectationResult, 'range'> {
  const payment = r.payments.find((p) => p.id === ruleId) ?? r.payments[0];
  const row = (text: string, expected: unknown, actual: unknown) => ({ text, expected: String(expected), actual: String(actual ?? 'none'), pass: String(expected) === String(actual ?? 'none') });
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
        if (p) return row(`payment ${e.deadline.text}`, e.status, p.status);
      }
      return row(`deadline ${e.deadline.text}`, e.status, d?.status);
    }
    default: return row(e.kind, 'an outcome of one care episode', 'a ladder outcome (see engine/monthly)');
  }
}

export function runExample(p: CompiledPolicy, ex: CompiledExample, version: VersionInfo): ExampleResult {
  const result = evaluate(p, ex.data, version);
  const expectations = ex.decl.expects.map((e) => ({ ...check(e, ex.decl.rule?.text, result), range: e.range }));
  const errors = ex.errors.map((e) => e.message);
  return {
    id: ex.decl.id.text, title: ex.decl.title?.value, derived: ex.decl.derived, rule: ex.decl.rule?.text,
    pass: errors.length === 0 && expectations.every((x) => x.pass), expectations, errors, range: ex.decl.range, result,
  };
}

export function runExamples(p: CompiledPolicy, version: VersionInfo): ExampleResult[] {
  return p.examples.map((ex) => (isMonthlyExample(p, ex.decl) ? runMonthlyExample(p, ex, version) : runExample(p, ex, version)));
}
