// Which policy files some cases need, read off each file's header by the lexer alone (no parse, no check):
// a batch for one county parses that county's agreements and the fallbacks they name, not every file.
import type { IToken } from 'chevrotain';
import { lex } from '../../dsl/tokens/lexer';
import { Identifier, T } from '../../dsl/tokens/tokens';
import { KEYWORDS } from '../../dsl/builtins/keywords';
import { PolicySet, type PolicySource } from './policy-set';

export interface PolicyHeader {
  agreement?: string;
  county?: string;
  fallbacks: string[];
  /** The law the agreement is made under (`subject to`), which must be loaded with it: its conditions bind it. */
  laws?: string[];
  /** The header says `draft` / `utkast`: a version chosen only by its label, never by date. */
  draft?: boolean;
}

/** What a set of cases asks for: the counties they give and the agreements they name. */
export interface Wanted {
  counties?: Iterable<string>;
  agreements?: Iterable<string>;
  /** Leave out drafts (they are chosen only by their version label, so a run that names none never uses them). */
  noDrafts?: boolean;
}

const DECLARATIONS = new Set(KEYWORDS.filter((k) => k.role === 'declaration' && k.name !== 'Agreement').map((k) => k.name));

/** The agreement id, county and fallback of a policy text's header; what a broken header lacks is left out. */
export function scanHeader(text: string): PolicyHeader {
  // The header is the file's first lines: lex a prefix, and the whole text only when the prefix ends before
  // the first declaration. Every token before a declaration keyword lexed whole, wherever the prefix was cut.
  return (text.length > HEADER_PREFIX && scanTokens(lex(text.slice(0, HEADER_PREFIX)).tokens, true)) || scanTokens(lex(text).tokens, false)!;
}

const HEADER_PREFIX = 4096;

/** The header read off the tokens; undefined when `needEnd` and no declaration follows it. */
function scanTokens(tokens: IToken[], needEnd: boolean): PolicyHeader | undefined {
  const header: PolicyHeader = { fallbacks: [] };
  if (tokens[0]?.tokenType !== T.Agreement || tokens[1]?.tokenType !== Identifier) return header;
  header.agreement = tokens[1].image;
  let i = 2;
  for (; i < tokens.length && !DECLARATIONS.has(tokens[i].tokenType.name); i++) {
    if (tokens[i].tokenType === T.Draft) header.draft = true;
    const next = tokens[i + 1];
    if (next?.tokenType !== Identifier) continue;
    if (tokens[i].tokenType === T.County) header.county = next.image;
    else if (tokens[i].tokenType === T.Fallback) header.fallbacks.push(next.image);
    else if (tokens[i].tokenType === T.SubjectTo) (header.laws ??= []).push(next.image);
  }
  return needEnd && i === tokens.length ? undefined : header;
}

/**
 * The sources of the agreements the cases can reach: those of the counties asked for (`national`: the
 * county-independent ones), those named, and the fallbacks they name, transitively. Everything when a county
 * or an agreement asked for is not found, so the error lists every known one. `headerOf` reads a file's header
 * (by default with the lexer: scanHeader).
 */
export function neededSources(sources: PolicySource[], wanted: Wanted, headerOf: (source: PolicySource) => PolicyHeader = (s) => scanHeader(s.text)): PolicySource[] {
  const headers = sources.map(headerOf);
  const ids = new Set(headers.map((h) => h.agreement).filter((a): a is string => a !== undefined));
  const homes = new Map<string, string | undefined>();
  for (const h of headers) if (h.agreement !== undefined && (h.county !== undefined || !homes.has(h.agreement))) homes.set(h.agreement, h.county);
  const needed = new Set<string>();
  for (const county of wanted.counties ?? []) {
    const inCounty = [...homes].filter(([, home]) => (county === PolicySet.NATIONAL ? home === undefined : home === county)).map(([id]) => id);
    if (inCounty.length === 0) return sources;
    for (const id of inCounty) needed.add(id);
  }
  for (const agreement of wanted.agreements ?? []) {
    if (!ids.has(agreement)) return sources;
    needed.add(agreement);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const h of headers) {
      if (h.agreement === undefined || !needed.has(h.agreement)) continue;
      // Its fallbacks, and the law it is made under (`subject to`): both must be loaded with it.
      for (const f of [...h.fallbacks, ...(h.laws ?? [])]) {
        if (!ids.has(f) || needed.has(f)) continue;
        needed.add(f);
        grew = true;
      }
    }
  }
  return sources.filter((_, i) => headers[i].agreement !== undefined && needed.has(headers[i].agreement!) && !(wanted.noDrafts && headers[i].draft));
}
