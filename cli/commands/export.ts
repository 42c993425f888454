import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { analyze } from '../../dsl';
import { diagnostic, formatDiagnostic, hasErrors, NO_RANGE } from '../../dsl/diagnostics';
import { exportToJre, linkedLaw, type LinkedLaw } from '../../engine/export/jre-export';
import { contentHash, readSources } from '../../engine/registry/node';
import { PolicySet, type PolicySource } from '../../engine/registry/policy-set';
import { defaultPoliciesDir, err, out, readInput } from '../io';
import type { Command } from './index';

const FORMATS = ['json-rules-engine'];

export const exportCommand: Command = {
  summary: 'export a policy\'s episode-level rules to another rule engine (json-rules-engine)',
  usage: `Usage: avtal export --format json-rules-engine <policy.avtal> [--out FILE]

Writes the policy's deadlines and payment rules as json-rules-engine rules (JSON), to FILE or standard
output. The rules need the custom operators and facts of engine/export/jre-runtime.ts: register them
with registerAvtalRuntime(engine) and create the Engine with JRE_ENGINE_OPTIONS; see docs/export.md.
A rule with a clause that has no faithful translation is left out and reported (AVT-X002); the export
lists it under notExported. A policy made under a law (subject to) is exported with the law's conditions,
linked from the policy files beside it or else from the bundled policies; without them its payment rules
are left out. Exit 1 when the policy has errors or nothing could be exported.`,
  options: { format: { type: 'string' }, out: { type: 'string' } },
  run(values, positionals) {
    const format = values.format as string | undefined;
    if (!format || !FORMATS.includes(format)) {
      const d = diagnostic('AVT-X003', NO_RANGE, { format: format ?? '(none)', known: FORMATS.join(', ') });
      err(`avtal export: ${d.severity} ${d.code} ${d.message}\n\n${this.usage}`);
      return 2;
    }
    if (positionals.length !== 1) {
      err('avtal export: name one policy file\n\n' + this.usage);
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
    if (hasErrors(analysis.diagnostics) || !analysis.ast.header) {
      for (const d of analysis.diagnostics) err(formatDiagnostic(d, shown));
      err(formatDiagnostic(diagnostic('AVT-X001', NO_RANGE, { detail: `${shown} has errors; run avtal check` }), shown));
      return 1;
    }
    const law = analysis.ast.header.subjectTo ? lawFor(file, read.text) : undefined;
    const { doc, diagnostics } = exportToJre(analysis.ast, shown, law);
    for (const d of diagnostics) err(formatDiagnostic(d, shown));
    const json = JSON.stringify(doc, null, 2) + '\n';
    if (values.out) writeFileSync(values.out as string, json);
    else process.stdout.write(json);
    if (values.out) out(`${shown}: ${doc.exported.length} rule(s) exported as ${doc.rules.length} json-rules-engine rules to ${values.out}; ${doc.notExported.length} not exported`);
    if (doc.exported.length === 0) {
      err(formatDiagnostic(diagnostic('AVT-X001', NO_RANGE, { detail: 'no rule of this policy can be exported' }), shown));
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
