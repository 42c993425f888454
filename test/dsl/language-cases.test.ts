// Data-driven language cases: test/cases/language/good/*.yaml must analyse without errors;
// test/cases/language/bad/*.yaml list the diagnostics (code, line, column) they must produce.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../dsl';

const dir = join(import.meta.dirname, '../cases/language');

interface Case {
  description: string;
  policy: string;
  expect?: { code: string; line: number; column: number; severity?: string }[];
}

function load(kind: 'good' | 'bad'): [string, Case][] {
  return readdirSync(join(dir, kind))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, parseYaml(readFileSync(join(dir, kind, f), 'utf8')) as Case]);
}

describe('good policies', () => {
  it.each(load('good'))('%s', (_file, c) => {
    const errors = analyze(c.policy).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
  });
});

describe('bad policies', () => {
  it.each(load('bad'))('%s', (_file, c) => {
    const got = analyze(c.policy).diagnostics.map((d) => ({ code: d.code, line: d.range.start.line, column: d.range.start.column }));
    for (const want of c.expect ?? []) expect(got).toContainEqual({ code: want.code, line: want.line, column: want.column });
    expect(c.expect?.length ?? 0).toBeGreaterThan(0);
  });
});
