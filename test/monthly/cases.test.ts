// Data-driven monthly cases: test/cases/monthly/*.yaml give a policy, monthly averages and the expected
// steps, invoiced months and diagnostic codes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluateMonths } from '../../engine/monthly';
import { compiledVersion } from './fixtures';

interface Case {
  description: string;
  agreement: string;
  on: string;
  averages: Record<string, Record<string, number>>;
  expect: { steps?: Record<string, string>; invoiced?: string[]; codes?: string[] };
}

const dir = join(import.meta.dirname, '../cases/monthly');
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, parseYaml(readFileSync(join(dir, f), 'utf8'), { schema: 'failsafe' }) as Case] as const);

describe('monthly cases', () => {
  it.each(cases)('%s', (_f, c) => {
    const averages = Object.fromEntries(Object.entries(c.averages).map(([m, v]) => [m, Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Number(x)]))]));
    const r = evaluateMonths(compiledVersion(c.agreement, c.on), { averages });
    const months = r.municipalities[0].months;
    for (const [month, step] of Object.entries(c.expect.steps ?? {})) expect([month, months.find((m) => m.month === month)?.step]).toEqual([month, step]);
    if (c.expect.invoiced) expect(r.municipalities[0].invoicedMonths).toEqual(c.expect.invoiced);
    expect([...new Set(r.diagnostics.map((d) => d.code))].sort()).toEqual([...(c.expect.codes ?? [])].sort());
  });
});
