// The committed CST types must match the grammar: run `npm run gen:cst` after changing the parser.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cstTypes } from '../../dsl/parser/generate-cst-types';

it('dsl/parser/cst.d.ts is generated from the current grammar', () => {
  const committed = readFileSync(new URL('../../dsl/parser/cst.d.ts', import.meta.url), 'utf8');
  expect(committed === cstTypes(), 'cst.d.ts is stale: run `npm run gen:cst`').toBe(true);
});
