// The CLI's edges (issue 18): a missing file or folder is a clear message with the documented exit code,
// never "internal error" (70); a broken file makes `diff` exit 2, not 1 ("differs"); a byte-order mark at the
// start of a .avtal file is accepted; an empty folder is not a successful check; fmt writes atomically; a policy
// from standard input is checked (`-`, /dev/stdin through a pipe), and a path that cannot be read says why.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output';
import { main } from '../../cli/main';

const output = captureOutput();
const tmp = () => mkdtempSync(join(tmpdir(), 'avtal-cli-edges-'));
const varmland = readFileSync(join(import.meta.dirname, '../../policies/varmland/2019-01-01.avtal'), 'utf8');

describe('avtal at its edges', () => {
  it('fmt nope.avtal: says the file does not exist, exits 2, never "-1 file(s) checked"', async () => {
    expect(await main(['fmt', '--check', join(tmp(), 'nope.avtal')])).toBe(2);
    expect(output.stderr()).toMatch(/nope\.avtal: ingen sådan fil eller mapp/);
    expect(output.stdout()).not.toMatch(/-1 file/);
  });

  it('eval --policies /nope: a clear message and exit 2, not 70', async () => {
    const dir = tmp();
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ county: 'varmland', events: { admitted: '2019-01-03T09:00' } }));
    expect(await main(['eval', '--case', file, '--policies', join(dir, 'nope')])).toBe(2);
    expect(output.stderr()).toMatch(/--policies .*nope: ingen sådan fil eller mapp/);
    expect(output.stderr()).not.toMatch(/internal error/);
  });

  it('diff on a broken file (here: bytes that are no policy) exits 2, not 1', async () => {
    const dir = tmp();
    const bin = join(dir, 'bin.avtal');
    writeFileSync(bin, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a]));
    const good = join(dir, 'good.avtal');
    writeFileSync(good, varmland);
    expect(await main(['diff', bin, good])).toBe(2);
    expect(output.stderr()).toMatch(/bin\.avtal: \d+ fel; rätta dem innan du jämför/); // in Swedish, as every message
    expect(await main(['diff', bin, join(dir, 'x'), '--lang', 'en'])).toBe(2);
    expect(output.stderr()).toMatch(/bin\.avtal: \d+ error\(s\); fix them before comparing/);
    expect(await main(['diff', good, good])).toBe(0);
  });

  it('accepts a byte-order mark at the start of a .avtal file (check, fmt) and of a case file (eval)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'v.avtal'), '\ufeff' + varmland);
    expect(await main(['check', dir])).toBe(0);
    expect(await main(['fmt', '--check', join(dir, 'v.avtal')])).toBe(0);
    const c = join(dir, 'c.json');
    writeFileSync(c, '\ufeff' + JSON.stringify({ county: 'varmland', events: { admitted: '2019-01-03T09:00', ready_notice_sent: '2019-01-07T13:00' }, facts: { sip_needed: false } }));
    expect(await main(['eval', '--case', c, '--policies', dir, '--no-explain'])).toBe(0);
  });

  it('check on an empty folder is an error', async () => {
    expect(await main(['check', tmp()])).toBe(1);
    expect(output.stderr()).toMatch(/inga \.avtal-filer/);
    expect(await main(['check', tmp(), '--lang', 'en'])).toBe(1);
    expect(output.stderr()).toMatch(/no \.avtal files/);
  });

  it('test on an empty folder is a failure, not "0 passed, 0 failed" and exit 0', async () => {
    expect(await main(['test', tmp()])).toBe(1);
    expect(output.stderr()).toMatch(/avtal test: .*: inga \.avtal-filer/);
  });

  it('fmt on an empty folder says so and exits 2, as for a path that does not exist (it printed nothing and exited 0)', async () => {
    const dir = tmp();
    expect(await main(['fmt', dir])).toBe(2);
    expect(output.stderr()).toMatch(/avtal fmt: .*: inga \.avtal-filer/);
    expect(await main(['fmt', '--check', dir, '--lang', 'en'])).toBe(2);
    expect(output.stderr()).toMatch(/no \.avtal files/);
  });

  it('check of a pipe named as a path (what /dev/stdin is when piped) reads the policy from it, not "internal error"', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(dir, 'v.avtal'), varmland.replace('  län varmland\n', '  län\n'));
    // A writer in another process: the pipe opens when both ends do.
    const writer = spawn('sh', ['-c', `cat ${JSON.stringify(join(dir, 'v.avtal'))} > ${JSON.stringify(fifo)}`]);
    expect(await main(['check', fifo])).toBe(1);
    await new Promise((resolve) => writer.on('close', resolve));
    expect(output.stdout()).toMatch(new RegExp(`^${fifo.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+ error AVT-P001 `, 'm'));
    expect(output.stdout()).toMatch(/1 fil\(er\) kontrollerade: \d+ fel/);
    expect(output.stderr()).not.toMatch(/internt fel|internal error/);
  });

  it('fmt of a pipe named as a path prints the formatted text and leaves the pipe a pipe; fmt of a link rewrites what it points to', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    writeFileSync(join(dir, 'v.txt'), varmland.replace('  län varmland', '    län   varmland'));
    const writer = spawn('sh', ['-c', `cat ${JSON.stringify(join(dir, 'v.txt'))} > ${JSON.stringify(fifo)}`]);
    expect(await main(['fmt', fifo])).toBe(0);
    await new Promise((resolve) => writer.on('close', resolve));
    expect(output.stdout()).toBe(varmland);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['pipe', 'v.txt']);
    // a link stays a link
    writeFileSync(join(dir, 'real.avtal'), varmland.replace('  län varmland', '    län   varmland'));
    symlinkSync('real.avtal', join(dir, 'link.avtal'));
    expect(await main(['fmt', join(dir, 'link.avtal')])).toBe(0);
    expect(lstatSync(join(dir, 'link.avtal')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.avtal'), 'utf8')).toBe(varmland);
  });

  it("check - and check /dev/stdin read the policy from standard input, a shell's pipe or a program's", () => {
    const dir = tmp();
    writeFileSync(join(dir, 'v.avtal'), varmland);
    const run = `const { main } = await import('./cli/main.ts'); process.exitCode = await main(['check', process.argv[1]]);`;
    const options = { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 60_000 } as const;
    // A shell's pipe is a pipe; a program's (Node's `input`) is a socket, which /dev/stdin cannot be opened as.
    const viaShell = spawnSync('sh', ['-c', `cat "$0" | "$1" --import tsx -e "$2" -`, join(dir, 'v.avtal'), process.execPath, run], options);
    const viaProgram = spawnSync(process.execPath, ['--import', 'tsx', '-e', run, '/dev/stdin'], { ...options, input: varmland });
    for (const r of [viaShell, viaProgram]) {
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('1 fil(er) kontrollerade: 0 fel, 0 varning(ar)\n');
      expect(r.status).toBe(0);
    }
    // fmt of standard input redirected from a file prints, and rewrites neither the file nor the name it was given
    // as (here a link of our own to /proc/self/fd/0, in place of /dev/stdin).
    const unformatted = varmland.replace('  län varmland', '    län   varmland');
    writeFileSync(join(dir, 'u.avtal'), unformatted);
    symlinkSync('/proc/self/fd/0', join(dir, 'stdin'));
    const fmtRun = `const { main } = await import('./cli/main.ts'); process.exitCode = await main(['fmt', process.argv[1]]);`;
    const viaRedirect = spawnSync('sh', ['-c', `"$0" --import tsx -e "$1" "$2" < "$3"`, process.execPath, fmtRun, join(dir, 'stdin'), join(dir, 'u.avtal')], options);
    expect(viaRedirect.stderr).toBe('');
    expect(viaRedirect.stdout).toBe(varmland);
    expect(readFileSync(join(dir, 'u.avtal'), 'utf8')).toBe(unformatted);
    expect(lstatSync(join(dir, 'stdin')).isSymbolicLink()).toBe(true);
  }, 120_000);

  it('check of a path that cannot be read (a socket) names it and why, exit 1, never "internal error"', async () => {
    const sock = join(tmp(), 'sock');
    const server = createServer().listen(sock);
    await new Promise((resolve) => server.on('listening', resolve));
    try {
      expect(await main(['check', sock])).toBe(1);
      expect(output.stderr()).toMatch(/avtal check: kan inte läsa .*sock: läsfel \(ENXIO\)/);
      expect(output.stderr()).not.toMatch(/internt fel|internal error/);
    } finally {
      server.close();
    }
  });

  it('fmt rewrites through a temporary file renamed over the original, leaving nothing beside it', async () => {
    const dir = tmp();
    const file = join(dir, 'v.avtal');
    writeFileSync(file, varmland.replace('  län varmland', '    län   varmland'));
    expect(await main(['fmt', file])).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(varmland);
    expect(readdirSync(dir)).toEqual(['v.avtal']);
  });
});
