// Diagnostics are values: every stage returns them, none throws them for a user's mistake.
import { CODES, type Code } from './codes';
import { render, type MsgLang, type Params } from '../messages/render';

export interface Position {
  offset: number; // 0-based character offset
  line: number; // 1-based
  column: number; // 1-based
}

export interface Range {
  start: Position;
  end: Position; // exclusive
}

export type { Severity } from '../messages/codes';
import type { Severity } from '../messages/codes';

export interface Diagnostic {
  severity: Severity;
  code: Code;
  /** the text, in Swedish unless the diagnostic was rendered in another language (localize) */
  message: string;
  range: Range;
  file?: string;
  /** the message's parameters, to render it in another language at the edge (CLI, HTTP, editor) */
  args?: Params;
}

export const NO_RANGE: Range = {
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 0, line: 1, column: 1 },
};

/** A diagnostic of a code: its message is the code's Swedish template filled with the arguments (see dsl/messages). */
export function diagnostic(code: Code, range: Range, args: Params = {}): Diagnostic {
  const entry = CODES[code];
  return { severity: entry.severity, code, message: render(code, args, 'sv'), range, args };
}

/** The diagnostic with its message in a language; one made without arguments (or by hand) keeps its text. */
export function localize<D extends { code: string; message: string; args?: Params }>(d: D, lang: MsgLang): D {
  if (!d.args || !(d.code in CODES)) return d;
  return { ...d, message: render(d.code, d.args, lang) };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

export function formatDiagnostic(d: Diagnostic, file = d.file ?? '<input>'): string {
  return `${file}:${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code} ${d.message}`;
}
