// `avtal source` and `avtal coverage`: the agreement beside its policy, and what is decided about it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output';
import { main } from '../../cli/main';

const output = captureOutput();
const root = join(import.meta.dirname, '../..');
const varmland = join(root, 'policies/varmland/2019-01-01.avtal');

/** A project folder of its own: sources/ and one policy, Värmland's with a change. */
function project(change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'avtal-src-'));
  cpSync(join(root, 'sources'), join(dir, 'sources'), { recursive: true });
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, 'policies/varmland.avtal'), change(readFileSync(varmland, 'utf8')).replace('version "2019-01-01" publicerad', 'version "2019-01-01" utkast'));
  return join(dir, 'policies');
}

describe('avtal source', () => {
  it('prints the agreement with each cited passage bracketed and the rules citing it, file:line', async () => {
    expect(await main(['source', varmland, '--color', 'never'])).toBe(0);
    const text = output.stdout();
    expect(text).toContain('källa varmland-samverkan-2019');
    expect(text).toContain('texttäckning 100 %');
    expect(text).toMatch(/⟦\d+ Om meddelandet skickas efter kl\. 12\.00 ska kommunens betalningsansvar inträda fyra dagar/);
    expect(text).toMatch(/↳ \[\d+\] tolkning kl_12_exakt \S+varmland\/2019-01-01\.avtal:22; brytpunkt middag \S+:73/);
    expect(text).toMatch(/↳ \[\d+\] okodat: tillämpas annanstans, okodat beloppets_årliga_uppräkning /);
    expect(text).not.toContain('\x1b[');
    expect(await main(['source', varmland, '--color', 'never', '--lang', 'en'])).toBe(0);
    const en = output.stdout();
    expect(en).toContain('source varmland-samverkan-2019');
    expect(en).toContain('text coverage 100 %');
    expect(en).toMatch(/↳ \[\d+\] interpretation kl_12_exakt \S+varmland\/2019-01-01\.avtal:22; cutoff middag \S+:73/);
    expect(en).toMatch(/↳ \[\d+\] not encoded: applied elsewhere, unencoded beloppets_årliga_uppräkning /);
  });

  it('colours the passages on request, and shows only the cited lines with --cited-only', async () => {
    expect(await main(['source', varmland, '--color', 'always', '--cited-only'])).toBe(0);
    const text = output.stdout();
    expect(text).toContain('\x1b[30;43m');
    expect(text).not.toContain('Arvika kommun');
  });

  it('shows another source a policy cites with in "…"', async () => {
    expect(await main(['source', join(root, 'policies/halland/2018-01-01.avtal'), '--source', 'sfs-2017-612', '--color', 'never', '--cited-only'])).toBe(0);
    expect(output.stdout()).toMatch(/⟦\d+ .*Om det inte finns någon överenskommelse om tidpunkten/);
  });

  it('flags an undecided sentence with "?" and says what it carries', async () => {
    const dir = project((t) => t.replace(/okodat beloppets_årliga_uppräkning[\s\S]*?skäl [^\n]*\n/, ''));
    expect(await main(['source', join(dir, 'varmland.avtal'), '--color', 'never', '--cited-only'])).toBe(0);
    expect(output.stdout()).toMatch(/\n\s*231 \? .*Beloppet ska/);
    expect(output.stdout()).toContain('? obeslutad (ska, årligen)');
  });

  it('goes back from a rule to its passages with --rule: only what it cites, with its heading and the other citers', async () => {
    expect(await main(['source', varmland, '--rule', 'kallelse_till_sip', '--color', 'never'])).toBe(0);
    const text = output.stdout();
    expect(text).toContain('de ställen i varmland-samverkan-2019 som kallelse_till_sip citerar (2)');
    expect(text).toMatch(/kallelse_till_sip hänvisar till rubriken »6\. Parternas ansvar, Öppen vård«, rad \d+ i varmland-samverkan-2019/);
    expect(text).toMatch(/⟦\d+ Den fasta vårdkontakten har, efter att den mottagit meddelande[\s\S]*inom tre dagar kalla berörda parter till en SIP\. \d+⟧/);
    expect(text).toMatch(/↳ \[\d+\] tolkning sip_inom_tre_dagar \S+:\d+; tidsfrist kallelse_till_sip \S+varmland\/2019-01-01\.avtal:\d+/);
    // nothing else: not the payment's passage, not the text around it
    expect(text).not.toContain('Om meddelandet skickas efter kl. 12.00');
    expect(text).not.toContain('Arvika kommun');
    output.clear();
    expect(await main(['source', varmland, '--rule', 'kallelse_till_sip', '--json'])).toBe(0);
    const [view] = JSON.parse(output.stdout());
    expect(view.passages).toHaveLength(2);
    expect(view.passages[0].text).toContain('inom tre dagar kalla berörda parter till en SIP');
    expect(view.passages[1].text.replace(/\s+/g, ' ')).toContain('En kallelse till SIP ska skickas i de fall');
  });

  it('says so when the rule cites no passage of the source, and names the source it does cite', async () => {
    expect(await main(['source', varmland, '--rule', 'ingen_sådan', '--color', 'never'])).toBe(1);
    expect(output.stderr()).toContain('ingen_sådan citerar inget ställe i varmland-samverkan-2019');
    output.clear();
    const halland = join(root, 'policies/halland/2018-01-01.avtal');
    expect(await main(['source', halland, '--rule', 'ingen_betalningsregel', '--color', 'never', '--lang', 'en'])).toBe(1);
    expect(output.stderr()).toContain('ingen_betalningsregel cites no passage of halland-anvisning (it cites sfs-2017-612: --source sfs-2017-612)');
    output.clear();
    expect(await main(['source', halland, '--rule', 'ingen_betalningsregel', '--source', 'sfs-2017-612', '--color', 'never'])).toBe(0);
    expect(output.stdout()).toMatch(/⟦\d+ .*Om det inte finns någon överenskommelse om tidpunkten/);
  });

  it('rejects a bad --color and an unknown --source', async () => {
    expect(await main(['source', varmland, '--color', 'purple'])).toBe(2);
    expect(await main(['source', varmland, '--source', 'nope'])).toBe(1);
    expect(output.stderr()).toContain('källan nope finns inte bland källdokumenten');
  });
});

describe('avtal coverage', () => {
  it('reports text and example coverage per policy', async () => {
    expect(await main(['coverage', varmland])).toBe(0);
    const text = output.stdout();
    expect(text).toMatch(/varmland\/2019-01-01\.avtal {2}text 100 % {2}\(25\/25 meningar i varmland-samverkan-2019: 17 citerade, 8 markerade: ej beräkningsbart 2, utanför tillämpningsområdet 5, tillämpas annanstans 1\)/);
    expect(text).toMatch(/varmland\/2019-01-01\.avtal {2}exempel 100 %/);
    expect(await main(['coverage', varmland, '--lang', 'en'])).toBe(0);
    const en = output.stdout();
    expect(en).toMatch(/varmland\/2019-01-01\.avtal {2}text 100 % {2}\(25\/25 sentences of varmland-samverkan-2019: 17 cited, 8 marked: not computable 2, outside scope 5, applied elsewhere 1\)/);
    expect(en).toMatch(/varmland\/2019-01-01\.avtal {2}examples 100 %/);
  });

  it('lists an undecided sentence as sources/<id>.txt:line and fails under --fail-under', async () => {
    const dir = project((t) => t.replace(/okodat beloppets_årliga_uppräkning[\s\S]*?skäl [^\n]*\n/, ''));
    expect(await main(['coverage', '--text', '--fail-under', '100', dir])).toBe(1);
    expect(output.stdout()).toMatch(/obeslutad \S*sources\/varmland-samverkan-2019\.txt:231 {2}"Beloppet ska räknas upp årligen/);
    expect(await main(['coverage', '--text', '--fail-under', '90', dir])).toBe(0);
  });

  it('lists a branch no example exercises as file:line', async () => {
    // Without a SIP needed in any example, the SIP deadline's outcomes are not exercised.
    const dir = project((t) => t.replaceAll('givet sip_behövs ja\n', 'givet sip_behövs nej\n'));
    expect(await main(['coverage', '--examples', dir])).toBe(0);
    expect(output.stdout()).toMatch(/ej prövad \S*varmland\.avtal:82 {2}kallelse_till_sip: missad/);
  });

  it('gives JSON with --json', async () => {
    expect(await main(['coverage', '--json', varmland])).toBe(0);
    const report = JSON.parse(output.stdout());
    expect(report[0].text.percent).toBe(100);
    expect(report[0].examples.percent).toBe(100);
  });
});
