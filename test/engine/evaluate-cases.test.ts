// Data-driven evaluation cases: test/cases/evaluate/*.yaml, each a list of cases evaluated against
// the bundled policies through the library entry point; `expect` is matched as a subset of the result,
// `error` names the code (and JSON pointer) of an expected rejection.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluateCase } from '../../engine/api';
import { loadPolicySet } from '../../engine/registry/node';

const dir = join(import.meta.dirname, '../cases/evaluate');
const set = loadPolicySet(join(import.meta.dirname, '../../policies'));

/**
 * Where `actual` differs from the subset `expected`. An expected array element with an `id` is
 * matched against the actual element with that id, else against the element at the same index.
 */
function mismatches(actual: unknown, expected: unknown, path = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => {
      const id = e && typeof e === 'object' && 'id' in e ? (e as { id: unknown }).id : undefined;
      const a = id !== undefined ? actual.find((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === id) : actual[i];
      return mismatches(a, e, `${path}[${id ?? i}]`);
    });
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => mismatches((actual as Record<string, unknown>)[k], v, `${path}.${k}`));
  }
  return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

interface Case {
  name: string;
  case: unknown;
  on?: string;
  version?: string;
  expect?: Record<string, unknown>;
  error?: { code: string; pointer?: string; kind?: string };
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const cases = parseYaml(readFileSync(join(dir, file), 'utf8'), { merge: true }) as Case[];
  describe(file, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const answer = evaluateCase(set, c.case, { on: c.on, version: c.version });
      if (c.error) {
        expect(answer.ok).toBe(false);
        if (answer.ok) return;
        expect(answer.error.errors[0]).toMatchObject({ code: c.error.code, ...(c.error.pointer !== undefined ? { pointer: c.error.pointer } : {}) });
        if (c.error.kind) expect(answer.error.kind).toBe(c.error.kind);
      } else {
        expect(answer.ok ? 'ok' : JSON.stringify(answer.error)).toBe('ok');
        if (answer.ok) expect(mismatches(answer.result, c.expect ?? {})).toEqual([]);
      }
    });
  });
}
