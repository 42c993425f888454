import { parse } from '../ast/parse';
import { hasErrors, type Diagnostic } from '../diagnostics';
import { formatPolicy, type FormatOptions } from './formatter';

export { formatPolicy, quote, type FormatOptions } from './formatter';

/** Formats policy text; a text with syntax errors is returned unchanged with its diagnostics. */
export function formatText(text: string, options: FormatOptions = {}): { text: string; diagnostics: Diagnostic[]; changed: boolean } {
  const parsed = parse(text);
  if (hasErrors(parsed.diagnostics)) return { text, diagnostics: parsed.diagnostics, changed: false };
  const formatted = formatPolicy(parsed.ast, options);
  return { text: formatted, diagnostics: [], changed: formatted !== text };
}
