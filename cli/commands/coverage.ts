import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { loadPolicySet } from '../../engine/registry/node';
import { textCoverage, type TextCoverage } from '../../engine/review/text-coverage';
import { exampleCoverage, type ExampleCoverage } from '../../engine/review/example-coverage';
import { findSourcesDir } from '../../engine/sources/load';
import { defaultPoliciesDir, err, out } from '../io';
import type { Command } from './index';

const REASON = { 'not-computable': 'not computable', 'outside-scope': 'outside scope', 'applied-elsewhere': 'applied elsewhere' } as const;
const clip = (s: string, n = 140) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export const coverage: Command = {
  summary: 'text coverage of each source, and what the worked examples exercise',
  usage: `Usage: avtal coverage [--text | --examples] [--json] [--fail-under N] [<file|dir> ...]

Text coverage: for each policy (default: the bundled policies), every sentence of its source that
carries a quantity, a time, a deadline or a condition, and whether a rule, an interpretation or an
example cites it, or an \`unencoded\` mark leaves it out with a reason. Lists the sentences nobody has
decided about, as sources/<id>.txt:line, and gives a percentage per policy.
Example coverage: which rules, branches (grace and day-1 alternatives, requirements, exemptions,
conditions), interpretations and ladder transitions the worked examples exercise; the branches no
example reaches, as file:line.
  --text          only the text coverage
  --examples      only the example coverage
  --json          the report as JSON
  --fail-under N  exit 1 when a policy's text or example coverage is under N per cent`,
  options: { text: { type: 'boolean' }, examples: { type: 'boolean' }, json: { type: 'boolean' }, 'fail-under': { type: 'string' } },
  run(values, paths) {
    const both = !values.text && !values.examples;
    const failUnder = values['fail-under'] === undefined ? undefined : Number(values['fail-under']);
    if (failUnder !== undefined && !Number.isFinite(failUnder)) {
      err(`avtal coverage: --fail-under needs a number, got ${values['fail-under']}`);
      return 2;
    }
    const report: { file: string; text?: TextCoverage; examples?: ExampleCoverage }[] = [];
    let low = false;
    for (const root of paths.length ? paths : [defaultPoliciesDir()]) {
      if (!existsSync(root)) {
        err(`avtal coverage: ${root}: no such file or folder`);
        return 2;
      }
      const set = loadPolicySet(root);
      const sourcesDir = findSourcesDir(root);
      if ((both || values.text) && !set.library) err(`avtal coverage: no sources folder (sources/index.json) found for ${root}: no text coverage`);
      for (const v of set.versions) {
        const file = relative(process.cwd(), v.source.file === root ? root : `${root}/${v.source.file}`);
        const entry: (typeof report)[number] = { file };
        if ((both || values.text) && set.library) entry.text = textCoverage(v.analysis.ast, set.library);
        if ((both || values.examples) && v.compiled) entry.examples = exampleCoverage(v.compiled, v.info);
        report.push(entry);
        if (failUnder !== undefined && ((entry.text && entry.text.percent < failUnder) || (entry.examples && entry.examples.percent < failUnder))) low = true;
        if (values.json) continue;
        if (entry.text) printText(file, entry.text, sourcesDir);
        else if ((both || values.text) && set.library) out(`${file}: source ${v.info.source ?? '(none)'} is not among the source documents: no text coverage`);
        if (entry.examples) printExamples(file, entry.examples);
      }
    }
    if (values.json) out(JSON.stringify(report, null, 2));
    return low ? 1 : 0;
  },
};

function printText(file: string, t: TextCoverage, sourcesDir: string | undefined): void {
  const reasons = Object.entries(t.byReason).filter(([, n]) => n > 0).map(([r, n]) => `${REASON[r as keyof typeof REASON]} ${n}`).join(', ');
  out(`${file}  text ${t.percent} %  (${t.sentences.length - t.uncovered.length}/${t.sentences.length} sentences of ${t.source}: ${t.cited} cited, ${t.marked} marked${reasons ? `: ${reasons}` : ''})`);
  const where = sourcesDir ? relative(process.cwd(), `${sourcesDir}/${t.source}.txt`) : t.source;
  for (const s of t.uncovered) out(`  uncovered ${where}:${s.line}  "${clip(s.text)}"  [${s.carries.join(', ')}]`);
}

function printExamples(file: string, e: ExampleCoverage): void {
  out(`${file}  examples ${e.percent} %  (${e.covered}/${e.branches.length} branches exercised by ${e.examples} example(s))`);
  for (const b of e.branches.filter((x) => x.hits === 0)) out(`  not exercised ${file}:${b.line}  ${b.rule}: ${b.what}`);
}
