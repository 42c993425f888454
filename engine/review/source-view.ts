// The agreement beside its policy: every passage of the source a policy cites, with the rules,
// interpretations, examples and marks that cite it, and the sentences nobody has decided about.
// Browser-safe: the CLI prints it (`avtal source`), the editor's source panel draws it.
import type * as A from '../../dsl/ast/ast';
import type { Range } from '../../dsl/diagnostics';
import type { SourceDoc, SourceLibrary } from '../../dsl/sources/library';
import { resolveCitations } from '../../dsl/sources/citations';
import { textCoverage, type SentenceCoverage } from './text-coverage';

export interface Citer {
  /** interpretation, payment, deadline, example, unencoded, agreement … */
  kind: string;
  name: string;
  /** A step, a parameter's year, a transition. */
  part?: string;
  /** Where the citation is in the policy. */
  range: Range;
  /** The declaration's whole range, for the editor's "hover a rule → its passage". */
  declRange?: Range;
  reason?: A.UnencodedReason;
}

export interface Passage {
  n: number; // 1-based, in source order
  start: number;
  end: number;
  line: number;
  endLine: number;
  text: string;
  /** `marked` when every citer is an `unencoded` mark. */
  kind: 'cited' | 'marked';
  citers: Citer[];
}

export interface HeadingRef {
  heading: string;
  start: number;
  end: number;
  line: number;
  citers: Citer[];
}

export interface SourceView {
  source: string;
  title: string;
  document: string;
  text: string;
  passages: Passage[];
  headings: HeadingRef[];
  /** Sentences with a quantity, time, deadline or condition that nothing cites or marks. */
  uncovered: SentenceCoverage[];
  percent: number;
}

const kindWord = (d?: A.Declaration) => (!d ? 'agreement' : d.kind === 'Unencoded' ? 'unencoded' : d.kind.toLowerCase());

/**
 * The view of one source as a policy cites it: the policy's own source, or `source` (a document it cites
 * with `in "…"`). Undefined when that source is not in the library.
 */
export function sourceView(policy: A.Policy, library: SourceLibrary, source = policy.header?.source?.value): SourceView | undefined {
  const doc: SourceDoc | undefined = source ? library.get(source) : undefined;
  if (!doc) return undefined;
  const resolved = resolveCitations(policy, library).filter((r) => r.doc === doc);
  const bySpan = new Map<string, Passage>();
  const headings = new Map<string, HeadingRef>();
  for (const r of resolved) {
    const citer: Citer = {
      kind: kindWord(r.declaration), name: r.declaration?.id.text ?? policy.header?.id.text ?? '', part: r.part,
      range: r.citation.range, declRange: r.declaration?.range ?? policy.header?.range,
      reason: r.declaration?.kind === 'Unencoded' ? r.declaration.reason?.value : undefined,
    };
    for (const q of r.quote ?? []) {
      const key = `${q.start}:${q.end}`;
      let p = bySpan.get(key);
      if (!p) bySpan.set(key, (p = { n: 0, start: q.start, end: q.end, line: doc.lineOf(q.start), endLine: doc.lineOf(q.end - 1), text: doc.text.slice(q.start, q.end), kind: 'marked', citers: [] }));
      p.citers.push(citer);
      if (citer.kind !== 'unencoded') p.kind = 'cited';
    }
    if (r.heading) {
      const key = `${r.heading.start}`;
      let h = headings.get(key);
      if (!h) headings.set(key, (h = { heading: r.citation.heading.value, start: r.heading.start, end: r.heading.end, line: doc.lineOf(r.heading.start), citers: [] }));
      h.citers.push(citer);
    }
  }
  const passages = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  passages.forEach((p, i) => (p.n = i + 1));
  const own = source === policy.header?.source?.value ? textCoverage(policy, library) : undefined;
  return {
    source: doc.entry.id, title: doc.entry.title, document: doc.entry.document, text: doc.text, passages,
    headings: [...headings.values()].sort((a, b) => a.start - b.start),
    uncovered: own?.uncovered ?? [], percent: own?.percent ?? 100,
  };
}
