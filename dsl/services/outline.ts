// What the editor's panels need to know about a policy: the events and facts it uses (for the
// scenario form) and the numbers a trainer may change in a what-if (grace days, cutoff times,
// deadlines, parameter values, thresholds), each with the source range of its literal.
import type * as A from '../ast/ast';
import { lookupVocabulary, EVENTS, FACTS, type EventEntry, type FactEntry } from '../builtins/vocabulary';
import { walk } from './walk';

export type TweakKind = 'number' | 'time';

export interface Tweak {
  id: string; // stable within a text: "grace:kommunens_betalningsansvar:1"
  what: 'grace' | 'cutoff' | 'within' | 'parameter' | 'threshold' | 'number';
  decl: string; // the declaration it belongs to
  kind: TweakKind;
  current: string; // "3", "12:00", "7800"
  detail: string; // the clause as written, e.g. "frist 4 dagar när utskrivningsklar_meddelad efter middag"
  line: number;
  /** source offsets of every literal to change together (a cutoff repeats its time in its boundary) */
  spans: { start: number; end: number }[];
}

export interface PolicyOutline {
  lang: 'en' | 'sv';
  agreement?: string;
  title?: string;
  county?: string;
  version?: string;
  status?: 'published' | 'draft';
  events: EventEntry[]; // in vocabulary order
  facts: FactEntry[];
  rules: { id: string; kind: string; title?: string }[];
  tweaks: Tweak[];
}

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
const clauseText = (text: string, r: { start: { offset: number }; end: { offset: number } }) => text.slice(r.start.offset, r.end.offset).replace(/\s+/g, ' ').trim();

export function outline(ast: A.Policy, text: string): PolicyOutline {
  const usedEvents = new Set<string>();
  const usedFacts = new Set<string>();
  walk(ast.declarations, (node) => {
    const name = node.kind === 'NameRef' ? (node.name as string) : typeof node.text === 'string' && !('kind' in node) ? (node.text as string) : undefined;
    if (!name) return;
    const v = lookupVocabulary(name);
    if (v?.kind === 'event') usedEvents.add(v.id);
    if (v?.kind === 'fact') usedFacts.add(v.id);
  });
  const tweaks: Tweak[] = [];
  const covered = new Set<unknown>();
  const span = (r: A.Node['range']) => ({ start: r.start.offset, end: r.end.offset });
  for (const d of ast.declarations) {
    if (!d.id) continue;
    if (d.kind === 'Payment') {
      d.grace.forEach((g, i) => {
        covered.add(g.value);
        tweaks.push({ id: `grace:${d.id.text}:${i}`, what: 'grace', decl: d.id.text, kind: 'number', current: String(g.value.n), detail: clauseText(text, g.range), line: lineOf(text, g.range.start.offset), spans: [span(g.value.range)] });
      });
    }
    if (d.kind === 'Cutoff' && d.time && d.boundary) {
      covered.add(d.time);
      covered.add(d.boundary);
      tweaks.push({ id: `cutoff:${d.id.text}`, what: 'cutoff', decl: d.id.text, kind: 'time', current: d.time.text, detail: clauseText(text, { start: d.range.start, end: d.boundary.range.end }), line: lineOf(text, d.range.start.offset), spans: [span(d.time.range), span(d.boundary.range)] });
    }
    if (d.kind === 'Deadline' && d.within) {
      covered.add(d.within);
      tweaks.push({ id: `within:${d.id.text}`, what: 'within', decl: d.id.text, kind: 'number', current: String(d.within.value), detail: clauseText(text, d.within.range), line: lineOf(text, d.within.range.start.offset), spans: [span(d.within.range)] });
    }
    if ((d.kind as string) === 'Ladder') {
      // a monthly ladder's threshold ("gräns 2.4"), when it is written as a number
      const th = (d as unknown as { threshold?: { kind: string; value?: number; range: A.Node['range'] } }).threshold;
      if (th?.kind === 'number' && th.value !== undefined) {
        covered.add(th);
        tweaks.push({ id: `threshold:${d.id.text}`, what: 'threshold', decl: d.id.text, kind: 'number', current: String(th.value), detail: clauseText(text, th.range), line: lineOf(text, th.range.start.offset), spans: [span(th.range)] });
      }
    }
    if (d.kind === 'Parameter') {
      for (const v of d.values) {
        if (!v.value || !('value' in v.value)) continue;
        covered.add(v.value);
        tweaks.push({ id: `parameter:${d.id.text}:${v.year}`, what: 'parameter', decl: d.id.text, kind: 'number', current: String(v.value.value), detail: clauseText(text, v.value.range) + ` (${v.year})`, line: lineOf(text, v.range.start.offset), spans: [span(v.value.range)] });
      }
    }
  }
  // Any other plain number in a rule (thresholds of newer constructs, comparisons): generic tweaks.
  for (const d of ast.declarations) {
    if (!d.id || d.kind === 'Example' || d.kind === 'Interpretation' || d.kind === 'Unencoded') continue;
    let n = 0;
    walk(d, (node, _parent, key) => {
      if (covered.has(node) || !node.range) return;
      if (node.kind === 'Number' || node.kind === 'Duration' || node.kind === 'Money') {
        const r = node.range;
        tweaks.push({ id: `number:${d.id.text}:${n++}`, what: 'number', decl: d.id.text, kind: 'number', current: String(node.value), detail: `${key}: ${clauseText(text, r)}`, line: lineOf(text, r.start.offset), spans: [span(r)] });
      }
    });
  }
  const h = ast.header;
  return {
    lang: ast.lang, agreement: h?.id.text, title: h?.title?.value, county: h?.county?.text, version: h?.version?.value, status: h?.status,
    events: EVENTS.filter((e) => usedEvents.has(e.id)),
    facts: FACTS.filter((f) => usedFacts.has(f.id)),
    rules: ast.declarations.filter((d) => d.id && d.kind !== 'Example' && d.kind !== 'Interpretation' && d.kind !== 'Unencoded').map((d) => ({ id: d.id.text, kind: d.kind, title: 'title' in d ? d.title?.value : undefined })),
    tweaks,
  };
}

/**
 * The text with some numbers changed, for a what-if: each tweak's literals are rewritten in place (the
 * first number or time inside each span), so the result re-parses exactly like the original.
 */
export function applyTweaks(text: string, tweaks: readonly Tweak[], values: Readonly<Record<string, string>>): { text: string; applied: string[] } {
  const edits: { start: number; end: number; value: string }[] = [];
  const applied: string[] = [];
  for (const t of tweaks) {
    const value = values[t.id];
    if (value === undefined || value === '' || value === t.current) continue;
    const ok = t.kind === 'time' ? /^\d{1,2}:\d{2}$/.test(value) : /^\d+(\.\d+)?$/.test(value);
    if (!ok) continue;
    for (const s of t.spans) {
      const slice = text.slice(s.start, s.end);
      const m = (t.kind === 'time' ? /\d{1,2}:\d{2}/ : /\d+(?:\.\d+)?/).exec(slice);
      if (m) edits.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, value });
    }
    applied.push(t.id);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.value + out.slice(e.end);
  return { text: out, applied };
}
