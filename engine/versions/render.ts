// Diffs as plain text (terminal), Markdown and HTML (review memos), through one small document model.
import { pickCounterexamples as pick, type BehaviouralDiff } from './behavioural-diff';
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

function versionLine(v: VersionRef): string {
  const to = v.validTo === 'until further notice' ? ' until further notice' : v.validTo ? ` to ${v.validTo}` : '';
  return `${v.version} (${v.status}, valid from ${v.validFrom ?? '?'}${to})`;
}

function citationLines(c: { old: CitationRef[]; new: CitationRef[] }, quoteWidth: number): Inline[][] {
  const one = (x: CitationRef) => {
    const q = x.quote && quoteWidth > 0 && x.quote.length > quoteWidth ? `${x.quote.slice(0, quoteWidth - 1)}…` : x.quote;
    return `“${x.heading}”${q ? `: “${q}”` : ''}`;
  };
  const same = JSON.stringify(c.old) === JSON.stringify(c.new);
  if (same) return c.new.map((x) => [`cites ${one(x)}`]);
  return [...c.old.map((x) => [`old cites ${one(x)}`]), ...c.new.map((x) => [`new cites ${one(x)}`])];
}

function changeLine(c: Change): Inline[] {
  const label = c.label || 'value';
  if (c.what === 'added') return [`${label}: added `, value(c.new ?? '')];
  if (c.what === 'removed') return [`${label}: removed `, value(c.old ?? '')];
  return [`${label}: `, value(c.old ?? ''), ' → ', value(c.new ?? '')];
}

function declarationBlocks(d: DeclarationChange, quoteWidth: number): Block[] {
  const title = d.title ? ` “${d.title}”` : '';
  const head: Record<DeclarationChange['change'], Inline[]> = {
    added: [`Added ${d.kindLabel} `, code(d.id), title],
    removed: [`Removed ${d.kindLabel} `, code(d.id), title],
    renamed: [`Renamed ${d.kindLabel} `, code(d.oldId ?? ''), ' → ', code(d.id), ' (content otherwise the same)'],
    changed: [`Changed ${d.kindLabel} `, code(d.id), title],
  };
  const items: { text: Inline[]; sub?: Inline[][] }[] = d.changes.map((c) => {
    const own = JSON.stringify(c.citations) !== JSON.stringify(d.citations) && c.label && !c.label.startsWith('citations') ? citationLines(c.citations, quoteWidth) : undefined;
    return { text: changeLine(c), ...(own?.length ? { sub: own } : {}) };
  });
  const sources = citationLines(d.citations, quoteWidth);
  if (sources.length) items.push({ text: ['sources'], sub: sources });
  return [{ kind: 'heading', level: 2, text: head[d.change] }, ...(items.length ? [{ kind: 'list' as const, items }] : [])];
}

export function semanticBlocks(diff: SemanticDiff, quoteWidth = 0): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: ['Semantic diff of ', code(diff.old.agreement), diff.new.agreement !== diff.old.agreement ? ' → ' : '', diff.new.agreement !== diff.old.agreement ? code(diff.new.agreement) : ''] },
    { kind: 'para', text: [`old: ${versionLine(diff.old)}; new: ${versionLine(diff.new)}`] },
  ];
  if (diff.empty) return [...blocks, { kind: 'para', text: ['No semantic change.'] }];
  if (diff.header.length) {
    blocks.push({ kind: 'heading', level: 2, text: ['Agreement header (validity, fallback, sources)'] });
    blocks.push({ kind: 'list', items: diff.header.map((c) => ({ text: changeLine(c) })) });
  }
  for (const d of diff.declarations) blocks.push(...declarationBlocks(d, quoteWidth));
  return blocks;
}

export function behaviouralBlocks(diff: BehaviouralDiff, limit = 20): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: ['Behavioural diff'] },
    { kind: 'para', text: [`${diff.scenarios} scenarios run through both versions (worked examples, and each moved onto every boundary either version mentions); ${diff.differing} differ.`] },
  ];
  if (diff.onlyInOld.length || diff.onlyInNew.length) {
    blocks.push({ kind: 'para', text: [`Not compared (only in one version): ${[...diff.onlyInOld.map((x) => `${x} (old)`), ...diff.onlyInNew.map((x) => `${x} (new)`)].join(', ')}.`] });
  }
  if (diff.differing === 0) return [...blocks, { kind: 'para', text: ['No scenario has a different outcome.'] }];
  blocks.push({ kind: 'list', items: diff.summary.map((s) => ({ text: [code(s.rule), ` ${s.field}: ${s.count} scenario(s)`] })) });
  const shown = pick(diff.counterexamples, limit);
  blocks.push({ kind: 'heading', level: 2, text: [shown.length < diff.differing ? `Counterexamples (${shown.length} of ${diff.differing}; --limit 0 shows all)` : 'Counterexamples'] });
  blocks.push({ kind: 'list', items: shown.map((c) => ({ text: [c.text], sub: [[`scenario: ${c.origin}`]] })) });
  return blocks;
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

export function renderSemanticDiff(diff: SemanticDiff, f: DiffFormat = 'text'): string {
  return printBlocks(semanticBlocks(diff, f === 'text' ? 90 : 0), f);
}

export function renderBehaviouralDiff(diff: BehaviouralDiff, f: DiffFormat = 'text', limit = 20): string {
  return printBlocks(behaviouralBlocks(diff, limit), f);
}

/** A whole HTML page around both diffs, for a review memo. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>\n</head>\n<body>\n${body}</body>\n</html>\n`;
}
