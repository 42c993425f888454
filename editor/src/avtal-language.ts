// Registers the `avtal` language with monaco: syntax colours generated from the lexer's keyword table
// (dsl/services/monarch.ts), and completion, hover, go to definition and formatting answered by the
// language worker (the real parser and checker).
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { avtalMonarch } from '../../dsl/services/monarch';
import type { LanguageClient } from './language-client';
import type { UiLang } from './protocol';

export const LANGUAGE_ID = 'avtal';
export const THEME_ID = 'avtal-light';

export interface LanguageHooks {
  client: () => LanguageClient;
  ui: () => UiLang;
}

export function registerAvtalLanguage(monaco: typeof Monaco, hooks?: LanguageHooks): void {
  if (monaco.languages.getLanguages().some((l) => l.id === LANGUAGE_ID)) return;

  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.avtal'], aliases: ['Avtal', 'avtal'] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#' },
    brackets: [['(', ')']],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
    wordPattern: /[\p{L}_][\p{L}\p{N}_]*|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d+(?:\.\d+)?/u,
    indentationRules: { increaseIndentPattern: /^\S.*$/, decreaseIndentPattern: /^$/ },
  });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, avtalMonarch() as unknown as Monaco.languages.IMonarchLanguage);
  monaco.editor.defineTheme(THEME_ID, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'keyword.declaration', foreground: '7a1fa2', fontStyle: 'bold' },
      { token: 'keyword.clause', foreground: '1f4fbf' },
      { token: 'keyword.operator', foreground: '1f4fbf', fontStyle: 'italic' },
      { token: 'keyword.expectation', foreground: '00796b' },
      { token: 'constant.value', foreground: '00796b' },
      { token: 'type.unit', foreground: '8a5a00' },
      { token: 'number', foreground: 'b3261e' },
      { token: 'number.date', foreground: 'b3261e' },
      { token: 'number.time', foreground: 'b3261e' },
      { token: 'string', foreground: '2e6b30' },
      { token: 'comment', foreground: '6b7280', fontStyle: 'italic' },
      { token: 'variable.event', foreground: '0b5394' },
      { token: 'variable.fact', foreground: '5b3a8a' },
      { token: 'support.function', foreground: '8a5a00' },
    ],
    colors: {},
  });

  if (!hooks) return;
  const KIND = monaco.languages.CompletionItemKind;
  const kindOf = { keyword: KIND.Keyword, unit: KIND.Unit, value: KIND.Constant, event: KIND.Event, fact: KIND.Field, declaration: KIND.Reference, function: KIND.Function } as const;

  monaco.languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: [' '],
    async provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
      const items = await hooks.client().request('complete', { text: model.getValue(), offset: model.getOffsetAt(position), ui: hooks.ui() });
      return {
        suggestions: items.map((i) => ({
          label: i.label, kind: kindOf[i.kind], detail: i.detail, documentation: i.documentation, insertText: i.insertText, sortText: i.sortText, range,
          ...(i.kind === 'function' ? { command: { id: 'editor.action.triggerParameterHints', title: '' } } : {}),
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider(LANGUAGE_ID, {
    async provideHover(model, position) {
      const h = await hooks.client().request('hover', { text: model.getValue(), offset: model.getOffsetAt(position), ui: hooks.ui() });
      if (!h) return null;
      return {
        contents: [{ value: h.markdown }],
        range: { startLineNumber: h.range.startLine, startColumn: h.range.startColumn, endLineNumber: h.range.endLine, endColumn: h.range.endColumn },
      };
    },
  });

  monaco.languages.registerDefinitionProvider(LANGUAGE_ID, {
    async provideDefinition(model, position) {
      const r = await hooks.client().request('definition', { text: model.getValue(), offset: model.getOffsetAt(position) });
      if (!r) return null;
      return { uri: model.uri, range: { startLineNumber: r.startLine, startColumn: r.startColumn, endLineNumber: r.endLine, endColumn: r.endColumn } };
    },
  });

  // Quick fixes (Ctrl+. or the light bulb) for the diagnostics under the cursor, from the worker.
  monaco.languages.registerCodeActionProvider(LANGUAGE_ID, {
    async provideCodeActions(model, range, context) {
      const markers = context.markers.filter((m) => m.source === 'avtal');
      if (!markers.length) return { actions: [], dispose: () => undefined };
      const version = model.getVersionId();
      const fixes = await hooks.client().request('codeActions', { text: model.getValue(), startLine: range.startLineNumber, endLine: range.endLineNumber, ui: hooks.ui() });
      const actions = fixes.map((f) => ({
        title: f.title,
        kind: 'quickfix',
        isPreferred: f.preferred,
        diagnostics: markers.filter((m) => m.code === f.code && m.startLineNumber === f.diagnostic.startLine && m.startColumn === f.diagnostic.startColumn),
        edit: {
          edits: f.edits.map((e) => ({
            resource: model.uri, versionId: version,
            textEdit: { range: { startLineNumber: e.startLine, startColumn: e.startColumn, endLineNumber: e.endLine, endColumn: e.endColumn }, text: e.text },
          })),
        },
      }));
      return { actions, dispose: () => undefined };
    },
  }, { providedCodeActionKinds: ['quickfix'] });

  monaco.languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    async provideDocumentFormattingEdits(model) {
      const f = await hooks.client().request('format', { text: model.getValue() });
      if (!f.changed) return [];
      return [{ range: model.getFullModelRange(), text: f.text }];
    },
  });
}
