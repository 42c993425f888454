// Text coverage: of the sentences of a policy's source that carry a quantity, a time, a deadline or a
// condition, which are cited by a rule, an interpretation or an example, which are marked as deliberately
// not encoded (`unencoded`), and which nobody has decided about. Browser-safe.
import type * as A from '../../dsl/ast/ast';
import type { SourceDoc, SourceLibrary, Span } from '../../dsl/sources/library';
import { resolveCitations, type ResolvedCitation } from '../../dsl/sources/citations';
import { sentences, type Sentence } from './sentences';

export type Coverer = { kind: 'cited'; by: string[] } | { kind: 'marked'; by: string[]; reason: A.UnencodedReason };

export interface SentenceCoverage extends Sentence {
  line: number;
  covered?: Coverer;
}

export interface TextCoverage {
  source: string;
  document: string;
  /** Every sentence that carries a quantity, a time, a deadline or a condition. */
  sentences: SentenceCoverage[];
  cited: number;
  marked: number;
  byReason: Record<A.UnencodedReason, number>;
  uncovered: SentenceCoverage[];
  /** Covered share in per cent, one decimal; 100 when the source has no such sentence. */
  percent: number;
}

const cache = new WeakMap<SourceDoc, Sentence[]>();
export function sentencesOf(doc: SourceDoc): Sentence[] {
  let s = cache.get(doc);
  if (!s) cache.set(doc, (s = sentences(doc.text)));
  return s;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Who cites: "payment kommunens_betalningsansvar", "unencoded parter". */
export function citerName(r: ResolvedCitation): string {
  const d = r.declaration;
  if (!d) return 'agreement header';
  return `${d.kind === 'Unencoded' ? 'unencoded' : d.kind.toLowerCase()} ${d.id.text}${r.part ? ` (${r.part})` : ''}`;
}

/** The text coverage of a policy over its own source; undefined when the source is not in the library. */
export function textCoverage(policy: A.Policy, library: SourceLibrary, resolved = resolveCitations(policy, library)): TextCoverage | undefined {
  const id = policy.header?.source?.value;
  const doc = id ? library.get(id) : undefined;
  if (!doc) return undefined;
  const mine = resolved.filter((r) => r.doc === doc && r.quote && r.quote.length > 0);
  const byReason: TextCoverage['byReason'] = { 'not-computable': 0, 'outside-scope': 0, 'applied-elsewhere': 0 };
  const out: SentenceCoverage[] = [];
  let cited = 0;
  let marked = 0;
  for (const s of sentencesOf(doc)) {
    if (s.carries.length === 0) continue;
    const hits = mine.filter((r) => r.quote!.some((q) => overlaps(q, s)));
    const citing = hits.filter((r) => r.declaration?.kind !== 'Unencoded');
    const marks = hits.filter((r) => r.declaration?.kind === 'Unencoded');
    let covered: Coverer | undefined;
    if (citing.length > 0) {
      covered = { kind: 'cited', by: [...new Set(citing.map(citerName))] };
      cited++;
    } else if (marks.length > 0) {
      const reason = (marks[0].declaration as A.Unencoded).reason?.value ?? 'not-computable';
      covered = { kind: 'marked', by: [...new Set(marks.map(citerName))], reason };
      byReason[reason]++;
      marked++;
    }
    out.push({ ...s, line: doc.lineOf(s.start), covered });
  }
  const uncovered = out.filter((s) => !s.covered);
  const percent = out.length === 0 ? 100 : Math.floor((1000 * (out.length - uncovered.length)) / out.length) / 10;
  return { source: doc.entry.id, document: doc.entry.document, sentences: out, cited, marked, byReason, uncovered, percent };
}
