// Completion that offers what the grammar accepts at the cursor first, quick fixes for the common
// diagnostics (applied, they make the diagnostic go away), and an unterminated string that gives one
// error instead of a cascade.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../dsl';
import { completions, quickFixes, validHere, type QuickFix } from '../../dsl/services';

const VARMLAND = readFileSync(join(import.meta.dirname, '../../policies/varmland/2019-01-01.avtal'), 'utf8');

const sorted = (text: string, offset: number) => completions(analyze(text).ast, text, offset, 'sv').sort((a, b) => a.sortText.localeCompare(b.sortText));

function apply(text: string, fix: QuickFix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The fixes of the first diagnostic with `code` in `text`. */
function fixesFor(text: string, code: string): QuickFix[] {
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === code);
  expect(d, `${code} in ${a.diagnostics.map((x) => x.code).join(', ')}`).toBeDefined();
  return quickFixes(a.ast, text, d!, 'sv');
}

describe('completion at the cursor', () => {
  it('on an empty line inside a payment rule, offers that rule\'s clause keywords before events and facts', () => {
    const at = VARMLAND.indexOf('betalningsansvar kommunens_betalningsansvar');
    const lineEnd = VARMLAND.indexOf('\n', at);
    const text = `${VARMLAND.slice(0, lineEnd + 1)}  \n${VARMLAND.slice(lineEnd + 1)}`;
    const items = sorted(text, lineEnd + 3);
    const firstNonKeyword = items.findIndex((i) => i.kind !== 'keyword' && i.kind !== 'unit' && i.kind !== 'value');
    const top = items.slice(0, firstNonKeyword).map((i) => i.label);
    expect(top).toEqual(expect.arrayContaining(['frist', 'kräver', 'undantag', 'enligt', 'se']));
    expect(top).not.toContain('tidsfrist'); // a declaration keyword does not start a clause
    expect(top).not.toContain('avtal');
    expect(firstNonKeyword).toBeGreaterThan(4);
    // events and facts are still offered, after them
    expect(items.some((i) => i.kind === 'event')).toBe(true);
  });

  it('at the left margin offers declaration keywords first', () => {
    const at = VARMLAND.indexOf('\n\ntolkning kl_12_exakt') + 2;
    const text = `${VARMLAND.slice(0, at)}\n${VARMLAND.slice(at)}`;
    const items = sorted(text, at);
    const top = items.slice(0, items.findIndex((i) => !i.sortText.startsWith('0_'))).map((i) => i.label);
    expect(top).toEqual(expect.arrayContaining(['tidsfrist', 'betalningsansvar', 'tolkning', 'brytpunkt', 'exempel']));
    expect(top).not.toContain('avtal');
    expect(top).not.toContain('frist');
    expect(validHere(text, at)?.declaration).toBe(true);
  });

  it('after a number in `frist`, offers the day units first', () => {
    const offset = VARMLAND.indexOf('frist 3 dagar') + 'frist 3 '.length;
    const top = sorted(VARMLAND, offset).slice(0, 4).map((i) => i.label);
    expect(top.every((l) => /dag/.test(l))).toBe(true);
    expect(validHere(VARMLAND, offset)?.tokens.has('Identifier')).toBe(false);
  });

  it('after `se`, offers interpretations first (names, not keywords)', () => {
    const offset = VARMLAND.indexOf('  se tvåsiffrigt_årtal') + '  se '.length;
    const top = sorted(VARMLAND, offset)[0];
    expect(top.kind).toBe('declaration');
    expect(top.declKind).toBe('Interpretation');
  });
});

describe('quick fixes', () => {
  it("C014: the cutoff's two times — make the boundary the cutoff's time, or move the cutoff", () => {
    const m = /(brytpunkt \S+ kl )(\d{1,2}:\d{2})/.exec(VARMLAND);
    expect(m).not.toBeNull();
    const time = m![2];
    const text = VARMLAND.replace(m![0], `${m![1]}14:00`);
    const fixes = fixesFor(text, 'AVT-C014');
    expect(fixes).toHaveLength(2);
    expect(fixes[0].preferred).toBe(true);
    for (const fix of fixes) expect(analyze(apply(text, fix)).diagnostics.filter((d) => d.code === 'AVT-C014')).toEqual([]);
    expect(apply(text, fixes[0])).toContain(`${m![1]}14:00`); // the boundary follows the (new) time
    expect(apply(text, fixes[1])).toContain(`${m![1]}${time}`); // or the time goes back to the boundary's
  });

  it('P001: a misspelt keyword ("dgar") → "dagar", and the file is clean again', () => {
    const text = VARMLAND.replace('frist 3 dagar', 'frist 3 dgar');
    const fixes = fixesFor(text, 'AVT-P001');
    expect(fixes[0].title).toBe('Ändra till dagar');
    expect(analyze(apply(text, fixes[0])).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('C002: an unknown name → the declared or vocabulary name it is close to', () => {
    const text = VARMLAND.replace('kräver inskrivningsmeddelande_skickat', 'kräver inskrivningsmedelande_skickat');
    const fixes = fixesFor(text, 'AVT-C002');
    expect(fixes[0].edits[0].text).toBe('inskrivningsmeddelande_skickat');
    expect(analyze(apply(text, fixes[0])).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('C022: a keyword of the other language → the file\'s own', () => {
    const text = VARMLAND.replace('  frist 3 dagar', '  grace 3 dagar');
    const fixes = fixesFor(text, 'AVT-C022');
    expect(fixes[0].edits[0].text).toBe('frist');
    expect(analyze(apply(text, fixes[0])).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('L002: an unterminated string gives one error, no spurious warning, and a fix that closes it', () => {
    const line = /^tolkning tvåsiffrigt_årtal "[^"\n]*"$/m.exec(VARMLAND)![0];
    const text = VARMLAND.replace(line, line.slice(0, -1));
    const a = analyze(text);
    expect(a.diagnostics.map((d) => d.code)).toEqual(['AVT-L002']);
    const fixes = fixesFor(text, 'AVT-L002');
    expect(apply(text, fixes[0])).toBe(VARMLAND);
  });
});
