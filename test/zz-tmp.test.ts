import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../dsl';
it('x', () => {
  for (const f of (process.env.FILES ?? '').split(',')) {
    const c = parseYaml(readFileSync(f, 'utf8'));
    for (const d of analyze(c.policy).diagnostics) console.log('@@', f.split('/').pop(), `  - { code: ${d.code}, line: ${d.range.start.line}, column: ${d.range.start.column}, endLine: ${d.range.end.line}, endColumn: ${d.range.end.column} } # ${d.severity}: ${d.message}`);
  }
});
