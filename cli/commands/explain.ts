import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { loadPolicySet } from '../../engine/registry/node';
import { defaultPoliciesDir, err, out } from '../io';
import type { Command } from './index';

export const explain: Command = {
  summary: "list a policy's source, validity and interpretations, for a legal reviewer",
  usage: `Usage: avtal explain [<file|dir> ...]

For each policy version: its source, validity and status, and every interpretation it makes —
the question, the source's words and the decision — with the rules that rely on it.`,
  options: {},
  run(_values, paths) {
    for (const root of paths.length ? paths : [defaultPoliciesDir()]) {
      if (!existsSync(root)) {
        err(`avtal explain: ${root}: no such file or folder`);
        return 1;
      }
      const set = loadPolicySet(root);
      for (const v of set.versions) {
        const i = v.info;
        out(`# ${i.title ?? i.agreement} — version ${i.version} (${i.status})`);
        out(`file: ${relative(process.cwd(), v.source.file === root ? root : `${root}/${v.source.file}`)}   hash: ${i.hash}`);
        out(`source: ${i.source ?? '(none)'}   valid: from ${i.validFrom} ${i.validTo ? `to ${i.validTo} (exclusive)` : 'until further notice'}`);
        const doc = i.source ? set.library?.get(i.source) : undefined;
        if (doc) out(`document: ${doc.entry.document}`);
        const law = v.analysis.ast.header?.subjectTo?.text;
        if (law) out(`subject to: ${law} — the conditions of its payment rules (requires, exempt) bind every payment rule of this agreement`);
        const interps = v.analysis.ast.declarations.filter((d) => d.kind === 'Interpretation');
        out(`${interps.length} interpretation(s):`);
        for (const d of v.analysis.ast.declarations) {
          if (d.kind !== 'Interpretation') continue;
          const users = v.analysis.ast.declarations.filter((r) => 'see' in r && r.see.some((n) => n.text === d.id.text)).map((r) => r.id.text);
          const headerUses = v.analysis.ast.header?.see.some((n) => n.text === d.id.text) ? ['(the agreement header)'] : [];
          out(`\n  ${d.id.text}: ${d.title?.value ?? ''}`);
          for (const c of d.cites) out(`    ${c.heading.value}${c.quote ? `: »${c.quote.value}«` : ''}`);
          if (d.decision) out(`    decision: ${d.decision.value}`);
          out(`    used by: ${[...headerUses, ...users].join(', ') || 'nothing'}`);
        }
        for (const d of v.analysis.ast.declarations) {
          if (d.kind !== 'Escalation') continue;
          out(`\n  escalation ${d.id.text}: ${d.title?.value ?? ''}`);
          d.steps.forEach((s, i) => {
            out(`    ${i + 1}. ${s.id.text}: ${s.title?.value ?? ''}`);
            for (const c of s.cites) out(`       ${c.heading.value}${c.quote ? `: »${c.quote.value}«` : ''}`);
          });
        }
        out('');
      }
    }
    return 0;
  },
};
