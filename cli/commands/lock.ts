import { join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { loadPolicySet } from '../../engine/registry/node';
import { correctLock, LOCK_FILE_NAME, updateLock } from '../../engine/versions/lock';
import { readLock, writeLock } from '../lock-file';
import { defaultPoliciesDir, err, formatDiagnostic, out, t } from '../io';
import type { Command } from './index';

export const lock: Command = {
  get summary() {
    return t('cli.lock.summary');
  },
  get usage() {
    return t('cli.lock.usage');
  },
  options: { 'dry-run': { type: 'boolean' }, correct: { type: 'string', multiple: true }, reason: { type: 'string' } },
  run(values, paths) {
    if (paths.length > 1) {
      err(t('cli.lock.oneFolder'));
      return 2;
    }
    const root = paths[0] ?? defaultPoliciesDir();
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      err(t('cli.lock.notFolder', { root }));
      return 2;
    }
    const lockFile = join(resolve(root), LOCK_FILE_NAME);
    const read = readLock(lockFile);
    if (!read.ok) {
      out(formatDiagnostic(read.error, relative(process.cwd(), lockFile)));
      return 1;
    }
    const set = loadPolicySet(root);
    const show = (file: string) => relative(process.cwd(), join(root, file));
    const correct = values.correct as string[] | undefined;
    if (correct?.length) {
      // A file named as given (relative to here or absolute), recorded relative to the policies folder.
      const files = correct.map((f) => relative(resolve(root), resolve(f)).split('\\').join('/'));
      const c = correctLock(set, read.lock, files, String(values.reason ?? ''), new Date().toISOString().slice(0, 10));
      for (const x of c.corrected) out(t('cli.lock.corrected', { id: `${x.entry.agreement}@${x.entry.version}`, file: x.entry.file, hash: x.entry.hash, replaced: x.replaced, reason: String(values.reason).trim() }));
      for (const r of c.refused) out(formatDiagnostic(r.diagnostic, show(r.file)));
      if (c.corrected.length > 0 && c.refused.length === 0 && !values['dry-run']) writeLock(lockFile, c.lock);
      return c.refused.length > 0 ? 1 : 0;
    }
    const u = updateLock(set, read.lock);
    for (const e of u.added) out(t('cli.lock.locked', { id: `${e.agreement}@${e.version}`, file: e.file, hash: e.hash }));
    for (const m of u.moved) out(t('cli.lock.moved', { id: `${m.entry.agreement}@${m.entry.version}`, from: m.from, to: m.entry.file }));
    for (const v of u.broken) out(t('cli.lock.broken', { id: `${v.info.agreement}@${v.info.version}`, file: v.source.file }));
    for (const r of u.refused) out(formatDiagnostic(r.diagnostic, show(r.file)));
    const changed = u.added.length + u.moved.length > 0;
    if (changed && !values['dry-run']) writeLock(lockFile, u.lock);
    out(t(values['dry-run'] ? 'cli.lock.doneCheck' : 'cli.lock.done', { lock: relative(process.cwd(), lockFile), count: u.lock.entries.length, added: u.added.length, moved: u.moved.length, refused: u.refused.length, broken: u.broken.length }));
    return u.refused.length > 0 ? 1 : 0;
  },
};
