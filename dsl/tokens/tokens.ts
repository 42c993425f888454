// Token types, built from the keyword table. Multi-word keywords ("until further notice",
// "tills vidare") are single tokens that allow any run of spaces between their words.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS } from '../builtins/keywords';

const DIGITS = [...'0123456789'].map((c) => c.charCodeAt(0));
const IDENT_CHAR = '[\\p{L}\\p{N}_]';

// Chevrotain drops a RegExp's `u` flag, so patterns that need Unicode letters (å, ä, ö) match through
// a custom matcher with a sticky Unicode RegExp of their own.
// Chevrotain tries every custom matcher at every position, so a matcher first checks the character it
// may start with (`startChars`): without that, a text of many short tokens lexes about ten times slower.
// The RegExp is made at the first match: some 150 Unicode patterns cost a tenth of a command's start to build,
// and a run whose policies come parsed from the build's cache never lexes.
function unicode(source: string, startChars?: ReadonlySet<number>): { exec: (text: string, offset: number) => RegExpExecArray | null } {
  let sticky: RegExp | undefined;
  return {
    exec(text, offset) {
      if (startChars && !startChars.has(text.charCodeAt(offset))) return null;
      sticky ??= new RegExp(source, 'uy');
      sticky.lastIndex = offset;
      return sticky.exec(text);
    },
  };
}

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\n\r]|\\.)*"/ });
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n\r]|\\.)*/ });
export const DateLiteral = createToken({ name: 'DateLiteral', start_chars_hint: DIGITS, pattern: unicode(String.raw`\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}_])`), line_breaks: false });
export const MonthLiteral = createToken({ name: 'MonthLiteral', start_chars_hint: DIGITS, pattern: unicode(String.raw`\d{4}-\d{2}(?![\p{L}\p{N}_])`), line_breaks: false });
export const TimeLiteral = createToken({ name: 'TimeLiteral', start_chars_hint: DIGITS, pattern: unicode(String.raw`\d{1,2}:\d{2}(?![\p{L}\p{N}_])`), line_breaks: false });
export const NumberLiteral = createToken({ name: 'NumberLiteral', start_chars_hint: DIGITS, pattern: unicode(String.raw`\d+(?:\.\d+)?(?![\p{L}\p{N}_])`), line_breaks: false });
// A name starts with a Latin letter (Swedish å, ä, ö and other accented letters included) or _, so the
// lexer can pick candidate tokens by their first character; it continues with any letter or digit.
const NAME_START = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_'].map((c) => c.charCodeAt(0));
for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) NAME_START.push(c);
export const Identifier = createToken({
  name: 'Identifier', start_chars_hint: NAME_START, line_breaks: false,
  pattern: unicode(String.raw`(?=[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F])[\p{L}_][\p{L}\p{N}_]*`),
});

export const LParen = createToken({ name: 'LParen', pattern: '(' });
export const RParen = createToken({ name: 'RParen', pattern: ')' });
export const Comma = createToken({ name: 'Comma', pattern: ',' });
export const Colon = createToken({ name: 'Colon', pattern: ':' });
export const Plus = createToken({ name: 'Plus', pattern: '+' });
export const Minus = createToken({ name: 'Minus', pattern: '-' });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: '>=' });
export const LessEq = createToken({ name: 'LessEq', pattern: '<=' });
export const NotEq = createToken({ name: 'NotEq', pattern: '!=' });
export const Greater = createToken({ name: 'Greater', pattern: '>' });
export const Less = createToken({ name: 'Less', pattern: '<' });
export const Equals = createToken({ name: 'Equals', pattern: '=' });

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The source of a keyword's pattern (a Unicode RegExp's). */
function keywordPattern(spellings: readonly string[]): string {
  // longest spelling first, so "days" wins over "day"; words end at a non-identifier character
  const alts = [...new Set(spellings)].sort((a, b) => b.length - a.length).map((s) => s.split(' ').map(escapeRegex).join('[ \\t]+'));
  return `(?:${alts.join('|')})(?!${IDENT_CHAR})`;
}

export const keywordTokens: Record<string, TokenType> = {};
for (const k of KEYWORDS) {
  const starts = new Set([...k.en, ...k.sv].map((s) => s.charCodeAt(0)));
  keywordTokens[k.name] = createToken({ name: k.name, pattern: unicode(keywordPattern([...k.en, ...k.sv]), starts), line_breaks: false, start_chars_hint: [...starts] });
}

// Keywords that begin with another keyword's words must be tried first ("not applicable" before "not",
// "no payment" before "no", "calendar days" before anything, "same day" before "days").
const orderedKeywords = Object.values(keywordTokens).sort((a, b) => {
  const la = Math.max(...[...(KEYWORDS.find((k) => k.name === a.name)!.en), ...(KEYWORDS.find((k) => k.name === a.name)!.sv)].map((s) => s.split(' ').length));
  const lb = Math.max(...[...(KEYWORDS.find((k) => k.name === b.name)!.en), ...(KEYWORDS.find((k) => k.name === b.name)!.sv)].map((s) => s.split(' ').length));
  return lb - la;
});

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  MonthLiteral,
  TimeLiteral,
  NumberLiteral,
  ...orderedKeywords,
  Identifier,
  LParen,
  RParen,
  Comma,
  Colon,
  GreaterEq,
  LessEq,
  NotEq,
  Greater,
  Less,
  Equals,
  Plus,
  Minus,
];

export const T = keywordTokens;
