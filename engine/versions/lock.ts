// The lock file (policies/avtal.lock): the content hash of every published version, so a published
// text cannot change unnoticed. Pure functions on text and a PolicySet; reading and writing the file
// is the CLI's business (cli/lock-file.ts). Drafts are never locked.
import { diagnostic, NO_RANGE, type Diagnostic } from '../../dsl/diagnostics';
import { msg } from '../../dsl/messages/render';
import type { PolicySet, PolicyVersion } from '../registry/policy-set';

export interface LockEntry {
  agreement: string;
  version: string;
  file: string; // relative to the folder the lock file is in, with forward slashes
  hash: string;
  /**
   * Corrections of the published encoding (the agreement's text unchanged), oldest first: each the hash it
   * replaced, the day and the reason. `avtal lock --correct FILE --reason TEXT` adds one; nothing removes one.
   */
  corrections?: LockCorrection[];
}

export interface LockCorrection {
  replaced: string; // the hash before the correction
  date: string; // YYYY-MM-DD
  reason: string;
}

export interface Lock {
  entries: LockEntry[];
}

export const LOCK_FILE_NAME = 'avtal.lock';

const NOTE = 'Written by `avtal lock`. Published versions are immutable: to change what one says, add a new version file. A correction of how a published version encodes its agreement (the agreement unchanged) is recorded with `avtal lock --correct FILE --reason TEXT`: the hash it replaces, the day and the reason. Never edit an entry by hand.';

const byKey = (a: { agreement: string; version: string }, b: { agreement: string; version: string }) => a.agreement.localeCompare(b.agreement) || a.version.localeCompare(b.version);
const keyOf = (e: { agreement: string; version: string }) => `${e.agreement}@${e.version}`;

/** The lock file's text: JSON, entries sorted by agreement and version, fields in a fixed order. */
export function serializeLock(lock: Lock): string {
  const versions = [...lock.entries].sort(byKey).map((e) => ({
    agreement: e.agreement, version: e.version, file: e.file, hash: e.hash,
    ...(e.corrections?.length ? { corrections: e.corrections.map((c) => ({ replaced: c.replaced, date: c.date, reason: c.reason })) } : {}),
  }));
  return JSON.stringify({ lockfileVersion: 1, note: NOTE, versions }, null, 2) + '\n';
}

export type ParsedLock = { ok: true; lock: Lock } | { ok: false; error: Diagnostic };

/** Reads the lock file's text; a malformed file is a diagnostic, never an exception. */
export function parseLock(text: string, file = LOCK_FILE_NAME): ParsedLock {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: diagnostic('AVT-V012', NO_RANGE, { file, detail: (e as Error).message }) };
  }
  const versions = (raw as { versions?: unknown })?.versions;
  if (!Array.isArray(versions)) return { ok: false, error: diagnostic('AVT-V012', NO_RANGE, { file, detail: msg('lock.notObject') }) };
  const entries: LockEntry[] = [];
  for (const [i, v] of versions.entries()) {
    const e = v as Partial<LockEntry>;
    if (typeof e?.agreement !== 'string' || typeof e.version !== 'string' || typeof e.file !== 'string' || typeof e.hash !== 'string') {
      return { ok: false, error: diagnostic('AVT-V012', NO_RANGE, { file, detail: msg('lock.entry', { n: i + 1 }) }) };
    }
    const corrections = (v as { corrections?: unknown }).corrections;
    if (corrections !== undefined && (!Array.isArray(corrections) || !corrections.every((c) => typeof c?.replaced === 'string' && typeof c.date === 'string' && typeof c.reason === 'string'))) {
      return { ok: false, error: diagnostic('AVT-V012', NO_RANGE, { file, detail: `entry ${i + 1}: corrections must be a list of { replaced, date, reason }` }) };
    }
    entries.push({ agreement: e.agreement, version: e.version, file: e.file, hash: e.hash, ...(corrections ? { corrections: corrections as LockCorrection[] } : {}) });
  }
  return { ok: true, lock: { entries } };
}

/** How a policy file is named in the lock: its path relative to the lock file's folder. */
export type LockPath = (v: PolicyVersion) => string;
const defaultPath: LockPath = (v) => v.source.file;

const published = (set: PolicySet) => set.versions.filter((v) => v.info.status === 'published' && v.analysis.ast.header?.version).sort((a, b) => byKey(a.info, b.info));

export interface LockCheckOptions {
  path?: LockPath;
  /** The set covers the whole folder of the lock: entries with no file are reported. Off when checking single files. */
  complete?: boolean;
  lockFile?: string; // for messages
}

/** The lock's verdict on a set: changed published versions, unlocked ones, and (for a whole folder) removed ones. */
export function checkLock(set: PolicySet, lock: Lock, options: LockCheckOptions = {}): { file: string; diagnostic: Diagnostic }[] {
  const path = options.path ?? defaultPath;
  const lockFile = options.lockFile ?? LOCK_FILE_NAME;
  const entries = new Map(lock.entries.map((e) => [keyOf(e), e]));
  const out: { file: string; diagnostic: Diagnostic }[] = [];
  const seen = new Set<string>();
  for (const v of published(set)) {
    const key = keyOf(v.info);
    seen.add(key);
    const range = v.analysis.ast.header?.version?.range ?? NO_RANGE;
    const entry = entries.get(key);
    if (!entry) out.push({ file: v.source.file, diagnostic: diagnostic('AVT-V010', range, { version: v.info.version, agreement: v.info.agreement, lock: lockFile }) });
    else if (entry.hash !== v.source.hash) out.push({ file: v.source.file, diagnostic: diagnostic('AVT-V003', range, { version: v.info.version, agreement: v.info.agreement, actual: v.source.hash, expected: entry.hash }) });
    else if (entry.file !== path(v)) out.push({ file: v.source.file, diagnostic: diagnostic('AVT-V013', range, { version: v.info.version, agreement: v.info.agreement, file: path(v), locked: entry.file }) });
  }
  // A locked version that became a draft is a change to a published version, wherever it is checked.
  for (const v of set.versions) {
    const entry = entries.get(keyOf(v.info));
    if (v.info.status === 'draft' && entry) out.push({ file: v.source.file, diagnostic: diagnostic('AVT-V011', v.analysis.ast.header?.range ?? NO_RANGE, { version: entry.version, agreement: entry.agreement, file: entry.file }) });
    if (entry) seen.add(keyOf(v.info));
  }
  if (options.complete) {
    for (const e of [...lock.entries].sort(byKey)) {
      if (!seen.has(keyOf(e))) out.push({ file: lockFile, diagnostic: diagnostic('AVT-V011', NO_RANGE, { version: e.version, agreement: e.agreement, file: e.file }) });
    }
  }
  return out;
}

export interface LockUpdate {
  lock: Lock;
  added: LockEntry[];
  moved: { entry: LockEntry; from: string }[];
  /** Published versions whose text differs from their entry: never rewritten. */
  refused: { file: string; diagnostic: Diagnostic }[];
  /** Published versions with errors: not locked until they check clean. */
  broken: PolicyVersion[];
}

/**
 * Records every published version that is not in the lock yet. An existing entry is never changed:
 * a different hash is refused (AVT-V003); only a file moved with its text unchanged gets its new path.
 */
export function updateLock(set: PolicySet, lock: Lock, options: { path?: LockPath } = {}): LockUpdate {
  const path = options.path ?? defaultPath;
  const entries = new Map(lock.entries.map((e) => [keyOf(e), { ...e }]));
  const added: LockEntry[] = [];
  const moved: LockUpdate['moved'] = [];
  const refused: LockUpdate['refused'] = [];
  const broken: PolicyVersion[] = [];
  for (const v of published(set)) {
    const key = keyOf(v.info);
    const entry = entries.get(key);
    const range = v.analysis.ast.header?.version?.range ?? NO_RANGE;
    if (!entry && !v.compiled) broken.push(v);
    else if (!entry) {
      const e = { agreement: v.info.agreement, version: v.info.version, file: path(v), hash: v.source.hash };
      entries.set(key, e);
      added.push(e);
    } else if (entry.hash !== v.source.hash) {
      refused.push({ file: v.source.file, diagnostic: diagnostic('AVT-V003', range, { version: v.info.version, agreement: v.info.agreement, actual: v.source.hash, expected: entry.hash }) });
    } else if (entry.file !== path(v)) {
      moved.push({ entry: { ...entry, file: path(v) }, from: entry.file });
      entry.file = path(v);
    }
  }
  return { lock: { entries: [...entries.values()].sort(byKey) }, added, moved, refused, broken };
}

export interface LockCorrectionResult {
  lock: Lock;
  corrected: { entry: LockEntry; replaced: string }[];
  /** the files asked for that are not a published, locked version whose text differs from its entry, and why */
  refused: { file: string; diagnostic: Diagnostic }[];
}

/**
 * Records a correction of how published versions encode their agreement: for each version whose lock path is in
 * `files` and whose text differs from its entry, the entry takes the new hash and keeps the one it replaces, with
 * the day and the reason. The reason is required; a version with errors, unlocked, or unchanged is refused.
 */
export function correctLock(set: PolicySet, lock: Lock, files: readonly string[], reason: string, date: string, options: { path?: LockPath } = {}): LockCorrectionResult {
  const path = options.path ?? defaultPath;
  const entries = new Map(lock.entries.map((e) => [keyOf(e), { ...e, corrections: e.corrections ? [...e.corrections] : undefined }]));
  const corrected: LockCorrectionResult['corrected'] = [];
  const refused: LockCorrectionResult['refused'] = [];
  const wanted = new Set(files);
  const found = new Set<string>();
  for (const v of published(set)) {
    if (!wanted.has(path(v))) continue;
    found.add(path(v));
    const range = v.analysis.ast.header?.version?.range ?? NO_RANGE;
    const entry = entries.get(keyOf(v.info));
    const refuse = (why: 'noReason' | 'notLocked' | 'errors' | 'unchanged') => refused.push({ file: v.source.file, diagnostic: diagnostic('AVT-V016', range, { version: v.info.version, agreement: v.info.agreement, detail: msg(`lock.correct.${why}`) }) });
    if (reason.trim().length < 10) refuse('noReason');
    else if (!entry) refuse('notLocked');
    else if (!v.compiled) refuse('errors');
    else if (entry.hash === v.source.hash) refuse('unchanged');
    else {
      const replaced = entry.hash;
      entry.corrections = [...(entry.corrections ?? []), { replaced, date, reason: reason.trim() }];
      entry.hash = v.source.hash;
      corrected.push({ entry, replaced });
    }
  }
  for (const f of files) if (!found.has(f)) refused.push({ file: f, diagnostic: diagnostic('AVT-V016', NO_RANGE, { version: '?', agreement: f, detail: msg('lock.correct.noSuchFile') }) });
  return { lock: { entries: [...entries.values()].map((e) => (e.corrections ? e : { agreement: e.agreement, version: e.version, file: e.file, hash: e.hash })).sort(byKey) }, corrected, refused };
}
