// Small helpers for the command line: reading inputs without throwing, and printing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PolicySet } from '../engine/registry/policy-set';
import { localize, type Diagnostic } from '../dsl/diagnostics';
import { formatDiagnostic as formatIn } from '../dsl/diagnostics';
import { render, type MsgLang, type Params } from '../dsl/messages/render';

/** The language of the CLI's messages: `--lang sv|en`, Swedish by default (set once by main.ts). */
let current: MsgLang = 'sv';
export const setLang = (lang: MsgLang): void => void (current = lang);
export const lang = (): MsgLang => current;
/** A message of the catalogue (dsl/messages/cli.ts) in the CLI's language. */
export const t = (code: string, params: Params = {}): string => render(code, params, current);
/** A diagnostic as `file:line:col severity code message`, its message in the CLI's language. */
export const formatDiagnostic = (d: Diagnostic, file?: string): string => formatIn(localize(d, current), file);
import { loadPolicySet } from '../engine/registry/node';

export type Read = { ok: true; text: string } | { ok: false; message: string };

export function readInput(path: string): Read {
  try {
    return { ok: true, text: path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? t('cli.noSuchFile') : err.code === 'EISDIR' ? t('cli.isFolder') : err.code === 'EACCES' ? t('cli.permission') : err.message;
    return { ok: false, message: t('cli.cannotRead', { path, why }) };
  }
}

/** The bundled policies folder: ./policies when it exists, else the one shipped beside the CLI. */
export function defaultPoliciesDir(): string {
  const local = resolve('policies');
  return existsSync(local) ? local : fileURLToPath(new URL('../policies', import.meta.url));
}

export const out = (s = ''): void => void process.stdout.write(s + '\n');
export const err = (s: string): void => void process.stderr.write(s + '\n');

/**
 * A folder or file checked on its own may name a fallback that lives elsewhere in the bundled policies
 * (e.g. nationell_lag): for such a set, AVT-V002 is not an unknown fallback.
 */
export function fallbackKnownElsewhere(set: PolicySet): (d: { file: string; diagnostic: { code: string } }) => boolean {
  let bundled: string[] | undefined;
  return (d) => {
    if (d.diagnostic.code !== 'AVT-V002') return false;
    const name = set.versions.find((v) => v.source.file === d.file)?.analysis.ast.header?.fallback?.text;
    return !!name && (bundled ??= loadPolicySet(defaultPoliciesDir()).agreements()).includes(name);
  };
}
