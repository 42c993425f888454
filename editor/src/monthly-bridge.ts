// The monthly simulator's bridge to engine/monthly: the ladders of the open policy, their worked examples'
// averages for the form, and the months computed.
import type * as A from '../../dsl/ast/ast';
import { evaluateMonths, type MonthsInput } from '../../engine/monthly';
import type { Prepared } from './language-worker';
import type { MonthsResult, UiLang } from './protocol';

/** `input` null: what the panel needs to draw its form; otherwise the months computed, explained in `ui`'s language. */
export async function runMonths(p: Prepared, input: unknown, ui: UiLang = 'sv'): Promise<MonthsResult> {
  const ladders = p.analysis.ast.declarations.filter((d) => d.kind === 'Ladder').map((d) => d.id.text);
  if (!ladders.length) return { available: true, applicable: false };
  if (!p.compiled) return { available: true, applicable: true, ladders, reason: 'errors' };
  if (input === null) {
    const examples = p.analysis.ast.declarations
      .filter((d): d is A.Example => d.kind === 'Example' && !!d.rule && ladders.includes(d.rule.text) && !!(d as A.Example).averages?.length)
      .map((d) => {
        const averages: Record<string, Record<string, number>> = {};
        for (const a of d.averages ?? []) (averages[a.municipality?.text ?? 'Kommun A'] ??= {})[a.month] = a.value;
        return { id: d.id.text, title: d.title?.value, averages };
      });
    // Which years the ladder's threshold has a value for (Blekinge enters next year's each November): from the
    // version's first year to next year, so a reviewer sees a missing year before it makes months undetermined.
    const ladder = p.compiled.ladders.get(ladders[0]);
    const first = Number((p.analysis.ast.header?.validFrom?.iso ?? '').slice(0, 4)) || new Date().getFullYear();
    const last = Math.max(first, new Date().getFullYear() + 1);
    const thresholds = ladder ? Array.from({ length: Math.min(last - first + 1, 40) }, (_, i) => {
      const th = ladder.threshold(first + i);
      return th.ok ? { year: th.year, value: th.value, ...(th.fromYear !== th.year ? { carriedFrom: th.fromYear } : {}) } : { year: th.year, value: null };
    }) : [];
    return { available: true, applicable: true, ladders, examples, thresholds };
  }
  // the panel sends { averages } or { episodes, format }: evaluateMonths reports anything else as diagnostics
  return { available: true, applicable: true, ladders, result: evaluateMonths(p.compiled, input as MonthsInput, { explain: true, lang: ui }) };
}
