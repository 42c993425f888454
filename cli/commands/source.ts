import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { loadPolicySet } from '../../engine/registry/node';
import { sourceView, type Citer, type SourceView } from '../../engine/review/source-view';
import { collectCitations } from '../../dsl/sources/citations';
import { err, lang, out, t } from '../io';
import { decimalIn } from '../../dsl/messages';
import type { Command } from './index';

export const source: Command = {
  get summary() {
    return t('cli.source.summary');
  },
  get usage() {
    return t('cli.source.usage');
  },
  options: { source: { type: 'string' }, rule: { type: 'string' }, 'cited-only': { type: 'boolean' }, color: { type: 'string' }, json: { type: 'boolean' } },
  run(values, paths) {
    if (paths.length !== 1) {
      err(t('cli.source.one'));
      return 2;
    }
    const path = paths[0];
    if (!existsSync(path)) {
      err(t('cli.noSuchPath', { verb: 'source', path }));
      return 2;
    }
    const color = values.color === 'always' ? true : values.color === 'never' ? false : values.color === undefined || values.color === 'auto' ? !!process.stdout.isTTY : undefined;
    if (color === undefined) {
      err(t('cli.source.color', { value: String(values.color) }));
      return 2;
    }
    const set = loadPolicySet(path);
    if (!set.library) {
      err(t('cli.source.noSources', { path }));
      return 1;
    }
    const library = set.library;
    let status = 0;
    const views: (SourceView & { policy: string })[] = [];
    for (const v of set.versions) {
      const file = relative(process.cwd(), v.source.file === path ? path : `${path}/${v.source.file}`);
      const id = (values.source as string | undefined) ?? v.info.source;
      const whole = sourceView(v.analysis.ast, set.library, id);
      if (!whole) {
        err(t('cli.source.unknown', { file, id: id ?? t('cli.explain.none'), known: set.library.ids().join(', ') }));
        status = 1;
        continue;
      }
      const rule = values.rule as string | undefined;
      const view = rule ? onlyRule(whole, rule) : whole;
      if (rule && view.passages.length === 0 && view.headings.length === 0) {
        const elsewhere = [...new Set(collectCitations(v.analysis.ast).filter((c) => c.declaration?.id.text === rule && c.source && c.source !== whole.source && library.has(c.source)).map((c) => c.source!))];
        err(t('cli.source.ruleNone', { file, name: rule, source: whole.source, others: elsewhere.length ? t('cli.source.ruleOthers', { sources: elsewhere.join(', '), first: elsewhere[0] }) : '' }));
        status = 1;
        continue;
      }
      if (values.json) {
        views.push({ ...view, policy: file });
        continue;
      }
      print(file, view, { color, citedOnly: !!values['cited-only'] || !!rule, rule });
      if (rule) continue;
      const others = new Map<string, number>();
      for (const c of collectCitations(v.analysis.ast)) if (c.source && c.source !== view.source && set.library.has(c.source)) others.set(c.source, (others.get(c.source) ?? 0) + 1);
      for (const [o, n] of others) out(t('cli.source.alsoCites', { source: o, count: n, file }));
    }
    if (values.json) out(JSON.stringify(views, null, 2));
    return status;
  },
};

/** The view of only what one declaration cites (back from a rule to its passages): its passages and headings; no undecided sentences. */
function onlyRule(v: SourceView, name: string): SourceView {
  const cites = (x: { citers: Citer[] }) => x.citers.some((c) => c.name === name && c.kind !== 'agreement');
  return { ...v, passages: v.passages.filter(cites), headings: v.headings.filter(cites), uncovered: [] };
}

const ANSI = { cited: '\x1b[30;43m', marked: '\x1b[4;2m', undecided: '\x1b[31m', label: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

function citerText(c: Citer, file: string): string {
  return `${t(`review.kind.${c.kind}`)} ${c.name}${c.part ? ` (${c.part})` : ''} ${file}:${c.range.start.line}`;
}

function print(file: string, v: SourceView, o: { color: boolean; citedOnly: boolean; rule?: string }): void {
  const cited = v.passages.filter((p) => p.kind === 'cited').length;
  out(`${v.document}`);
  if (o.rule) {
    out(t('cli.source.rule', { source: v.source, name: o.rule, count: v.passages.length }));
    for (const h of v.headings) out(t('cli.source.ruleHeading', { name: o.rule, heading: h.heading, line: h.line, source: v.source }));
  } else out(t('cli.source.header', { source: v.source, file, cited, marked: v.passages.length - cited, undecided: v.uncovered.length, percent: decimalIn(v.percent, lang()) }));
  out('');
  const text = v.text;
  // Per character: which style wins (cited over marked over undecided), where passages open and close.
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  for (const p of v.passages) {
    (opens.get(p.start) ?? opens.set(p.start, []).get(p.start)!).push(p.n);
    (closes.get(p.end) ?? closes.set(p.end, []).get(p.end)!).push(p.n);
  }
  const styleAt = (i: number): keyof typeof ANSI | undefined => {
    let best: keyof typeof ANSI | undefined;
    for (const p of v.passages) {
      if (p.start > i) break;
      if (i < p.end) {
        if (p.kind === 'cited') return 'cited';
        best = 'marked';
      }
    }
    if (best) return best;
    return v.uncovered.some((s) => s.start <= i && i < s.end) ? 'undecided' : undefined;
  };
  const lines = text.split('\n');
  const width = String(lines.length).length;
  let offset = 0;
  let skipped = false;
  for (let ln = 1; ln <= lines.length; ln++) {
    const line = lines[ln - 1];
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const inPassage = v.passages.some((p) => p.start < end && start < p.end);
    const undecided = v.uncovered.filter((s) => s.start < end + 1 && start < s.end);
    if (o.citedOnly && !inPassage && undecided.length === 0) {
      if (!skipped) out(o.color ? `${ANSI.dim}${' '.repeat(width)}  …${ANSI.reset}` : `${' '.repeat(width)}  …`);
      skipped = true;
      continue;
    }
    skipped = false;
    let body = '';
    let current: keyof typeof ANSI | undefined;
    for (let i = start; i <= end; i++) {
      for (const n of closes.get(i) ?? []) body += o.color ? `${ANSI.reset}${ANSI.label}[${n}]${ANSI.reset}` : ` ${n}⟧`;
      if (o.color && (closes.has(i) || opens.has(i))) current = undefined;
      if (!o.color) for (const n of opens.get(i) ?? []) body += `⟦${n} `;
      if (i === end) break;
      if (o.color) {
        const s = styleAt(i);
        if (s !== current) {
          body += ANSI.reset + (s ? ANSI[s] : '');
          current = s;
        }
      }
      body += text[i];
    }
    if (o.color && current) body += ANSI.reset;
    const margin = undecided.length > 0 ? '?' : '│';
    out(`${String(ln).padStart(width)} ${margin} ${body.trimEnd()}`);
    const pad = ' '.repeat(width + 3);
    for (const p of v.passages.filter((x) => x.end > start && x.end <= end + 1)) {
      const marks = p.citers.filter((c) => c.kind === 'unencoded');
      const rules = p.citers.filter((c) => c.kind !== 'unencoded');
      const label = o.color ? `${ANSI.label}[${p.n}]${ANSI.reset}` : `[${p.n}]`;
      if (rules.length) out(`${pad}↳ ${label} ${rules.map((c) => citerText(c, file)).join('; ')}`);
      if (marks.length) out(`${pad}↳ ${label} ${t('cli.source.notEncoded', { marks: marks.map((c) => `${t(`review.reason.${c.reason ?? 'not-computable'}`)}, ${citerText(c, file)}`).join('; ') })}`);
    }
    for (const s of v.uncovered.filter((x) => x.end > start && x.end <= end + 1)) {
      out(`${pad}${t('cli.source.undecided', { carries: s.carries.join(', ') })}`);
    }
  }
}
