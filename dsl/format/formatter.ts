// The formatter: AST → canonical text, through the Doc IR. It keeps the file's language (or
// translates it when asked), keeps every comment, and prints clauses in one canonical order.
import type * as A from '../ast/ast';
import { spell, type Lang } from '../builtins/keywords';
import { plainNumber } from '../tokens/numbers';
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
    if (h.subjectTo) clauses.push(this.clause(h.subjectTo, [this.k('SubjectTo'), ' ', h.subjectTo.text]));
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
      case 'Measure': return this.measure(d);
      case 'Ladder': return this.ladder(d);
      case 'Escalation': return this.escalation(d);
      case 'Computed': return this.computed(d);
      case 'Unencoded': return this.unencoded(d);
    }
  }

  /** `unencoded NAME "title"`, its citations, then `reason KIND "explanation"`. */
  unencoded(d: A.Unencoded): Doc {
    const clauses: Doc[] = d.cites.map((c) => this.cite(c));
    if (d.reason) {
      const kind = { 'not-computable': 'NotComputable', 'outside-scope': 'OutsideScope', 'applied-elsewhere': 'AppliedElsewhere' }[d.reason.value];
      const why = d.reason.explanation ? [' ', quote(d.reason.explanation.value)] : '';
      clauses.push(this.clause(d.reason, [this.k('Reason'), ' ', this.k(kind), why]));
    }
    return [this.k('Unencoded'), ' ', d.id.text, this.title(d.title), indent(clauses)];
  }

  // ---- recurring obligations, time windows, escalation procedures ----

  /** `EVENT every [N] PERIOD [from EXPR]`; N is printed only when it is not 1. */
  every(subject: string, r: A.Recurrence): Doc {
    const unit = { 'calendar-years': 'CalendarYear', 'calendar-months': 'CalendarMonth', months: 'Months', days: 'Days' }[r.unit];
    const count = r.n === 1 ? '' : `${r.n} `;
    const start = r.start ? [' ', this.k('From'), ' ', this.expr(r.start)] : '';
    return [this.name(subject), ' ', this.k('Every'), ' ', count, this.k(unit, r.n === 1), start];
  }

  /** `EVENT on DAYS between TIME and TIME`. */
  window(subject: string, w: A.TimeWindow): Doc {
    const days = { days: 'Days', weekdays: 'Weekdays', 'working-days': 'WorkingDays', 'public-holidays': 'PublicHolidays', 'red-days': 'RedDays', 'days-off': 'DaysOff' }[w.days];
    return [this.name(subject), ' ', this.k('On'), ' ', this.k(days), ' ', this.k('Between'), ' ', w.start.text, ' ', this.k('And'), ' ', w.end.text];
  }

  escalation(e: A.Escalation): Doc {
    const clauses: Doc[] = e.cites.map((c) => this.cite(c));
    if (e.see.length > 0) clauses.push(this.see(e.see));
    for (const s of e.steps) {
      clauses.push(this.clause(s, [this.k('Step'), ' ', s.id.text, this.title(s.title), indent(s.cites.map((c) => this.cite(c)))]));
    }
    return [this.k('Escalation'), ' ', e.id.text, this.title(e.title), indent(clauses)];
  }

  // ---- monthly measures and escalation ladders ----

  measure(m: A.Measure): Doc {
    const clauses: Doc[] = m.cites.map((c) => this.cite(c));
    if (m.see.length > 0) clauses.push(this.see(m.see));
    for (const e of m.includes) clauses.push(this.clause(e, [this.k('Includes'), ' ', this.expr(e)]));
    if (m.from) clauses.push(this.clause(m.from, [this.k('From'), ' ', this.name(m.from.text)]));
    for (const r of m.received) clauses.push(this.clause(r, [this.k('Received'), ' ', this.k(r.value === 'same-day' ? 'SameDay' : 'NextDay'), this.when(r.when)]));
    for (const d of m.dayOne) clauses.push(this.clause(d, [this.k('Days', true), ' 1: ', this.k(d.value === 'same-day' ? 'SameDay' : 'NextDay'), this.when(d.when)]));
    if (m.to) clauses.push(this.periodEnd(m.to));
    if (m.withdrawn) clauses.push(this.withdrawal(m.withdrawn));
    if (m.month) clauses.push(this.clause(m.month, [this.k('Months', true), ': ', m.month.mode === 'split' ? this.k('Split') : this.name(m.month.event.text)]));
    if (m.emptyMonth) clauses.push(this.clause(m.emptyMonth, [this.k('EmptyMonth'), ': ', m.emptyMonth.text]));
    return [this.k('Measure'), ' ', m.id.text, this.title(m.title), indent(clauses)];
  }

  monthCondition(c: A.MonthCondition): Doc {
    const run = c.runRange ? [plainNumber(c.run), ' ', this.k('Months', c.run === 1), ' ', this.k('InARow'), ' '] : '';
    return [run, this.k(c.side === 'over' ? 'Over' : 'AtOrUnder')];
  }

  ladder(l: A.Ladder): Doc {
    const clauses: Doc[] = l.cites.map((c) => this.cite(c));
    if (l.see.length > 0) clauses.push(this.see(l.see));
    if (l.threshold) clauses.push(this.clause(l.threshold, [this.k('Threshold'), ' ', l.threshold.kind === 'number' ? l.threshold.text : l.threshold.name.text]));
    if (l.invoicedEpisodesOver) {
      const e = l.invoicedEpisodesOver;
      clauses.push(this.clause(e, [this.k('Invoiced'), ' ', this.k('Episodes'), ' ', this.k('Over'), ' ', e.text, ' ', this.duration(2, e.unit).slice(2)]));
    }
    if (l.invoicedFromDay) clauses.push(this.clause(l.invoicedFromDay, [this.k('Invoiced'), ' ', this.k('Days'), ' ', this.k('From'), ' ', this.k('Days', true), ' ', plainNumber(l.invoicedFromDay.n)]));
    if (l.rate) clauses.push(this.clause(l.rate, [this.k('Rate'), ' ', l.rate.text]));
    if (l.partialMonth) clauses.push(this.clause(l.partialMonth, [this.k('PartlyInForce'), ': ', this.k(l.partialMonth.value === 'last-day' ? 'LastDayVersion' : 'OutsideAgreement')]));
    if (l.versionChange) clauses.push(this.clause(l.versionChange, [this.k('AtVersionChange'), ': ', this.k(l.versionChange.value === 'keep-step' ? 'KeepStep' : 'StartAgain')]));
    for (const s of l.steps) {
      const inv = s.invoice ? [' ', this.k('Invoice'), s.invoice.when ? [' ', this.k('When'), ' ', this.monthCondition(s.invoice.when)] : ''] : '';
      clauses.push(this.clause(s, [this.k('Step'), ' ', s.id.text, this.title(s.title), inv]));
    }
    for (const t of l.transitions) {
      const body: Doc[] = t.cites.map((c) => this.cite(c));
      if (t.see.length > 0) body.push(this.see(t.see));
      for (const a of t.actions) body.push(this.clause(a, [this.k('Action'), ' ', a.id.text, this.title(a.title)]));
      if (t.invoiceMonths) body.push(this.clause(t.invoiceMonths, [this.k('Invoice'), ' ', plainNumber(t.invoiceMonths.n), ' ', this.k('Months', t.invoiceMonths.n === 1)]));
      clauses.push(this.clause(t, [this.k('From'), ' ', t.from.text, ' ', this.k('To'), ' ', t.to.text, ' ', this.k('When'), ' ', this.monthCondition(t.when), indent(body)]));
    }
    return [this.k('Ladder'), ' ', l.id.text, this.title(l.title), ...(l.measure ? [' ', this.k('For'), ' ', l.measure.text] : []), indent(clauses)];
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
    if (d.subject && d.every) clauses.push(this.clause(d.every, this.every(d.subject.text, d.every)));
    for (const w of d.windows ?? []) clauses.push(this.clause(w, this.window((w.subject ?? d.subject)?.text ?? '', w)));
    return [this.k('Deadline'), ' ', d.id.text, this.title(d.title), indent(clauses)];
  }

  when(e: A.Expr | undefined): Doc {
    return e ? [' ', this.k('When'), ' ', this.expr(e)] : '';
  }

  /** "to EVENT [or EVENT]… inclusive|exclusive" */
  periodEnd(t: A.PeriodEnd): Doc {
    const others = t.others.flatMap((o) => [' ', this.k('Or'), ' ', this.name(o.text)]);
    return this.clause(t, [this.k('To'), ' ', this.name(t.event.text), ...others, ' ', this.k(t.inclusive ? 'Inclusive' : 'Exclusive')]);
  }

  /** "withdrawn by EVENT inclusive|exclusive" */
  withdrawal(w: A.Withdrawal): Doc {
    return this.clause(w, [this.k('WithdrawnBy'), ' ', this.name(w.event.text), ' ', this.k(w.inclusive ? 'Inclusive' : 'Exclusive')]);
  }

  payment(p: A.Payment): Doc {
    const clauses: Doc[] = p.cites.map((c) => this.cite(c));
    if (p.see.length > 0) clauses.push(this.see(p.see));
    if (p.from) clauses.push(this.clause(p.from, [this.k('From'), ' ', this.name(p.from.text)]));
    for (const d of p.dayOne) clauses.push(this.clause(d, [this.k('Days', true), ' 1: ', this.k(d.value === 'same-day' ? 'SameDay' : 'NextDay'), this.when(d.when)]));
    for (const g of p.grace) clauses.push(this.clause(g, [this.k('Grace'), ' ', this.duration(g.value.n, g.value.unit), this.when(g.when)]));
    for (const r of p.requires) clauses.push(this.clause(r, [this.k('Requires'), ' ', this.expr(r)]));
    for (const e of p.exempt) clauses.push(this.clause(e, [this.k('Exempt'), ' ', this.k('When'), ' ', this.expr(e)]));
    if (p.to) clauses.push(this.periodEnd(p.to));
    if (p.withdrawn) clauses.push(this.withdrawal(p.withdrawn));
    if (p.rate) clauses.push(this.clause(p.rate, [this.k('Rate'), ' ', p.rate.text]));
    return [this.k('Payment'), ' ', p.id.text, this.title(p.title), indent(clauses)];
  }

  parameter(p: A.Parameter): Doc {
    const clauses: Doc[] = p.cites.map((c) => this.cite(c));
    for (const v of p.values) {
      clauses.push(this.clause(v, [this.k('Value'), ' ', this.expr(v.value), ' ', this.k('For'), ' ', plainNumber(v.year), indent(v.cites.map((c) => this.cite(c)))]));
    }
    if (p.carryForward) clauses.push(this.clause(p.carryForward, this.k('CarryForward')));
    return [this.k('Parameter'), ' ', p.id.text, this.title(p.title), indent(clauses)];
  }

  computed(d: A.Computed): Doc {
    const clauses: Doc[] = d.cites.map((c) => this.cite(c));
    if (d.see.length > 0) clauses.push(this.see(d.see));
    if (d.when) clauses.push(this.clause(d.when, [this.k('When'), ' ', this.expr(d.when)]));
    if (d.value) clauses.push(this.clause(d.value, [this.k('Value'), ' ', this.expr(d.value)]));
    return [this.k('Computed'), ' ', d.id.text, this.title(d.title), indent(clauses)];
  }

  example(ex: A.Example): Doc {
    const clauses: Doc[] = ex.cites.map((c) => this.cite(c));
    for (const a of ex.assumptions) clauses.push(this.clause(a, [this.k('Assume'), ' ', quote(a.value)]));
    for (const g of ex.givens) clauses.push(this.clause(g, [this.k('Given'), ' ', this.name(g.name.text), ' ', this.givenValue(g)]));
    for (const a of ex.averages ?? []) clauses.push(this.clause(a, [this.k('Given'), ' ', this.k('Average'), ' ', a.municipality ? [a.municipality.text, ' '] : '', a.month, ' ', a.text]));
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
      case 'number': return plainNumber(v.value);
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
      case 'billable-days': return [this.k('BillableDays'), ' ', plainNumber(e.n)];
      case 'amount': return [this.k('Amount'), ' ', plainNumber(e.value), ' ', this.k('Currency')];
      case 'grace': return [this.k('Grace'), ' ', this.duration(e.count.n, e.count.unit)];
      case 'day-one': return [this.k('Days', true), ' 1: ', e.date];
      case 'computed': return [e.computed.text, ' ', e.date];
      case 'deadline': {
        const status = { met: 'Met', missed: 'Missed', pending: 'Pending', 'not-applicable': 'NotApplicable' }[e.status];
        return [e.deadline.text, ' ', this.k(status)];
      }
      case 'step': return [this.k('Step'), ' ', e.month, ' ', e.step.text];
      case 'action': return [this.k('Action'), ' ', e.month, ' ', e.action.text];
      case 'invoice': return [this.k('Invoice'), ' ', e.months.join(', ')];
      case 'no-invoice': return this.k('NoInvoice');
    }
  }

  duration(n: number, unit: A.DurationUnit): string {
    const kw = { minutes: 'Minutes', hours: 'Hours', days: 'Days', 'calendar-days': 'CalendarDays', weekdays: 'Weekdays', 'working-days': 'WorkingDays' }[unit];
    return `${plainNumber(n)} ${this.k(kw, n === 1)}`;
  }

  expr(e: A.Expr, parent = 0): Doc {
    const prec = precedence(e);
    const doc = this.exprInner(e);
    return prec < parent ? ['(', doc, ')'] : doc;
  }

  private exprInner(e: A.Expr): Doc {
    switch (e.kind) {
      case 'Number': return e.text;
      case 'Money': return `${plainNumber(e.value)} ${this.k('Currency')}`;
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
