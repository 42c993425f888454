// The hand-written baselines, by agreement and version. A policy without one is benchmarked against
// json-rules-engine only.
import type { Baseline } from './baseline';

export type { Baseline } from './baseline';
import { varmland } from './varmland-2019-01-01';

export const BASELINES: Baseline<any>[] = [varmland];

export function baselineFor(agreement: string, version: string): Baseline<any> | undefined {
  return BASELINES.find((b) => b.agreement === agreement && b.version === version);
}
