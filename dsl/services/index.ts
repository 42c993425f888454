// Language services for editors, browser-safe: they read the AST and the builtin tables only.
export { avtalMonarch, ROLE_TOKEN, type MonarchDefinition } from './monarch';
export { completions, validHere, type CompletionItem, type CompletionKind, type ValidHere } from './completion';
export { hoverAt, declarationHover, type Hover } from './hover';
export { definitionAt } from './definition';
export { outline, applyTweaks, type PolicyOutline, type Tweak, type TweakKind } from './outline';
export { wordAt } from './word-at';
export { asDraft } from './draft';
export { quickFixes, editDistance, type QuickFix, type QuickFixEdit } from './quick-fix';
