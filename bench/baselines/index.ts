// The hand-written baselines, by agreement and version. A policy without one is benchmarked against
// json-rules-engine only.
import type { Baseline } from './baseline';

export type { Baseline } from './baseline';
import { varmland } from './varmland-2019-01-01';
import { kronoberg } from './kronoberg-2024-11-04';
import { blekinge } from './blekinge-2018-02-01';

// biome-ignore lint/suspicious/noExplicitAny: one list of baselines with different compiled shapes
export const BASELINES: Baseline<any>[] = [varmland, kronoberg, blekinge];

// biome-ignore lint/suspicious/noExplicitAny: one list of baselines with different compiled shapes
export function baselineFor(agreement: string, version: string): Baseline<any> | undefined {
  return BASELINES.find((b) => b.agreement === agreement && b.version === version);
}
