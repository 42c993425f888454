// The two profiles of the property suite. `npm test` runs the quick one: fixed seeds, few runs, a
// few seconds in all. `npm run fuzz` (scripts/fuzz.ts) sets FUZZ_SECONDS and runs the long one: a
// random seed per property and a time budget instead of a run count. Either way every property
// prints one line — its name, how many cases it tried and the seed — and a failure prints the seed,
// the path and the shrunk counterexample (FUZZ_SEED and FUZZ_PATH replay it).
import fc from 'fast-check';
import { expect } from 'vitest';
import { relative } from 'node:path';

const LONG_SECONDS = Number(process.env.FUZZ_SECONDS ?? '0');
/** True in the long profile (`npm run fuzz`). */
export const LONG = Number.isFinite(LONG_SECONDS) && LONG_SECONDS > 0;
/** How many properties share the long profile's budget (scripts/fuzz.ts passes it; a guess otherwise). */
const SHARE = Math.max(1, Number(process.env.FUZZ_PROPERTIES ?? '20'));
const QUICK_SEED = 20260308;

export interface ProfileOptions {
  /** runs in the quick profile */
  quick: number;
  /** relative weight of this property in the long profile's time budget (default 1) */
  weight?: number;
  /** a readable form of the counterexample (e.g. the formatted text of a generated tree), printed after fast-check's report */
  show?: (...args: never[]) => string;
}

/** Milliseconds this property may run in the long profile. */
export function budgetMs(weight = 1): number {
  return Math.max(1000, Math.floor((LONG_SECONDS * 1000 * weight) / SHARE));
}

/** A vitest timeout that is generous for either profile. */
export function testTimeout(weight = 1): number {
  return LONG ? budgetMs(weight) * 2 + 60_000 : 60_000;
}

function parameters<Ts>(name: string, options: ProfileOptions): fc.Parameters<Ts> {
  const replaySeed = process.env.FUZZ_SEED;
  const only = process.env.FUZZ_ONLY;
  const base: fc.Parameters<Ts> = {};
  if (replaySeed !== undefined && (!only || only === name)) {
    // a replay: the seed, and the path to the shrunk case when known; without a path, run long enough to meet the failure again
    base.seed = Number(replaySeed);
    if (process.env.FUZZ_PATH) base.path = process.env.FUZZ_PATH;
    else base.numRuns = 1_000_000;
  }
  if (LONG) {
    return {
      seed: Math.floor(Math.random() * 0x7fffffff),
      numRuns: 1_000_000_000,
      interruptAfterTimeLimit: budgetMs(options.weight),
      markInterruptAsFailure: false,
      ...base,
    };
  }
  return { seed: QUICK_SEED, numRuns: options.quick, ...base };
}

function summarize<Ts>(name: string, details: fc.RunDetails<Ts>): void {
  const status = details.failed ? 'FAILED' : details.interrupted ? 'ok (time budget reached)' : 'ok';
  console.log(`[property] ${name}: ${details.numRuns} cases, ${details.numSkips} skipped, seed ${details.seed} — ${status}`);
}

function failure<Ts>(name: string, details: fc.RunDetails<Ts>, options: ProfileOptions): Error {
  let report = fc.defaultReportMessage(details) ?? 'failed';
  const error = details.errorInstance;
  if (error !== null && error !== undefined) report += `\nError: ${error instanceof Error ? error.message : String(error)}`;
  if (options.show && details.counterexample) {
    try {
      report += `\nCounterexample, readable:\n${(options.show as (...a: unknown[]) => string)(...(details.counterexample as unknown[]))}`;
    } catch (e) {
      report += `\n(could not show the counterexample: ${String(e)})`;
    }
  }
  const testPath = expect.getState().testPath;
  const file = testPath ? relative(process.cwd(), testPath) : 'test/properties';
  const replay = `replay: FUZZ_ONLY='${name}' FUZZ_SEED=${details.seed}${details.counterexamplePath ? ` FUZZ_PATH='${details.counterexamplePath}'` : ''} npx vitest run ${file}`;
  return new Error(`property "${name}" failed (seed ${details.seed})\n${replay}\n${report}`);
}

/** Runs a synchronous property under the current profile; prints one summary line; throws with the seed on failure. */
export function runProperty<Ts>(name: string, property: fc.IProperty<Ts>, options: ProfileOptions): void {
  const details = fc.check(property, parameters<Ts>(name, options));
  summarize(name, details);
  if (details.failed) throw failure(name, details, options);
}

/** The same for an asynchronous property. */
export async function runAsyncProperty<Ts>(name: string, property: fc.IAsyncProperty<Ts>, options: ProfileOptions): Promise<void> {
  const details = await fc.check(property, parameters<Ts>(name, options));
  summarize(name, details);
  if (details.failed) throw failure(name, details, options);
}
