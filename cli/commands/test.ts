import { relative } from 'node:path';
import { runExamples } from '../../engine/examples/run-examples';
import { defaultPoliciesDir, err, fallbackKnownElsewhere, loadWithLaws, out, formatDiagnostic, lang, t } from '../io';
import type { Command } from './index';
import { existsSync } from 'node:fs';

export const test: Command = {
  get summary() {
    return t('cli.test.summary');
  },
  get usage() {
    return t('cli.test.usage');
  },
  options: { verbose: { type: 'boolean' } },
  run(values, paths) {
    let passed = 0;
    let failed = 0;
    for (const root of paths.length ? paths : [defaultPoliciesDir()]) {
      if (!existsSync(root)) {
        err(t('cli.noSuchPath', { verb: 'test', path: root }));
        failed++;
        continue;
      }
      const { set, own } = loadWithLaws(root);
      // Nothing to test is not a pass: a wrong folder would otherwise report "0 passed, 0 failed" and exit 0.
      if (!set.versions.some(own)) {
        err(t('cli.test.noFiles', { root }));
        failed++;
        continue;
      }
      const knownElsewhere = fallbackKnownElsewhere(set);
      for (const { file, diagnostic } of set.diagnostics.filter((d) => d.diagnostic.severity === 'error' && !knownElsewhere(d))) {
        out(`✗ ${formatDiagnostic(diagnostic, relative(process.cwd(), `${root}/${file}`))}`);
        failed++;
      }
      for (const v of set.versions) {
        if (!own(v)) continue;
        const file = relative(process.cwd(), v.source.file === root ? root : `${root}/${v.source.file}`);
        if (!v.compiled) {
          out(`✗ ${t('cli.test.policyErrors', { file })}`);
          for (const d of v.analysis.diagnostics.filter((x) => x.severity === 'error')) out(`    ${formatDiagnostic(d, file)}`);
          failed++;
          continue;
        }
        for (const r of runExamples(v.compiled, v.info, lang())) {
          const label = `${file}:${r.range.start.line} ${r.id}${r.title ? ` — ${r.title}` : ''}${r.derived ? t('cli.test.derived') : ''}`;
          if (r.pass) {
            passed++;
            out(`✓ ${label}`);
            if (values.verbose) for (const e of r.expectations) out(`    ${e.text}: ${e.actual}`);
          } else {
            failed++;
            out(`✗ ${label}`);
            for (const e of r.errors) out(`    ${t('cli.test.error', { detail: e })}`);
            for (const e of r.expectations.filter((x) => !x.pass)) out(`    ${t('cli.test.failed', { text: e.text, line: e.range.start.line, expected: e.expected, actual: e.actual })}`);
          }
        }
      }
    }
    out(t('cli.test.done', { passed, failed }));
    return failed > 0 ? 1 : 0;
  },
};
