// Quick fixes for the common diagnostics: edits an editor offers beside a squiggle (Monaco's code actions).
// Each is computed from the text, the AST and the diagnostic's code and range, never from its message, so
// they hold whatever language the messages are shown in.
//   AVT-P001  a misspelt keyword ("dgar")           → the keywords it is close to, those valid there first
//   AVT-C002  an unknown name                        → the declared and vocabulary names it is close to
//   AVT-C014  a cutoff whose two times differ        → make the boundary the cutoff's time, or the other way
//   AVT-C022  a keyword of the other language        → the same keyword in the file's language
//   AVT-L002  an unterminated string                 → close it at the end of its line
import type * as A from '../ast/ast';
import type { Diagnostic } from '../diagnostics';
import { EVENTS, FACTS } from '../builtins/vocabulary';
import { KEYWORDS, type Lang } from '../builtins/keywords';
import { validHere } from './completion';

export interface QuickFixEdit {
  start: number; // offset
  end: number; // offset, exclusive
  text: string;
}

export interface QuickFix {
  title: string;
  /** the code of the diagnostic it fixes */
  code: string;
  edits: QuickFixEdit[];
  /** the one fix to apply without asking (Monaco's "preferred" fix) */
  preferred?: boolean;
}

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length];
}

/** The candidates within a distance that fits the word's length (1 for short words, 2 from five letters), nearest first. */
function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = word.length >= 5 ? 2 : 1;
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    if (c === word) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), max);
    if (d <= max) scored.push([c, d]);
  }
  return scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).slice(0, limit).map(([c]) => c);
}

const say = (ui: Lang, sv: string, en: string) => (ui === 'sv' ? sv : en);

/** The quick fixes for one diagnostic of `text` (whose AST is `ast`). */
export function quickFixes(ast: A.Policy, text: string, d: Pick<Diagnostic, 'code' | 'range'>, ui: Lang = 'sv'): QuickFix[] {
  const lang = ast.lang;
  const start = d.range.start.offset;
  const end = d.range.end.offset;
  const found = text.slice(start, end);
  const replace = (title: string, replacement: string, preferred = false): QuickFix => ({ title, code: d.code, edits: [{ start, end, text: replacement }], preferred });

  switch (d.code) {
    case 'AVT-P001': {
      if (!/^[\p{L}_][\p{L}\p{N}_]*$/u.test(found)) return [];
      const valid = validHere(text, start);
      const spellings = KEYWORDS.flatMap((k) => k[lang].filter((s) => !s.includes(' ')).map((s) => ({ s, ok: valid?.tokens.has(k.name) ?? true })));
      const near = nearest(found, spellings.map((x) => x.s), 5);
      const ranked = [...near.filter((s) => spellings.some((x) => x.s === s && x.ok)), ...near.filter((s) => !spellings.some((x) => x.s === s && x.ok))].slice(0, 3);
      return ranked.map((s, i) => replace(say(ui, `Ändra till ${s}`, `Change to ${s}`), s, i === 0));
    }
    case 'AVT-C002': {
      const names = [
        ...ast.declarations.map((x) => x.id?.text).filter((x): x is string => !!x),
        ...EVENTS.flatMap((e) => [lang === 'sv' ? e.sv : e.id]),
        ...FACTS.flatMap((f) => [lang === 'sv' ? f.sv : f.id, ...(f.values ?? []).map((v) => (lang === 'sv' ? v.sv : v.id))]),
      ];
      return nearest(found, names).map((s, i) => replace(say(ui, `Ändra till ${s}`, `Change to ${s}`), s, i === 0));
    }
    case 'AVT-C014': {
      const cutoff = ast.declarations.find((x): x is A.Cutoff => x.kind === 'Cutoff' && x.boundary.range.start.offset === start);
      if (!cutoff) return [];
      const time = cutoff.time.text;
      const boundary = cutoff.boundary.text;
      return [
        replace(say(ui, `Gränsen ska också vara ${time} (brytpunktens tid)`, `Make the boundary ${time} too (the cutoff's time)`), time, true),
        { title: say(ui, `Flytta brytpunkten till ${boundary}`, `Move the cutoff to ${boundary}`), code: d.code, edits: [{ start: cutoff.time.range.start.offset, end: cutoff.time.range.end.offset, text: boundary }] },
      ];
    }
    case 'AVT-C022': {
      const other: Lang = lang === 'sv' ? 'en' : 'sv';
      const words = found.toLowerCase().split(/\s+/).join(' ');
      const k = KEYWORDS.find((x) => x[other].some((s) => s === words));
      if (!k) return [];
      const mine = k[lang][k[other].indexOf(words)] ?? k[lang][0];
      return [replace(say(ui, `Skriv ${mine} (filens språk)`, `Write ${mine} (the file's language)`), mine, true)];
    }
    case 'AVT-L002': {
      const lineEnd = text.indexOf('\n', start);
      const at = (lineEnd < 0 ? text.length : lineEnd) - (text.slice(start, lineEnd < 0 ? undefined : lineEnd).match(/\s*\r?$/)?.[0].length ?? 0);
      return [{ title: say(ui, 'Avsluta strängen med "', 'Close the string with "'), code: d.code, edits: [{ start: at, end: at, text: '"' }], preferred: true }];
    }
    default:
      return [];
  }
}
