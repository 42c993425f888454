// Text → AST, with the lexer's and the parser's diagnostics. Never throws for any input.
import type { IRecognitionException } from 'chevrotain';
import { sharedParser } from '../parser/parser';
import { lex, tokenRange } from '../tokens/lexer';
import { allTokens } from '../tokens/tokens';
import { buildAst } from './from-cst';
import type { Policy, Comment } from './ast';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics';
import type { PolicyCstNode } from '../parser/cst';
import { KEYWORD_BY_NAME, spell, type Lang } from '../builtins/keywords';
import type { IToken } from 'chevrotain';
import { msg, type Param, type Params } from '../messages/render';

export interface ParseResult {
  ast: Policy;
  diagnostics: Diagnostic[];
}

function errorRange(e: IRecognitionException, text: string): Range {
  const t = e.token;
  if (t && Number.isFinite(t.startOffset)) return tokenRange(t);
  // at end of input: point at the last character
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines.length;
  const column = lines[lines.length - 1].length + 1;
  return { start: { offset: text.length, line, column }, end: { offset: text.length, line, column } };
}

const TOKEN_WORDS: Record<string, string> = {
  Identifier: 'a name', StringLiteral: 'a "string"', DateLiteral: 'a date (YYYY-MM-DD)', TimeLiteral: 'a time (HH:MM)',
  NumberLiteral: 'a number', LParen: "'('", RParen: "')'", Comma: "','", Colon: "':'", EOF: 'the end of the file',
};

/** The spelling of a token type for a message, in the file's language. */
function tokenWord(name: string, lang: Lang): string {
  if (TOKEN_WORDS[name]) return TOKEN_WORDS[name];
  return KEYWORD_BY_NAME.has(name) ? `'${spell(name, lang)}'` : name;
}

function describe(e: IRecognitionException, lang: Lang): Param {
  const found = e.token && Number.isFinite(e.token.startOffset) && e.token.tokenType?.name !== 'EOF' ? `'${e.token.image}'` : 'the end of the file';
  // Chevrotain's message names the expected token types as [Name] or --> Name <--; take the first of each sequence.
  const names = new Set<string>();
  for (const m of e.message.matchAll(/\[([A-Za-z]+)|--> ([A-Za-z]+) <--/g)) names.add(m[1] ?? m[2]);
  const expected = [...names].slice(0, 8).map((n) => tokenWord(n, lang));
  const params: Params = { found, n: expected.length };
  expected.forEach((e, i) => (params[`e${i}`] = e));
  return msg('parse.unexpected', params);
}

/** Deeper expressions would overflow the stack of the recursive parser (its error recovery most of all), checker and formatter. */
export const MAX_NESTING = 32;

/** What a token does to the counts in tooDeep, by token type name. */
type NestingStep = 'open' | 'close' | 'chain' | 'not' | 'restart' | 'endChain' | 'endOperand';

function nestingStep(name: string): NestingStep | undefined {
  const role = KEYWORD_BY_NAME.get(name)?.role;
  if (name === 'LParen') return 'open';
  if (name === 'RParen') return 'close';
  if (name === 'Plus' || name === 'Minus') return 'chain';
  if (name === 'Not') return 'not';
  if (role === 'declaration' || role === 'clause' || role === 'expectation') return 'restart';
  if (name === 'And' || name === 'Or' || name === 'Comma') return 'endChain';
  if (role === 'operator' || name === 'Colon' || /^(Greater|Less|NotEq|Equals)/.test(name)) return 'endOperand';
  return undefined;
}

const NESTING_STEPS = new Map(allTokens.map((t) => [t.name, nestingStep(t.name)]));

/**
 * The index of the first token at which an expression nests deeper than MAX_NESTING, counting open
 * parentheses (and calls), `not`s, and a chain of + and - (which builds a tree as deep as it is long);
 * -1 when none does. A clause or declaration keyword starts afresh; `and`, `or` and ',' end a chain.
 */
function tooDeep(tokens: IToken[]): number {
  let parens = 0, nots = 0, chain = 0;
  for (let i = 0; i < tokens.length; i++) {
    switch (NESTING_STEPS.get(tokens[i].tokenType.name)) {
      case 'open': parens++; break;
      case 'close': parens = Math.max(0, parens - 1); break;
      case 'chain': chain++; break;
      case 'not': nots++; break;
      case 'restart': parens = chain = nots = 0; break;
      case 'endChain': chain = nots = 0; break;
      case 'endOperand': chain = 0; break;
    }
    if (parens + nots + chain > MAX_NESTING) return i;
  }
  return -1;
}

export function parse(text: string): ParseResult {
  const lexed = lex(text);
  // Too deep: report it and parse the text up to that point only.
  const deep = tooDeep(lexed.tokens);
  if (deep >= 0) {
    lexed.diagnostics.push(diagnostic('AVT-P003', tokenRange(lexed.tokens[deep]), { max: MAX_NESTING }));
    lexed.tokens = lexed.tokens.slice(0, deep);
  }
  const parser = sharedParser();
  parser.input = lexed.tokens;
  const cst = parser.policy() as PolicyCstNode;
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const comments: Comment[] = lexed.comments.map((t) => ({ text: t.image.trimEnd(), range: tokenRange(t) }));
  const ast = buildAst(cst, comments, text, lexed.tokens);
  for (const e of parser.errors) {
    // Cut short after AVT-P003: the end of input it then meets is ours, not the writer's mistake.
    if (deep >= 0 && (!e.token || e.token.tokenType?.name === 'EOF' || !Number.isFinite(e.token.startOffset))) continue;
    // No header: the first token is not `agreement`; say so in those words rather than as an unexpected token.
    const noHeader = !ast.header && lexed.tokens.length > 0 && e.token === lexed.tokens[0];
    diagnostics.push(noHeader ? diagnostic('AVT-P002', tokenRange(lexed.tokens[0])) : diagnostic('AVT-P001', errorRange(e, text), { detail: describe(e, ast.lang) }));
  }
  return { ast, diagnostics };
}
