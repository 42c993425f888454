// Diffs as plain text (terminal), Markdown and HTML (review memos), through one small document model.
import { render as message, type MsgLang } from '../../dsl/messages/render';
import { pickCounterexamples as pick, type BehaviouralDiff } from './behavioural-diff';
import { kindLabel, valueWord } from './labels';
import { holidaysOfYear } from '../calendar/holidays';
import { lookupVocabulary } from '../../dsl/builtins/vocabulary';
import type { Change, CitationRef, DeclarationChange, SemanticDiff, VersionRef } from './semantic-diff';

export type DiffFormat = 'text' | 'markdown' | 'html';

type Inline = string | { code: string };
type Block =
  | { kind: 'heading'; level: 1 | 2; text: Inline[] }
  | { kind: 'para'; text: Inline[] }
  | { kind: 'list'; items: { text: Inline[]; sub?: Inline[][] }[] };

const code = (s: string): Inline => ({ code: s });
/** A value: quoted prose (a decision, a quote) stays prose; names, numbers and conditions are code. */
const value = (s: string): Inline => (s.startsWith('"') ? s : code(s));

function versionLine(v: VersionRef, lang: MsgLang): string {
  const to = v.validTo === 'until further notice' ? message('diff.versionOpen', {}, lang) : v.validTo ? message('diff.versionTo', { to: v.validTo }, lang) : '';
  return message('diff.version', { version: v.version, status: valueWord(v.status, lang), from: v.validFrom ?? '?', to }, lang);
}

function citationLines(c: { old: CitationRef[]; new: CitationRef[] }, quoteWidth: number, lang: MsgLang): Inline[][] {
  const one = (x: CitationRef) => {
    const q = x.quote && quoteWidth > 0 && x.quote.length > quoteWidth ? `${x.quote.slice(0, quoteWidth - 1)}…` : x.quote;
    return `“${x.heading}”${q ? `: “${q}”` : ''}`;
  };
  const same = JSON.stringify(c.old) === JSON.stringify(c.new);
  if (same) return c.new.map((x) => [message('diff.cites', { cite: one(x) }, lang)]);
  return [...c.old.map((x) => [message('diff.oldCites', { cite: one(x) }, lang)]), ...c.new.map((x) => [message('diff.newCites', { cite: one(x) }, lang)])];
}

/** A change under its declaration's heading: Swedish as a sentence ("antalet fristdagar ändras från 3 dagar till 2 dagar"), English as "label: old → new". */
function changeLine(c: Change, lang: MsgLang): Inline[] {
  if (lang === 'sv') {
    const field = c.label.replace(/ › /g, ' ') || 'värdet';
    if (c.what === 'added') return [`${field} läggs till: `, value(c.new ?? '')];
    if (c.what === 'removed') return [`${field} tas bort: `, value(c.old ?? '')];
    return [`${field} ändras från `, value(c.old ?? ''), ' till ', value(c.new ?? '')];
  }
  const label = c.label || 'value';
  if (c.what === 'added') return [`${label}: added `, value(c.new ?? '')];
  if (c.what === 'removed') return [`${label}: removed `, value(c.old ?? '')];
  return [`${label}: `, value(c.old ?? ''), ' → ', value(c.new ?? '')];
}

function declarationBlocks(d: DeclarationChange, quoteWidth: number, lang: MsgLang): Block[] {
  const title = d.title ? ` “${d.title}”` : '';
  const kind = kindLabel(d.kind, lang);
  const head: Record<DeclarationChange['change'], Inline[]> = {
    added: [message('diff.added', { kind }, lang), code(d.id), title],
    removed: [message('diff.removed', { kind }, lang), code(d.id), title],
    renamed: [message('diff.renamed', { kind }, lang), code(d.oldId ?? ''), ' → ', code(d.id), message('diff.renamedSame', {}, lang)],
    changed: [message('diff.changed', { kind }, lang), code(d.id), title],
  };
  const items: { text: Inline[]; sub?: Inline[][] }[] = d.changes.map((c) => {
    const own = JSON.stringify(c.citations) !== JSON.stringify(d.citations) && c.label && !/^[^.[]*\.cites(\[|$)/.test(c.path) ? citationLines(c.citations, quoteWidth, lang) : undefined;
    return { text: changeLine(c, lang), ...(own?.length ? { sub: own } : {}) };
  });
  const sources = citationLines(d.citations, quoteWidth, lang);
  if (sources.length) items.push({ text: [message('diff.sources', {}, lang)], sub: sources });
  return [{ kind: 'heading', level: 2, text: head[d.change] }, ...(items.length ? [{ kind: 'list' as const, items }] : [])];
}

export function semanticBlocks(diff: SemanticDiff, quoteWidth = 0, lang: MsgLang = 'sv'): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: [message('diff.semanticTitle', {}, lang), code(diff.old.agreement), diff.new.agreement !== diff.old.agreement ? ' → ' : '', diff.new.agreement !== diff.old.agreement ? code(diff.new.agreement) : ''] },
    { kind: 'para', text: [message('diff.oldNew', { old: versionLine(diff.old, lang), new: versionLine(diff.new, lang) }, lang)] },
  ];
  if (diff.empty) return [...blocks, { kind: 'para', text: [message('diff.noChange', {}, lang)] }];
  if (diff.header.length) {
    blocks.push({ kind: 'heading', level: 2, text: [message('diff.header', {}, lang)] });
    blocks.push({ kind: 'list', items: diff.header.map((c) => ({ text: changeLine(c, lang) })) });
  }
  for (const d of diff.declarations) blocks.push(...declarationBlocks(d, quoteWidth, lang));
  return blocks;
}

export function behaviouralBlocks(diff: BehaviouralDiff, limit = 20, lang: MsgLang = 'sv'): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: [message('diff.behaviouralTitle', {}, lang)] },
    { kind: 'para', text: [message('diff.scenarios', { scenarios: diff.scenarios, differing: diff.differing }, lang)] },
  ];
  if (diff.onlyInOld.length || diff.onlyInNew.length) {
    const list = [...diff.onlyInOld.map((id) => message('diff.onlyOld', { id }, lang)), ...diff.onlyInNew.map((id) => message('diff.onlyNew', { id }, lang))].join(', ');
    blocks.push({ kind: 'para', text: [message('diff.notCompared', { list }, lang)] });
  }
  if (diff.differing === 0) return [...blocks, { kind: 'para', text: [message('diff.sameOutcomes', {}, lang)] }];
  blocks.push({ kind: 'list', items: diff.summary.map((s) => ({ text: [code(s.rule), message('diff.summaryRow', { field: s.field, count: s.count }, lang)] })) });
  const shown = pick(diff.counterexamples, limit);
  blocks.push({ kind: 'heading', level: 2, text: [shown.length < diff.differing ? message('diff.counterexamplesSome', { shown: shown.length, differing: diff.differing }, lang) : message('diff.counterexamples', {}, lang)] });
  blocks.push({ kind: 'list', items: shown.map((c) => ({ text: [c.text], sub: [[message('diff.scenario', { origin: originIn(c.origin, lang) }, lang)]] })) });
  return blocks;
}

/** Holidays by their English name → their Swedish name ("Christmas Eve" → "julafton"). */
const HOLIDAYS_SV = new Map(holidaysOfYear(2024).map((h) => [h.en, h.sv]));
const WEEKDAYS_SV: Record<string, string> = { 'a Friday': 'en fredag', 'a Saturday': 'en lördag', 'a Sunday': 'en söndag', 'a Monday after a weekend': 'en måndag efter en helg' };
/** A shared event's or fact's Swedish name; any other word as it is. */
const svName = (w: string): string => {
  const v = lookupVocabulary(w);
  return v && v.id === w ? v.sv : w;
};

/**
 * A scenario's origin (engine/versions/scenarios.ts: "example e1, ready_notice_sent at 12:00", "…, no discharged",
 * "… moved so that admitted falls on 2019-12-24 (Christmas Eve)") in the language: the origin is kept in English in
 * the JSON, and written in Swedish where a person reads it.
 */
export function originIn(origin: string, lang: MsgLang): string {
  if (lang === 'en') return origin;
  return origin
    .replace(/^example /, 'räkneexempel ')
    .replace(/^generated from /, 'genererad från ')
    .replace(/ moved so that (\w+) falls on (a Friday|a Saturday|a Sunday|a Monday after a weekend)/g, (_, e: string, d: string) => ` flyttat så att ${e} infaller på ${WEEKDAYS_SV[d]}`)
    .replace(/ moved so that (\w+) falls on the day before the DST night (\S+)/g, ' flyttat så att $1 infaller dagen före natten till $2 då klockan ställs om')
    .replace(/ moved so that (\w+) falls on the DST night (\S+)/g, ' flyttat så att $1 infaller natten till $2 då klockan ställs om')
    .replace(/ moved so that (\w+) falls on the day before (\S+) \(([^)]*)\)/g, (_, e: string, d: string, h: string) => ` flyttat så att ${e} infaller dagen före ${d} (${HOLIDAYS_SV.get(h) ?? h})`)
    .replace(/ moved so that (\w+) falls on (\S+) \(([^)]*)\)/g, (_, e: string, d: string, h: string) => ` flyttat så att ${e} infaller ${d} (${HOLIDAYS_SV.get(h) ?? h})`)
    .replace(/, no (\w+)/g, ', utan $1')
    .replace(/ (\d+) day\(s\) after /g, (_, n: string) => ` ${n} ${n === '1' ? 'dag' : 'dagar'} efter `)
    .replace(/ (\d+) minutes after /g, ' $1 minuter efter ')
    .replace(/,? at (\d\d:\d\d)/g, ' kl. $1')
    .replace(/ (\d{4}-\d\d) at (\d+(?:\.\d+)?)/g, (_, m: string, v: string) => ` ${m} med genomsnittet ${v.replace('.', ',')}`)
    .replace(/ not given\b/g, ' inte angiven')
    .replace(/ yes\b/g, ' ja')
    .replace(/ no\b/g, ' nej')
    .replace(/[a-z][a-z_]*[a-z]/g, svName);
}

// ---- printers ----------------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(parts: Inline[], f: DiffFormat): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return f === 'html' ? escapeHtml(p) : p;
      if (f === 'html') return `<code>${escapeHtml(p.code)}</code>`;
      if (f === 'markdown') return p.code.includes('`') ? `\`\` ${p.code} \`\`` : `\`${p.code}\``;
      return p.code;
    })
    .join('');
}

export function printBlocks(blocks: Block[], f: DiffFormat): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const t = inline(b.text, f);
      if (f === 'html') out.push(`<h${b.level + 1}>${t}</h${b.level + 1}>`);
      else if (f === 'markdown') out.push(`${'#'.repeat(b.level + 1)} ${t}\n`);
      else out.push(b.level === 1 ? `${t}\n${'='.repeat(Math.min(t.length, 100))}` : `\n${t}`);
    } else if (b.kind === 'para') {
      const t = inline(b.text, f);
      out.push(f === 'html' ? `<p>${t}</p>` : f === 'markdown' ? `${t}\n` : t);
    } else {
      if (f === 'html') {
        out.push('<ul>');
        for (const it of b.items) out.push(`  <li>${inline(it.text, f)}${it.sub ? `<ul>${it.sub.map((s) => `<li>${inline(s, f)}</li>`).join('')}</ul>` : ''}</li>`);
        out.push('</ul>');
      } else {
        for (const it of b.items) {
          out.push(`${f === 'markdown' ? '-' : '  •'} ${inline(it.text, f)}`);
          for (const s of it.sub ?? []) out.push(`${f === 'markdown' ? '  -' : '      '} ${inline(s, f)}`);
        }
        if (f === 'markdown') out.push('');
      }
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function renderSemanticDiff(diff: SemanticDiff, f: DiffFormat = 'text', lang: MsgLang = 'sv'): string {
  return printBlocks(semanticBlocks(diff, f === 'text' ? 90 : 0, lang), f);
}

export function renderBehaviouralDiff(diff: BehaviouralDiff, f: DiffFormat = 'text', limit = 20, lang: MsgLang = 'sv'): string {
  return printBlocks(behaviouralBlocks(diff, limit, lang), f);
}

/** A whole HTML page around both diffs, for a review memo. */
export function htmlPage(title: string, body: string, lang: MsgLang = 'sv'): string {
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>\n</head>\n<body>\n${body}</body>\n</html>\n`;
}
