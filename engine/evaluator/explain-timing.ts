// Explanations of recurring obligations and time windows: the same DeadlineResult as a deadline,
// with the period or the window that decided it.
import { dayToIso, formatInstantLocal, formatInstantUtc, localDayOf } from '../calendar';
import type { CompiledPolicy } from '../compiler/compile';
import { DeadlineCode, type CompiledDeadline, type DeadlineOutcome } from '../compiler/deadline';
import { windowOf } from '../compiler/recurrence';
import type { DeadlineResult, ExplanationStep } from './result';
import { exprText } from './expr-text';
import { DEADLINE_STATUS, interpretationsOf } from './explain';

const local = (t: number): string | null => (Number.isNaN(t) ? null : formatInstantLocal(t));
const dayText = (exclusiveEnd: number): string | null => (Number.isNaN(exclusiveEnd) ? null : `${dayToIso(localDayOf(exclusiveEnd - 1))} 24:00`);

export function presentTimingDeadline(p: CompiledPolicy, r: CompiledDeadline, o: DeadlineOutcome, steps: ExplanationStep[] | undefined): DeadlineResult {
  const d = r.decl;
  const lang = p.ast.lang;
  const status = DEADLINE_STATUS[o.code];
  const subject = d.subject!.text;
  let rule: string;
  let reason: string;
  let due: string | null = null;
  if (d.every) {
    const r0 = d.every;
    rule = `${subject} every ${r0.n === 1 ? '' : `${r0.n} `}${r0.unit.replace('-', ' ')}${r0.start ? ` from ${exprText(r0.start, lang)}` : ''}`;
    due = dayText(o.due);
    const period = Number.isNaN(o.anchor) ? '' : `the period from ${dayToIso(localDayOf(o.anchor))} to ${due}`;
    switch (o.code) {
      case DeadlineCode.NotApplicable: reason = `the rule applies only when ${exprText(d.when!, lang)}, which does not hold`; break;
      case DeadlineCode.NoAnchor: reason = r0.start ? `${exprText(r0.start, lang)} is not recorded, so the obligation has not started` : `${subject} is not recorded and no evaluation date was given`; break;
      case DeadlineCode.Met: reason = `the latest ${subject} at ${local(o.actual)} falls within ${period || `the time allowed, due again by ${due}`}`; break;
      case DeadlineCode.Missed: reason = `no ${subject} in ${period || `the time allowed, due by ${due}`}${Number.isNaN(o.actual) ? '' : `; the latest was at ${local(o.actual)}`}`; break;
      case DeadlineCode.Pending: reason = `${subject} is due by ${due}${Number.isNaN(o.actual) ? '' : `; the latest was at ${local(o.actual)}`}`; break;
    }
  } else {
    const windows = d.windows ?? [];
    const wText = (i: number) => `${windows[i].days.replace('-', ' ')} ${windows[i].start.text}-${windows[i].end.text}`;
    rule = `${subject} on ${windows.map((_, i) => wText(i)).join(' or ')}`;
    const hit = Number.isNaN(o.actual) ? -1 : windowOf(windows, o.actual);
    switch (o.code) {
      case DeadlineCode.NotApplicable: reason = `the rule applies only when ${exprText(d.when!, lang)}, which does not hold`; break;
      case DeadlineCode.NoAnchor: reason = `${subject} is not recorded`; break;
      case DeadlineCode.Met: reason = `${subject} at ${local(o.actual)} falls in the window ${wText(hit)}`; break;
      default: reason = `${subject} at ${local(o.actual)} falls in none of the windows`; break;
    }
  }
  steps?.push({
    rule: d.id.text, title: d.title?.value, text: `Deadline ${d.id.text}: ${rule}; ${status}: ${reason}.`,
    interpretations: interpretationsOf(d),
    values: { due, actual: local(o.actual), status },
  });
  return { id: d.id.text, title: d.title?.value, status, due, dueInstant: Number.isNaN(o.due) ? null : formatInstantUtc(o.due - 1), actual: local(o.actual), reason };
}
