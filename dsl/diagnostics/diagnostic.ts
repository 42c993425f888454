// Diagnostics are values: every stage returns them, none throws them for a user's mistake.
import { CODES, type Code } from './codes';

export interface Position {
  offset: number; // 0-based character offset
  line: number; // 1-based
  column: number; // 1-based
}

export interface Range {
  start: Position;
  end: Position; // exclusive
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  code: Code;
  message: string;
  range: Range;
  file?: string;
}

export const NO_RANGE: Range = {
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 0, line: 1, column: 1 },
};

/** Fills a code's message template: `{name}` placeholders take the matching argument. */
export function diagnostic(code: Code, range: Range, args: Record<string, string | number> = {}): Diagnostic {
  const entry = CODES[code];
  const message = entry.message.replace(/\{(\w+)\}/g, (_, k: string) => (k in args ? String(args[k]) : `{${k}}`));
  return { severity: entry.severity, code, message, range };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

export function formatDiagnostic(d: Diagnostic, file = d.file ?? '<input>'): string {
  return `${file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code} ${d.message}`;
}
