import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { loadPolicySet } from '../../engine/registry/node';
import { textCoverage, type TextCoverage } from '../../engine/review/text-coverage';
import { exampleCoverage, type ExampleCoverage } from '../../engine/review/example-coverage';
import { findSourcesDir } from '../../engine/sources/load';
import { defaultPoliciesDir, err, lang, out, t } from '../io';
import { decimalIn } from '../../dsl/messages';
import type { Command } from './index';

const clip = (s: string, n = 140) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
/** A percentage a person reads: 97,5 in Swedish. */
const percent = (n: number) => decimalIn(n, lang());

export const coverage: Command = {
  get summary() {
    return t('cli.coverage.summary');
  },
  get usage() {
    return t('cli.coverage.usage');
  },
  options: { text: { type: 'boolean' }, examples: { type: 'boolean' }, json: { type: 'boolean' }, 'fail-under': { type: 'string' } },
  run(values, paths) {
    const both = !values.text && !values.examples;
    const failUnder = values['fail-under'] === undefined ? undefined : Number(values['fail-under']);
    if (failUnder !== undefined && !Number.isFinite(failUnder)) {
      err(t('cli.coverage.failUnder', { value: String(values['fail-under']) }));
      return 2;
    }
    const report: { file: string; text?: TextCoverage; examples?: ExampleCoverage }[] = [];
    let low = false;
    for (const root of paths.length ? paths : [defaultPoliciesDir()]) {
      if (!existsSync(root)) {
        err(t('cli.noSuchPath', { verb: 'coverage', path: root }));
        return 2;
      }
      const set = loadPolicySet(root);
      const sourcesDir = findSourcesDir(root);
      if ((both || values.text) && !set.library) err(t('cli.coverage.noSources', { root }));
      for (const v of set.versions) {
        const file = relative(process.cwd(), v.source.file === root ? root : `${root}/${v.source.file}`);
        const entry: (typeof report)[number] = { file };
        if ((both || values.text) && set.library) entry.text = textCoverage(v.analysis.ast, set.library);
        if ((both || values.examples) && v.compiled) entry.examples = exampleCoverage(v.compiled, v.info, lang());
        report.push(entry);
        if (failUnder !== undefined && ((entry.text && entry.text.percent < failUnder) || (entry.examples && entry.examples.percent < failUnder))) low = true;
        if (values.json) continue;
        if (entry.text) printText(file, entry.text, sourcesDir);
        else if ((both || values.text) && set.library) out(t('cli.coverage.notAmongSources', { file, source: v.info.source ?? t('cli.explain.none') }));
        if (entry.examples) printExamples(file, entry.examples);
      }
    }
    if (values.json) out(JSON.stringify(report, null, 2));
    return low ? 1 : 0;
  },
};

function printText(file: string, c: TextCoverage, sourcesDir: string | undefined): void {
  const reasons = Object.entries(c.byReason).filter(([, n]) => n > 0).map(([r, n]) => `${t(`review.reason.${r}`)} ${n}`).join(', ');
  out(t('cli.coverage.text', {
    file, percent: percent(c.percent), covered: c.sentences.length - c.uncovered.length, total: c.sentences.length, source: c.source, cited: c.cited, marked: c.marked, reasons: reasons ? `: ${reasons}` : '',
  }));
  const where = sourcesDir ? relative(process.cwd(), `${sourcesDir}/${c.source}.txt`) : c.source;
  for (const s of c.uncovered) out(t('cli.coverage.uncovered', { where, line: s.line, text: clip(s.text), carries: s.carries.join(', ') }));
}

function printExamples(file: string, e: ExampleCoverage): void {
  out(t('cli.coverage.examples', { file, percent: percent(e.percent), covered: e.covered, total: e.branches.length, examples: e.examples }));
  for (const b of e.branches.filter((x) => x.hits === 0)) out(t('cli.coverage.notExercised', { file, line: b.line, rule: b.rule, what: b.what }));
}
