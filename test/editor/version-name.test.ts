// The save form's version names: what cannot be used is said in the reader's language (never the schema's
// pattern), with a valid name near what was typed.
import { describe, expect, it } from 'vitest';
import { suggestVersionName, versionNameProblem } from '../../editor/src/panels/versions';

const PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u; // the server's versionLabel (server/schemas.ts)

describe('version names in the save form', () => {
  it('suggests a valid name near what was typed', () => {
    expect(suggestVersionName('mitt utkast')).toBe('mitt-utkast');
    expect(suggestVersionName('  Förslag 2026 / ny!')).toBe('Förslag-2026-ny');
    expect(suggestVersionName('-utkast.')).toBe('utkast');
    expect(suggestVersionName('x'.repeat(80))).toHaveLength(64);
    for (const name of ['mitt utkast', 'å ä ö', '2026 (ändrad)', '__a__', 'a..b']) expect(suggestVersionName(name), name).toMatch(PATTERN);
  });

  it('says what is wrong in Swedish, with the suggestion; accepts a valid name', () => {
    expect(versionNameProblem('mitt utkast', [], 'sv')).toBe('Namnet får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck. Förslag: mitt-utkast');
    expect(versionNameProblem('mitt utkast', [], 'sv')).not.toMatch(/pattern|must match/);
    expect(versionNameProblem('2019-01-01', ['2019-01-01'], 'sv')).toBe('Det finns redan en version som heter 2019-01-01.');
    expect(versionNameProblem('', [], 'en')).toBe('Give the version a name.');
    expect(versionNameProblem('mitt-utkast', ['2019-01-01'], 'sv')).toBeUndefined();
  });
});
