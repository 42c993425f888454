// Small helpers for the command line: reading inputs without throwing, and printing.
import { fstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PolicySet, type PolicySource, type PolicyVersion } from '../engine/registry/policy-set';
import { contentHash, loadPolicySet, readSources, withoutBom } from '../engine/registry/node';
import { buildParseCache } from '../engine/registry/parse-cache';
import { sourceLibraryFor } from '../engine/sources/load';
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

export type Read = { ok: true; text: string } | { ok: false; message: string };

/** Why a file could not be read, in the CLI's language (the system's code for what has no message of its own). */
export function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? t('cli.noSuchFile') : code === 'EISDIR' ? t('cli.isFolder') : code === 'EACCES' ? t('cli.permission') : code === 'ENOTDIR' ? t('cli.notFolder') : t('cli.ioError', { code: code ?? (e as Error).message });
}

export function readInput(path: string): Read {
  try {
    // A byte-order mark at the start is not part of the text (the rule of every input, as of the HTTP bodies).
    return { ok: true, text: withoutBom(path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')) };
  } catch (e) {
    return { ok: false, message: t('cli.cannotRead', { path, why: whyUnreadable(e) }) };
  }
}

/** Whether a path (its stat) names this process's standard input (/dev/stdin, /proc/self/fd/0), whatever that is. */
export function isStandardInput(st: Stats): boolean {
  try {
    const stdin = fstatSync(0);
    return st.dev === stdin.dev && st.ino === stdin.ino;
  } catch {
    return false;
  }
}

/**
 * A policy given as a stream rather than a file or a folder: `-` (standard input), or a path naming a pipe, a
 * terminal or a device (`/dev/stdin` through a pipe); undefined for a file or a folder. Read once, whole; the name
 * is the path as given. A path naming standard input is read from it (a socket, as a program's pipe may be, cannot
 * be opened by its name). Throws what reading throws (see whyUnreadable).
 */
export function policyStream(path: string): PolicySource | undefined {
  let fromStdin = path === '-';
  if (!fromStdin) {
    const st = statSync(path);
    if (st.isFile() || st.isDirectory()) return undefined;
    fromStdin = isStandardInput(st);
  }
  const text = withoutBom(readFileSync(fromStdin ? 0 : path, 'utf8'));
  return { file: path, text, hash: contentHash(text) };
}

/** The bundled policies folder: ./policies when it exists, else the one shipped beside the CLI. */
export function defaultPoliciesDir(): string {
  const local = resolve('policies');
  return existsSync(local) ? local : fileURLToPath(new URL('../policies', import.meta.url));
}

/**
 * The policies of `--policies DIR` (or the bundled ones) for a command; undefined, after saying why, when the
 * folder is missing or cannot be read (the command then exits 2: an input error, not an internal one).
 */
export function loadPolicies(dir: string | undefined, verb: string, only?: Parameters<typeof loadPolicySet>[1]): PolicySet | undefined {
  const root = dir ?? defaultPoliciesDir();
  if (!existsSync(root)) {
    err(t('cli.noSuchPath', { verb, path: `--policies ${root}` }));
    return undefined;
  }
  try {
    const set = loadPolicySet(root, only);
    // A folder without the law its agreements are made under (subject to) gets the bundled law, as `avtal test`
    // and `avtal check` do: an agreement is never evaluated without the law's conditions.
    const missing = set.versions.some((v) => { const law = v.analysis.ast.header?.subjectTo?.text; return !!law && !set.has(law); });
    return missing ? loadWithLaws(root).set : set;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(t('cli.cannotReadPolicies', { verb, root, detail: code === 'EACCES' ? t('cli.permissionDenied') : code === 'ENOENT' ? t('cli.fileGone') : (e as Error).message }));
    return undefined;
  }
}

export const out = (s = ''): void => void process.stdout.write(s + '\n');
export const err = (s: string): void => void process.stderr.write(s + '\n');

/**
 * A folder or file checked on its own may name a fallback that lives elsewhere in the bundled policies
 * (e.g. nationell_lag): for such a set, AVT-V002 is not an unknown fallback.
 */
/**
 * The policies under `root`, with the bundled versions of every law they are made under (`subject to`) that
 * `root` does not hold itself, so that a policy tested or checked on its own is bound by the law's conditions as
 * it is in the bundled set. `own` tells the versions read from `root`. `sources`: the policies when they are not
 * read from `root` (a policy from standard input, checked as if it were a file in the current folder).
 */
export function loadWithLaws(root: string, given?: PolicySource[]): { set: PolicySet; own: (v: PolicyVersion) => boolean } {
  const sources = given ?? readSources(root);
  const library = sourceLibraryFor(given ? process.cwd() : root);
  const parsed = buildParseCache()?.parsed;
  const alone = new PolicySet(sources, { library, parsed });
  const missing = new Set(alone.versions.map((v) => v.analysis.ast.header?.subjectTo?.text).filter((n): n is string => !!n && !alone.has(n)));
  if (missing.size === 0 || resolve(root) === resolve(defaultPoliciesDir())) return { set: alone, own: () => true };
  const bundled = loadPolicySet(defaultPoliciesDir());
  const laws = bundled.versions.filter((v) => missing.has(v.info.agreement)).map((v) => ({ ...v.source, file: `(bundled) ${v.source.file}` }));
  const set = new PolicySet([...sources, ...laws], { library: library ?? sourceLibraryFor(defaultPoliciesDir()), parsed });
  return { set, own: (v) => !v.source.file.startsWith('(bundled) ') };
}

export function fallbackKnownElsewhere(set: PolicySet): (d: { file: string; diagnostic: { code: string } }) => boolean {
  let bundled: string[] | undefined;
  return (d) => {
    if (d.diagnostic.code !== 'AVT-V002') return false;
    const name = set.versions.find((v) => v.source.file === d.file)?.analysis.ast.header?.fallback?.text;
    return !!name && (bundled ??= loadPolicySet(defaultPoliciesDir()).agreements()).includes(name);
  };
}
