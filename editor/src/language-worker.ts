/// <reference lib="webworker" />
// Language worker: runs the Avtal language services off the UI thread.
//
// PLACEHOLDER: the real implementation will import the parser/checker from
// ../../dsl and turn its errors into `Diagnostic`s. Until the language exists
// this answers every request with an empty diagnostics list.
import type { AnalyseRequest, AnalyseResponse, Diagnostic } from './protocol';

function analyse(_text: string): Diagnostic[] {
  // TODO: import { parse } from '../../dsl' and map parse/check errors.
  return [];
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalyseRequest>) => {
  const { id, text } = event.data;
  let diagnostics: Diagnostic[];
  try {
    diagnostics = analyse(text);
  } catch (err) {
    // A crashing analyser must not kill the worker; surface it as a diagnostic.
    diagnostics = [
      {
        message: `Internal error in language service: ${err instanceof Error ? err.message : String(err)}`,
        severity: 'error',
        startLine: 1,
        startColumn: 1,
        endLine: 1,
        endColumn: 1,
      },
    ];
  }
  const response: AnalyseResponse = { id, diagnostics };
  scope.postMessage(response);
};
