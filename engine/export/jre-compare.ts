// One comparable summary per rule, from Avtal's outcomes and from json-rules-engine's events, so the
// differential test and the benchmark can require that the two agree on every exported rule.
import { dayToIso } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import { DeadlineCode } from '../compiler/deadline';
import { PaymentCode } from '../compiler/payment';
import type { ComputedOutcome } from '../compiler/computed';
import type { Outcomes } from '../evaluator/evaluate';
import { outcomesOf } from './jre-runtime';

export interface RuleSummary {
  rule: string;
  status: string;
  /** deadlines: the due instant (epoch ms); payments: responsible, first payable day, billable days, amount; computed dates: the date */
  due?: number | null;
  responsible?: boolean;
  firstPayableDay?: string | null;
  billableDays?: number | null;
  amount?: number | null;
  date?: string | null;
}

const DEADLINE_STATUS = ['not-applicable', 'not-applicable', 'met', 'missed', 'pending'] as const;
const PAYMENT_STATUS = ['not-started', 'responsible', 'not-responsible', 'not-responsible', 'pending'] as const;
const nul = (x: number): number | null => (Number.isNaN(x) ? null : x);
/** Which status of a history's periods is the rule's: one responsible period makes it responsible (as explain's presentPayment). */
const STATUS_RANK: Record<PaymentCode, number> = { [PaymentCode.NotStarted]: 0, [PaymentCode.RequirementUnmet]: 1, [PaymentCode.Exempt]: 1, [PaymentCode.Pending]: 2, [PaymentCode.Responsible]: 3 };

const computedSummary = (rule: string, applies: boolean, date: string | null): RuleSummary => ({ rule, status: applies ? 'applies' : 'not-applicable', date: applies ? date : null });

/**
 * Avtal's outcomes for the rules named in `only` (all when omitted), in rule order: deadlines, payments,
 * and computed dates when `o` has their outcomes (the hot path's Outcomes do not).
 */
export function summariseAvtal(p: CompiledPolicy, o: Outcomes & { computed?: ComputedOutcome[] }, only?: ReadonlySet<string>): RuleSummary[] {
  const out: RuleSummary[] = [];
  p.deadlines.forEach((r, i) => {
    if (only && !only.has(r.decl.id.text)) return;
    const d = o.deadlines[i];
    const live = d.code !== DeadlineCode.NotApplicable && d.code !== DeadlineCode.NoAnchor;
    out.push({ rule: r.decl.id.text, status: DEADLINE_STATUS[d.code], due: live ? nul(d.due) : null });
  });
  p.payments.forEach((r, i) => {
    if (only && !only.has(r.decl.id.text)) return;
    const x = o.payments[i];
    // As the evaluator's result reads a history: the rule's status is the best of its periods', its billable
    // days and amount the totals of every period (with one period, that period's), the first payable day the first period's.
    const best = (x.more ?? []).reduce((a, m) => (STATUS_RANK[m.code] > STATUS_RANK[a] ? m.code : a), x.code);
    const yes = best === PaymentCode.Responsible;
    const first = x.code === PaymentCode.Responsible && !Number.isNaN(x.firstPayable) ? dayToIso(x.firstPayable) : null;
    out.push({
      rule: r.decl.id.text, status: PAYMENT_STATUS[best], responsible: yes,
      firstPayableDay: yes ? first : null, billableDays: yes ? nul(x.totalBillable) : null, amount: yes ? nul(x.totalAmount) : null,
    });
  });
  if (o.computed) {
    p.computed.forEach((r, i) => {
      if (only && !only.has(r.decl.id.text)) return;
      const x = o.computed![i];
      out.push(computedSummary(r.decl.id.text, x.applies, Number.isNaN(x.day) ? null : dayToIso(x.day)));
    });
  }
  return out;
}

/**
 * json-rules-engine's events for the same rules, in the same order; a rule that fired no event, or several,
 * says so. Computed dates are included when `only` names them (all of them when `only` is omitted).
 */
// biome-ignore lint/suspicious/noExplicitAny: json-rules-engine's callbacks and event params are untyped
export function summariseJre(p: CompiledPolicy, events: { type: string; params?: Record<string, any> }[], only?: ReadonlySet<string>): RuleSummary[] {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.params?.rule, (counts.get(e.params?.rule) ?? 0) + 1);
  const { deadlines, payments, computed } = outcomesOf(events);
  const out: RuleSummary[] = [];
  const fired = (id: string) => counts.get(id) ?? 0;
  for (const r of p.deadlines) {
    const id = r.decl.id.text;
    if (only && !only.has(id)) continue;
    const d = deadlines.get(id);
    out.push(fired(id) !== 1 || !d ? { rule: id, status: `fired ${fired(id)} events` } : { rule: id, status: d.status, due: d.due });
  }
  for (const r of p.payments) {
    const id = r.decl.id.text;
    if (only && !only.has(id)) continue;
    const x = payments.get(id);
    out.push(fired(id) !== 1 || !x
      ? { rule: id, status: `fired ${fired(id)} events` }
      : { rule: id, status: x.status, responsible: x.responsible, firstPayableDay: x.firstPayableDay, billableDays: x.billableDays, amount: x.amount });
  }
  for (const r of p.computed) {
    const id = r.decl.id.text;
    if (only && !only.has(id)) continue;
    const x = computed.get(id);
    out.push(fired(id) !== 1 || !x ? { rule: id, status: `fired ${fired(id)} events` } : computedSummary(id, x.applies, x.date));
  }
  return out;
}
