// Hover text (Markdown) for the name under the cursor: a rule shows its title, citation headings and the
// quoted source text; an interpretation its decision; vocabulary names, functions and keywords the
// description from their tables.
import type * as A from '../ast/ast';
import { KEYWORDS, type Lang } from '../builtins/keywords';
import { lookupVocabulary } from '../builtins/vocabulary';
import { lookupFunction } from '../builtins/functions';
import { typeName } from '../builtins/types';
import { wordAt } from './word-at';
import { kindLabel, label } from './labels';
import { hasMessage, render } from '../messages/render';

/** What a keyword, shared name or function means, in the reader's language (dsl/messages/hover.ts); the table's own English otherwise. */
export const meaning = (code: string, english: string, ui: Lang): string => (ui !== 'en' && hasMessage(code) && render(code, {}, ui)) || english;

export interface Hover {
  markdown: string;
  start: number; // offsets of the word hovered
  end: number;
}

const md = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');

function citationLines(cites: A.Citation[], ui: Lang): string[] {
  const out: string[] = [];
  for (const c of cites) {
    out.push(`**${label(ui, 'source')}:** ${md(c.heading.value)}${c.file ? ` (${md(c.file.value)})` : ''}`);
    if (c.quote) out.push(`> ${md(c.quote.value)}`);
  }
  return out;
}

/** The hover of a declaration, also used by the examples and simulator panels. */
export function declarationHover(d: A.Declaration, ast: A.Policy, ui: Lang): string {
  const lines: string[] = [`**${kindLabel(d.kind, ui)} \`${d.id.text}\`**${'title' in d && d.title ? ` — ${md(d.title.value)}` : ''}`];
  if (d.kind === 'Cutoff') lines.push(`${d.time.text}, ${d.boundary.text} → ${d.countsAs === 'before' ? (ui === 'sv' ? 'räknas som före' : 'counts as before') : ui === 'sv' ? 'räknas som efter' : 'counts as after'}`);
  if (d.kind === 'Parameter') lines.push(`**${label(ui, 'values')}:** ${d.values.map((v) => `${v.year}: ${'value' in v.value ? String((v.value as { value: unknown }).value) : ''}`).join(', ')}`);
  if (d.kind === 'Example' && d.rule) lines.push(`**${label(ui, 'example')}:** \`${d.rule.text}\``);
  lines.push(...citationLines(d.cites, ui));
  if (d.kind === 'Interpretation' && d.decision) lines.push(`**${label(ui, 'decision')}:** ${md(d.decision.value)}`);
  if ('see' in d && d.see.length) {
    const titles = d.see.map((n) => {
      const i = ast.declarations.find((x) => x.kind === 'Interpretation' && x.id.text === n.text) as A.Interpretation | undefined;
      return `\`${n.text}\`${i?.title ? ` — ${md(i.title.value)}` : ''}`;
    });
    lines.push(`**${label(ui, 'see')}:** ${titles.join('; ')}`);
  }
  return lines.join('\n\n');
}

export function hoverAt(ast: A.Policy, text: string, offset: number, ui: Lang = 'sv'): Hover | undefined {
  const w = wordAt(text, offset);
  if (!w) return undefined;
  const at = { start: w.start, end: w.end };
  const decl = ast.declarations.find((d) => d.id?.text === w.word);
  if (decl) return { markdown: declarationHover(decl, ast, ui), ...at };
  if (ast.header && ast.header.id.text === w.word) {
    const h = ast.header;
    const valid = `${h.validFrom?.iso ?? '?'} – ${h.validTo === 'until-further-notice' ? label(ui, 'untilFurther') : h.validTo?.iso ?? ''}`;
    return { markdown: [`**${label(ui, 'agreement')} \`${h.id.text}\`**${h.title ? ` — ${md(h.title.value)}` : ''}`, `**${label(ui, 'valid')}:** ${valid}`, ...citationLines(h.cites, ui)].join('\n\n'), ...at };
  }
  const v = lookupVocabulary(w.word);
  if (v) {
    const other = w.word === v.id ? v.sv : v.id;
    const values = v.kind === 'fact' && v.values ? `\n\n${v.values.map((x) => `\`${x.sv}\` / \`${x.id}\``).join(', ')}` : '';
    return { markdown: `**${label(ui, v.kind === 'event' ? 'event' : 'fact')} \`${w.word}\`** (${other})\n\n${md(meaning(`hover.vocab.${v.id}`, v.description, ui))}${values}`, ...at };
  }
  const f = lookupFunction(w.word);
  if (f) {
    const sig = `${w.word}(${f.params.map((p) => typeName(p)).join(', ')}${f.variadic ? ', …' : ''}) → ${typeName(f.result)}`;
    return { markdown: `**${label(ui, 'fn')}** \`${sig}\`\n\n${md(meaning(`hover.fn.${f.id}`, f.description, ui))}`, ...at };
  }
  const k = KEYWORDS.find((e) => [...e.en, ...e.sv].some((s) => s === w.word || s.split(' ').includes(w.word)));
  if (k) return { markdown: `**${label(ui, 'keyword')}** \`${k.sv[0]}\` / \`${k.en[0]}\`\n\n${md(meaning(`hover.kw.${k.name}`, k.description, ui))}`, ...at };
  return undefined;
}
