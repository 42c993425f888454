// Text coverage (sentences that carry a quantity, time, deadline or condition: cited, marked or not
// decided about) and example coverage (which branches the worked examples exercise).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../dsl';
import { loadSourceLibrary } from '../../engine/sources/load';
import { loadPolicySet } from '../../engine/registry/node';
import { carriers, sentences } from '../../engine/review/sentences';
import { textCoverage } from '../../engine/review/text-coverage';
import { exampleCoverage } from '../../engine/review/example-coverage';
import { compile } from '../../engine/compiler/compile';

const library = loadSourceLibrary('sources')!;

describe('sentences', () => {
  it('cuts at a full stop before a capital, not after an abbreviation, a section number or inside a clock time', () => {
    const s = sentences('7. Ekonomisk reglering\nOm meddelandet skickas efter kl. 12.00 ska ansvaret inträda. Patienter ska lämna fram till 15.00. Kommunen meddelar.');
    expect(s.map((x) => x.text)).toEqual([
      '7. Ekonomisk reglering Om meddelandet skickas efter kl. 12.00 ska ansvaret inträda.',
      'Patienter ska lämna fram till 15.00.',
      'Kommunen meddelar.',
    ]);
  });

  it('cuts before list bullets', () => {
    expect(sentences('Ansvaret inträder om:\n- den slutna vården har underrättat\n- kallelse har skickats').map((x) => x.text)).toEqual([
      'Ansvaret inträder om:', '- den slutna vården har underrättat', '- kallelse har skickats',
    ]);
  });

  it('finds quantities, times, deadlines and conditions, and not references to laws or places', () => {
    expect(carriers('inom tre dagar kalla berörda parter')).toEqual(['inom tre dagar']);
    expect(carriers('Inom 24 timmar efter inskrivning')).toEqual(['inom 24 timmar']);
    expect(carriers('Ekonomisk reglering inträder fyra dagar efter')).toEqual(['fyra', 'dagar']);
    expect(carriers('senast på måndagen i januari')).toEqual(['senast', 'måndagen', 'januari']);
    expect(carriers('kommunen får inte debitera')).toEqual(['får inte']);
    // deadlines without a time count like "snarast": a policy decides about them too
    expect(carriers('ska den slutna vården så snart som möjligt underrätta berörda enheter')).toEqual(['ska', 'så snart']);
    expect(carriers('Samverkansproblem och tvister ska lösas skyndsamt')).toEqual(['ska', 'skyndsamt']);
    expect(carriers('ska de i god tid planeras i samråd med kommunen')).toEqual(['ska', 'i god tid']);
    expect(carriers('Kontaktmannen ska i förväg fylla i de mörkgrå fälten')).toEqual(['ska', 'i förväg']);
    expect(carriers('kommunen snart har en plan')).toEqual([]);
    expect(carriers('vårdcentraler inom regionen')).toEqual([]);
    expect(carriers('enligt 5 kap. 4 § och lagen (2017:30), se punkt 22')).toEqual([]);
    expect(carriers('7. Ekonomisk reglering')).toEqual([]);
  });

  it('counts an obligation on its own: "ska" and "skall" (issue 20), not inside another word', () => {
    expect(carriers('Kommunen ska delta i planeringen')).toEqual(['ska']);
    expect(carriers('Landstinget skall ansvara för transporten')).toEqual(['skall']);
    expect(carriers('Kommunen ska inte debitera')).toEqual(['ska inte']);
    expect(carriers('ska kommunen skicka kallelsen inom tre dagar')).toEqual(['ska', 'inom tre dagar']);
    expect(carriers('Den skadade och skallige patienten skakar')).toEqual([]);
    expect(sentences('Kommunen ska delta i planeringen. Regionen informerar.').map((s) => s.carries)).toEqual([['ska'], []]);
  });
});

describe('text coverage', () => {
  const set = loadPolicySet('policies');
  const cov = (file: string) => textCoverage(set.versions.find((v) => v.source.file === file)!.analysis.ast, set.library!)!;

  it("covers every sentence of Värmland's agreement: cited by rules and interpretations, or marked with a reason", () => {
    const t = cov('varmland/2019-01-01.avtal');
    expect(t.uncovered).toEqual([]);
    expect(t.percent).toBe(100);
    // "Inför hemgång ska:" (written information, information transferred, medicines and aids available) is about
    // facts the vocabulary has: not "not computable", but decided by an interpretation the payment rule names
    const before = t.sentences.find((s) => s.text === 'Inför hemgång ska:')!;
    expect((before.covered as { by: string[] }).by).toEqual(['interpretation inför_hemgång_inget_villkor']);
    expect(t.marked).toBe(8);
    expect(t.byReason).toEqual({ 'not-computable': 2, 'outside-scope': 5, 'applied-elsewhere': 1 });
    // a sentence with only an obligation counts and is decided: the condition for a SIP is cited by its deadline
    const sip = t.sentences.find((s) => s.text.startsWith('En kallelse till SIP ska skickas i de fall'))!;
    expect(sip.carries).toEqual(['ska']);
    expect((sip.covered as { by: string[] }).by).toEqual(['deadline kallelse_till_sip']);
    const grace = t.sentences.find((s) => s.text.startsWith('Om meddelandet skickas efter kl. 12.00'))!;
    expect(grace.covered).toMatchObject({ kind: 'cited' });
    expect((grace.covered as { by: string[] }).by).toContain('payment kommunens_betalningsansvar');
  });

  it('a mark removed leaves its sentence uncovered, with its line in the source', () => {
    const v = set.versions.find((x) => x.source.file === 'varmland/2019-01-01.avtal')!;
    const text = v.source.text.replace(/okodat beloppets_årliga_uppräkning[\s\S]*?skäl [^\n]*\n/, '');
    const t = textCoverage(analyze(text).ast, library)!;
    expect(t.uncovered.map((s) => [s.line, s.text])).toEqual([
      [231, 'Beloppet ska räknas upp årligen med hänsyn till utvecklingen av kostnader för vårdplatser i den slutna vården.'],
    ]);
    expect(t.percent).toBeLessThan(100);
  });

  it('leaves no sentence of a bundled policy undecided', () => {
    const undecided: string[] = [];
    for (const v of set.versions) {
      const t = textCoverage(v.analysis.ast, set.library!)!;
      expect(t, v.source.file).toBeDefined();
      undecided.push(...t.uncovered.map((s) => `${v.source.file}: line ${s.line} of ${t.source}: ${s.text}`));
      expect(t.percent, v.source.file).toBe(100);
    }
    expect(undecided).toEqual([]);
  });
});

describe('example coverage', () => {
  it('every branch of every bundled policy is exercised by a worked example', () => {
    const set = loadPolicySet('policies');
    for (const v of set.versions) {
      const e = exampleCoverage(v.compiled!, v.info);
      expect(e.branches.filter((b) => b.hits === 0).map((b) => `${v.source.file}:${b.line} ${b.rule}: ${b.what}`)).toEqual([]);
      expect(e.percent).toBe(100);
    }
  });

  it("lists a ladder transition no example takes, with its line (Blekinge's ladder)", () => {
    const file = 'policies/blekinge/2018-02-01.avtal';
    const full = readFileSync(file, 'utf8');
    // without the two examples where the demand for payment ends, no example takes the ladder back from payment
    const text = full.replace(/\nexempel kravet_upphör [\s\S]*?\n\n/, '\n').replace(/\nexempel kravet_består [\s\S]*?\n\n/, '\n');
    expect(text.length).toBeLessThan(full.length - 500);
    const a = analyze(text);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const info = { agreement: 'blekinge', version: '2018-02-01', status: 'published' as const, validFrom: '2018-02-01', validTo: null, hash: '' };
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const missing = exampleCoverage(compile(a.program!), info, 'en').branches.filter((b) => b.hits === 0).map((b) => [b.line, b.kind, b.rule]);
    expect(missing).toEqual([
      [lineOf('från ersättning_på_individnivå till uppföljning'), 'transition', 'ekonomisk_reglering'],
    ]);
    // with them, every transition and interpretation is exercised
    const all = exampleCoverage(compile(analyze(full).program!), info, 'en');
    expect(all.branches.filter((b) => b.hits === 0)).toEqual([]);
    expect(all.branches.filter((b) => b.kind === 'transition').map((b) => b.line)).toEqual([204, 209, 213, 218].map((n) => lineOf(full.split('\n')[n - 1].trim())));
  });

  it("lists every rule, branch and interpretation of Värmland's policy when it has no example, each with its line", () => {
    const full = readFileSync('policies/varmland/2019-01-01.avtal', 'utf8');
    const text = full.replace(/\nexempel [\s\S]*?(?=\n(?:exempel|okodat|tolkning|tidsfrist|betalningsansvar|parameter|brytpunkt|kalender) |\n*$)/g, '\n');
    expect(text).not.toMatch(/^exempel /m);
    const a = analyze(text);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const info = { agreement: 'varmland', version: '2019-01-01', status: 'published' as const, validFrom: '2019-01-01', validTo: null, hash: '' };
    const e = exampleCoverage(compile(a.program!), info, 'en');
    expect(e.percent).toBe(0);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;
    const listed = e.branches.map((b) => `${b.line} ${b.kind} ${b.rule}`);
    expect(listed).toContain(`${lineOf('tolkning kl_12_exakt')} interpretation kl_12_exakt`);
    expect(listed).toContain(`${lineOf('  frist 4 dagar när')} grace kommunens_betalningsansvar`);
    expect(listed).toContain(`${lineOf('  undantag när regionens_insatser_saknas')} exemption kommunens_betalningsansvar`);
    expect(listed).toContain(`${lineOf('tidsfrist kallelse_till_sip')} outcome kallelse_till_sip`);
  });

  it('lists a grace alternative, an exemption and a deadline outcome no example reaches, with its line', () => {
    const text = `avtal v "V"
  version "1" utkast
  gäller från 2019-01-01 tills vidare
  källa "x"
brytpunkt middag kl 12:00, 12:00 räknas som före
  enligt "7"
tidsfrist im "Inskrivningsmeddelande"
  enligt "6"
  inskrivningsmeddelande_skickat inom 24 timmar efter inskrivning
betalningsansvar b "B"
  enligt "7"
  från utskrivningsklar_meddelad
  dag 1: samma dag
  frist 3 dagar
  frist 4 dagar när utskrivningsklar_meddelad efter middag
  undantag när regionens_insatser_saknas
  till utskrivning inklusive
exempel e "E" härlett för b
  enligt "7"
  givet inskrivning 2019-01-03 09:00
  givet inskrivningsmeddelande_skickat 2019-01-03 10:00
  givet utskrivningsklar_meddelad 2019-01-07 11:00
  förvänta första betalningsdag 2019-01-10
`;
    const a = analyze(text);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const p = compile(a.program!);
    const e = exampleCoverage(p, { agreement: 'v', version: '1', status: 'draft', validFrom: '2019-01-01', validTo: null, hash: '' }, 'en');
    const missing = e.branches.filter((b) => b.hits === 0).map((b) => [b.line, b.kind, b.what]);
    expect(missing).toEqual([
      [7, 'outcome', 'missed'],
      [15, 'grace', 'grace 4 days (conditional)'],
      [16, 'exemption', 'exemption 1 applies'],
    ]);
    // in Swedish by default
    const sv = exampleCoverage(p, { agreement: 'v', version: '1', status: 'draft', validFrom: '2019-01-01', validTo: null, hash: '' });
    expect(sv.branches.filter((b) => b.hits === 0).map((b) => b.what)).toEqual(['missad', 'frist 4 dagar (med villkor)', 'undantag 1 gäller']);
    const hit = e.branches.find((b) => b.kind === 'grace' && b.line === 14)!;
    expect(hit.by).toEqual(['e']);
    expect(e.percent).toBe(50); // responsible, grace 3, met of six branches
  });
});
