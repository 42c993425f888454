// Checks of monthly measures, escalation ladders and monthly worked examples (docs/language.md, monthly measures).
// Reads the AST only; every problem is a located diagnostic.
import type * as A from '../ast/ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Symbols } from './symbols';
import type { Param } from '../messages/render';
import type { TypeChecker } from './types';

/** What the main checker lends: its diagnostics list and its shared checks. */
export interface MonthlyCheckContext {
  types: TypeChecker;
  symbols: Symbols;
  out: Diagnostic[];
  requireCitation(d: { kind: string; id: A.Name; cites: A.Citation[] }): void;
  checkSee(names: A.Name[]): void;
  checkEvent(n: A.Name): void;
  hint(name: string): Param;
  kindWord(s: ReturnType<Symbols['lookup']>): string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function needs(ctx: MonthlyCheckContext, d: { id: A.Name }, kind: string, clause: string): void {
  ctx.out.push(diagnostic('AVT-C023', d.id.range, { kind, clause }));
}

/** A measure states every counting choice: episodes, anchor, received day, day 1, end, month, empty month. */
export function checkMeasure(m: A.Measure, ctx: MonthlyCheckContext): void {
  ctx.requireCitation(m);
  ctx.checkSee(m.see);
  for (const e of m.includes) ctx.types.condition(e);
  if (!m.from) needs(ctx, m, 'measure', 'an anchor event: `from EVENT`');
  else ctx.checkEvent(m.from);
  const unconditional = <T>(xs: A.Conditional<T>[]) => xs.filter((x) => !x.when);
  if (unconditional(m.received).length === 0) needs(ctx, m, 'measure', 'the day the anchor counts as received, without condition: `counts as received same day|next day`');
  if (unconditional(m.dayOne).length === 0) needs(ctx, m, 'measure', 'a day numbering without condition: `day 1: same day|next day`');
  for (const [xs, clause] of [[m.received, 'an unconditional received day'], [m.dayOne, 'an unconditional day numbering']] as const) {
    const u = unconditional(xs as A.Conditional<unknown>[]);
    if (u.length > 1) ctx.out.push(diagnostic('AVT-C024', u[1].range, { clause, kind: 'measure', name: m.id.text }));
    for (const x of xs) if (x.when) ctx.types.condition(x.when);
  }
  if (!m.to) needs(ctx, m, 'measure', 'an end: `to EVENT inclusive|exclusive`');
  else for (const e of [m.to.event, ...m.to.others]) ctx.checkEvent(e);
  if (m.withdrawn) ctx.checkEvent(m.withdrawn.event);
  if (!m.month) needs(ctx, m, 'measure', 'the month the days belong to: `month: EVENT` or `month: split`');
  else if (m.month.mode === 'event') ctx.checkEvent(m.month.event);
  // (a negative average cannot be written: the grammar takes an unsigned number)
  if (!m.emptyMonth) needs(ctx, m, 'measure', 'the average of a month without episodes: `empty month: N`');
}

function checkCondition(c: A.MonthCondition, ctx: MonthlyCheckContext): void {
  if (!Number.isInteger(c.run) || c.run < 1) ctx.out.push(diagnostic('AVT-C102', c.runRange ?? c.range, { value: c.run }));
}

export function checkLadder(l: A.Ladder, ctx: MonthlyCheckContext, header?: A.Header): void {
  ctx.requireCitation(l);
  ctx.checkSee(l.see);
  if (!l.measure) needs(ctx, l, 'ladder', 'a measure: `ladder NAME for MEASURE`');
  else {
    const s = ctx.symbols.lookup(l.measure.text);
    if (!s) ctx.out.push(diagnostic('AVT-C002', l.measure.range, { name: l.measure.text, hint: ctx.hint(l.measure.text) }));
    else if (s.kind !== 'declaration' || s.decl.kind !== 'Measure') ctx.out.push(diagnostic('AVT-C003', l.measure.range, { name: l.measure.text, actual: ctx.kindWord(s), expected: 'measure' }));
  }
  if (!l.threshold) needs(ctx, l, 'ladder', 'a threshold: `threshold N` or `threshold PARAMETER`');
  else if (l.threshold.kind === 'parameter') {
    const p = l.threshold.name;
    const s = ctx.symbols.lookup(p.text);
    if (!s) ctx.out.push(diagnostic('AVT-C002', p.range, { name: p.text, hint: ctx.hint(p.text) }));
    else if (s.kind !== 'declaration' || s.decl.kind !== 'Parameter') ctx.out.push(diagnostic('AVT-C003', p.range, { name: p.text, actual: ctx.kindWord(s), expected: 'parameter' }));
    else if (s.decl.values.some((v) => v.value.kind !== 'Number')) ctx.out.push(diagnostic('AVT-C109', p.range, { name: p.text }));
  }
  if (l.steps.length === 0) needs(ctx, l, 'ladder', 'at least one step: `step NAME "title"`');
  // A version that begins or ends inside a calendar month leaves a month it covers only in part: the text never
  // says how that month is judged, so the policy does, by name.
  const inside = (d: A.DateValue | 'until-further-notice' | undefined) => !!d && d !== 'until-further-notice' && !d.iso.endsWith('-01');
  if (!l.partialMonth && (inside(header?.validFrom) || inside(header?.validTo))) {
    needs(ctx, l, 'ladder', 'how a month the version covers only in part is judged (it begins or ends inside a month): `a month partly in force: outside the agreement` or `a month partly in force: under the version in force on its last day`');
  }
  const steps = new Set<string>();
  for (const s of l.steps) {
    if (steps.has(s.id.text)) ctx.out.push(diagnostic('AVT-C101', s.id.range, { name: s.id.text, ladder: l.id.text }));
    steps.add(s.id.text);
    if (s.invoice?.when) checkCondition(s.invoice.when, ctx);
  }
  const reached = new Set<string>(l.steps[0] ? [l.steps[0].id.text] : []);
  for (const t of l.transitions) {
    for (const n of [t.from, t.to]) if (!steps.has(n.text)) ctx.out.push(diagnostic('AVT-C100', n.range, { name: n.text, ladder: l.id.text }));
    reached.add(t.to.text);
    checkCondition(t.when, ctx);
    ctx.checkSee(t.see);
    if (t.invoiceMonths && (!Number.isInteger(t.invoiceMonths.n) || t.invoiceMonths.n < 1)) ctx.out.push(diagnostic('AVT-C102', t.invoiceMonths.range, { value: t.invoiceMonths.n }));
  }
  for (const s of l.steps) if (!reached.has(s.id.text)) ctx.out.push(diagnostic('AVT-C103', s.id.range, { name: s.id.text, ladder: l.id.text }));
  const invoices = l.steps.some((s) => s.invoice) || l.transitions.some((t) => t.invoiceMonths);
  if (invoices) {
    if (!l.invoicedEpisodesOver) ctx.out.push(diagnostic('AVT-C108', l.id.range, { ladder: l.id.text, what: 'which episodes: `invoiced episodes over N days`' }));
    if (!l.invoicedFromDay) ctx.out.push(diagnostic('AVT-C108', l.id.range, { ladder: l.id.text, what: 'which days: `invoiced days from day N`' }));
    if (!l.rate) ctx.out.push(diagnostic('AVT-C108', l.id.range, { ladder: l.id.text, what: 'the rate: `rate PARAMETER`' }));
  }
  if (l.invoicedFromDay && (!Number.isInteger(l.invoicedFromDay.n) || l.invoicedFromDay.n < 1)) ctx.out.push(diagnostic('AVT-C015', l.invoicedFromDay.range, { n: l.invoicedFromDay.n }));
  if (l.rate) {
    const s = ctx.symbols.lookup(l.rate.text);
    if (!s) ctx.out.push(diagnostic('AVT-C002', l.rate.range, { name: l.rate.text, hint: ctx.hint(l.rate.text) }));
    else if (s.kind !== 'declaration' || s.decl.kind !== 'Parameter') ctx.out.push(diagnostic('AVT-C003', l.rate.range, { name: l.rate.text, actual: ctx.kindWord(s), expected: 'parameter' }));
    else if (s.decl.values.some((v) => v.value.kind !== 'Money')) ctx.out.push(diagnostic('AVT-C010', l.rate.range, { expected: 'amount of money', actual: 'parameter with other values' }));
  }
}

/** A worked example of a ladder: monthly averages in, steps, actions and invoiced months out. */
export function checkMonthlyExample(ex: A.Example, ladder: A.Ladder, ctx: MonthlyCheckContext): void {
  if (ex.givens.length > 0) ctx.out.push(diagnostic('AVT-C106', ex.givens[0].range, { name: ex.id.text, detail: 'a ladder example gives monthly averages (`given average YYYY-MM N`), not events or facts' }));
  const seen = new Set<string>();
  for (const a of ex.averages ?? []) {
    if (!isMonth(a.month)) ctx.out.push(diagnostic('AVT-C104', a.range, { value: a.month }));
    const key = `${a.municipality?.text ?? ''}|${a.month}`;
    if (seen.has(key)) ctx.out.push(diagnostic('AVT-C105', a.range, { name: ex.id.text, month: a.month }));
    seen.add(key);
  }
  if (ex.expects.length === 0) ctx.out.push(diagnostic('AVT-C030', ex.id.range));
  const steps = new Set(ladder.steps.map((s) => s.id.text));
  const actions = new Set(ladder.transitions.flatMap((t) => t.actions.map((a) => a.id.text)));
  for (const e of ex.expects) {
    if (e.kind === 'step') {
      if (!isMonth(e.month)) ctx.out.push(diagnostic('AVT-C104', e.range, { value: e.month }));
      if (!steps.has(e.step.text)) ctx.out.push(diagnostic('AVT-C100', e.step.range, { name: e.step.text, ladder: ladder.id.text }));
    } else if (e.kind === 'action') {
      if (!isMonth(e.month)) ctx.out.push(diagnostic('AVT-C104', e.range, { value: e.month }));
      if (!actions.has(e.action.text)) ctx.out.push(diagnostic('AVT-C107', e.action.range, { name: e.action.text, ladder: ladder.id.text }));
    } else if (e.kind === 'invoice') {
      for (const m of e.months) if (!isMonth(m)) ctx.out.push(diagnostic('AVT-C104', e.range, { value: m }));
    } else if (e.kind !== 'no-invoice') {
      ctx.out.push(diagnostic('AVT-C025', e.range, { name: ex.id.text, what: 'an outcome of one care episode', rule: ladder.id.text, kind: 'ladder' }));
    }
  }
}

/** Monthly givens or expectations in an example of a deadline or a payment. */
export function checkNoMonthlyParts(ex: A.Example, ctx: MonthlyCheckContext): void {
  const first = ex.averages?.[0];
  if (first) ctx.out.push(diagnostic('AVT-C106', first.range, { name: ex.id.text, detail: 'monthly averages belong in an example of a ladder' }));
  for (const e of ex.expects) {
    if (e.kind === 'step' || e.kind === 'action' || e.kind === 'invoice' || e.kind === 'no-invoice') {
      ctx.out.push(diagnostic('AVT-C025', e.range, { name: ex.id.text, what: 'a ladder outcome', rule: ex.rule?.text ?? '?', kind: 'care-episode rule' }));
    }
  }
}
