// Example coverage, like `opa test --coverage`: which rules, branches and ladder transitions the worked
// examples exercise. Read off the evaluation outcomes (which requirement or exemption decided, which
// grace and day-1 alternative was chosen) and the explanation steps; the compiler is not changed. Browser-safe.
import type * as A from '../../dsl/ast/ast';
import type { CompiledPolicy } from '../compiler/compile';
import { PaymentCode } from '../compiler/payment';
import { DeadlineCode } from '../compiler/deadline';
import { evaluateOutcomes } from '../evaluator/evaluate';
import type { VersionInfo } from '../evaluator/result';
import { runExamples } from '../examples/run-examples';
import { isMonthlyExample } from '../examples/monthly-examples';
import { render, type MessageCode, type MsgLang, type Params } from '../../dsl/messages';

export interface Branch {
  /** The rule (or interpretation) the branch belongs to. */
  rule: string;
  /** What the branch is, in the language asked for: "frist 4 dagar (med villkor)", "krav 2 är inte uppfyllt", "hållen"; "grace 4 days (conditional)". */
  what: string;
  kind: 'rule' | 'grace' | 'day-one' | 'requirement' | 'exemption' | 'condition' | 'outcome' | 'interpretation' | 'transition';
  line: number;
  range: A.Node['range'];
  /** The examples that exercise it. */
  by: string[];
  hits: number;
}

export interface ExampleCoverage {
  examples: number;
  branches: Branch[];
  covered: number;
  /** Exercised share in per cent, one decimal; 100 when there is nothing to exercise. */
  percent: number;
}

const exprLine = (e: A.Node) => e.range.start.line;

/** The branches of a compiled policy and, for each, the worked examples that reach it; what each is, in `lang` (Swedish by default). */
export function exampleCoverage(p: CompiledPolicy, version: VersionInfo, lang: MsgLang = 'sv'): ExampleCoverage {
  const branches: Branch[] = [];
  const add = (rule: string, what: [MessageCode, Params?], kind: Branch['kind'], node: A.Node): Branch => {
    const b: Branch = { rule, what: render(what[0], what[1], lang), kind, line: exprLine(node), range: node.range, by: [], hits: 0 };
    branches.push(b);
    return b;
  };
  const hit = (b: Branch | undefined, example: string) => {
    if (!b) return;
    b.hits++;
    if (!b.by.includes(example)) b.by.push(example);
  };

  // Payment rules: responsible at all; each requirement unmet; each exemption applied; each grace and day-1 alternative chosen.
  const payments = p.payments.map((c) => {
    const d = c.decl;
    const name = d.id.text;
    return {
      responsible: add(name, ['review.branch.responsible'], 'rule', d.id),
      requires: d.requires.map((r, i) => add(name, ['review.branch.requirementUnmet', { n: i + 1 }], 'requirement', r)),
      exempt: d.exempt.map((r, i) => add(name, ['review.branch.exemptionApplies', { n: i + 1 }], 'exemption', r)),
      grace: d.grace.map((g) => add(name, ['review.branch.grace', { n: g.value.n, unit: g.value.unit, conditional: !!g.when }], 'grace', g)),
      dayOne: d.dayOne.length > 1 ? d.dayOne.map((g) => add(name, ['review.branch.dayOne', { value: g.value, conditional: !!g.when }], 'day-one', g)) : [],
    };
  });
  // Deadlines: met and missed; not applicable when the deadline has a condition.
  const deadlines = p.deadlines.map((c) => {
    const d = c.decl;
    const name = d.id.text;
    return {
      met: add(name, ['review.branch.met'], 'outcome', d.id),
      missed: add(name, ['review.branch.missed'], 'outcome', d.id),
      notApplicable: d.when ? add(name, ['review.branch.notApplicable'], 'condition', d.when) : undefined,
    };
  });
  // Computed dates: applies; does not apply when conditional.
  const computed = p.computed.map((c) => {
    const d = c.decl;
    return { applies: add(d.id.text, ['review.branch.applies'], 'outcome', d.id), not: d.when ? add(d.id.text, ['review.branch.doesNotApply'], 'condition', d.when) : undefined };
  });
  // Ladder transitions.
  const transitions = new Map<string, Branch>();
  for (const l of p.ladders.values()) {
    for (const t of l.decl.transitions) transitions.set(`${l.decl.id.text}: ${t.from.text} → ${t.to.text}`, add(l.decl.id.text, ['review.branch.transition', { from: t.from.text, to: t.to.text }], 'transition', t));
  }
  // Interpretations a rule relies on (only those can be exercised by an example).
  const interpretations = new Map<string, Branch>();
  const relied = new Set<string>();
  // The expressions of the rules examples can reach; a cutoff's interpretations count only when one of them names the cutoff
  // (a cutoff used by a monthly measure alone is not reached by any example: monthly examples give averages).
  const ruleExprs: A.Expr[] = [];
  for (const d of p.ast.declarations) {
    if (d.kind === 'Deadline' || d.kind === 'Payment' || d.kind === 'Computed') for (const n of d.see) relied.add(n.text);
    if (d.kind === 'Deadline') ruleExprs.push(...[d.when, d.anchor, d.every?.start].filter((x): x is A.Expr => !!x));
    if (d.kind === 'Computed') ruleExprs.push(...[d.when, d.value].filter((x): x is A.Expr => !!x));
    if (d.kind === 'Payment') ruleExprs.push(...d.requires, ...d.exempt, ...[...d.grace, ...d.dayOne].flatMap((g) => (g.when ? [g.when] : [])));
  }
  for (const d of p.ast.declarations) {
    if (d.kind === 'Cutoff' && ruleExprs.some((e) => mentions(e, d.id.text))) for (const n of d.see) relied.add(n.text);
  }
  for (const [name, d] of p.interpretations) if (relied.has(name)) interpretations.set(name, add(name, ['review.branch.interpretation'], 'interpretation', d.id));
  // A cutoff's interpretations are exercised when a condition naming the cutoff is evaluated.
  const cutoffSee = new Map<string, string[]>();
  for (const d of p.ast.declarations) if (d.kind === 'Cutoff') cutoffSee.set(d.id.text, d.see.map((n) => n.text));

  const results = runExamples(p, version, lang);
  p.examples.forEach((ex, i) => {
    const id = ex.decl.id.text;
    const r = results[i];
    for (const step of r?.result.explanation ?? []) {
      for (const n of step.interpretations) hit(interpretations.get(n), id);
      hit(transitions.get(step.rule), id);
    }
    if (isMonthlyExample(p, ex.decl)) return;
    const o = evaluateOutcomes(p, ex.data);
    o.payments.forEach((po, k) => {
      const b = payments[k];
      if (po.code === PaymentCode.Responsible) {
        hit(b.responsible, id);
        hit(b.grace[po.graceClause], id);
        hit(b.dayOne[po.dayOneClause], id);
        const decl = p.payments[k].decl;
        for (const g of [...decl.grace, ...decl.dayOne]) {
          if (!g.when) continue;
          for (const [cutoff, see] of cutoffSee) if (mentions(g.when, cutoff)) for (const n of see) hit(interpretations.get(n), id);
        }
      } else if (po.lawRule >= 0) return; // the law's condition decided: none of this rule's own branches
      else if (po.code === PaymentCode.RequirementUnmet || (po.code === PaymentCode.NotStarted && po.clause >= 0)) hit(b.requires[po.clause], id);
      else if (po.code === PaymentCode.Exempt) hit(b.exempt[po.clause], id);
    });
    o.deadlines.forEach((dl, k) => {
      const b = deadlines[k];
      if (dl.code === DeadlineCode.Met) hit(b.met, id);
      else if (dl.code === DeadlineCode.Missed) hit(b.missed, id);
      else if (dl.code === DeadlineCode.NotApplicable) hit(b.notApplicable, id);
    });
    p.computed.forEach((c, k) => {
      const co = c.run(ex.data);
      hit(co.applies ? computed[k].applies : computed[k].not, id);
    });
  });
  branches.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const covered = branches.filter((b) => b.hits > 0).length;
  const percent = branches.length === 0 ? 100 : Math.floor((1000 * covered) / branches.length) / 10;
  return { examples: p.examples.length, branches, covered, percent };
}

/** Whether an expression names a declaration (a cutoff) anywhere. */
function mentions(e: A.Expr, name: string): boolean {
  switch (e.kind) {
    case 'NameRef': return e.name === name;
    case 'Call': return e.args.some((a) => mentions(a, name));
    case 'Arith': case 'Compare': return mentions(e.left, name) || mentions(e.right, name);
    case 'Is': return mentions(e.subject, name);
    case 'CutoffTest': return mentions(e.subject, name) || mentions(e.cutoff, name);
    case 'And': case 'Or': return e.operands.some((x) => mentions(x, name));
    case 'Not': return mentions(e.operand, name);
    default: return false;
  }
}
