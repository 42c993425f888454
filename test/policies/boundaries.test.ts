// Data-driven boundary cases for the policies: test/cases/boundaries/*.yaml. Each file is one rule's
// boundary, seen from its sides; each case is a real episode evaluated through `evaluateCase` against the
// bundled policy files, and the expected outcome is compared with what the engine decides.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluateCase } from '../../engine/api';
import { PolicySet } from '../../engine/registry/policy-set';
import { readSources } from '../../engine/registry/load';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'test/cases/boundaries');

interface Expect {
  agreement?: string; // the agreement whose version decided
  version?: string;
  fallbackFrom?: string;
  error?: string; // an error code instead of a result
  deadlines?: Record<string, string>;
  due?: Record<string, string>;
  payment?: Record<string, string | number | boolean | null>; // fields of the first payment result
  noPayment?: boolean; // no payment rule produced a result
}

interface Case {
  name: string;
  county?: string;
  agreement?: string;
  careType?: 'somatic' | 'psychiatric';
  events?: Record<string, string>;
  facts?: Record<string, boolean | number | string>;
  evaluationDate?: string;
  expect: Expect;
}

interface File {
  description: string;
  policies: string[]; // folders or files below policies/
  county?: string;
  agreement?: string;
  cases: Case[];
}

const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe.each(files)('%s', (file) => {
  const spec = parseYaml(readFileSync(join(dir, file), 'utf8')) as File;
  const set = new PolicySet(spec.policies.flatMap((p) => readSources(join(root, 'policies', p)).map((s) => ({ ...s, file: statSync(join(root, 'policies', p)).isFile() ? p : `${p}/${s.file}` }))));

  it('loads its policies without errors', () => {
    for (const v of set.versions) expect(v.analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${v.source.file} ${d.code} ${d.message}`)).toEqual([]);
  });

  it.each(spec.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const input = {
      county: c.county ?? spec.county ?? 'none',
      ...((c.agreement ?? spec.agreement) ? { agreement: c.agreement ?? spec.agreement } : {}),
      ...(c.careType ? { careType: c.careType } : {}),
      events: c.events ?? {},
      facts: c.facts ?? {},
      ...(c.evaluationDate ? { evaluationDate: c.evaluationDate } : {}),
    };
    const answer = evaluateCase(set, input);
    const e = c.expect;
    if (e.error) {
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.errors.map((x) => x.code)).toContain(e.error);
      return;
    }
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    const r = answer.result;
    if (e.agreement) expect(r.version.agreement).toBe(e.agreement);
    if (e.version) expect(r.version.version).toBe(e.version);
    if (e.fallbackFrom) expect(r.fallback?.from).toBe(e.fallbackFrom);
    for (const [id, status] of Object.entries(e.deadlines ?? {})) expect({ id, status: r.deadlines.find((d) => d.id === id)?.status }).toEqual({ id, status });
    for (const [id, due] of Object.entries(e.due ?? {})) expect({ id, due: r.deadlines.find((d) => d.id === id)?.due }).toEqual({ id, due });
    if (e.noPayment) expect(r.payments).toEqual([]);
    if (e.payment) {
      const p = r.payments[0] as unknown as Record<string, unknown>;
      expect(p).toBeDefined();
      for (const [k, v] of Object.entries(e.payment)) expect({ [k]: p[k] }).toEqual({ [k]: v });
    }
  });
});
