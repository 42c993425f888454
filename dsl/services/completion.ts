// Completion items at a cursor: keywords in the file's language, the shared vocabulary (events, facts),
// the policy's own declared names, units and built-in functions. Names the context asks for come first
// ("se |" → interpretations, "för |" in an example → rules).
import type * as A from '../ast/ast';
import { KEYWORDS, KEYWORD_BY_NAME, type Lang } from '../builtins/keywords';
import { EVENTS, FACTS } from '../builtins/vocabulary';
import { FUNCTIONS } from '../builtins/functions';
import { typeName } from '../builtins/types';
import { lineKeyword, previousKeyword, wordAt } from './word-at';
import { kindLabel } from './labels';
import { lex } from '../tokens/lexer';
import { sharedParser } from '../parser/parser';

export type CompletionKind = 'keyword' | 'unit' | 'value' | 'event' | 'fact' | 'declaration' | 'function';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail: string;
  documentation: string;
  insertText: string;
  sortText: string;
  /** the declaration kind, for declared names */
  declKind?: string;
}

const spellingsOf = (name: string, lang: Lang): readonly string[] => KEYWORD_BY_NAME.get(name)?.[lang] ?? [];
const matches = (word: string | undefined, name: string, lang: Lang) => word !== undefined && spellingsOf(name, lang).includes(word);

/** Which declared kinds the context wants first, if any. */
function wanted(text: string, offset: number, lang: Lang): A.Declaration['kind'][] {
  const prev = previousKeyword(text, offset);
  const first = lineKeyword(text, offset);
  if (matches(prev, 'See', lang) || matches(first, 'See', lang)) return ['Interpretation'];
  if (matches(prev, 'For', lang) && matches(first, 'Example', lang)) return ['Deadline', 'Payment'];
  if (matches(prev, 'After', lang) || matches(prev, 'Before', lang)) return ['Cutoff'];
  if (matches(prev, 'Rate', lang)) return ['Parameter'];
  if (matches(first, 'Expect', lang)) return ['Deadline'];
  return [];
}

/** What the grammar allows at the cursor: token type names (keywords by their table name, `Identifier`…). */
export interface ValidHere {
  tokens: Set<string>;
  /** the cursor starts a line at the left margin: a new declaration */
  declaration: boolean;
}

/**
 * The tokens the grammar accepts at `offset`, from Chevrotain's content assist over the tokens of the
 * declaration the cursor is in (from its first token at the left margin): cheap whatever the file's length.
 * Undefined when it cannot tell (a syntax error earlier in the same declaration).
 */
export function validHere(text: string, offset: number): ValidHere | undefined {
  const start = wordAt(text, offset)?.start ?? offset;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*$/.test(text.slice(lineStart, start)) && start === lineStart) return { tokens: new Set(), declaration: true };
  const tokens = lex(text).tokens.filter((t) => t.endOffset! < start);
  let first = tokens.length - 1;
  while (first > 0 && tokens[first].startColumn !== 1) first--;
  if (first < 0) return undefined;
  try {
    const rule = first === 0 ? 'header' : 'declaration';
    const paths = sharedParser().computeContentAssist(rule, tokens.slice(first));
    if (!paths.length) return undefined;
    return { tokens: new Set(paths.map((p) => p.nextTokenType.name)), declaration: false };
  } catch {
    return undefined;
  }
}

export function completions(ast: A.Policy, text: string, offset: number, uiLang: Lang = 'sv'): CompletionItem[] {
  const lang = ast.lang;
  const items: CompletionItem[] = [];
  const want = wanted(text, offset, lang);
  const current = wordAt(text, offset)?.word;
  const valid = validHere(text, offset);
  // What the grammar accepts here comes first: its keywords (group 0), then names when a name may stand
  // here; what it does not accept stays available, last (a file being written is often half-formed).
  const namesValid = valid === undefined || valid.tokens.has('Identifier');
  const keywordGroup = (k: { name: string; role: string }): number | undefined => {
    if (!valid) return undefined;
    // `avtal`/`agreement` opens the file only: at the left margin below the header it is never valid
    if (valid.declaration) return k.role === 'declaration' && (k.name !== 'Agreement' || text.slice(0, offset).trim() === '') ? 0 : 7;
    return valid.tokens.has(k.name) ? 0 : 7;
  };
  const rank = (group: number, label: string) => `${group}_${label}`;

  for (const d of ast.declarations) {
    if (!d.id?.text || d.id.text === current) continue;
    const first = want.includes(d.kind);
    items.push({
      label: d.id.text, kind: 'declaration', declKind: d.kind,
      detail: `${kindLabel(d.kind, uiLang)}${'title' in d && d.title ? ` — ${d.title.value}` : ''}`,
      documentation: 'title' in d && d.title ? d.title.value : '',
      insertText: d.id.text, sortText: rank(first ? 0 : namesValid && !valid?.declaration ? 2 : 6, d.id.text),
    });
  }
  const contextual = want.length > 0 || !namesValid || valid?.declaration === true;
  for (const e of EVENTS) {
    const name = lang === 'sv' ? e.sv : e.id;
    items.push({ label: name, kind: 'event', detail: `${uiLang === 'sv' ? 'Händelse' : 'Event'} (${lang === 'sv' ? e.id : e.sv})`, documentation: e.description, insertText: name, sortText: rank(contextual ? 3 : 1, name) });
  }
  for (const f of FACTS) {
    const name = lang === 'sv' ? f.sv : f.id;
    const values = f.values ? `: ${f.values.map((v) => (lang === 'sv' ? v.sv : v.id)).join(', ')}` : '';
    items.push({ label: name, kind: 'fact', detail: `${uiLang === 'sv' ? 'Uppgift' : 'Fact'}, ${f.type}${values}`, documentation: f.description, insertText: name, sortText: rank(contextual ? 3 : 1, name) });
  }
  for (const f of FUNCTIONS) {
    const name = lang === 'sv' ? f.sv : f.id;
    const sig = `${name}(${f.params.map((p) => typeName(p)).join(', ')}${f.variadic ? ', …' : ''}) → ${typeName(f.result)}`;
    items.push({ label: name, kind: 'function', detail: sig, documentation: f.description, insertText: `${name}(`, sortText: rank(4, name) });
  }
  for (const k of KEYWORDS) {
    const kind: CompletionKind = k.role === 'unit' ? 'unit' : k.role === 'value' || k.role === 'expectation' ? 'value' : 'keyword';
    for (const spelling of new Set(k[lang])) {
      items.push({ label: spelling, kind, detail: `${uiLang === 'sv' ? 'Nyckelord' : 'Keyword'} (${k.role})`, documentation: k.description, insertText: spelling, sortText: rank(keywordGroup(k) ?? (want.length > 0 ? 5 : 2), spelling) });
    }
  }
  return items;
}
