// Worker side of the source panel: the agreement's text with the passages the open policy cites, the
// sentences nobody has decided about, and the branches no worked example exercises.
import type * as A from '../../dsl/ast/ast';
import { sourceView } from '../../engine/review/source-view';
import { exampleCoverage } from '../../engine/review/example-coverage';
import type { CompiledPolicy, VersionInfo } from '../../engine';
import type { SourcePanelView, UiLang } from './protocol';
import { render } from '../../dsl/messages/render';
import { library } from './source-library';

/** The branches no worked example of the open text exercises (none when it does not compile). */
export function unexercisedBranches(p: { compiled?: CompiledPolicy; info: VersionInfo }, ui: UiLang = 'sv'): SourcePanelView['unexercised'] {
  if (!p.compiled) return [];
  return exampleCoverage(p.compiled, p.info, ui).branches.filter((b) => b.hits === 0).map((b) => ({ line: b.line, rule: b.rule, what: b.what }));
}

export function sourcePanelView(p: { analysis: { ast: A.Policy }; compiled?: CompiledPolicy; info: VersionInfo }, source?: string, ui: UiLang = 'sv'): SourcePanelView {
  const ast = p.analysis.ast;
  const id = source ?? ast.header?.source?.value;
  const v = sourceView(ast, library, id);
  const others = [...new Set(ast.declarations.flatMap((d) => d.cites).map((c) => c.file?.value).filter((f): f is string => !!f && library.has(f) && f !== ast.header?.source?.value))];
  const ex = p.compiled ? exampleCoverage(p.compiled, p.info, ui) : undefined;
  const unexercised = ex?.branches.filter((b) => b.hits === 0).map((b) => ({ line: b.line, rule: b.rule, what: b.what })) ?? [];
  if (!v) return { available: false, reason: id ? `unknown-source:${id}` : 'no-source', known: library.ids(), others, unexercised, examplePercent: ex?.percent };
  return {
    available: true, source: v.source, title: v.title, document: v.document, text: v.text, percent: v.percent, others,
    passages: v.passages.map((x) => ({
      n: x.n, start: x.start, end: x.end, line: x.line, kind: x.kind,
      citers: x.citers.map((c) => ({ kind: c.kind, label: render(`review.kind.${c.kind}`, {}, ui), name: c.name, part: c.part, line: c.range.start.line, declStart: c.declRange?.start.line ?? c.range.start.line, declEnd: c.declRange?.end.line ?? c.range.end.line, reason: c.reason })),
    })),
    uncovered: v.uncovered.map((s) => ({ start: s.start, end: s.end, line: s.line, carries: s.carries })),
    unexercised, examplePercent: ex?.percent,
  };
}
