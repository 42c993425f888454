// The package's public API for Node: `import { loadPolicies, evaluate, months } from 'avtal'`. Everything of
// 'avtal/core' (browser-safe), and reading policy files from disk.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicySet } from '../registry/load';
import type { Wanted } from '../registry/needed';
import type { PolicySet } from '../registry/policy-set';

export * from './core';
export { readSources } from '../registry/load';

/** The agreements shipped with the package: the `policies` folder beside its package.json. */
export function bundledPoliciesDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies'))) return join(dir, 'policies');
    if (dirname(dir) === dir) throw new Error('avtal: the bundled policies folder is missing from the package');
  }
}

/**
 * Reads, checks and compiles the policy files below `dir` (default: the bundled agreements). With `only`, just
 * the agreements those counties and agreement ids can reach (and their fallbacks) are parsed. A file with
 * errors does not throw: its version is unusable and says why when a case reaches it (`AVT-E012`).
 */
export function loadPolicies(dir: string = bundledPoliciesDir(), only?: Wanted): PolicySet {
  return loadPolicySet(dir, only);
}
