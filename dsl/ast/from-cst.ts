// CST → AST. Leaves the concrete tree at once; tolerant of the holes error recovery leaves.
import type { CstNode, IToken } from 'chevrotain';
import type * as C from '../parser/cst';
import type * as A from './ast';
import type { Range } from '../diagnostics';
import { tokenRange } from '../tokens/lexer';
import { KEYWORD_BY_NAME, languageOf, type Lang } from '../builtins/keywords';

const ok = (t: IToken | undefined): t is IToken => !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);

function first<T>(xs: T[] | undefined): T | undefined {
  return xs?.[0];
}

function tok(xs: IToken[] | undefined): IToken | undefined {
  const t = first(xs);
  return ok(t) ? t : undefined;
}

/** Every keyword with its spelling, for the mixed-language check: read off the tokens. */
function keywordsOf(tokens: IToken[]): A.Policy['keywords'] {
  const out: A.Policy['keywords'] = [];
  for (const t of tokens) if (KEYWORD_BY_NAME.has(t.tokenType.name)) out.push({ name: t.tokenType.name, image: t.image, range: tokenRange(t) });
  return out;
}

// Line starts of the text being built, so CST nodes can carry offsets only (the parser runs twice as
// fast without tracking lines and columns) and ranges still get lines and columns.
let lineStarts: number[] = [0];

/** Where each line starts; a line ends at \n, \r\n or a lone \r, as the lexer counts them. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionAt(offset: number): { offset: number; line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

function nodeRange(n: CstNode): Range {
  const loc = n.location;
  if (!loc || !Number.isFinite(loc.startOffset)) return { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };
  const last = positionAt(Number.isFinite(loc.endOffset) ? loc.endOffset! : loc.startOffset);
  return { start: positionAt(loc.startOffset), end: { offset: last.offset + 1, line: last.line, column: last.column + 1 } };
}

function name(t: IToken | undefined): A.Name | undefined {
  return t ? { text: t.image, range: tokenRange(t) } : undefined;
}

export function unescapeString(image: string): string {
  const inner = image.slice(1, -1);
  return inner.includes('\\') ? inner.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)) : inner;
}

function str(t: IToken | undefined): A.Str | undefined {
  return t ? { value: unescapeString(t.image), range: tokenRange(t) } : undefined;
}

function timeLit(t: IToken): A.TimeLit {
  const [h, m] = t.image.split(':').map(Number);
  return { kind: 'Time', text: t.image.padStart(5, '0'), minutes: h * 60 + m, range: tokenRange(t) };
}

class Builder {
  policy(cst: C.PolicyCstNode): Omit<A.Policy, 'lang' | 'comments' | 'keywords'> {
    const h = first(cst.children.header);
    const header = h ? this.header(h) : undefined;
    const declarations: A.Declaration[] = [];
    for (const d of cst.children.declaration ?? []) {
      const decl = this.declaration(d);
      if (decl) declarations.push(decl);
    }
    return { kind: 'Policy', header, declarations, range: nodeRange(cst) };
  }

  header(cst: C.HeaderCstNode): A.Header | undefined {
    const id = name(tok(cst.children.Identifier));
    if (!id) return undefined;
    const header: A.Header = { kind: 'Header', id, title: str(tok(cst.children.StringLiteral)), cites: [], see: [], range: nodeRange(cst) };
    for (const clause of cst.children.headerClause ?? []) {
      const c = clause.children;
      if (c.countyClause) {
        const cc = c.countyClause[0].children;
        header.county = name(tok(cc.Identifier));
      } else if (c.versionClause) {
        const vc = c.versionClause[0].children;
        header.version = str(tok(vc.StringLiteral));
        header.status = vc.Published ? 'published' : vc.Draft ? 'draft' : undefined;
      } else if (c.validClause) {
        const vc = c.validClause[0].children;
        const from = tok(vc.DateLiteral);
        if (from) header.validFrom = { iso: from.image, range: tokenRange(from) };
        if (vc.UntilFurtherNotice) header.validTo = 'until-further-notice';
        const to = first(vc.validTo);
        if (to) {
          const t = tok(to.children.DateLiteral);
          if (t) header.validTo = { iso: t.image, range: tokenRange(t) };
        }
      } else if (c.sourceClause) {
        header.source = str(tok(c.sourceClause[0].children.StringLiteral));
      } else if (c.fallbackClause) {
        header.fallback = name(tok(c.fallbackClause[0].children.Identifier));
      } else if (c.subjectToClause) {
        header.subjectTo = name(tok(c.subjectToClause[0].children.Identifier));
      } else if (c.citeClause) {
        const cite = this.cite(c.citeClause[0]);
        if (cite) header.cites.push(cite);
      } else if (c.seeClause) {
        header.see.push(...this.see(c.seeClause[0]));
      }
    }
    return header;
  }

  cite(cst: C.CiteClauseCstNode): A.Citation | undefined {
    const c = cst.children;
    const heading = str(tok(c.heading));
    if (!heading) return undefined;
    return { heading, file: str(tok(c.file)), quote: str(tok(c.quote)), range: nodeRange(cst) };
  }

  see(cst: C.SeeClauseCstNode): A.Name[] {
    return (cst.children.Identifier ?? []).filter(ok).map((t) => name(t)!);
  }

  declaration(cst: C.DeclarationCstNode): A.Declaration | undefined {
    const c = cst.children;
    if (c.interpretationDecl) return this.interpretation(c.interpretationDecl[0]);
    if (c.cutoffDecl) return this.cutoff(c.cutoffDecl[0]);
    if (c.deadlineDecl) return this.deadline(c.deadlineDecl[0]);
    if (c.paymentDecl) return this.payment(c.paymentDecl[0]);
    if (c.parameterDecl) return this.parameter(c.parameterDecl[0]);
    if (c.exampleDecl) return this.example(c.exampleDecl[0]);
    if (c.computedDecl) return this.computed(c.computedDecl[0]);
    if (c.measureDecl) return this.measure(c.measureDecl[0]);
    if (c.ladderDecl) return this.ladder(c.ladderDecl[0]);
    if (c.escalationDecl) return this.escalation(c.escalationDecl[0]);
    if (c.unencodedDecl) return this.unencoded(c.unencodedDecl[0]);
    return undefined;
  }

  interpretation(cst: C.InterpretationDeclCstNode): A.Interpretation | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const decision = first(c.decisionClause);
    return {
      kind: 'Interpretation', id, title: str(tok(c.StringLiteral)),
      cites: this.cites(c.citeClause), decision: decision ? str(tok(decision.children.StringLiteral)) : undefined,
      range: nodeRange(cst),
    };
  }

  cites(xs: C.CiteClauseCstNode[] | undefined): A.Citation[] {
    return (xs ?? []).map((x) => this.cite(x)).filter((x): x is A.Citation => !!x);
  }

  sees(xs: C.SeeClauseCstNode[] | undefined): A.Name[] {
    return (xs ?? []).flatMap((x) => this.see(x));
  }

  cutoff(cst: C.CutoffDeclCstNode): A.Cutoff | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    const time = tok(c.time);
    const boundary = tok(c.boundary);
    if (!id || !time || !boundary) return undefined;
    return {
      kind: 'Cutoff', id, time: timeLit(time), boundary: timeLit(boundary), countsAs: c.After ? 'after' : 'before',
      cites: this.cites(c.citeClause), see: this.sees(c.seeClause), range: nodeRange(cst),
    };
  }

  deadline(cst: C.DeadlineDeclCstNode): A.Deadline | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const d: A.Deadline = { kind: 'Deadline', id, title: str(tok(c.StringLiteral)), cites: [], see: [], range: nodeRange(cst) };
    for (const clause of c.deadlineClause ?? []) {
      const k = clause.children;
      if (k.citeClause) d.cites.push(...this.cites(k.citeClause));
      else if (k.seeClause) d.see.push(...this.sees(k.seeClause));
      else if (k.whenClause) d.when = this.when(k.whenClause[0]);
      else if (k.withinClause) {
        const w = k.withinClause[0].children;
        d.subject = name(tok(w.subject));
        d.within = this.duration(first(w.duration));
        d.anchor = this.expression(first(w.anchor));
      } else if (k.everyClause) {
        const e = k.everyClause[0];
        d.subject = name(tok(e.children.subject));
        const unit = this.periodUnit(first(e.children.periodUnit));
        const n = tok(e.children.NumberLiteral);
        if (unit) d.every = { n: n ? Number(n.image) : 1, unit, start: this.expression(first(e.children.start)), range: nodeRange(e) };
      } else if (k.windowClause) {
        const w = k.windowClause[0];
        const subject = name(tok(w.children.subject));
        d.subject ??= subject;
        const days = this.daySet(first(w.children.daySet));
        const start = tok(w.children.start);
        const end = tok(w.children.end);
        if (days && start && end) (d.windows ??= []).push({ subject, days, start: timeLit(start), end: timeLit(end), range: nodeRange(w) });
      }
    }
    return d;
  }

  periodUnit(cst: C.PeriodUnitCstNode | undefined): A.PeriodUnit | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    if (c.CalendarYear) return 'calendar-years';
    if (c.CalendarMonth) return 'calendar-months';
    if (c.Months) return 'months';
    if (c.Days) return 'days';
    return undefined;
  }

  daySet(cst: C.DaySetCstNode | undefined): A.DaySet | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    if (c.Days) return 'days';
    if (c.Weekdays) return 'weekdays';
    if (c.WorkingDays) return 'working-days';
    if (c.PublicHolidays) return 'public-holidays';
    if (c.RedDays) return 'red-days';
    if (c.DaysOff) return 'days-off';
    return undefined;
  }

  escalation(cst: C.EscalationDeclCstNode): A.Escalation | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const e: A.Escalation = { kind: 'Escalation', id, title: str(tok(c.StringLiteral)), cites: [], see: [], steps: [], range: nodeRange(cst) };
    for (const clause of c.escalationClause ?? []) {
      const k = clause.children;
      if (k.citeClause) e.cites.push(...this.cites(k.citeClause));
      else if (k.seeClause) e.see.push(...this.sees(k.seeClause));
      else if (k.escalationStep) {
        const st = k.escalationStep[0];
        const sid = name(tok(st.children.Identifier));
        if (sid) e.steps.push({ id: sid, title: str(tok(st.children.StringLiteral)), cites: this.cites(st.children.citeClause), range: nodeRange(st) });
      }
    }
    return e;
  }

  unencoded(cst: C.UnencodedDeclCstNode): A.Unencoded | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const r = first(c.reasonClause);
    const rc = r?.children;
    const value: A.UnencodedReason | undefined = !rc ? undefined
      : tok(rc.NotComputable) ? 'not-computable' : tok(rc.OutsideScope) ? 'outside-scope' : tok(rc.AppliedElsewhere) ? 'applied-elsewhere' : undefined;
    return {
      kind: 'Unencoded', id, title: str(tok(c.StringLiteral)), cites: this.cites(c.citeClause),
      reason: r && value ? { value, explanation: str(tok(rc!.StringLiteral)), range: nodeRange(r) } : undefined,
      range: nodeRange(cst),
    };
  }

  when(cst: C.WhenClauseCstNode): A.Expr | undefined {
    return this.expression(first(cst.children.expression));
  }

  periodEnd(cst: C.ToClauseCstNode): A.PeriodEnd | undefined {
    const [event, ...others] = (cst.children.Identifier ?? []).map((t) => name(t)).filter((n): n is A.Name => n !== undefined);
    return event ? { event, others, inclusive: !cst.children.Exclusive, range: nodeRange(cst) } : undefined;
  }

  withdrawal(cst: C.WithdrawnClauseCstNode): A.Withdrawal | undefined {
    const event = name(tok(cst.children.Identifier));
    return event ? { event, inclusive: !cst.children.Exclusive, range: nodeRange(cst) } : undefined;
  }

  payment(cst: C.PaymentDeclCstNode): A.Payment | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const p: A.Payment = {
      kind: 'Payment', id, title: str(tok(c.StringLiteral)), cites: [], see: [], dayOne: [], grace: [], requires: [], exempt: [], range: nodeRange(cst),
    };
    for (const clause of c.paymentClause ?? []) {
      const k = clause.children;
      if (k.citeClause) p.cites.push(...this.cites(k.citeClause));
      else if (k.seeClause) p.see.push(...this.sees(k.seeClause));
      else if (k.fromClause) {
        p.from = name(tok(k.fromClause[0].children.Identifier));
      } else if (k.dayOneClause) {
        const d = k.dayOneClause[0].children;
        const when = first(d.whenClause);
        p.dayOne.push({ value: d.NextDay ? 'next-day' : 'same-day', when: when ? this.when(when) : undefined, range: nodeRange(k.dayOneClause[0]) });
      } else if (k.graceClause) {
        const g = k.graceClause[0].children;
        const count = this.dayCount(first(g.dayCount));
        const when = first(g.whenClause);
        if (count) p.grace.push({ value: count, when: when ? this.when(when) : undefined, range: nodeRange(k.graceClause[0]) });
      } else if (k.requiresClause) {
        const e = this.expression(first(k.requiresClause[0].children.expression));
        if (e) p.requires.push(e);
      } else if (k.exemptClause) {
        const w = first(k.exemptClause[0].children.whenClause);
        const e = w ? this.when(w) : undefined;
        if (e) p.exempt.push(e);
      } else if (k.toClause) {
        p.to = this.periodEnd(k.toClause[0]);
      } else if (k.withdrawnClause) {
        p.withdrawn = this.withdrawal(k.withdrawnClause[0]);
      } else if (k.rateClause) {
        p.rate = name(tok(k.rateClause[0].children.Identifier));
      }
    }
    return p;
  }

  parameter(cst: C.ParameterDeclCstNode): A.Parameter | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const values: A.ParameterValue[] = [];
    for (const v of c.valueClause ?? []) {
      const k = v.children;
      const lit = this.literal(first(k.literal));
      const year = tok(k.year);
      if (lit && year) values.push({ year: Number(year.image), value: lit, cites: this.cites(k.citeClause), range: nodeRange(v) });
    }
    const carry = tok(c.CarryForward);
    return {
      kind: 'Parameter', id, title: str(tok(c.StringLiteral)), cites: this.cites(c.citeClause), values,
      carryForward: carry ? { range: tokenRange(carry) } : undefined, range: nodeRange(cst),
    };
  }

  computed(cst: C.ComputedDeclCstNode): A.Computed | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const d: A.Computed = { kind: 'Computed', id, title: str(tok(c.StringLiteral)), cites: [], see: [], range: nodeRange(cst) };
    for (const clause of c.computedClause ?? []) {
      const k = clause.children;
      if (k.citeClause) d.cites.push(...this.cites(k.citeClause));
      else if (k.seeClause) d.see.push(...this.sees(k.seeClause));
      else if (k.whenClause) d.when = this.when(k.whenClause[0]);
      else if (k.computedValue) d.value = this.expression(first(k.computedValue[0].children.expression));
    }
    return d;
  }

  example(cst: C.ExampleDeclCstNode): A.Example | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const ex: A.Example = {
      kind: 'Example', id, title: str(tok(c.StringLiteral)), derived: !!c.Derived, rule: name(tok(c.rule)),
      cites: [], assumptions: [], givens: [], averages: [], expects: [], range: nodeRange(cst),
    };
    for (const clause of c.exampleClause ?? []) {
      const k = clause.children;
      if (k.citeClause) ex.cites.push(...this.cites(k.citeClause));
      else if (k.assumeClause) {
        const s = str(tok(k.assumeClause[0].children.StringLiteral));
        if (s) ex.assumptions.push(s);
      } else if (k.givenClause) {
        const g = this.given(k.givenClause[0]);
        if (g) ex.givens.push(g);
      } else if (k.expectClause) {
        const e = this.expectation(k.expectClause[0]);
        if (e) ex.expects.push(e);
      } else if (k.givenAverage) {
        const g = k.givenAverage[0].children;
        const m = tok(g.MonthLiteral);
        const n = tok(g.NumberLiteral);
        if (m && n) ex.averages!.push({ municipality: name(tok(g.municipality)), month: m.image, value: Number(n.image), text: n.image, range: nodeRange(k.givenAverage[0]) });
      }
    }
    return ex;
  }

  given(cst: C.GivenClauseCstNode): A.Given | undefined {
    const c = cst.children;
    const n = name(tok(c.Identifier));
    if (!n) return undefined;
    let value: A.GivenValue | undefined;
    const inst = first(c.instantValue);
    if (inst) {
      const d = tok(inst.children.DateLiteral);
      const t = tok(inst.children.TimeLiteral);
      if (d) value = { kind: 'instant', date: d.image, time: t?.image.padStart(5, '0') };
    } else if (c.Yes) value = { kind: 'boolean', value: true };
    else if (c.No) value = { kind: 'boolean', value: false };
    else if (tok(c.NumberLiteral)) value = { kind: 'number', value: Number(tok(c.NumberLiteral)!.image) };
    else if (tok(c.name)) value = { kind: 'name', value: tok(c.name)!.image };
    else if (tok(c.StringLiteral)) value = { kind: 'string', value: unescapeString(tok(c.StringLiteral)!.image) };
    return value ? { name: n, value, range: nodeRange(cst) } : undefined;
  }

  expectation(cst: C.ExpectClauseCstNode): A.Expectation | undefined {
    const c = cst.children;
    const range = nodeRange(cst);
    if (c.NoPayment) return { kind: 'no-payment', range };
    if (c.expectFirstPayable) {
      const k = c.expectFirstPayable[0].children;
      const d = tok(k.DateLiteral);
      return d ? { kind: 'first-payable-day', date: d.image, range } : undefined;
    }
    if (c.expectBillable) {
      const k = c.expectBillable[0].children;
      const n = tok(k.NumberLiteral);
      return n ? { kind: 'billable-days', n: Number(n.image), range } : undefined;
    }
    if (c.expectAmount) {
      const k = c.expectAmount[0].children;
      const n = tok(k.NumberLiteral);
      return n ? { kind: 'amount', value: Number(n.image), range } : undefined;
    }
    if (c.expectGrace) {
      const count = this.dayCount(first(c.expectGrace[0].children.dayCount));
      return count ? { kind: 'grace', count, range } : undefined;
    }
    if (c.expectDayOne) {
      const k = c.expectDayOne[0].children;
      const d = tok(k.DateLiteral);
      return d ? { kind: 'day-one', date: d.image, range } : undefined;
    }
    if (c.expectComputed) {
      const k = c.expectComputed[0].children;
      const computed = name(tok(k.Identifier));
      const d = tok(k.DateLiteral);
      return computed && d ? { kind: 'computed', computed, date: d.image, range } : undefined;
    }
    if (c.expectDeadline) {
      const k = c.expectDeadline[0].children;
      const deadline = name(tok(k.Identifier));
      const status: A.DeadlineStatus | undefined = k.Met ? 'met' : k.Missed ? 'missed' : k.Pending ? 'pending' : k.NotApplicable ? 'not-applicable' : undefined;
      return deadline && status ? { kind: 'deadline', deadline, status, range } : undefined;
    }
    if (c.NoInvoice) return { kind: 'no-invoice', range };
    if (c.expectStep) {
      const k = c.expectStep[0].children;
      const m = tok(k.MonthLiteral);
      const step = name(tok(k.Identifier));
      return m && step ? { kind: 'step', month: m.image, step, range } : undefined;
    }
    if (c.expectAction) {
      const k = c.expectAction[0].children;
      const m = tok(k.MonthLiteral);
      const action = name(tok(k.Identifier));
      return m && action ? { kind: 'action', month: m.image, action, range } : undefined;
    }
    if (c.expectInvoice) {
      const k = c.expectInvoice[0].children;
      const months = (k.MonthLiteral ?? []).filter(ok).map((t) => t.image);
      return months.length ? { kind: 'invoice', months, range } : undefined;
    }
    return undefined;
  }

  // ---- monthly measures and escalation ladders ----

  measure(cst: C.MeasureDeclCstNode): A.Measure | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const m: A.Measure = { kind: 'Measure', id, title: str(tok(c.StringLiteral)), cites: [], see: [], includes: [], received: [], dayOne: [], range: nodeRange(cst) };
    for (const clause of c.measureClause ?? []) {
      const k = clause.children;
      if (k.citeClause) m.cites.push(...this.cites(k.citeClause));
      else if (k.seeClause) m.see.push(...this.sees(k.seeClause));
      else if (k.includesClause) {
        const e = this.expression(first(k.includesClause[0].children.expression));
        if (e) m.includes.push(e);
      } else if (k.fromClause) {
        m.from = name(tok(k.fromClause[0].children.Identifier));
      } else if (k.receivedClause) {
        const r = k.receivedClause[0].children;
        const when = first(r.whenClause);
        m.received.push({ value: r.NextDay ? 'next-day' : 'same-day', when: when ? this.when(when) : undefined, range: nodeRange(k.receivedClause[0]) });
      } else if (k.dayOneClause) {
        const d = k.dayOneClause[0].children;
        const when = first(d.whenClause);
        m.dayOne.push({ value: d.NextDay ? 'next-day' : 'same-day', when: when ? this.when(when) : undefined, range: nodeRange(k.dayOneClause[0]) });
      } else if (k.toClause) {
        m.to = this.periodEnd(k.toClause[0]);
      } else if (k.withdrawnClause) {
        m.withdrawn = this.withdrawal(k.withdrawnClause[0]);
      } else if (k.monthClause) {
        const mc = k.monthClause[0].children;
        const range = nodeRange(k.monthClause[0]);
        const event = name(tok(mc.Identifier));
        if (mc.Split) m.month = { mode: 'split', range };
        else if (event) m.month = { mode: 'event', event, range };
      } else if (k.emptyMonthClause) {
        const e = k.emptyMonthClause[0].children;
        const n = tok(e.NumberLiteral);
        if (n) m.emptyMonth = { kind: 'Number', value: Number(n.image), text: n.image, range: tokenRange(n) };
      }
    }
    return m;
  }

  monthCondition(cst: C.MonthConditionCstNode | undefined): A.MonthCondition | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    if (!c.Over && !c.AtOrUnder) return undefined;
    const run = first(c.monthRun);
    let n = 1;
    let runRange: Range | undefined;
    if (run) {
      const t = tok(run.children.NumberLiteral);
      if (t) [n, runRange] = [Number(t.image), tokenRange(t)];
    }
    return { run: n, runRange, side: c.Over ? 'over' : 'at-or-under', range: nodeRange(cst) };
  }

  ladder(cst: C.LadderDeclCstNode): A.Ladder | undefined {
    const c = cst.children;
    const id = name(tok(c.Identifier));
    if (!id) return undefined;
    const l: A.Ladder = { kind: 'Ladder', id, title: str(tok(c.StringLiteral)), measure: name(tok(c.measure)), cites: [], see: [], steps: [], transitions: [], range: nodeRange(cst) };
    for (const clause of c.ladderClause ?? []) {
      const k = clause.children;
      if (k.citeClause) l.cites.push(...this.cites(k.citeClause));
      else if (k.seeClause) l.see.push(...this.sees(k.seeClause));
      else if (k.thresholdClause) {
        const t = k.thresholdClause[0].children;
        const range = nodeRange(k.thresholdClause[0]);
        const n = tok(t.NumberLiteral);
        const p = name(tok(t.Identifier));
        if (n) l.threshold = { kind: 'number', value: Number(n.image), text: n.image, range };
        else if (p) l.threshold = { kind: 'parameter', name: p, range };
      } else if (k.stepDecl) {
        const s = k.stepDecl[0].children;
        const sid = name(tok(s.Identifier));
        if (!sid) continue;
        const inv = first(s.stepInvoice);
        let invoice: A.LadderStep['invoice'];
        if (inv) {
          invoice = { when: this.monthCondition(first(inv.children.monthCondition)), range: nodeRange(inv) };
        }
        l.steps.push({ id: sid, title: str(tok(s.StringLiteral)), invoice, range: nodeRange(k.stepDecl[0]) });
      } else if (k.transitionDecl) {
        const t = k.transitionDecl[0].children;
        const from = name(tok(t.source));
        const to = name(tok(t.target));
        const when = this.monthCondition(first(t.monthCondition));
        if (!from || !to || !when) continue;
        const tr: A.LadderTransition = { from, to, when, actions: [], cites: this.cites(t.citeClause), see: this.sees(t.seeClause), range: nodeRange(k.transitionDecl[0]) };
        for (const a of t.actionClause ?? []) {
          const aid = name(tok(a.children.Identifier));
          if (aid) tr.actions.push({ id: aid, title: str(tok(a.children.StringLiteral)), range: nodeRange(a) });
        }
        const im = first(t.invoiceMonths);
        if (im) {
          const n = tok(im.children.NumberLiteral);
          if (n) tr.invoiceMonths = { n: Number(n.image), range: nodeRange(im) };
        }
        l.transitions.push(tr);
      } else if (k.invoicedClause) {
        const ic = k.invoicedClause[0].children;
        const ep = first(ic.invoicedEpisodes);
        const dy = first(ic.invoicedDays);
        if (ep) {
          const n = tok(ep.children.NumberLiteral);
          const unit = this.dayUnit(first(ep.children.dayUnit));
          if (n && unit) l.invoicedEpisodesOver = { value: Number(n.image), text: n.image, unit, range: nodeRange(k.invoicedClause[0]) };
        } else if (dy) {
          const n = tok(dy.children.NumberLiteral);
          if (n) l.invoicedFromDay = { n: Number(n.image), range: nodeRange(k.invoicedClause[0]) };
        }
      } else if (k.rateClause) {
        l.rate = name(tok(k.rateClause[0].children.Identifier));
      } else if (k.versionChangeClause) {
        const v = k.versionChangeClause[0].children;
        if (v.StartAgain || v.KeepStep) l.versionChange = { value: v.KeepStep ? 'keep-step' : 'start-again', range: nodeRange(k.versionChangeClause[0]) };
      } else if (k.partialMonthClause) {
        const v = k.partialMonthClause[0].children;
        if (v.OutsideAgreement || v.LastDayVersion) l.partialMonth = { value: v.LastDayVersion ? 'last-day' : 'outside', range: nodeRange(k.partialMonthClause[0]) };
      }
    }
    return l;
  }

  duration(cst: C.DurationCstNode | undefined): A.DurationLit | undefined {
    if (!cst) return undefined;
    const n = tok(cst.children.NumberLiteral);
    const unit = this.durationUnit(first(cst.children.durationUnit));
    if (!n || !unit) return undefined;
    return { kind: 'Duration', value: Number(n.image), unit, range: nodeRange(cst) };
  }

  dayCount(cst: C.DayCountCstNode | undefined): A.DayCount | undefined {
    if (!cst) return undefined;
    const n = tok(cst.children.NumberLiteral);
    const unit = this.dayUnit(first(cst.children.dayUnit));
    if (!n || !unit) return undefined;
    return { n: Number(n.image), unit, range: nodeRange(cst) };
  }

  durationUnit(cst: C.DurationUnitCstNode | undefined): A.DurationUnit | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    if (c.Minutes) return 'minutes';
    if (c.Hours) return 'hours';
    return this.dayUnit(first(c.dayUnit));
  }

  dayUnit(cst: C.DayUnitCstNode | undefined): A.DayUnit | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    if (c.Days) return 'days';
    if (c.CalendarDays) return 'calendar-days';
    if (c.Weekdays) return 'weekdays';
    if (c.WorkingDays) return 'working-days';
    return undefined;
  }

  // ---- expressions ----

  expression(cst: C.ExpressionCstNode | undefined): A.Expr | undefined {
    return cst ? this.orExpr(first(cst.children.orExpr)) : undefined;
  }

  orExpr(cst: C.OrExprCstNode | undefined): A.Expr | undefined {
    if (!cst) return undefined;
    const operands = (cst.children.operands ?? []).map((x) => this.andExpr(x)).filter((x): x is A.Expr => !!x);
    if (operands.length === 0) return undefined;
    return operands.length === 1 ? operands[0] : { kind: 'Or', operands, range: nodeRange(cst) };
  }

  andExpr(cst: C.AndExprCstNode): A.Expr | undefined {
    const operands = (cst.children.operands ?? []).map((x) => this.notExpr(x)).filter((x): x is A.Expr => !!x);
    if (operands.length === 0) return undefined;
    return operands.length === 1 ? operands[0] : { kind: 'And', operands, range: nodeRange(cst) };
  }

  notExpr(cst: C.NotExprCstNode): A.Expr | undefined {
    const neg = first(cst.children.negation);
    if (neg) {
      const operand = this.notExpr(neg.children.notExpr[0]);
      return operand ? { kind: 'Not', operand, range: nodeRange(neg) } : undefined;
    }
    const cmp = first(cst.children.comparison);
    return cmp ? this.comparison(cmp) : undefined;
  }

  comparison(cst: C.ComparisonCstNode): A.Expr | undefined {
    const left = this.additive(first(cst.children.additive));
    if (!left) return undefined;
    const range = nodeRange(cst);
    const rel = first(cst.children.relationalTail);
    if (rel) {
      const k = rel.children;
      const op: A.RelOp = k.GreaterEq ? '>=' : k.LessEq ? '<=' : k.NotEq ? '!=' : k.Greater ? '>' : k.Less ? '<' : '=';
      const right = this.additive(first(k.additive));
      return right ? { kind: 'Compare', op, left, right, range } : undefined;
    }
    const is = first(cst.children.isTail);
    if (is) {
      const value = name(tok(is.children.Identifier));
      return value ? { kind: 'Is', subject: left, value, range } : undefined;
    }
    const cut = first(cst.children.cutoffTail);
    if (cut) {
      const cutoff = this.atom(first(cut.children.atom));
      return cutoff ? { kind: 'CutoffTest', side: cut.children.After ? 'after' : 'before', subject: left, cutoff, range } : undefined;
    }
    return left;
  }

  additive(cst: C.AdditiveCstNode | undefined): A.Expr | undefined {
    if (!cst) return undefined;
    const operands = (cst.children.operands ?? []).map((x) => this.atom(x));
    const operators = cst.children.operators ?? [];
    let acc = operands[0];
    if (!acc) return undefined;
    for (let i = 1; i < operands.length; i++) {
      const right = operands[i];
      if (!right) return undefined;
      const op = operators[i - 1]?.image === '-' ? '-' : '+';
      acc = { kind: 'Arith', op, left: acc, right, range: { start: acc.range.start, end: right.range.end } };
    }
    return acc;
  }

  atom(cst: C.AtomCstNode | undefined): A.Expr | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    if (c.literal) return this.literal(c.literal[0]);
    if (c.parenthesized) return this.expression(first(c.parenthesized[0].children.expression));
    if (c.nameOrCall) {
      const k = c.nameOrCall[0].children;
      const id = name(tok(k.Identifier));
      if (!id) return undefined;
      const args = first(k.callArguments);
      if (!args) return { kind: 'NameRef', name: id.text, range: id.range };
      const parsed = (args.children.expression ?? []).map((e) => this.expression(e));
      if (parsed.some((x) => !x)) return undefined;
      return { kind: 'Call', fn: id, args: parsed as A.Expr[], range: nodeRange(c.nameOrCall[0]) };
    }
    return undefined;
  }

  literal(cst: C.LiteralCstNode | undefined): A.Literal | undefined {
    if (!cst) return undefined;
    const c = cst.children;
    const range = nodeRange(cst);
    const q = first(c.quantity);
    if (q) {
      const n = tok(q.children.NumberLiteral);
      if (!n) return undefined;
      const value = Number(n.image);
      if (q.children.Currency) return { kind: 'Money', value, range };
      const unit = this.durationUnit(first(q.children.durationUnit));
      if (unit) return { kind: 'Duration', value, unit, range };
      return { kind: 'Number', value, text: n.image, range };
    }
    const inst = first(c.instantValue);
    if (inst) {
      const d = tok(inst.children.DateLiteral);
      const t = tok(inst.children.TimeLiteral);
      if (!d) return undefined;
      return t ? { kind: 'Instant', date: d.image, time: t.image.padStart(5, '0'), range } : { kind: 'Date', iso: d.image, range };
    }
    const time = tok(c.TimeLiteral);
    if (time) return timeLit(time);
    const s = tok(c.StringLiteral);
    if (s) return { kind: 'String', value: unescapeString(s.image), range };
    if (c.Yes) return { kind: 'Bool', value: true, range };
    if (c.No) return { kind: 'Bool', value: false, range };
    return undefined;
  }
}

export function buildAst(cst: C.PolicyCstNode, comments: A.Comment[], text: string, tokens: IToken[]): A.Policy {
  lineStarts = lineStartsOf(text);
  const b = new Builder();
  const partial = { ...b.policy(cst), keywords: keywordsOf(tokens) };
  // The file's language is its first keyword's; a keyword both languages share decides nothing.
  let lang: Lang = 'en';
  for (const k of partial.keywords) {
    const l = languageOf(k.name, k.image);
    if (l !== 'both') {
      lang = l;
      break;
    }
  }
  return { ...partial, lang, comments };
}
