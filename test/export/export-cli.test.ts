// `avtal export`: the rules as JSON, located warnings for what is left out, coded errors for bad use.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output';
import { main } from '../../cli/main';

const output = captureOutput();

const varmland = join(import.meta.dirname, '../../policies/varmland/2019-01-01.avtal');
const fixture = join(import.meta.dirname, 'fixtures/constructs.avtal');

describe('avtal export', () => {
  it('writes the rules of a policy as json-rules-engine JSON', async () => {
    expect(await main(['export', '--format', 'json-rules-engine', varmland])).toBe(0);
    const doc = JSON.parse(output.stdout());
    expect(doc).toMatchObject({ format: 'json-rules-engine', runtime: 'avtal-jre-runtime/2', policy: { agreement: 'varmland', version: '2019-01-01' } });
    expect(doc.exported).toEqual(['inskrivningsmeddelande', 'kallelse_till_sip', 'kommunens_betalningsansvar']);
    // Värmland's agreement is made under the law: its payment rule is exported with the law's conditions.
    expect(doc.policy.subjectTo).toEqual({ agreement: 'nationell_lag', version: '2018-01-01' });
    expect(doc.rules.some((r: { event: { params: { law?: { agreement: string } } } }) => r.event.params.law?.agreement === 'nationell_lag')).toBe(true);
    expect(doc.rules.every((r: { event: { type: string } }) => r.event.type === 'avtal.deadline' || r.event.type === 'avtal.payment')).toBe(true);
    expect(output.stderr()).toBe('');
  });

  it('links the law a policy is made under from the files beside it', async () => {
    expect(await main(['export', '--format', 'json-rules-engine', join(import.meta.dirname, 'subject-to/agreement.avtal')])).toBe(0);
    const doc = JSON.parse(output.stdout());
    expect(doc.policy.subjectTo).toEqual({ agreement: 'testlaw', version: '1' });
    expect(doc.exported).toEqual(['sip', 'ends', 'withdrawn_exclusive']);
    expect(doc.rules.filter((r: { name: string }) => r.name.startsWith('ends:testlaw:law_second:')).map((r: { name: string }) => r.name))
      .toEqual(['ends:testlaw:law_second:requirement-unmet-1', 'ends:testlaw:law_second:exempt-1', 'ends:testlaw:law_second:pending-1']);
  });

  it('reports a rule it leaves out, located, and still writes the others to --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'avtal-export-')), 'rules.json');
    expect(await main(['export', '--format', 'json-rules-engine', fixture, '--out', out])).toBe(0);
    expect(output.stderr()).toMatch(/constructs\.avtal:\d+:\d+ warning AVT-X002 betalningsregeln unexportable exporteras inte/);
    expect(await main(['export', '--format', 'json-rules-engine', fixture, '--out', out, '--lang', 'en'])).toBe(0);
    expect(output.stderr()).toMatch(/constructs\.avtal:\d+:\d+ warning AVT-X002 payment unexportable is not exported/);
    expect(JSON.parse(readFileSync(out, 'utf8')).notExported).toEqual([expect.objectContaining({ rule: 'unexportable', code: 'AVT-X002' })]);
  });

  it('refuses an unknown format (AVT-X003) and a policy with errors (AVT-X001)', async () => {
    expect(await main(['export', '--format', 'drools', varmland])).toBe(2);
    expect(output.stderr()).toContain('AVT-X003');
    const broken = join(mkdtempSync(join(tmpdir(), 'avtal-export-')), 'broken.avtal');
    writeFileSync(broken, 'agreement x "X"\n  county x\n\ndeadline d "D"\n  sip_called within 3 days after nothing_known\n');
    output.clear();
    expect(await main(['export', '--format', 'json-rules-engine', broken])).toBe(1);
    expect(output.stderr()).toContain('AVT-X001');
  });
});
