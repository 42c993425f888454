// The language's public entry: text in, AST and diagnostics out. Nothing here throws for a user's mistake.
import { parse, type ParseResult } from './ast/parse';
import { check } from './checker/checker';
import type { Policy } from './ast/ast';
import { hasErrors, type Diagnostic } from './diagnostics';
import type { Symbols } from './checker/symbols';
import type { Program } from './checker/program';
import { checkCitations } from './sources/citations';
import type { SourceLibrary } from './sources/library';

export interface Analysis {
  ast: Policy;
  diagnostics: Diagnostic[]; // the lexer's, the parser's and the checker's, in source order
  symbols: Symbols;
  /** The checked program, for the compiler: only when no diagnostic is an error. */
  program?: Program;
}

export interface AnalyzeOptions {
  /** The source texts: when given, every quotation and heading is checked against its source. */
  sources?: SourceLibrary;
  /** What parse(text) gives, when the caller has it already (the build's cache of the bundled policies). */
  parsed?: ParseResult;
}

/** Parses and checks a policy text. The checker runs on whatever tree error recovery produced. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const parsed = options.parsed ?? parse(text);
  const checked = check(parsed.ast);
  if (options.sources) checked.diagnostics.push(...checkCitations(parsed.ast, options.sources));
  // The checker's "missing clause" complaints repeat what a syntax error already said: drop them then.
  const syntaxBroken = parsed.diagnostics.some((d) => d.severity === 'error');
  const checkerDiagnostics = syntaxBroken ? checked.diagnostics.filter((d) => d.code !== 'AVT-C023' && d.code !== 'AVT-C020') : checked.diagnostics;
  const diagnostics = [...parsed.diagnostics, ...checkerDiagnostics].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const program = checked.program && !hasErrors(diagnostics) ? checked.program : undefined;
  return program ? { ast: parsed.ast, diagnostics, symbols: checked.symbols, program } : { ast: parsed.ast, diagnostics, symbols: checked.symbols };
}

export { parse, type ParseResult } from './ast/parse';
export { check } from './checker/checker';
export type * from './checker/program';
export * from './diagnostics';
export type * from './ast/ast';
export { KEYWORDS, spell, type Lang } from './builtins/keywords';
export { VOCABULARY, EVENTS, FACTS, lookupVocabulary } from './builtins/vocabulary';
export { FUNCTIONS, lookupFunction } from './builtins/functions';
export { formatText, formatPolicy } from './format';
export { SourceLibrary, SourceDoc, normalizeSpace, type SourceEntry, type SourceText, type Span } from './sources/library';
export { collectCitations, resolveCitations, checkCitations, type CitationUse, type ResolvedCitation } from './sources/citations';
