// The case schema's validator is generated ahead of time (ajv standalone code) and committed: it must be the
// one the current schema gives. Run `npm run gen:validator` after changing the vocabulary or the schema.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { caseValidatorSource } from '../../scripts/gen-case-validator';

it('engine/case/schema-validator.js is generated from the current case schema', () => {
  const committed = readFileSync(new URL('../../engine/case/schema-validator.js', import.meta.url), 'utf8');
  expect(committed === caseValidatorSource(), 'schema-validator.js is stale: run `npm run gen:validator`').toBe(true);
});

it('imports nothing and compiles nothing at run time', () => {
  const code = readFileSync(new URL('../../engine/case/schema-validator.js', import.meta.url), 'utf8');
  expect(code).not.toMatch(/\brequire\(|\bimport\b|new Function|\beval\(/);
});
