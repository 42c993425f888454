// Every code of the diagnostics table is one a test makes happen: a code nothing triggers is either dead
// (remove it) or untested (add a case). Language codes (AVT-L, P, C) must be expected by a language case in
// test/cases/language/bad/, whose runner asserts the exact diagnostics; every other code must be asserted by
// some test under test/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CODES } from '../../dsl/diagnostics/codes';

const TEST = join(import.meta.dirname, '..');
const SELF = relative(TEST, import.meta.filename);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const badDir = join(TEST, 'cases/language/bad');
const expectedByCases = new Set(
  readdirSync(badDir).flatMap((f) => ((parseYaml(readFileSync(join(badDir, f), 'utf8')) as { expect?: { code: string }[] }).expect ?? []).map((e) => e.code)),
);
const testText = files(TEST)
  .filter((f) => /\.(ts|yaml|txt)$/.test(f) && relative(TEST, f) !== SELF)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('diagnostic codes', () => {
  const codes = Object.keys(CODES);
  it('the table has codes', () => expect(codes.length).toBeGreaterThan(50));

  // The citation checks need the source texts, which the language cases' runner does not load: they are asserted
  // by test/sources instead (and must be, below).
  const NEEDS_SOURCES = new Set(['AVT-C300', 'AVT-C301', 'AVT-C302']);

  it('every lexer, parser and checker code is expected by a language case', () => {
    expect(codes.filter((c) => /^AVT-[LPC]/.test(c) && !NEEDS_SOURCES.has(c) && !expectedByCases.has(c))).toEqual([]);
    expect([...NEEDS_SOURCES].filter((c) => !testText.includes(c))).toEqual([]);
  });

  it('every other code is asserted by a test', () => {
    expect(codes.filter((c) => !/^AVT-[LPC]/.test(c) && !testText.includes(c))).toEqual([]);
  });
});
