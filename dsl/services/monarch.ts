// The editor's syntax colours, generated from the lexer's own tables: the keyword table (both languages,
// grouped by role) and the shared vocabulary. Returns a plain Monarch definition (no monaco import), so
// the colours never drift from what the lexer accepts.
import { KEYWORDS, type KeywordRole } from '../builtins/keywords';
import { EVENTS, FACTS } from '../builtins/vocabulary';
import { FUNCTIONS } from '../builtins/functions';

/** Token class per keyword role; the editor's theme gives each a colour. */
export const ROLE_TOKEN: Record<KeywordRole, string> = {
  declaration: 'keyword.declaration',
  clause: 'keyword.clause',
  operator: 'keyword.operator',
  unit: 'type.unit',
  value: 'constant.value',
  expectation: 'keyword.expectation',
};

const IDENT_END = '(?![\\p{L}\\p{N}_])';
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression source for every spelling of a role, longest first (as the lexer orders them). */
function roleRegex(role: KeywordRole): string {
  const spellings = [...new Set(KEYWORDS.filter((k) => k.role === role).flatMap((k) => [...k.en, ...k.sv]))];
  spellings.sort((a, b) => b.length - a.length);
  return `(?:${spellings.map((s) => s.split(' ').map(escapeRegex).join('[ \\t]+')).join('|')})${IDENT_END}`;
}

export interface MonarchDefinition {
  defaultToken: string;
  unicode: boolean;
  ignoreCase: boolean;
  events: string[];
  facts: string[];
  functions: string[];
  tokenizer: Record<string, [RegExp, string | Record<string, unknown>, string?][]>;
}

export function avtalMonarch(): MonarchDefinition {
  // Multi-word keywords may contain a single-word keyword of another role ("not applicable" vs "not"):
  // try every role's multi-word spellings before any single word, as the lexer does.
  const roles = Object.keys(ROLE_TOKEN) as KeywordRole[];
  const multi: [RegExp, string][] = [];
  const single: [RegExp, string][] = [];
  for (const role of roles) {
    const words = [...new Set(KEYWORDS.filter((k) => k.role === role).flatMap((k) => [...k.en, ...k.sv]))];
    const m = words.filter((w) => w.includes(' ')).sort((a, b) => b.length - a.length);
    const s = words.filter((w) => !w.includes(' ')).sort((a, b) => b.length - a.length);
    if (m.length) multi.push([new RegExp(`(?:${m.map((w) => w.split(' ').map(escapeRegex).join('[ \\t]+')).join('|')})${IDENT_END}`, 'u'), ROLE_TOKEN[role]]);
    if (s.length) single.push([new RegExp(`(?:${s.map(escapeRegex).join('|')})${IDENT_END}`, 'u'), ROLE_TOKEN[role]]);
  }
  return {
    defaultToken: '',
    unicode: true,
    ignoreCase: false,
    events: EVENTS.flatMap((e) => [e.id, e.sv]),
    facts: FACTS.flatMap((f) => [f.id, f.sv]),
    functions: FUNCTIONS.flatMap((f) => [f.id, f.sv]),
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        [/"(?:[^"\\]|\\.)*$/, 'string.invalid'],
        [/\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}_])/u, 'number.date'],
        [/\d{1,2}:\d{2}(?![\p{L}\p{N}_])/u, 'number.time'],
        [/\d+(?:\.\d+)?(?![\p{L}\p{N}_])/u, 'number'],
        ...multi,
        ...single,
        [/[\p{L}_][\p{L}\p{N}_]*/u, { cases: { '@events': 'variable.event', '@facts': 'variable.fact', '@functions': 'support.function', '@default': 'identifier' } }],
        [/[()]/, '@brackets'],
        [/>=|<=|!=|[<>=+\-:,]/, 'delimiter'],
        [/[ \t\r\n]+/, 'white'],
      ],
    },
  };
}

export { roleRegex };
