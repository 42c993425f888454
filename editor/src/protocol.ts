// Messages between the editor (main thread) and the language worker.
// Positions are 1-based (line and column), matching monaco's IMarkerData.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  message: string;
  severity: Severity;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Optional machine-readable code, e.g. 'E001'. */
  code?: string;
}

/** main -> worker: please analyse this text. */
export interface AnalyseRequest {
  id: number;
  text: string;
}

/** worker -> main: diagnostics for request `id`. */
export interface AnalyseResponse {
  id: number;
  diagnostics: Diagnostic[];
}
