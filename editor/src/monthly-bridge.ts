// The monthly simulator's bridge to engine/monthly (issue 3). The engine is found at build time with
// import.meta.glob, so the editor builds and says "not available" until that folder exists.
import type { Prepared } from './language-worker';
import type { MonthsResult } from './protocol';

const modules = import.meta.glob('../../engine/monthly/index.ts');

export async function runMonths(_p: Prepared, _input: unknown): Promise<MonthsResult> {
  const load = Object.values(modules)[0];
  if (!load) return { available: false, reason: 'engine/monthly is not built yet' };
  return { available: false, reason: 'engine/monthly exists but is not wired yet' };
}
