// The message catalogue's machinery: a message is a code and its parameters; its text is made at the edge
// (CLI, HTTP, editor) by `render(code, params, lang)`, in Swedish unless English is asked for.
//
// A text is either a template, whose `{name}` placeholders take the parameter of that name (`{name:term}`
// looks the parameter up among the catalogue's terms first, so `payment` reads `betalningsregel` in
// Swedish), or a function of the parameters, for the texts whose grammar depends on them (a plural, an
// optional clause, a date written out).
import { CATALOGUE, type MessageCode } from './catalogue';
import { dateIn } from './format';
import { termText } from './terms';
import type { MsgLang, Param, Params, Text } from './types';

export type { MsgLang, Param, Params, Text, Message } from './types';
export const DEFAULT_LANG: MsgLang = 'sv';

/** The parameter's text: a nested message is rendered in the same language. */
function paramText(v: Param | undefined, lang: MsgLang): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return render(v.code, v.params ?? {}, lang);
  return String(v);
}

/** A term's text (`payment` → "en betalningsregel", definite "betalningsregeln"), or the value itself when it is not a term. */
export function term(value: Param | undefined, lang: MsgLang, definite = false): string {
  return typeof value === 'string' ? termText(value, lang, definite) : paramText(value, lang);
}

/** `{x}`, `{x:term}` (a term, indefinite), `{x:def}` (a term, definite), `{x:date}` (a date or an instant, in Swedish words). */
function placeholder(v: Param | undefined, how: string | undefined, lang: MsgLang): string {
  if (how === 'term' || how === 'def') return term(v, lang, how === 'def');
  if (how === 'date' && typeof v === 'string') return dateIn(v, lang);
  return paramText(v, lang);
}

function fill(t: Text, params: Params, lang: MsgLang): string {
  if (typeof t === 'function') return t(params, lang);
  return t.replace(/\{(\w+)(?::(\w+))?\}/g, (whole, k: string, how: string | undefined) => (k in params ? placeholder(params[k], how, lang) : whole));
}

/** The text of a message in a language; an unknown code reads as the code and its parameters. */
export function render(code: string, params: Params = {}, lang: MsgLang = DEFAULT_LANG): string {
  const m = CATALOGUE[code as MessageCode];
  if (!m) return `${code} ${JSON.stringify(params)}`;
  return fill(m[lang] ?? m.sv, params, lang);
}

/** Whether the catalogue has a message of this code (for tables that fall back to a word of their own). */
export const hasMessage = (code: string): boolean => code in CATALOGUE;

/** A message as a value, to be rendered later (a parameter of another message, a diagnostic's detail). */
export const msg = (code: MessageCode, params: Params = {}): { code: string; params: Params } => ({ code, params });

/** "sv" or "en" from a CLI flag, a query parameter or an Accept-Language header; Swedish when none fits. */
export function pickLang(...candidates: (string | undefined | null)[]): MsgLang {
  for (const c of candidates) {
    if (!c) continue;
    // Accept-Language: "en-GB,en;q=0.9,sv;q=0.8": the listed languages by weight, the first we have wins.
    const ranked = c.split(',').map((part, i) => {
      const [tag, ...ps] = part.trim().toLowerCase().split(';');
      const q = ps.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1, i };
    }).filter((x) => x.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
    for (const r of ranked) {
      const base = r.tag.split('-')[0];
      if (base === 'sv' || base === 'en') return base;
    }
  }
  return DEFAULT_LANG;
}

export const isMsgLang = (x: unknown): x is MsgLang => x === 'sv' || x === 'en';
