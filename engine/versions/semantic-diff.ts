// The semantic diff of two versions of a policy: a structural walk over their normalized ASTs,
// keyed by declaration id. It knows no construct by name (labels.ts only gives words), so a
// construct added to the language is compared like every other.
import type * as A from '../../dsl/ast/ast';
import type { Range } from '../../dsl/diagnostics';
import { render as message, type MsgLang } from '../../dsl/messages/render';
import { EXPRESSION_KINDS, expectationWord, fieldLabel, kindLabel, render as renderIn, valueWord } from './labels';
import { normalizePolicy, plainEqual, type NormalizedPolicy, type Plain } from './normalize';

export interface CitationRef {
  heading: string;
  quote?: string;
  file?: string;
}

/** One difference inside a declaration or the header. */
export interface Change {
  what: 'added' | 'removed' | 'changed';
  path: string; // machine path, e.g. grace[when ready_notice_sent after noon]
  label: string; // e.g. "grace when ready_notice_sent after noon" (in the diff's language: "antalet fristdagar › när …")
  old?: string; // rendered value, absent when added
  new?: string; // absent when removed
  /** the row as a sentence: "Betalningsregeln kommunens_betalningsansvar: antalet fristdagar ändras från 3 dagar till 2 dagar" */
  text: string;
  /** the citations of the nearest enclosing node that has any, in each version */
  citations: { old: CitationRef[]; new: CitationRef[] };
}

export interface DeclarationChange {
  change: 'added' | 'removed' | 'changed' | 'renamed';
  kind: string; // AST kind, e.g. Payment
  kindLabel: string; // e.g. payment rule (betalningsregel)
  id: string; // the id in the new version (the old one when removed)
  oldId?: string; // renamed: the id it had
  title?: string;
  oldTitle?: string;
  changes: Change[]; // for changed; empty otherwise
  citations: { old: CitationRef[]; new: CitationRef[] };
  oldRange?: Range;
  newRange?: Range;
}

export interface VersionRef {
  agreement: string;
  version: string;
  status: string;
  validFrom?: string;
  validTo?: string;
}

export interface SemanticDiff {
  old: VersionRef;
  new: VersionRef;
  /** the agreement header: validity, status, version label, fallback, citations */
  header: Change[];
  declarations: DeclarationChange[];
  /** true when the two versions mean the same */
  empty: boolean;
}

type Obj = { [k: string]: Plain };
/** Keys, paths and citations are language-neutral: the English rendering. */
const render = (v: Plain): string => renderIn(v, 'en');
const isObject = (v: Plain): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAtomic = (v: Plain): boolean => {
  if (!isObject(v)) return !Array.isArray(v);
  if (typeof v.kind === 'string' && EXPRESSION_KINDS.has(v.kind)) return true;
  const keys = Object.keys(v).filter((k) => v[k] !== undefined);
  // names, strings, dates and day counts are single values
  return (keys.length === 1 && ['text', 'value', 'iso'].includes(keys[0])) || (keys.length === 2 && keys.includes('n') && keys.includes('unit'));
};

function citationsOf(v: Plain): CitationRef[] | undefined {
  if (!isObject(v) || !Array.isArray(v.cites)) return undefined;
  return v.cites.filter(isObject).map((c) => ({
    heading: render(c.heading).replace(/^"|"$/g, ''),
    ...(c.quote ? { quote: render(c.quote).replace(/^"|"$/g, '') } : {}),
    ...(c.file ? { file: render(c.file).replace(/^"|"$/g, '') } : {}),
  }));
}

/** How an element of a list is recognised in the other version: by its name, year, month, condition… */
function keyOf(v: Plain, lang: MsgLang): { key: string; label: string; shown: string } | undefined {
  const k = keyOfEn(v);
  if (!k || lang === 'en' || !isObject(v)) return k && { ...k, shown: k.label };
  if (k.key.startsWith('year:')) return { ...k, shown: message('diff.for', { year: Number(v.year) }, lang) };
  if (k.key === 'otherwise') return { ...k, shown: valueWord('otherwise', lang) };
  if (k.key.startsWith('when:')) return { ...k, shown: message('diff.whenKey', { cond: renderIn(v.when, lang) }, lang) };
  if (k.key.startsWith('kind:') && typeof v.kind === 'string') return { ...k, shown: k.label.replace(v.kind.replace(/-/g, ' '), expectationWord(v.kind, lang)) };
  return { ...k, shown: k.label };
}

/** The key and the English label (which the machine path uses) of a list element. */
function keyOfEn(v: Plain): { key: string; label: string } | undefined {
  if (!isObject(v)) return undefined;
  const text = (x: Plain) => (isObject(x) && typeof x.text === 'string' ? x.text : undefined);
  const id = text(v.id) ?? text(v.name);
  if (id !== undefined) return { key: `id:${id}`, label: id };
  if (typeof v.year === 'number') return { key: `year:${v.year}`, label: `for ${v.year}` };
  if (typeof v.month === 'string') return { key: `month:${v.month}:${render(v.municipality)}:${v.kind ?? ''}`, label: [v.kind, v.month, v.municipality && render(v.municipality)].filter(Boolean).join(' ') };
  if (text(v.from) !== undefined && text(v.to) !== undefined) return { key: `from:${text(v.from)}:${text(v.to)}`, label: `${text(v.from)} → ${text(v.to)}` };
  if ('value' in v && Object.keys(v).every((k) => k === 'value' || k === 'when')) {
    return v.when === undefined ? { key: 'otherwise', label: 'otherwise' } : { key: `when:${render(v.when)}`, label: `when ${render(v.when)}` };
  }
  if (typeof v.kind === 'string' && !EXPRESSION_KINDS.has(v.kind)) {
    const sub = text(v.deadline) ?? text(v.step) ?? text(v.action) ?? '';
    return { key: `kind:${v.kind}:${sub}`, label: `${v.kind.replace(/-/g, ' ')}${sub ? ` ${sub}` : ''}` };
  }
  if (isObject(v.heading)) return { key: `heading:${render(v.heading)}`, label: render(v.heading) };
  return undefined;
}

interface Ctx {
  path: string;
  label: string;
  lang: MsgLang;
  citations: { old: CitationRef[]; new: CitationRef[] };
  out: Change[];
}

const join = (a: string, b: string) => (a && b ? `${a} › ${b}` : a || b);

function walk(a: Plain, b: Plain, ctx: Ctx): void {
  if (plainEqual(a, b)) return;
  const citations = { old: citationsOf(a) ?? ctx.citations.old, new: citationsOf(b) ?? ctx.citations.new };
  const emit = (what: Change['what']): void => {
    ctx.out.push({ what, path: ctx.path, label: ctx.label, ...(what !== 'added' ? { old: renderIn(a, ctx.lang) } : {}), ...(what !== 'removed' ? { new: renderIn(b, ctx.lang) } : {}), citations, text: '' });
  };
  if (a === undefined) return emit('added');
  if (b === undefined) return emit('removed');
  if (Array.isArray(a) && Array.isArray(b)) return walkList(a, b, { ...ctx, citations });
  if (isAtomic(a) || isAtomic(b) || !isObject(a) || !isObject(b) || a.kind !== b.kind) return emit('changed');
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'kind') continue;
    walk(a[k], b[k], { path: `${ctx.path}.${k}`, label: join(ctx.label, fieldLabel(k, ctx.lang)), lang: ctx.lang, citations, out: ctx.out });
  }
}

function walkList(a: Plain[], b: Plain[], ctx: Ctx): void {
  const render = (v: Plain) => renderIn(v, ctx.lang);
  const emitItem = (what: 'added' | 'removed', v: Plain, label: string): void => {
    ctx.out.push({ what, path: ctx.path, label: join(ctx.label, label), ...(what === 'removed' ? { old: render(v) } : { new: render(v) }), citations: ctx.citations, text: '' });
  };
  // Plain lists (names, conditions, strings): which items are new and which are gone; order is not meaning.
  if (a.every(isAtomic) && b.every(isAtomic)) {
    const left = [...b];
    const gone: Plain[] = [];
    for (const x of a) {
      const i = left.findIndex((y) => plainEqual(x, y));
      if (i >= 0) left.splice(i, 1);
      else gone.push(x);
    }
    // as many gone as new: each one was changed into the other (a condition rewritten)
    if (gone.length === left.length) {
      gone.forEach((x, i) => ctx.out.push({ what: 'changed', path: ctx.path, label: ctx.label, old: render(x), new: render(left[i]), citations: ctx.citations, text: '' }));
      return;
    }
    for (const x of gone) emitItem('removed', x, '');
    for (const y of left) emitItem('added', y, '');
    return;
  }
  // Lists of records: match by key, then pair what is left in order (a changed condition, a changed heading).
  const keyed = (xs: Plain[]) => xs.map((x, i) => ({ x, k: keyOf(x, ctx.lang) ?? { key: `#${i}`, label: `#${i + 1}`, shown: `#${i + 1}` } }));
  const ka = keyed(a);
  const kb = keyed(b);
  const unmatchedB = new Set(kb.map((_, i) => i));
  const unmatchedA: number[] = [];
  ka.forEach(({ x, k }, i) => {
    const j = kb.findIndex((y, j2) => unmatchedB.has(j2) && y.k.key === k.key);
    if (j < 0) return void unmatchedA.push(i);
    unmatchedB.delete(j);
    walk(x, kb[j].x, { ...ctx, path: `${ctx.path}[${k.label}]`, label: join(ctx.label, k.shown) });
  });
  const restB = [...unmatchedB];
  unmatchedA.forEach((i, n) => {
    const j = restB[n];
    if (j === undefined) return emitItem('removed', ka[i].x, ka[i].k.shown);
    walk(ka[i].x, kb[j].x, { ...ctx, path: `${ctx.path}[${kb[j].k.label}]`, label: join(ctx.label, kb[j].k.shown) });
  });
  for (const j of restB.slice(unmatchedA.length)) emitItem('added', kb[j].x, kb[j].k.shown);
}

const titleOf = (d: A.Declaration): string | undefined => ('title' in d ? d.title?.value : undefined);

function withoutId(node: Plain): Plain {
  return isObject(node) ? { ...node, id: undefined } : node;
}

/** Declarations gone from a and new in b with the same kind and the same content: renamed, not changed. */
function findRenames(a: NormalizedPolicy, b: NormalizedPolicy): Map<string, string> {
  const renames = new Map<string, string>();
  const added = b.order.filter((id) => !a.declarations.has(id));
  for (const id of a.order.filter((x) => !b.declarations.has(x))) {
    const da = a.declarations.get(id)!;
    const hit = added.find((n) => !([...renames.values()].includes(n)) && b.declarations.get(n)!.kind === da.kind && plainEqual(withoutId(da.node), withoutId(b.declarations.get(n)!.node)));
    if (hit) renames.set(id, hit);
  }
  return renames;
}

/** Each change's sentence, under its declaration's kind and id (none for the header). */
function withText(changes: Change[], lang: MsgLang, kind?: string, id?: string): Change[] {
  for (const c of changes) c.text = message('diff.row', { kind: kind ? kindLabel(kind, lang, true) : '', id, what: c.what, field: c.label.replace(/ › /g, ' '), old: c.old, new: c.new }, lang);
  return changes;
}

function refOf(p: A.Policy): VersionRef {
  const h = p.header;
  const to = h?.validTo;
  return {
    agreement: h?.id.text ?? '?',
    version: h?.version?.value ?? '?',
    status: h?.status ?? 'draft',
    ...(h?.validFrom ? { validFrom: h.validFrom.iso } : {}),
    ...(to ? { validTo: to === 'until-further-notice' ? 'until further notice' : to.iso } : {}),
  };
}

/**
 * What changed in meaning from policy `a` (old) to policy `b` (new). Comments, layout, keyword
 * language and the spelling of shared names are not meaning; a renamed declaration whose content is
 * otherwise the same is reported once as renamed, and references to it are followed.
 */
export function semanticDiff(a: A.Policy, b: A.Policy, lang: MsgLang = 'sv'): SemanticDiff {
  const nb = normalizePolicy(b);
  const renames = findRenames(normalizePolicy(a), nb);
  const na = normalizePolicy(a, renames);
  const headerCites = { old: citationsOf(na.header) ?? [], new: citationsOf(nb.header) ?? [] };
  const header: Change[] = [];
  // The version label and status differ between any two versions: reported in `old`/`new`, not as changes.
  const strip = (h: Plain) => (isObject(h) ? { ...h, version: undefined, status: undefined } : h);
  walk(strip(na.header), strip(nb.header), { path: 'header', label: '', lang, citations: headerCites, out: header });
  withText(header, lang);

  const declarations: DeclarationChange[] = [];
  const base = (id: string, side: 'old' | 'new') => {
    const d = (side === 'old' ? na : nb).declarations.get(id)!;
    const c = citationsOf(d.node) ?? [];
    return { kind: d.kind, kindLabel: kindLabel(d.kind, lang), decl: d.decl, node: d.node, cites: c };
  };
  const inverse = new Map([...renames].map(([o, n]) => [n, o]));
  for (const id of nb.order) {
    const nw = base(id, 'new');
    const title = titleOf(nw.decl);
    if (!na.declarations.has(id)) {
      declarations.push({ change: 'added', kind: nw.kind, kindLabel: nw.kindLabel, id, ...(title ? { title } : {}), changes: [], citations: { old: [], new: nw.cites }, newRange: nw.decl.range });
      continue;
    }
    const od = base(id, 'old');
    const oldTitle = titleOf(od.decl);
    const common = { kind: nw.kind, kindLabel: nw.kindLabel, id, ...(title ? { title } : {}), ...(oldTitle !== title && oldTitle ? { oldTitle } : {}), citations: { old: od.cites, new: nw.cites }, oldRange: od.decl.range, newRange: nw.decl.range };
    const oldId = inverse.get(id);
    if (oldId) declarations.push({ change: 'renamed', oldId, ...common, changes: [] });
    const changes: Change[] = [];
    if (od.kind !== nw.kind) changes.push({ what: 'changed', path: `${id}.kind`, label: lang === 'sv' ? 'slag' : 'kind', old: od.kindLabel, new: nw.kindLabel, citations: { old: od.cites, new: nw.cites }, text: '' });
    else walk(od.node, nw.node, { path: id, label: '', lang, citations: { old: od.cites, new: nw.cites }, out: changes });
    withText(changes, lang, od.kind, id);
    if (changes.length) declarations.push({ change: 'changed', ...common, changes });
  }
  for (const id of na.order) {
    if (nb.declarations.has(id)) continue;
    const od = base(id, 'old');
    const title = titleOf(od.decl);
    declarations.push({ change: 'removed', kind: od.kind, kindLabel: od.kindLabel, id, ...(title ? { title } : {}), changes: [], citations: { old: od.cites, new: [] }, oldRange: od.decl.range });
  }
  return { old: refOf(a), new: refOf(b), header, declarations, empty: header.length === 0 && declarations.length === 0 };
}

/** Declarations renamed from `a` to `b` (old id → new id), as the semantic diff finds them. */
export function renamesBetween(a: A.Policy, b: A.Policy): Map<string, string> {
  return findRenames(normalizePolicy(a), normalizePolicy(b));
}
