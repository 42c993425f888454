// The formatter: AST → canonical text, through the Doc IR. It keeps the file's language (or
// translates it when asked), keeps every comment, and prints clauses in one canonical order.
import type * as A from '../ast/ast';
import { spell, type Lang } from '../tokens/keywords';
import { lookupVocabulary, lookupEnumValue, vocabularyName } from '../builtins/vocabulary';
import { lookupFunction } from '../builtins/functions';
import { type Doc, hardline, indent, group, line, join, print } from './doc';

export interface FormatOptions {
  lang?: Lang; // print in this language instead of the file's own
  width?: number;
}

export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

class Printer {
  private comments: A.Comment[];
  private next = 0;

  constructor(private readonly lang: Lang, comments: A.Comment[]) {
    this.comments = [...comments].sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  k(name: string, singular = false): string {
    return spell(name, this.lang, singular);
  }

  /** The comments that stand before `offset` and are not printed yet, each on a line of its own. */
  commentsBefore(offset: number): Doc[] {
    const docs: Doc[] = [];
    while (this.next < this.comments.length && this.comments[this.next].range.start.offset < offset) {
      docs.push(this.comments[this.next].text, hardline);
      this.next++;
    }
    return docs;
  }

  remainingComments(): Doc[] {
    return this.commentsBefore(Infinity);
  }

  /** A clause on its own line, preceded by the comments that stood before it. */
  clause(node: A.Node, doc: Doc): Doc {
    return [hardline, ...this.commentsBefore(node.range.start.offset), doc];
  }

  name(text: string): string {
    const v = lookupVocabulary(text);
    if (v) return vocabularyName(v, this.lang);
    const f = lookupFunction(text);
    if (f) return this.lang === 'sv' ? f.sv : f.id;
    return text;
  }

  policy(p: A.Policy): string {
    const parts: Doc[] = [];
    if (p.header) parts.push(this.commentsBefore(p.header.range.start.offset), this.header(p.header));
    for (const d of p.declarations) {
      parts.push(hardline, hardline, ...this.commentsBefore(d.range.start.offset), this.declaration(d));
    }
    const rest = this.remainingComments();
    if (rest.length > 0) parts.push(hardline, hardline, rest);
    return print(parts).replace(/\n+$/, '') + '\n';
  }

  title(t: A.Str | undefined): Doc {
    return t ? [' ', quote(t.value)] : '';
  }

  header(h: A.Header): Doc {
    const clauses: Doc[] = [];
    if (h.county) clauses.push(this.clause(h.county, [this.k('County'), ' ', h.county.text]));
    if (h.version) {
      const status = h.status ? [' ', this.k(h.status === 'published' ? 'Published' : 'Draft')] : '';
      clauses.push(this.clause(h.version, [this.k('Version'), ' ', quote(h.version.value), status]));
    }
    if (h.validFrom) {
      const to = h.validTo === 'until-further-notice' || !h.validTo ? this.k('UntilFurtherNotice') : [this.k('To'), ' ', h.validTo.iso];
      clauses.push(this.clause(h.validFrom, [this.k('Valid'), ' ', this.k('From'), ' ', h.validFrom.iso, ' ', to]));
    }
    if (h.source) clauses.push(this.clause(h.source, [this.k('Source'), ' ', quote(h.source.value)]));
    if (h.fallback) clauses.push(this.clause(h.fallback, [this.k('Fallback'), ' ', h.fallback.text]));
    clauses.push(...h.cites.map((c) => this.cite(c)));
    if (h.see.length > 0) clauses.push(this.see(h.see));
    return [this.k('Agreement'), ' ', h.id.text, this.title(h.title), indent(clauses)];
  }

  cite(c: A.Citation): Doc {
    const file = c.file ? [' ', this.k('In'), ' ', quote(c.file.value)] : '';
    const q = c.quote ? indent(hardline, this.k('Quote'), ' ', quote(c.quote.value)) : '';
    return this.clause(c, [this.k('Cite'), ' ', quote(c.heading.value), file, q]);
  }

  see(names: A.Name[]): Doc {
    return this.clause(names[0], [this.k('See'), ' ', join(', ', names.map((n) => n.text))]);
  }

  declaration(d: A.Declaration): Doc {
    switch (d.kind) {
      case 'Interpretation': return this.interpretation(d);
      case 'Cutoff': return this.cutoff(d);
      case 'Deadline': return this.deadline(d);
      case 'Payment': return this.payment(d);
      case 'Parameter': return this.parameter(d);
      case 'Example': return this.example(d);
    }
  }

  interpretation(d: A.Interpretation): Doc {
    const clauses: Doc[] = d.cites.map((c) => this.cite(c));
    if (d.decision) clauses.push(this.clause(d.decision, [this.k('Decision'), ' ', quote(d.decision.value)]));
    return [this.k('Interpretation'), ' ', d.id.text, this.title(d.title), indent(clauses)];
  }

  cutoff(d: A.Cutoff): Doc {
    const clauses: Doc[] = d.cites.map((c) => this.cite(c));
    if (d.see.length > 0) clauses.push(this.see(d.see));
    return [
      this.k('Cutoff'), ' ', d.id.text, ' ', this.k('At'), ' ', d.time.text, ', ', d.boundary.text, ' ', this.k('CountsAs'), ' ',
      this.k(d.countsAs === 'before' ? 'Before' : 'After'), indent(clauses),
    ];
  }

  deadline(d: A.Deadline): Doc {
    const clauses: Doc[] = d.cites.map((c) => this.cite(c));
    if (d.see.length > 0) clauses.push(this.see(d.see));
    if (d.when) clauses.push(this.clause(d.when, [this.k('When'), ' ', this.expr(d.when)]));
    if (d.subject && d.within && d.anchor) {
      clauses.push(this.clause(d.subject, group(this.name(d.subject.text), ' ', this.k('Within'), ' ', this.duration(d.within.value, d.within.unit), ' ', this.k('After'), indent(line, this.expr(d.anchor)))));
    }
    return [this.k('Deadline'), ' ', d.id.text, this.title(d.title), indent(clauses)];
  }

  when(e: A.Expr | undefined): Doc {
    return e ? [' ', this.k('When'), ' ', this.expr(e)] : '';
  }

  payment(p: A.Payment): Doc {
    const clauses: Doc[] = p.cites.map((c) => this.cite(c));
    if (p.see.length > 0) clauses.push(this.see(p.see));
    if (p.from) clauses.push(this.clause(p.from, [this.k('From'), ' ', this.name(p.from.text)]));
    for (const d of p.dayOne) clauses.push(this.clause(d, [this.k('Days', true), ' 1: ', this.k(d.value === 'same-day' ? 'SameDay' : 'NextDay'), this.when(d.when)]));
    for (const g of p.grace) clauses.push(this.clause(g, [this.k('Grace'), ' ', this.duration(g.value.n, g.value.unit), this.when(g.when)]));
    for (const r of p.requires) clauses.push(this.clause(r, [this.k('Requires'), ' ', this.expr(r)]));
    for (const e of p.exempt) clauses.push(this.clause(e, [this.k('Exempt'), ' ', this.k('When'), ' ', this.expr(e)]));
    if (p.to) clauses.push(this.clause(p.to, [this.k('To'), ' ', this.name(p.to.event.text), ' ', this.k(p.to.inclusive ? 'Inclusive' : 'Exclusive')]));
    if (p.rate) clauses.push(this.clause(p.rate, [this.k('Rate'), ' ', p.rate.text]));
    return [this.k('Payment'), ' ', p.id.text, this.title(p.title), indent(clauses)];
  }

  parameter(p: A.Parameter): Doc {
    const clauses: Doc[] = p.cites.map((c) => this.cite(c));
    for (const v of p.values) {
      clauses.push(this.clause(v, [this.k('Value'), ' ', this.expr(v.value), ' ', this.k('For'), ' ', String(v.year), indent(v.cites.map((c) => this.cite(c)))]));
    }
    return [this.k('Parameter'), ' ', p.id.text, this.title(p.title), indent(clauses)];
  }

  example(ex: A.Example): Doc {
    const clauses: Doc[] = ex.cites.map((c) => this.cite(c));
    for (const a of ex.assumptions) clauses.push(this.clause(a, [this.k('Assume'), ' ', quote(a.value)]));
    for (const g of ex.givens) clauses.push(this.clause(g, [this.k('Given'), ' ', this.name(g.name.text), ' ', this.givenValue(g)]));
    for (const e of ex.expects) clauses.push(this.clause(e, [this.k('Expect'), ' ', this.expectation(e)]));
    const derived = ex.derived ? [' ', this.k('Derived')] : '';
    const rule = ex.rule ? [' ', this.k('For'), ' ', ex.rule.text] : '';
    return [this.k('Example'), ' ', ex.id.text, this.title(ex.title), derived, rule, indent(clauses)];
  }

  givenValue(g: A.Given): string {
    const v = g.value;
    switch (v.kind) {
      case 'instant': return v.time ? `${v.date} ${v.time}` : v.date;
      case 'boolean': return this.k(v.value ? 'Yes' : 'No');
      case 'number': return String(v.value);
      case 'string': return quote(v.value);
      case 'name': {
        const fact = lookupVocabulary(g.name.text);
        const ev = fact?.kind === 'fact' ? lookupEnumValue(fact, v.value) : undefined;
        return ev ? vocabularyName(ev, this.lang) : v.value;
      }
    }
  }

  expectation(e: A.Expectation): Doc {
    switch (e.kind) {
      case 'first-payable-day': return [this.k('FirstPayableDay'), ' ', e.date];
      case 'no-payment': return this.k('NoPayment');
      case 'billable-days': return [this.k('BillableDays'), ' ', String(e.n)];
      case 'amount': return [this.k('Amount'), ' ', String(e.value), ' ', this.k('Currency')];
      case 'grace': return [this.k('Grace'), ' ', this.duration(e.count.n, e.count.unit)];
      case 'day-one': return [this.k('Days', true), ' 1: ', e.date];
      case 'deadline': {
        const status = { met: 'Met', missed: 'Missed', pending: 'Pending', 'not-applicable': 'NotApplicable' }[e.status];
        return [e.deadline.text, ' ', this.k(status)];
      }
    }
  }

  duration(n: number, unit: A.DurationUnit): string {
    const kw = { minutes: 'Minutes', hours: 'Hours', days: 'Days', 'calendar-days': 'CalendarDays', weekdays: 'Weekdays', 'working-days': 'WorkingDays' }[unit];
    return `${n} ${this.k(kw, n === 1)}`;
  }

  expr(e: A.Expr, parent = 0): Doc {
    const prec = precedence(e);
    const doc = this.exprInner(e);
    return prec < parent ? ['(', doc, ')'] : doc;
  }

  private exprInner(e: A.Expr): Doc {
    switch (e.kind) {
      case 'Number': return e.text;
      case 'Money': return `${e.value} ${this.k('Currency')}`;
      case 'Duration': return this.duration(e.value, e.unit);
      case 'Date': return e.iso;
      case 'Instant': return `${e.date} ${e.time}`;
      case 'Time': return e.text;
      case 'String': return quote(e.value);
      case 'Bool': return this.k(e.value ? 'Yes' : 'No');
      case 'NameRef': return this.name(e.name);
      case 'Call': return [this.name(e.fn.text), '(', join(', ', e.args.map((a) => this.expr(a))), ')'];
      case 'Arith': return [this.expr(e.left, 5), ' ', e.op, ' ', this.expr(e.right, 6)];
      case 'Compare': return [this.expr(e.left, 5), ' ', e.op, ' ', this.expr(e.right, 5)];
      case 'Is': {
        const fact = e.subject.kind === 'NameRef' ? lookupVocabulary(e.subject.name) : undefined;
        const v = fact?.kind === 'fact' ? lookupEnumValue(fact, e.value.text) : undefined;
        return [this.expr(e.subject, 5), ' ', this.k('Is'), ' ', v ? vocabularyName(v, this.lang) : e.value.text];
      }
      case 'CutoffTest': return [this.expr(e.subject, 5), ' ', this.k(e.side === 'before' ? 'Before' : 'After'), ' ', this.expr(e.cutoff, 6)];
      case 'Not': return [this.k('Not'), ' ', this.expr(e.operand, 3)];
      case 'And': return group(join([line, this.k('And'), ' '], e.operands.map((o) => this.expr(o, 3))));
      case 'Or': return group(join([line, this.k('Or'), ' '], e.operands.map((o) => this.expr(o, 2))));
    }
  }
}

/** Binding strength, loosest first: or 1, and 2, not 3, comparisons 4, arithmetic 5, atoms 6. */
function precedence(e: A.Expr): number {
  switch (e.kind) {
    case 'Or': return 1;
    case 'And': return 2;
    case 'Not': return 3;
    case 'Compare': case 'Is': case 'CutoffTest': return 4;
    case 'Arith': return 5;
    default: return 6;
  }
}

/** Formats a policy's AST. The caller decides what to do with a tree that had syntax errors. */
export function formatPolicy(policy: A.Policy, options: FormatOptions = {}): string {
  return new Printer(options.lang ?? policy.lang, policy.comments).policy(policy);
}

/** One expression as text, on one line (for explanations and diffs). */
export function formatExpression(e: A.Expr, lang: Lang): string {
  return print(new Printer(lang, []).expr(e), 10_000);
}
