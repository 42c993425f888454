import { randomBytes } from 'node:crypto';
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatText } from '../../dsl/format';
import { formatDiagnostic } from '../../dsl/diagnostics';
import { findPolicyFiles } from '../../engine/registry/node';
import { defaultPoliciesDir, err, out, readInput } from '../io';
import type { Command } from './index';

export const fmt: Command = {
  summary: 'format policy files in their canonical layout',
  usage: `Usage: avtal fmt [--check] [--lang en|sv] [--stdout] [<file|dir> ...]

Rewrites each .avtal file in the canonical layout, keeping its keyword language.
  --check     change nothing; list the files that are not formatted and exit 1 if any
  --lang L    print the keywords and vocabulary names in English (en) or Swedish (sv): a translation
  --stdout    print the formatted text instead of writing the file
A file with syntax errors is left as it is. A file is rewritten atomically (a temporary file beside it, then
renamed over it): it is never left half-written. Exit 1 when a file is not formatted (--check) or has errors,
2 when a path does not exist or --lang is wrong.`,
  options: { check: { type: 'boolean' }, lang: { type: 'string' }, stdout: { type: 'boolean' } },
  run(values, paths) {
    const lang = values.lang as string | undefined;
    if (lang !== undefined && lang !== 'en' && lang !== 'sv') {
      err(`avtal fmt: --lang must be en or sv, not ${lang}`);
      return 2;
    }
    let unformatted = 0;
    let broken = 0;
    let missing = 0;
    const files = (paths.length ? paths : [defaultPoliciesDir()]).flatMap((p) => {
      try {
        return findPolicyFiles(p);
      } catch {
        err(`avtal fmt: ${p}: no such file or folder`);
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
      if (values.stdout) process.stdout.write(r.text);
      else if (values.check) {
        if (r.changed) {
          out(`not formatted: ${file}`);
          unformatted++;
        }
      } else if (r.changed) {
        writeAtomically(file, r.text);
        out(`formatted ${file}`);
      }
    }
    if (values.check) out(`${files.length - broken} file(s) checked, ${unformatted} not formatted`);
    return missing > 0 ? 2 : broken > 0 || unformatted > 0 ? 1 : 0;
  },
};

/** Writes through a temporary file in the same folder, renamed over the file: a reader sees the old text or the new. */
function writeAtomically(file: string, text: string): void {
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
