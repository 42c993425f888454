// An expression as policy text, for explanations: printed by the formatter, so it reads as written.
import type * as A from '../../dsl/ast/ast';
import type { Lang } from '../../dsl/builtins/keywords';
import { formatExpression } from '../../dsl/format/formatter';

// The AST of a compiled policy never changes, so each expression is printed once per language.
const printed = { en: new WeakMap<A.Expr, string>(), sv: new WeakMap<A.Expr, string>() } as Record<Lang, WeakMap<A.Expr, string>>;

export function exprText(e: A.Expr, lang: Lang): string {
  const cache = printed[lang];
  let text = cache?.get(e);
  if (text === undefined) {
    text = formatExpression(e, lang);
    cache?.set(e, text);
  }
  return text;
}
