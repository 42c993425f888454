// The package as another project sees it: `npm pack` (which builds dist/ through `prepare`), the tarball
// installed into an empty project from the local npm cache, then the library imported and its bin run there.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'avtal-consumer-'));
const app = join(work, 'app');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd: string, args: string[], cwd: string, input?: string) =>
  execFileSync(cmd, args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

const episode = {
  id: 'exempel-2',
  county: 'varmland',
  events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_assessed: '2019-01-07T10:00', ready_notice_sent: '2019-01-07T13:00', discharged: '2019-01-14T10:00' },
  facts: { sip_needed: false },
};

beforeAll(() => {
  run(npm, ['pack', '--pack-destination', work], repo);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run(npm, ['install', '--prefer-offline', join(work, tarball)], app);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the installed package', { timeout: 30_000 }, () => {
  it('is imported by name and evaluates a case with the bundled agreements', () => {
    writeFileSync(join(app, 'use.mjs'), `
      import { loadPolicies, evaluate, describe, months, PolicySet } from 'avtal';
      import * as core from 'avtal/core';
      const policies = loadPolicies();
      const answer = evaluate(policies, ${JSON.stringify(episode)});
      const law = evaluate(policies, { county: 'national', events: { admitted: '2019-01-03T09:00', ready_notice_sent: '2019-01-07T13:00', discharged: '2019-01-14T10:00' } });
      const wrong = evaluate(policies, { ...${JSON.stringify(episode)}, agreement: 'kronoberg' });
      const fast = evaluate(policies, ${JSON.stringify(episode)}, { explain: false });
      const ladder = months(policies, { county: 'kronoberg', averages: { 'Växjö': { '2025-01': 3.2, '2025-02': 3.4, '2025-03': 3.6 } } });
      console.log(JSON.stringify({
        payable: answer.ok && answer.result.payments[0].firstPayableDay,
        hash: answer.ok && answer.result.version.hash,
        law: law.ok && law.result.version.agreement,
        wrong: !wrong.ok && [wrong.error.kind, wrong.error.errors[0].code],
        ladder: ladder.ok && [ladder.result.version.agreement, ladder.result.municipalities[0].months.length],
        sameClass: policies instanceof core.PolicySet && PolicySet === core.PolicySet,
        fast: fast.ok && answer.ok && [fast.result.payments[0].reason, fast.result.payments[0].firstPayableDay, describe(fast.result).payments[0].reason === answer.result.payments[0].reason],
      }));
    `);
    expect(JSON.parse(run('node', ['use.mjs'], app))).toEqual({
      payable: '2019-01-11',
      hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      law: 'nationell_lag',
      wrong: ['wrong-agreement', 'AVT-E015'],
      ladder: ['kronoberg', 3],
      sameClass: true,
      // explain: false: the decisions without text (no reason: null in JSON), the text from describe
      fast: [null, '2019-01-11', true],
    });
  });

  it('type-checks a TypeScript consumer on node16 resolution against the shipped .d.ts files', () => {
    writeFileSync(join(app, 'use.ts'), `
      import { loadPolicies, evaluate, describe, type EvaluationAnswer, type FastEvaluationAnswer, type PaymentResult } from 'avtal';
      import { PolicySet, analyze } from 'avtal/core';
      const answer: EvaluationAnswer = evaluate(loadPolicies(), { county: 'varmland', events: {} });
      const fast: FastEvaluationAnswer = evaluate(loadPolicies(), { county: 'varmland', events: {} }, { explain: false });
      // @ts-expect-error: the answer without explanation has no text: its reasons come from describe
      const noReason = fast.ok && fast.result.payments[0].reason;
      const reason: string | undefined = fast.ok ? describe(fast.result, { lang: 'en' }).payments[0]?.reason : undefined;
      const first: PaymentResult | undefined = answer.ok ? answer.result.payments[0] : undefined;
      const day: string | null | undefined = first?.firstPayableDay;
      const set: PolicySet = new PolicySet([]);
      const errors: number = analyze('agreement x').diagnostics.length;
      // @ts-expect-error: the answer must be narrowed before its result is read
      answer.result;
      export { day, set, errors, noReason, reason };
    `);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.ts'] }));
    expect(() => run('node', [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app)).not.toThrow();
  });

  it('runs its bin: one case, and a batch as NDJSON from standard input', () => {
    const bin = join(app, 'node_modules/.bin/avtal');
    writeFileSync(join(app, 'case.json'), JSON.stringify(episode));
    const one = JSON.parse(run(bin, ['eval', '--case', 'case.json', '--no-explain'], app));
    expect(one.payments[0].firstPayableDay).toBe('2019-01-11');
    const batch = spawnSync(bin, ['eval', '--case', '-', '--no-explain'], { cwd: app, encoding: 'utf8', input: `${JSON.stringify(episode)}\n${JSON.stringify({ ...episode, id: 'b', county: 'nowhere' })}\n` });
    expect(batch.status).toBe(1);
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.ok, l.ok ? l.result.caseId : l.error.errors[0].code])).toEqual([[true, 'exempel-2'], [false, 'AVT-E003']]);
  });
});
