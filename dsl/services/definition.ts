// Go to definition: the declaration a name refers to (an example's `för RULE`, a `se INTERPRETATION`,
// a cutoff or parameter name in a rule).
import type * as A from '../ast/ast';
import type { Range } from '../diagnostics';
import { wordAt } from './word-at';

export function definitionAt(ast: A.Policy, text: string, offset: number): Range | undefined {
  const w = wordAt(text, offset);
  if (!w) return undefined;
  return ast.declarations.find((d) => d.id?.text === w.word)?.id.range;
}
