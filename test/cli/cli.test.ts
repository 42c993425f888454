// The CLI, called in-process: exit codes and located, coded messages for bad input.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output';
import { main } from '../../cli/main';

const output = captureOutput();

const tmp = () => mkdtempSync(join(tmpdir(), 'avtal-cli-'));
const varmland = join(import.meta.dirname, '../../policies/varmland/2019-01-01.avtal');

describe('avtal', () => {
  it('prints usage and exits 2 without a command', async () => {
    expect(await main([])).toBe(2);
    expect(output.stdout()).toContain('Användning: avtal <kommando>');
    expect(await main(['--help', '--lang', 'en'])).toBe(0);
    expect(output.stdout()).toContain('Usage: avtal <command>');
  });

  it('rejects an unknown command and an unknown option with exit 2', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(output.stderr()).toContain("okänt kommando 'frobnicate'");
    expect(await main(['frobnicate', '--lang', 'en'])).toBe(2);
    expect(output.stderr()).toContain("unknown command 'frobnicate'");
    expect(await main(['check', '--frob'])).toBe(2);
    expect(output.stderr()).toContain('avtal check: okänd flagga --frob');
    expect(await main(['months', '--format'])).toBe(2);
    expect(output.stderr()).toContain('avtal months: flaggan --format behöver ett värde');
    expect(await main(['check', '--frob', '--lang', 'en'])).toBe(2);
    expect(output.stderr()).toContain('avtal check: unknown option --frob');
    expect(await main(['check', '--lang', 'de'])).toBe(2);
    expect(output.stderr()).toContain('--lang måste vara sv eller en, inte de');
  });

  it('has --help on every verb', async () => {
    for (const verb of ['check', 'fmt', 'test', 'eval', 'schema', 'explain']) {
      expect(await main([verb, '--help'])).toBe(0);
    }
    expect(output.stdout()).toContain('Användning: avtal eval');
    expect(await main(['eval', '--help', '--lang', 'en'])).toBe(0);
    expect(output.stdout()).toContain('Usage: avtal eval');
  });

  it('check: a broken policy gives file:line:col code message and exit 1', async () => {
    const dir = tmp();
    const file = join(dir, 'broken.avtal');
    writeFileSync(file, 'agreement demo\n  version "1" draft\n  valid from 2024-01-01 until further notice\n  source "x"\ndeadline d\n  cite "x"\n  admission_notice_sent within 24 after admitted\n');
    expect(await main(['check', file])).toBe(1);
    expect(output.stdout()).toMatch(/broken\.avtal:7:35 error AVT-P001 oväntat 'after'/);
    expect(await main(['check', file, '--lang', 'en'])).toBe(1);
    expect(output.stdout()).toMatch(/broken\.avtal:7:35 error AVT-P001 unexpected 'after'/);
  });

  it('test: runs the worked examples with a closing count', async () => {
    expect(await main(['test', varmland])).toBe(0);
    expect(output.stdout()).toMatch(/✓ .*exempel_2/);
    expect(output.stdout()).toMatch(/^\d+ godkända, 0 underkända$/m);
    expect(await main(['test', varmland, '--lang', 'en'])).toBe(0);
    expect(output.stdout()).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('test: a failing example shows expected and actual, exit 1', async () => {
    const dir = tmp();
    const file = join(dir, 'v.avtal');
    writeFileSync(file, readFileSync(varmland, 'utf8').replace('förvänta första betalningsdag 2019-01-11', 'förvänta första betalningsdag 2019-01-12'));
    expect(await main(['test', file])).toBe(1);
    expect(output.stdout()).toContain('väntat 2019-01-12, faktiskt 2019-01-11');
    expect(output.stdout()).toMatch(/^\d+ godkända, 1 underkända$/m);
  });

  it('fmt --check reports an unformatted file and changes nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'u.avtal');
    const text = 'agreement demo\n    version "1" draft\n  valid from 2024-01-01 until further notice\n source "x"\n';
    writeFileSync(file, text);
    expect(await main(['fmt', '--check', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await main(['fmt', file])).toBe(0);
    expect(await main(['fmt', '--check', file])).toBe(0);
  });

  it('eval: a malformed case names the field; invalid JSON is a message, not a crash', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ county: 'varmland', events: { admitted: '2019-03-31T02:30' } }));
    expect(await main(['eval', '--case', bad])).toBe(1);
    expect(output.stderr()).toContain('#/events/admitted: AVT-E002');
    const notJson = join(dir, 'x.json');
    writeFileSync(notJson, '{ nope');
    expect(await main(['eval', '--case', notJson])).toBe(1);
    expect(output.stderr()).toContain('inte giltig JSON');
    expect(await main(['eval', '--case', join(dir, 'missing.json')])).toBe(1);
    expect(output.stderr()).toContain('filen finns inte');
    expect(await main(['eval', '--case', join(dir, 'missing.json'), '--lang', 'en'])).toBe(1);
    expect(output.stderr()).toContain('no such file');
  });

  it('eval: prints the JSON result with version, deadlines, payment and explanation', async () => {
    const dir = tmp();
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ county: 'varmland', events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T13:00' }, facts: { sip_needed: false } }));
    expect(await main(['eval', '--case', file])).toBe(0);
    const result = JSON.parse(output.stdout());
    expect(result.version.agreement).toBe('varmland');
    expect(result.payments[0].firstPayableDay).toBe('2019-01-11');
    expect(result.explanation.length).toBeGreaterThan(0);
    const cited = (s: { rule: string }) => (result.citations[s.rule] as { heading: string }[]).some((c) => c.heading === '7. Ekonomisk reglering');
    expect(result.explanation.some(cited)).toBe(true);
    // Swedish by default, English with --lang en
    const texts = (r: { explanation: { text: string }[] }) => r.explanation.map((s) => s.text).join('\n');
    expect(texts(result)).toContain('Meddelandet om utskrivningsklar skickades måndag 7 januari 2019 kl. 13.00, efter brytpunkten kl. 12.00: fyra fristdagar.');
    output.clear();
    expect(await main(['eval', '--case', file, '--lang', 'en'])).toBe(0);
    expect(texts(JSON.parse(output.stdout()))).toContain('The ready-for-discharge notice was sent at 2019-01-07 13:00, after the cutoff 12:00: 4 grace days.');
  });

  it('schema prints the case JSON Schema', async () => {
    expect(await main(['schema'])).toBe(0);
    expect(JSON.parse(output.stdout()).properties.events.properties.ready_notice_sent).toBeDefined();
  });
});

describe('the README examples', () => {
  const examples = join(import.meta.dirname, '../../examples');

  it('eval on examples/varmland-exempel-2.json gives the agreement\'s example 2', async () => {
    expect(await main(['eval', '--case', join(examples, 'varmland-exempel-2.json'), '--no-explain'])).toBe(0);
    expect(JSON.parse(output.stdout()).payments[0]).toMatchObject({ firstPayableDay: '2019-01-11', billableDays: 4 });
  });

  it('months on examples/kronoberg-exempel-2.yaml invoices March, April and May', async () => {
    expect(await main(['months', '--county', 'kronoberg', '--averages', join(examples, 'kronoberg-exempel-2.yaml'), '--format', 'table'])).toBe(0);
    expect(output.stdout()).toContain('fakturerat: mars, april och maj 2025');
    expect(output.stdout()).toMatch(/2025-01 {2}3,25 .* > 2,4 /);
    expect(await main(['months', '--county', 'kronoberg', '--averages', join(examples, 'kronoberg-exempel-2.yaml'), '--format', 'table', '--lang', 'en'])).toBe(0);
    expect(output.stdout()).toContain('invoiced: 2025-03, 2025-04, 2025-05');
  });

  it('months for a county without a ladder names every county known (only the county asked for is loaded otherwise)', async () => {
    expect(await main(['months', '--county', 'varmland', '--averages', join(examples, 'kronoberg-exempel-2.yaml')])).toBe(1);
    expect(output.stderr()).toMatch(/inget avtal i länet varmland har en månadstrappa; län: blekinge, halland, kronoberg, varmland/);
  });
});
