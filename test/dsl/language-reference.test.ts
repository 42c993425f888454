// The reference tables in docs/language.md are generated from the tables the engine reads.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { languageReference } from '../../scripts/gen-language-reference';

it('docs/language.md is up to date with the keyword, vocabulary, function and code tables', () => {
  const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
  expect(doc === languageReference(doc), 'docs/language.md is stale: run `npm run gen:docs`').toBe(true);
});
