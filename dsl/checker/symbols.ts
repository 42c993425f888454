// The symbol table: every declared name of a policy, and the shared vocabulary behind it.
import type * as A from '../ast/ast';
import { lookupVocabulary, VOCABULARY, type VocabularyEntry } from '../builtins/vocabulary';

export type Symbol =
  | { kind: 'declaration'; decl: A.Declaration }
  | { kind: 'vocabulary'; entry: VocabularyEntry };

export class Symbols {
  readonly declarations = new Map<string, A.Declaration>();

  constructor(policy: A.Policy) {
    for (const d of policy.declarations) if (!this.declarations.has(d.id.text)) this.declarations.set(d.id.text, d);
  }

  lookup(name: string): Symbol | undefined {
    const decl = this.declarations.get(name);
    if (decl) return { kind: 'declaration', decl };
    const entry = lookupVocabulary(name);
    return entry ? { kind: 'vocabulary', entry } : undefined;
  }

  /** Names a reader may have meant, for "did you mean" hints. */
  suggest(name: string): string | undefined {
    let best: string | undefined;
    let bestScore = Infinity;
    const candidates = [...this.declarations.keys(), ...VOCABULARY.flatMap((v) => [v.id, v.sv])];
    for (const c of candidates) {
      const d = editDistance(name, c);
      if (d < bestScore) [best, bestScore] = [c, d];
    }
    return bestScore <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
  }
}

export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
