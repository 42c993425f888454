// `avtal eval` on batches: a JSON array or NDJSON in, one NDJSON answer per case out, in order — NDJSON answered a
// line at a time as it arrives; and on the routing of a case to its agreement (the national law by county
// `national`; another county's agreement refused).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output';
import { main } from '../../cli/main';

const output = captureOutput();
const dir = mkdtempSync(join(tmpdir(), 'avtal-eval-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const varmland = JSON.parse(readFileSync(join(import.meta.dirname, '../../examples/varmland-exempel-2.json'), 'utf8'));
const law = { id: 'lag', county: 'national', events: { admitted: '2019-01-03T09:00', ready_notice_sent: '2019-01-07T13:00', discharged: '2019-01-14T10:00' } };
const answers = () => output.stdout().trim().split('\n').map((l) => JSON.parse(l));

describe('avtal eval on a batch', () => {
  it('answers a JSON array with one NDJSON line per case, in order', async () => {
    const cases = [varmland, law, { ...varmland, id: 'tredje', events: { ...varmland.events, ready_notice_sent: '2019-01-08T13:00' } }];
    expect(await main(['eval', '--case', file('a.json', JSON.stringify(cases)), '--no-explain'])).toBe(0);
    const lines = answers();
    expect(lines.map((l) => [l.ok, l.result.caseId, l.result.version.agreement])).toEqual([[true, 'exempel-2', 'varmland'], [true, 'lag', 'nationell_lag'], [true, 'tredje', 'varmland']]);
    expect(lines[0].result.payments[0].firstPayableDay).toBe('2019-01-11');
    expect(lines[2].result.payments[0].firstPayableDay).toBe('2019-01-12');
    expect(lines[0].result.explanation).toEqual([]);
  });

  it('answers NDJSON line by line, naming the line of a case that fails; blank lines are skipped; exit 1', async () => {
    const text = `${JSON.stringify(varmland)}\n\nnot json\n${JSON.stringify({ ...varmland, county: 'gotland' })}\n${JSON.stringify(law)}\n`;
    expect(await main(['eval', '--case', file('b.ndjson', text)])).toBe(1);
    const lines = answers();
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ ok: true, result: { caseId: 'exempel-2' } });
    expect(lines[0].result.explanation.length).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ ok: false, line: 3, error: { kind: 'invalid-case', errors: [{ code: 'AVT-E001' }] } });
    expect(lines[2]).toMatchObject({ ok: false, line: 4, error: { kind: 'unknown', errors: [{ code: 'AVT-E003', pointer: '/county' }] } });
    expect(lines[2].error.errors[0].message).toContain('national');
    expect(lines[3]).toMatchObject({ ok: true, result: { caseId: 'lag', version: { agreement: 'nationell_lag' } } });
  });

  it('answers NDJSON from standard input a line at a time, before the input ends', async () => {
    // The second case is sent only once the first one's answer has come: a command that waits for the end of its
    // input before answering never answers.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', "const { main } = await import('./cli/main.ts'); process.exitCode = await main(['eval', '--case', '-', '--no-explain']);"], {
      cwd: join(import.meta.dirname, '../..'), stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const answered = (n: number) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer ${n} within 60 s (stdout: ${stdout}, stderr: ${stderr})`)), 60_000);
      const check = () => {
        if (stdout.split('\n').length > n) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          resolve();
        }
      };
      const onData = (d: Buffer) => {
        stdout += d;
        check();
      };
      child.stdout.on('data', onData);
      check();
    });
    child.stdin.write(`${JSON.stringify({ ...varmland, id: 'ett' })}\n\n${JSON.stringify(law)}\n`);
    await answered(2);
    child.stdin.end(`${JSON.stringify({ ...varmland, id: 'tre' })}\n`);
    await answered(3);
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).result.caseId)).toEqual(['ett', 'lag', 'tre']);
  }, 120_000);

  it('gives each case of an array its index when it fails', async () => {
    expect(await main(['eval', '--case', file('c.json', JSON.stringify([varmland, { county: 'varmland', events: { admitted: 'igår' } }]))])).toBe(1);
    expect(answers()[1]).toMatchObject({ ok: false, index: 1, error: { kind: 'invalid-case' } });
  });

  it('still prints one case as one JSON document', async () => {
    expect(await main(['eval', '--case', file('d.json', JSON.stringify(varmland, null, 2))])).toBe(0);
    expect(JSON.parse(output.stdout())).toMatchObject({ caseId: 'exempel-2', payments: [{ firstPayableDay: '2019-01-11' }] });
  });

  it('refuses input that is neither JSON nor NDJSON, with exit 1 and no stack trace', async () => {
    expect(await main(['eval', '--case', file('e.txt', 'hello\nworld\n')])).toBe(1);
    expect(output.stderr()).toMatch(/inte giltig JSON .* inte heller NDJSON .*: rad 1: /);
    expect(output.stderr()).not.toMatch(/at .*\.ts/);
  });
});

describe('avtal eval: which agreement', () => {
  it('reaches the national law by county national, and by its id from any county', async () => {
    expect(await main(['eval', '--case', file('f.json', JSON.stringify(law)), '--no-explain'])).toBe(0);
    expect(JSON.parse(output.stdout()).version.agreement).toBe('nationell_lag');
    output.clear();
    expect(await main(['eval', '--case', file('g.json', JSON.stringify({ ...varmland, agreement: 'nationell_lag' })), '--no-explain'])).toBe(0);
    expect(JSON.parse(output.stdout()).version.agreement).toBe('nationell_lag');
  });

  it('refuses an agreement of another county, naming both', async () => {
    expect(await main(['eval', '--case', file('h.json', JSON.stringify({ ...varmland, agreement: 'kronoberg' }))])).toBe(1);
    expect(output.stderr()).toMatch(/#\/agreement: AVT-E015 .*kronoberg.*varmland/);
  });
});
