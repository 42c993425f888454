// An expression as policy text, for explanations: printed by the formatter, so it reads as written.
import type * as A from '../../dsl/ast/ast';
import type { Lang } from '../../dsl/tokens/keywords';
import { formatExpression } from '../../dsl/format/formatter';

export function exprText(e: A.Expr, lang: Lang): string {
  return formatExpression(e, lang);
}
