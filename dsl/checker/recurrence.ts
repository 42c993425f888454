// Checks of recurring obligations (`EVENT every [N] PERIOD [from EXPR]`), time windows
// (`EVENT on DAYS between TIME and TIME`) and escalation procedures (docs/language.md, recurring obligations).
// Reads the AST only; every problem is a located diagnostic.
import type * as A from '../ast/ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { TypeChecker } from './types';

/** What the main checker lends: its diagnostics list and its shared checks. */
export interface TimingCheckContext {
  types: TypeChecker;
  out: Diagnostic[];
  requireCitation(d: { kind: string; id: A.Name; cites: A.Citation[] }): void;
  checkSee(names: A.Name[]): void;
  checkEvent(n: A.Name): void;
}

/** Whether a deadline uses the recurring or the windowed form (then `checkTimingDeadline` checks it). */
export const isTimingDeadline = (d: A.Deadline): boolean => !!d.every || (d.windows?.length ?? 0) > 0;

/** A deadline in the recurring or windowed form: one form only, a known event, sound periods and hours. */
export function checkTimingDeadline(d: A.Deadline, ctx: TimingCheckContext): void {
  const forms = [d.within ? '`within`' : '', d.every ? '`every`' : '', d.windows?.length ? '`on … between`' : ''].filter(Boolean);
  if (forms.length > 1) ctx.out.push(diagnostic('AVT-C200', d.id.range, { name: d.id.text, forms: forms.join(', ') }));
  if (!d.subject) {
    ctx.out.push(diagnostic('AVT-C023', d.id.range, { kind: 'deadline', clause: 'a rule: `EVENT every PERIOD` or `EVENT on DAYS between TIME and TIME`' }));
    return;
  }
  ctx.checkEvent(d.subject);
  if (d.every) {
    if (!Number.isInteger(d.every.n) || d.every.n < 1) ctx.out.push(diagnostic('AVT-C202', d.every.range, { value: d.every.n }));
    if (d.every.start) ctx.types.expect(d.every.start, 'instant');
  }
  for (const w of d.windows ?? []) {
    if (w.subject && w.subject.text !== d.subject.text) ctx.out.push(diagnostic('AVT-C203', w.subject.range, { name: d.id.text, a: d.subject.text, b: w.subject.text }));
    checkTime(w.start, ctx.out);
    checkTime(w.end, ctx.out);
    if (w.end.minutes <= w.start.minutes) ctx.out.push(diagnostic('AVT-C201', w.range, { start: w.start.text, end: w.end.text }));
  }
}

/** An escalation procedure: cited, at least two steps, each step named once and cited. */
export function checkEscalation(e: A.Escalation, ctx: TimingCheckContext): void {
  ctx.requireCitation(e);
  ctx.checkSee(e.see);
  if (e.steps.length < 2) ctx.out.push(diagnostic('AVT-C205', e.id.range, { name: e.id.text, count: e.steps.length }));
  const seen = new Set<string>();
  for (const s of e.steps) {
    if (seen.has(s.id.text)) ctx.out.push(diagnostic('AVT-C204', s.id.range, { name: s.id.text, escalation: e.id.text }));
    seen.add(s.id.text);
    if (s.cites.length === 0) ctx.out.push(diagnostic('AVT-C206', s.id.range, { name: s.id.text, escalation: e.id.text }));
  }
}

function checkTime(t: A.TimeLit, out: Diagnostic[]): void {
  const [h, m] = t.text.split(':').map(Number);
  if (h > 23 || m > 59) out.push(diagnostic('AVT-C032', t.range, { value: t.text }));
}
