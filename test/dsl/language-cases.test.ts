// Data-driven language cases: test/cases/language/good/*.yaml must analyse without any diagnostic;
// test/cases/language/bad/*.yaml list every diagnostic (code and range) they produce, no more, no less:
// a follow-on error nobody expected fails the case as surely as a missing one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../dsl';

const dir = join(import.meta.dirname, '../cases/language');

/** A diagnostic's code and range: where it starts (line, column) and ends (endLine, endColumn), 1-based. */
interface Expected {
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Case {
  description: string;
  policy: string;
  expect?: Expected[];
}

function load(kind: 'good' | 'bad'): [string, Case][] {
  return readdirSync(join(dir, kind))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, parseYaml(readFileSync(join(dir, kind, f), 'utf8')) as Case]);
}

const key = (d: Expected) => `${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;

function actual(policy: string): string[] {
  return analyze(policy)
    .diagnostics.map((d) => key({ code: d.code, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column }))
    .sort();
}

describe('good policies', () => {
  it.each(load('good'))('%s', (_file, c) => {
    expect(analyze(c.policy).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
  });
});

describe('bad policies', () => {
  it.each(load('bad'))('%s', (_file, c) => {
    expect(c.expect?.length ?? 0).toBeGreaterThan(0);
    expect(actual(c.policy)).toEqual((c.expect ?? []).map(key).sort());
  });
});
