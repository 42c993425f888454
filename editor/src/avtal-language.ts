// Registers the `avtal` language with monaco.
// PLACEHOLDER Monarch tokenizer: generic comments/strings/numbers/dates until
// the real grammar lands in ../dsl (then derive keywords from the lexer).
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const LANGUAGE_ID = 'avtal';

// Guessed, intentionally tiny keyword list; replace with the lexer's keywords.
const KEYWORDS = ['avtal', 'agreement', 'part', 'party', 'regel', 'rule', 'om', 'if', 'då', 'then', 'annars', 'else'];

export function registerAvtalLanguage(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === LANGUAGE_ID)) return;

  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.avtal'], aliases: ['Avtal', 'avtal'] });

  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#', blockComment: ['/*', '*/'] },
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
  });

  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    defaultToken: '',
    ignoreCase: true,
    unicode: true,
    keywords: KEYWORDS,
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/\/\/.*$/, 'comment'],
        [/\/\*/, 'comment', '@comment'],
        [/"([^"\\]|\\.)*$/, 'string.invalid'],
        [/"/, 'string', '@string'],
        [/\d{4}-\d{2}-\d{2}/, 'number.date'],
        [/\d+([.,]\d+)?\s*(%|kr|sek)?/, 'number'],
        [/[\p{L}_][\p{L}\p{N}_-]*/u, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/[{}()[\]]/, '@brackets'],
        [/[=<>!:;,.+\-*/]+/, 'operator'],
        [/\s+/, 'white'],
      ],
      comment: [
        [/[^/*]+/, 'comment'],
        [/\*\//, 'comment', '@pop'],
        [/[/*]/, 'comment'],
      ],
      string: [
        [/[^\\"]+/, 'string'],
        [/\\./, 'string.escape'],
        [/"/, 'string', '@pop'],
      ],
    },
  });
}
