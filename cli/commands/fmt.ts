import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatText } from '../../dsl/format';
import { findPolicyFiles } from '../../engine/registry/node';
import { defaultPoliciesDir, err, formatDiagnostic, isStandardInput, out, readInput, t } from '../io';
import type { Command } from './index';

export const fmt: Command = {
  get summary() {
    return t('cli.fmt.summary');
  },
  get usage() {
    return t('cli.fmt.usage');
  },
  options: { check: { type: 'boolean' }, lang: { type: 'string' }, stdout: { type: 'boolean' } },
  run(values, paths) {
    const lang = values.lang as string | undefined;
    if (lang !== undefined && lang !== 'en' && lang !== 'sv') {
      err(t('cli.badLang', { verb: 'fmt', lang }));
      return 2;
    }
    let unformatted = 0;
    let broken = 0;
    let missing = 0;
    const files = (paths.length ? paths : [defaultPoliciesDir()]).flatMap((p) => {
      if (p === '-') return [p];
      try {
        const found = findPolicyFiles(p);
        // A folder with nothing to format is not a success: a wrong folder would otherwise pass unnoticed.
        if (found.length === 0) {
          err(t('cli.fmt.noFiles', { root: p }));
          missing++;
        }
        return found;
      } catch {
        err(t('cli.noSuchPath', { verb: 'fmt', path: p }));
        missing++;
        return [];
      }
    });
    if (missing > 0 && files.length === 0) return 2;
    for (const file of files) {
      const read = readInput(file);
      if (!read.ok) {
        err(`avtal fmt: ${read.message}`);
        broken++;
        continue;
      }
      const r = formatText(read.text, { lang: lang as 'en' | 'sv' | undefined });
      if (r.diagnostics.length > 0) {
        for (const d of r.diagnostics) err(formatDiagnostic(d, file));
        broken++;
        continue;
      }
      // A policy from standard input or another stream (-, /dev/stdin) has no file to rewrite: it is printed.
      if (values.stdout || (!values.check && !isRegularFile(file))) process.stdout.write(r.text);
      else if (values.check) {
        if (r.changed) {
          out(t('cli.fmt.notFormatted', { file }));
          unformatted++;
        }
      } else if (r.changed) {
        writeAtomically(file, r.text);
        out(t('cli.fmt.formatted', { file }));
      }
    }
    if (values.check) out(t('cli.fmt.done', { files: files.length - broken, unformatted }));
    return missing > 0 ? 2 : broken > 0 || unformatted > 0 ? 1 : 0;
  },
};

/** A file fmt may rewrite: not standard input, even when it is a file (`avtal fmt /dev/stdin < policy.avtal`). */
const isRegularFile = (file: string): boolean => {
  if (file === '-') return false;
  const st = statSync(file);
  return st.isFile() && !isStandardInput(st);
};

/**
 * Writes through a temporary file in the same folder, renamed over the file: a reader sees the old text or the new.
 * A link is followed: the file it points to is rewritten, the link stays.
 */
function writeAtomically(link: string, text: string): void {
  const file = realpathSync(link);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { mode: statSync(file).mode });
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      /* never written */
    }
    throw e;
  }
}
