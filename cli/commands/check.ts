import { isAbsolute, relative } from 'node:path';
import { lockDiagnostics } from '../lock-file';
import { loadPolicySet } from '../../engine/registry/node';
import { hasErrors } from '../../dsl/diagnostics';
import { defaultPoliciesDir, err, fallbackKnownElsewhere, loadWithLaws, out, formatDiagnostic, policyStream, t, whyUnreadable } from '../io';
import type { PolicySource } from '../../engine/registry/policy-set';
import type { Command } from './index';
import { existsSync } from 'node:fs';

export const check: Command = {
  get summary() {
    return t('cli.check.summary');
  },
  get usage() {
    return t('cli.check.usage');
  },
  options: {},
  run(_values, paths) {
    const roots = paths.length ? paths : [defaultPoliciesDir()];
    let errors = 0;
    let warnings = 0;
    let files = 0;
    for (const root of roots) {
      if (root !== '-' && !existsSync(root)) {
        err(t('cli.noSuchPath', { verb: 'check', path: root }));
        errors++;
        continue;
      }
      // A policy from standard input (`-`, or /dev/stdin through a pipe) is checked as a file of the current folder.
      let loaded: ReturnType<typeof loadWithLaws>;
      let stream: PolicySource | undefined;
      try {
        stream = policyStream(root);
        loaded = loadWithLaws(root, stream && [stream]);
      } catch (e) {
        err(`avtal check: ${t('cli.cannotRead', { path: root, why: whyUnreadable(e) })}`);
        errors++;
        continue;
      }
      const { set, own } = loaded;
      // Nothing to check is not a success: a wrong folder would otherwise pass.
      if (set.versions.length === 0) {
        err(t('cli.check.noFiles', { root }));
        errors++;
        continue;
      }
      const show = (file: string) => (stream ? root : relative(process.cwd(), existsSync(file) ? file : `${root}/${file}`) || file);
      for (const v of set.versions) {
        if (!own(v)) continue;
        files++;
        for (const d of v.analysis.diagnostics) out(formatDiagnostic(d, show(v.source.file === root ? root : `${root}/${v.source.file}`)));
        errors += v.analysis.diagnostics.filter((d) => d.severity === 'error').length;
        warnings += v.analysis.diagnostics.filter((d) => d.severity === 'warning').length;
      }
      const knownElsewhere = fallbackKnownElsewhere(set);
      for (const { file, diagnostic } of set.diagnostics.filter((d) => !knownElsewhere(d) && !d.file.startsWith('(bundled) '))) {
        out(formatDiagnostic(diagnostic, show(file === root ? root : `${root}/${file}`)));
        if (hasErrors([diagnostic])) errors++;
      }
      // Published versions are immutable: compare them with the lock file (policies/avtal.lock); a policy from
      // standard input is in no folder, and under no lock.
      for (const { file, diagnostic } of stream ? [] : lockDiagnostics(root, set.versions.every(own) ? set : loadPolicySet(root))) {
        out(formatDiagnostic(diagnostic, show(file === root || isAbsolute(file) ? file : `${root}/${file}`)));
        if (hasErrors([diagnostic])) errors++;
        else if (diagnostic.severity === 'warning') warnings++;
      }
    }
    out(t('cli.check.done', { files, errors, warnings }));
    return errors > 0 ? 1 : 0;
  },
};
