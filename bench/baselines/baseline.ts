// A hand-written baseline: the hand-coded equivalent of one policy version's episode-level rules.
import type { CaseData } from '../../engine/case/case-data';
import type { RuleSummary } from '../../engine/export/jre-compare';

export interface Baseline<R> {
  agreement: string;
  version: string;
  evaluate(c: CaseData): R;
  /** A number from the result, summed over a run so the work cannot be optimised away. */
  checksum(r: R): number;
  /** The result as the same per-rule summary as Avtal's and json-rules-engine's, to check agreement. */
  summarise(r: R): RuleSummary[];
}
