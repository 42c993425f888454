import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { loadPolicySet } from '../../engine/registry/node';
import { defaultPoliciesDir, err, out, t } from '../io';
import type { Command } from './index';

export const explain: Command = {
  get summary() {
    return t('cli.explain.summary');
  },
  get usage() {
    return t('cli.explain.usage');
  },
  options: {},
  run(_values, paths) {
    for (const root of paths.length ? paths : [defaultPoliciesDir()]) {
      if (!existsSync(root)) {
        err(t('cli.noSuchPath', { verb: 'explain', path: root }));
        return 1;
      }
      const set = loadPolicySet(root);
      for (const v of set.versions) {
        const i = v.info;
        out(t('cli.explain.heading', { title: i.title ?? i.agreement, version: i.version, status: { code: `diff.value.${i.status}` } }));
        out(t('cli.explain.file', { file: relative(process.cwd(), v.source.file === root ? root : `${root}/${v.source.file}`), hash: i.hash }));
        out(t(i.validTo ? 'cli.explain.validTo' : 'cli.explain.validOpen', { source: i.source ?? t('cli.explain.none'), from: i.validFrom, to: i.validTo }));
        const doc = i.source ? set.library?.get(i.source) : undefined;
        if (doc) out(t('cli.explain.document', { document: doc.entry.document }));
        const law = v.analysis.ast.header?.subjectTo?.text;
        if (law) out(t('cli.explain.subjectTo', { law }));
        const interps = v.analysis.ast.declarations.filter((d) => d.kind === 'Interpretation');
        out(t('cli.explain.count', { count: interps.length }));
        for (const d of v.analysis.ast.declarations) {
          if (d.kind !== 'Interpretation') continue;
          const users = v.analysis.ast.declarations.filter((r) => 'see' in r && r.see.some((n) => n.text === d.id.text)).map((r) => r.id.text);
          const headerUses = v.analysis.ast.header?.see.some((n) => n.text === d.id.text) ? [t('cli.explain.header')] : [];
          out(`\n  ${d.id.text}: ${d.title?.value ?? ''}`);
          for (const c of d.cites) out(`    ${c.heading.value}${c.quote ? `: »${c.quote.value}«` : ''}`);
          if (d.decision) out(t('cli.explain.decision', { decision: d.decision.value }));
          out(t('cli.explain.usedBy', { users: [...headerUses, ...users].join(', ') || t('cli.explain.nothing') }));
        }
        for (const d of v.analysis.ast.declarations) {
          if (d.kind !== 'Escalation') continue;
          out(`\n${t('cli.explain.escalation', { id: d.id.text, title: d.title?.value ?? '' })}`);
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
