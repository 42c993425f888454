// monaco-editor wiring for Vite (ESM build, no CDN, no AMD loader), with only the editor features the
// Avtal editor uses.
//
// NOTE monaco-editor >= 0.56 has an `exports` map ("./*" -> "./esm/vs/*.js"),
// so the classic deep import `monaco-editor/esm/vs/editor/editor.api` no longer
// resolves; the same module is `monaco-editor/editor/editor.api`.
import * as monaco from 'monaco-editor/editor/editor.api';
// Editor contributions, one by one instead of `features/register.all` (which brings ~70, among them
// inline completions, sticky scroll, colour picker, code lens, links, inlay hints, GPU rendering: about
// 1.5 MB of script the page compiled before it could show the text). Each line is what a feature of this
// editor needs. Beware two traps: `features/suggest` registers only inline suggestions, not the suggest
// widget (`suggestController` is the widget; register.all got it through inline completions), and the
// codicon CSS (the icons of the suggest, hover and find widgets) comes with no contribution.
import 'monaco-editor/features/codicon/register';
// completion (and the snippets its items may insert); parameter hints, run by function completions
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
// hover: the citation from our provider, and the diagnostics' messages (marker hover participant)
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
// diagnostics: next/previous problem (F8)
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
// format document; go to definition (F12, and Ctrl+click)
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
// the diff editor's actions (the widget itself is part of editor.api)
import 'monaco-editor/editor/browser/widget/diffEditor/diffEditor.contribution';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
// find and replace, folding, the context menu with cut/copy/paste, comments (#), brackets
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
// the everyday editing keys: word moves and deletes, line moves/copies/deletes, multiple cursors,
// indentation, undo of cursor moves, expand selection, drag and drop of text
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/dnd/browser/dnd';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
// keyboard: Ctrl+M makes Tab move the focus instead of indenting (no keyboard trap)
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
// quick fixes (Ctrl+. and the light bulb) from the worker's code actions
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  // eslint-disable-next-line no-var
  var MonacoEnvironment: monaco.Environment | undefined;
}

self.MonacoEnvironment = {
  // Only the generic editor worker is needed: the avtal language services live
  // in our own worker (language-worker.ts), not in monaco's worker host.
  getWorker(_workerId: string, _label: string): Worker {
    return new EditorWorker();
  },
};

export { monaco };
