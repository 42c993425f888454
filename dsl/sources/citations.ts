// Every citation of a policy, with the declaration that makes it, and the check of each against its
// source text: a quotation must occur in it (whitespace normalized), a heading must exist.
import type * as A from '../ast/ast';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { SourceDoc, SourceLibrary, Span } from './library';

export interface CitationUse {
  citation: A.Citation;
  /** The declaration that cites (undefined for the agreement header). */
  declaration?: A.Declaration;
  /** A part of the declaration: an escalation or ladder step, a parameter's value, a transition. */
  part?: string;
  /** The id of the source the citation is about: its `in "…"`, else the agreement's own source. */
  source?: string;
}

/** Every citation in a policy, in source order. */
export function collectCitations(policy: A.Policy): CitationUse[] {
  const own = policy.header?.source?.value;
  const out: CitationUse[] = [];
  const add = (cites: A.Citation[] | undefined, declaration?: A.Declaration, part?: string) => {
    for (const citation of cites ?? []) out.push({ citation, declaration, part, source: citation.file?.value ?? own });
  };
  add(policy.header?.cites);
  for (const d of policy.declarations) {
    add(d.cites, d);
    if (d.kind === 'Escalation') for (const s of d.steps) add(s.cites, d, s.id.text);
    if (d.kind === 'Parameter') for (const v of d.values) add(v.cites, d, String(v.year));
    if (d.kind === 'Ladder') for (const t of d.transitions) add(t.cites, d, `${t.from.text} → ${t.to.text}`);
  }
  return out.sort((a, b) => a.citation.range.start.offset - b.citation.range.start.offset);
}

export interface ResolvedCitation extends CitationUse {
  doc?: SourceDoc;
  heading?: Span;
  quote?: Span[];
}

/** Each citation with where its heading and quotation are in its source (when the source is in the library). */
export function resolveCitations(policy: A.Policy, library: SourceLibrary): ResolvedCitation[] {
  return collectCitations(policy).map((use) => {
    const doc = use.source ? library.get(use.source) : undefined;
    if (!doc) return use;
    const quote = use.citation.quote ? doc.findQuote(use.citation.quote.value) : undefined;
    return { ...use, doc, heading: doc.findHeading(use.citation.heading.value), quote };
  });
}

const clip = (s: string, n = 160) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * The citation checks: an unknown source id is a warning (its citations are not checked); a quotation not
 * in its source, or a heading that is not, is an error. A citation `in` a document outside the library
 * (a regulation, a bill) is not checked.
 */
export function checkCitations(policy: A.Policy, library: SourceLibrary): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own = policy.header?.source;
  if (own && !library.has(own.value)) {
    out.push(diagnostic('AVT-C302', own.range, { source: own.value, known: library.ids().join(', ') }));
    return out;
  }
  for (const r of resolveCitations(policy, library)) {
    if (!r.doc) continue;
    const id = r.doc.entry.id;
    if (!r.heading) out.push(diagnostic('AVT-C301', r.citation.heading.range, { heading: r.citation.heading.value, source: id }));
    const q = r.citation.quote;
    if (q && r.quote && r.quote.length === 0) {
      const near = r.doc.nearest(q.value);
      out.push(diagnostic('AVT-C300', q.range, {
        source: id,
        line: near ? r.doc.lineOf(near.span.start) : '–',
        nearest: near ? `"${clip(near.text)}"` : '–',
      }));
    }
  }
  return out;
}
