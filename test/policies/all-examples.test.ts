// Every worked example of every bundled policy passes (the same run as `npx avtal test`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExamples } from '../../engine/examples/run-examples';
import { loadPolicySet } from '../../engine/registry/node';

const set = loadPolicySet(join(import.meta.dirname, '../../policies'));

describe('bundled policies', () => {
  it.each(set.versions.map((v) => [v.source.file, v] as const))('%s: every worked example passes', (_file, v) => {
    expect(v.compiled, v.analysis.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n')).toBeDefined();
    const failures = runExamples(v.compiled!, v.info).filter((r) => !r.pass).map((r) => `${r.id}: ${JSON.stringify(r.expectations.filter((e) => !e.pass))} ${r.errors.join('; ')}`);
    expect(failures).toEqual([]);
  });
});
