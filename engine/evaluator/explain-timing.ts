// Explanations of recurring obligations and time windows: the same DeadlineResult as a deadline,
// with the period or the window that decided it.
import { dayToIso, formatInstantLocal, formatInstantUtc, localDayOf } from '../calendar';
import type { CRecurringDeadline, CWindowDeadline } from '../../dsl/checker/program';
import type { CompiledPolicy } from '../compiler/compile';
import { DeadlineCode, type CompiledDeadline, type DeadlineOutcome } from '../compiler/deadline';
import { windowOf } from '../compiler/recurrence';
import type { DeadlineResult, ExplanationStep } from './result';
import { exprText } from './expr-text';
import { DEADLINE_STATUS, interpretationsOf } from './explain';
import type { MsgLang } from '../../dsl/messages/render';
import { EXPLAIN_MESSAGES as X } from '../../dsl/messages/explain';

const local = (t: number): string | null => (Number.isNaN(t) ? null : formatInstantLocal(t));
const dayText = (exclusiveEnd: number): string | null => (Number.isNaN(exclusiveEnd) ? null : `${dayToIso(localDayOf(exclusiveEnd - 1))} 24:00`);

export function presentTimingDeadline(p: CompiledPolicy, r: CompiledDeadline, checked: CRecurringDeadline | CWindowDeadline, o: DeadlineOutcome, steps: ExplanationStep[] | undefined, lang: MsgLang = 'sv'): DeadlineResult {
  const d = r.decl;
  const status = DEADLINE_STATUS[o.code];
  const subject = checked.subject.name;
  const cond = checked.when ? exprText(checked.when.ast, lang) : '';
  let rule: string;
  let reason: string;
  let due: string | null = null;
  if (checked.form === 'every') {
    const r0 = checked.every;
    const start = r0.start ? exprText(r0.start.ast, lang) : undefined;
    rule = X['explain.timing.every'][lang]({ subject, n: r0.n, unit: r0.unit, start }, lang);
    due = dayText(o.due);
    const period = Number.isNaN(o.anchor) ? '' : X['explain.timing.period'][lang]({ from: dayToIso(localDayOf(o.anchor)), to: due }, lang);
    const actual = local(o.actual);
    switch (o.code) {
      case DeadlineCode.NotApplicable: reason = X['reason.notApplicable'][lang]({ cond }, lang); break;
      case DeadlineCode.NoAnchor: reason = r0.start ? X['reason.timing.notStarted'][lang]({ start }, lang) : X['reason.timing.noSubject'][lang]({ subject }, lang); break;
      case DeadlineCode.Met: reason = X['reason.timing.met'][lang]({ subject, actual, period, due }, lang); break;
      case DeadlineCode.Missed: reason = X['reason.timing.missed'][lang]({ subject, actual, period, due }, lang); break;
      case DeadlineCode.Pending: reason = X['reason.timing.pending'][lang]({ subject, actual, due }, lang); break;
    }
  } else {
    const windows = checked.windows;
    const wText = (i: number) => X['explain.timing.window'][lang]({ days: windows[i].days, start: windows[i].start.text, end: windows[i].end.text }, lang);
    rule = X['explain.timing.windows'][lang]({ subject, windows: windows.map((_, i) => wText(i)).join(X['explain.timing.or'][lang]({}, lang)) }, lang);
    const hit = Number.isNaN(o.actual) ? -1 : windowOf(windows, o.actual);
    switch (o.code) {
      case DeadlineCode.NotApplicable: reason = X['reason.notApplicable'][lang]({ cond }, lang); break;
      case DeadlineCode.NoAnchor: reason = X['reason.window.none'][lang]({ subject }, lang); break;
      case DeadlineCode.Met: reason = X['reason.window.met'][lang]({ subject, actual: local(o.actual), window: wText(hit) }, lang); break;
      default: reason = X['reason.window.outside'][lang]({ subject, actual: local(o.actual) }, lang); break;
    }
  }
  steps?.push({
    rule: d.id.text, title: d.title?.value, text: X['explain.timing'][lang]({ id: d.id.text, rule, status, reason }, lang),
    interpretations: interpretationsOf(d),
    values: { due, actual: local(o.actual), status },
  });
  return { id: d.id.text, title: d.title?.value, status, due, dueInstant: Number.isNaN(o.due) ? null : formatInstantUtc(o.due - 1), actual: local(o.actual), reason };
}
