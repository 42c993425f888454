import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { analyze } from '../../dsl';
import { diagnostic, NO_RANGE, localize } from '../../dsl/diagnostics';
import { exportToJre, linkedLaw, type LinkedLaw } from '../../engine/export/jre-export';
import { contentHash, readSources } from '../../engine/registry/node';
import { PolicySet, type PolicySource } from '../../engine/registry/policy-set';
import { defaultPoliciesDir, err, out, readInput, formatDiagnostic, lang, t } from '../io';
import type { Command } from './index';

const FORMATS = ['json-rules-engine'];

export const exportCommand: Command = {
  get summary() {
    return t('cli.export.summary');
  },
  get usage() {
    return t('cli.export.usage');
  },
  options: { format: { type: 'string' }, out: { type: 'string' } },
  run(values, positionals) {
    const format = values.format as string | undefined;
    if (!format || !FORMATS.includes(format)) {
      const d = diagnostic('AVT-X003', NO_RANGE, { format: format ?? '(none)', known: FORMATS.join(', ') });
      err(`avtal export: ${d.severity} ${d.code} ${localize(d, lang()).message}\n\n${this.usage}`);
      return 2;
    }
    if (positionals.length !== 1) {
      err(`${t('cli.export.one')}\n\n${this.usage}`);
      return 2;
    }
    const file = positionals[0];
    const read = readInput(file);
    if (!read.ok) {
      err(`avtal export: ${read.message}`);
      return 1;
    }
    const shown = relative(process.cwd(), file) || file;
    const analysis = analyze(read.text);
    if (!analysis.program) {
      for (const d of analysis.diagnostics) err(formatDiagnostic(d, shown));
      err(formatDiagnostic(diagnostic('AVT-X001', NO_RANGE, { detail: { code: 'cli.export.hasErrors', params: { file: shown } } }), shown));
      return 1;
    }
    const law = analysis.program.header.subjectTo ? lawFor(file, read.text) : undefined;
    const { doc, diagnostics } = exportToJre(analysis.program, shown, law, lang());
    for (const d of diagnostics) err(formatDiagnostic(d, shown));
    const json = JSON.stringify(doc, null, 2) + '\n';
    if (values.out) writeFileSync(values.out as string, json);
    else process.stdout.write(json);
    if (values.out) out(t('cli.export.done', { file: shown, exported: doc.exported.length, rules: doc.rules.length, out: values.out as string, notExported: doc.notExported.length }));
    if (doc.exported.length === 0) {
      err(formatDiagnostic(diagnostic('AVT-X001', NO_RANGE, { detail: { code: 'cli.export.nothing' } }), shown));
      return 1;
    }
    return 0;
  },
};

/**
 * The law a policy is made under (`subject to`), linked as a policy set links it: from the policy files beside
 * it, else from the bundled policies. Undefined when it cannot be linked (the export then leaves out the
 * payment rules, which the law's conditions bind, and says so).
 */
function lawFor(file: string, text: string): LinkedLaw | undefined {
  const own: PolicySource = { file: '(exported)', text, hash: contentHash(text) };
  const linked = (others: PolicySource[]): LinkedLaw | undefined => {
    const set = new PolicySet([own, ...others]);
    return linkedLaw(set, set.versions[0].compiled);
  };
  let beside: PolicySource[] = [];
  if (file !== '-') {
    const dir = dirname(file);
    beside = readdirSync(dir).filter((n) => n.endsWith('.avtal') && resolve(dir, n) !== resolve(file)).map((n) => {
      const t = readFileSync(join(dir, n), 'utf8');
      return { file: n, text: t, hash: contentHash(t) };
    });
  }
  return linked(beside) ?? linked(readSources(defaultPoliciesDir()));
}
