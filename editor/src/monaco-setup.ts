// monaco-editor wiring for Vite (ESM build, no CDN, no AMD loader).
//
// NOTE monaco-editor >= 0.56 has an `exports` map ("./*" -> "./esm/vs/*.js"),
// so the classic deep import `monaco-editor/esm/vs/editor/editor.api` no longer
// resolves; the same module is `monaco-editor/editor/editor.api`.
import * as monaco from 'monaco-editor/editor/editor.api';
// Editor contributions (hover, find, folding, suggest, code actions, ...) but
// none of the ~80 bundled languages nor the TS/JSON/CSS/HTML language workers.
import 'monaco-editor/features/register.all';
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
