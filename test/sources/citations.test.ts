// Citations checked against the source texts: a quotation must be the text's own words (whitespace
// aside), a heading must exist; the nearest passage is shown for a quotation that is not there.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze, localize } from '../../dsl';
import { loadSourceLibrary } from '../../engine/sources/load';
import { loadPolicySet } from '../../engine/registry/node';

const library = loadSourceLibrary('sources')!;

const policy = (cite: string, source = 'varmland-samverkan-2019') => `avtal v "V"
  län varmland
  version "1" utkast
  gäller från 2019-01-01 tills vidare
  källa "${source}"
${cite}
`;

const codes = (text: string) => analyze(text, { sources: library }).diagnostics.map((d) => d.code);

describe('citations against the sources', () => {
  it('loads every source of the index', () => {
    expect(library.ids().sort()).toEqual(['blekinge-samverkan-2018', 'halland-anvisning', 'kronoberg-hemsjukvard-2022', 'kronoberg-samverkan-2024', 'sfs-2017-612', 'varmland-samverkan-2019']);
  });

  it('reports the Värmland list joined with semicolons as a misquotation, with the nearest passage', () => {
    const bad = '  enligt "7. Ekonomisk reglering"\n    citat "Kommunens betalningsansvar inträder om: den slutna vården har underrättat berörda enheter inom kommunen med ett inskrivningsmeddelande; den slutna vården har underrättat berörda enheter i kommunen om att individen är utskrivningsklar"';
    const a = analyze(policy(bad), { sources: library });
    const d = a.diagnostics.find((x) => x.code === 'AVT-C300')!;
    expect(d).toBeDefined();
    expect(d.range.start.line).toBe(7);
    expect(d.range.start.column).toBe(11);
    expect(d.message).toMatch(/närmaste stycke, rad 207: "Kommunens betalningsansvar inträder om: - den slutna vården har underrättat berörda enheter inom kommunen/);
    expect(localize(d, 'en').message).toMatch(/nearest passage, line 207: "Kommunens betalningsansvar inträder om: - den slutna vården/);
  });

  it("puts the review's misquotation back into the bundled Värmland policy: an error at the quotation, with the nearest passage, until fixed", () => {
    // The quotation as the policy had it before sources were checked (commit 9006ea3 fixed it): the
    // agreement's dash-bulleted list joined with semicolons the text does not have.
    const misquoted = 'citat "Kommunens betalningsansvar inträder om: den slutna vården har underrättat berörda enheter inom kommunen med ett inskrivningsmeddelande; den slutna vården har underrättat berörda enheter i kommunen om att individen är utskrivningsklar; den fasta vårdkontakten har kallat till samordnad individuell planering (i de fall samordnad individuell planering ska genomföras)"';
    const fixed = readFileSync('policies/varmland/2019-01-01.avtal', 'utf8');
    const quote = /citat "Kommunens betalningsansvar inträder om: - [^"]*"/.exec(fixed)!;
    expect(quote).not.toBeNull();
    const line = fixed.slice(0, quote.index).split('\n').length;
    const text = fixed.replace(quote[0], misquoted);
    const d = analyze(text, { sources: library }).diagnostics.filter((x) => x.severity === 'error');
    expect(d.map((x) => [x.code, x.range.start.line])).toEqual([['AVT-C300', line]]);
    expect(d[0].message).toContain('varmland-samverkan-2019');
    expect(d[0].message).toMatch(/rad 207: "Kommunens betalningsansvar inträder om: - den slutna vården har underrättat/);
    // fixed: the text as it stands, with its dashes, checks clean
    expect(analyze(fixed, { sources: library }).diagnostics.filter((x) => x.code.startsWith('AVT-C30'))).toEqual([]);
  });

  it('accepts the text as it stands, across line breaks and runs of spaces', () => {
    const good = '  enligt "7. Ekonomisk reglering"\n    citat "Kommunens betalningsansvar inträder om:  - den slutna vården har underrättat berörda enheter inom kommunen med ett\n inskrivningsmeddelande"'.replace('\n inskr', ' inskr');
    expect(codes(policy(good))).toEqual([]);
    // a quotation that spans the source's line break, written on one line
    expect(codes(policy('  enligt "7. Ekonomisk reglering"\n    citat "ska kommunens betalningsansvar inträda fyra dagar efter det att meddelandet har skickats."'))).toEqual([]);
  });

  it('changes nothing but whitespace: punctuation and case count', () => {
    expect(codes(policy('  enligt "7. Ekonomisk reglering"\n    citat "om meddelandet skickas efter kl. 12.00"'))).toContain('AVT-C300');
    expect(codes(policy('  enligt "7. Ekonomisk reglering"\n    citat "Om meddelandet skickas efter kl 12.00"'))).toContain('AVT-C300');
  });

  it('reports a heading the source does not have, and finds nested headings and labels', () => {
    const a = analyze(policy('  enligt "7. Ekonomisk regleringar"\n    citat "Ekonomisk reglering inträder"'), { sources: library });
    expect(a.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['AVT-C301', 6]]);
    expect(codes(policy('  enligt "6. Parternas ansvar, Regionens ansvar, Sluten vård"'))).toEqual([]);
    expect(codes(policy('  enligt "7. Ekonomisk reglering, fotnot i"'))).toEqual([]);
    expect(codes(policy('  enligt "6. Parternas ansvar, Tvist"'))).toEqual(['AVT-C301']); // "8. Tvist" is not a subheading of 6
  });

  it("finds the law's chapter and section, and a citation in another source by its id", () => {
    expect(codes(policy('  enligt "5 kap. 4 §"\n    citat "Om en sådan underrättelse skickas efter klockan 12.00"', 'sfs-2017-612'))).toEqual([]);
    expect(codes(policy('  enligt "5 kap. 9 §"', 'sfs-2017-612'))).toEqual(['AVT-C301']);
    expect(codes(policy('  enligt "4 kap. 3 §" i "sfs-2017-612"\n    citat "Kallelsen ska skickas senast tre dagar"'))).toEqual([]);
    expect(codes(policy('  enligt "4 kap. 3 §" i "sfs-2017-612"\n    citat "Kallelsen ska skickas senast fyra dagar"'))).toEqual(['AVT-C300']);
    // a document outside the library (a regulation) is not checked
    expect(codes(policy('  enligt "1 §" i "HSLF-FS 2018:67"\n    citat "anything"'))).toEqual([]);
  });

  it('warns about a source id that is not in the library, and checks nothing without a library', () => {
    expect(codes(policy('  enligt "x"\n    citat "y"', 'okänd'))).toEqual(['AVT-C302']);
    expect(analyze(policy('  enligt "x"\n    citat "y"')).diagnostics).toEqual([]);
  });

  it('every bundled policy names its source by id and quotes it correctly', () => {
    const set = loadPolicySet('policies');
    expect(set.library).toBeDefined();
    for (const v of set.versions) {
      const bad = v.analysis.diagnostics.filter((d) => d.code.startsWith('AVT-C30'));
      expect(bad, v.source.file).toEqual([]);
      const text = readFileSync(`policies/${v.source.file}`, 'utf8');
      expect(text, v.source.file).not.toMatch(/seeds\/|se-lex|domain\.md|_[0-9a-f]{16}\.txt/);
    }
  });
});
