// The lexer: text to tokens, with lexing errors as diagnostics.
import { Lexer, type IToken } from 'chevrotain';
import { allTokens, NumberLiteral, StringLiteral, UnterminatedString } from './tokens';
import { keepsExactly } from './numbers';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics';

let shared: Lexer | undefined;
/** The lexer, built when first asked for (a run whose policies come parsed from the build's cache never lexes). */
const avtalLexer = (): Lexer => (shared ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false, skipValidations: true }));

export interface LexResult {
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function tokenRange(t: IToken): Range {
  const endOffset = (t.endOffset ?? t.startOffset) + 1;
  return {
    start: { offset: t.startOffset, line: t.startLine ?? 1, column: t.startColumn ?? 1 },
    end: { offset: endOffset, line: t.endLine ?? t.startLine ?? 1, column: (t.endColumn ?? t.startColumn ?? 1) + 1 },
  };
}

export function lex(text: string): LexResult {
  const result = avtalLexer().tokenize(text);
  const diagnostics: Diagnostic[] = [];
  const tokens: IToken[] = [];
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(diagnostic('AVT-L002', tokenRange(t)));
      // The parser goes on as if the string were closed at the end of its line: one error, not a cascade of
      // parse errors and of warnings about the clauses the parser then lost.
      tokens.push({ ...t, image: `${t.image}"`, tokenType: StringLiteral, tokenTypeIdx: StringLiteral.tokenTypeIdx! });
    } else tokens.push(t);
    // twenty significant digits or 400 digits: the value would not print back as written (15 characters always do)
    if (t.tokenType === NumberLiteral && t.image.length > 15 && !keepsExactly(t.image)) {
      diagnostics.push(diagnostic('AVT-L003', tokenRange(t), { value: t.image.length > 24 ? `${t.image.slice(0, 20)}… (${t.image.length} characters)` : t.image }));
    }
  }
  for (const e of result.errors) {
    const range: Range = {
      start: { offset: e.offset, line: e.line ?? 1, column: e.column ?? 1 },
      end: { offset: e.offset + e.length, line: e.line ?? 1, column: (e.column ?? 1) + e.length },
    };
    diagnostics.push(diagnostic('AVT-L001', range, { char: JSON.stringify(text.slice(e.offset, e.offset + Math.min(e.length, 1))) }));
  }
  return { tokens, comments: (result.groups.comments as IToken[] | undefined) ?? [], diagnostics };
}
