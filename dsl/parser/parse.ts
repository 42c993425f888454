// Text → AST, with the lexer's and the parser's diagnostics. Never throws for any input.
import type { IRecognitionException } from 'chevrotain';
import { parser } from './parser';
import { lex, tokenRange } from '../tokens/lexer';
import { buildAst } from '../ast/from-cst';
import type { Policy, Comment } from '../ast/ast';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics';
import type { PolicyCstNode } from './cst';
import { KEYWORD_BY_NAME, spell, type Lang } from '../tokens/keywords';

export interface ParseResult {
  ast: Policy;
  diagnostics: Diagnostic[];
}

function errorRange(e: IRecognitionException, text: string): Range {
  const t = e.token;
  if (t && Number.isFinite(t.startOffset)) return tokenRange(t);
  // at end of input: point at the last character
  const lines = text.split('\n');
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

function describe(e: IRecognitionException, lang: Lang): string {
  const found = e.token && Number.isFinite(e.token.startOffset) && e.token.tokenType?.name !== 'EOF' ? `'${e.token.image}'` : 'the end of the file';
  // Chevrotain's message names the expected token types as [Name] or --> Name <--; take the first of each sequence.
  const names = new Set<string>();
  for (const m of e.message.matchAll(/\[([A-Za-z]+)|--> ([A-Za-z]+) <--/g)) names.add(m[1] ?? m[2]);
  const expected = [...names].slice(0, 8).map((n) => tokenWord(n, lang));
  return `unexpected ${found}${expected.length ? `; expected ${expected.join(' or ')}` : ''}`;
}

export function parse(text: string): ParseResult {
  const lexed = lex(text);
  parser.input = lexed.tokens;
  const cst = parser.policy() as PolicyCstNode;
  const diagnostics: Diagnostic[] = [...lexed.diagnostics];
  const comments: Comment[] = lexed.comments.map((t) => ({ text: t.image.trimEnd(), range: tokenRange(t) }));
  const ast = buildAst(cst, comments);
  for (const e of parser.errors) diagnostics.push(diagnostic('AVT-P001', errorRange(e, text), { detail: describe(e, ast.lang) }));
  if (!ast.header && lexed.tokens.length > 0 && !diagnostics.some((d) => d.code.startsWith('AVT-P'))) {
    diagnostics.push(diagnostic('AVT-P002', tokenRange(lexed.tokens[0])));
  }
  return { ast, diagnostics };
}
