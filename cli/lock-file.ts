// The lock file on disk: finding policies/avtal.lock for a checked path, reading and writing it.
// The rules themselves (what is locked, what is refused) live in engine/versions/lock.ts.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../dsl/diagnostics';
import type { PolicySet, PolicyVersion } from '../engine/registry/policy-set';
import { checkLock, LOCK_FILE_NAME, parseLock, serializeLock, type Lock, type LockPath } from '../engine/versions/lock';

export interface LockLocation {
  lockFile: string; // absolute
  /** the checked root is the lock's own folder: entries with no file there are reported */
  complete: boolean;
  path: LockPath;
}

/** The lock that governs a checked file or folder: avtal.lock in the folder itself or the nearest folder above. */
export function findLock(root: string): LockLocation | undefined {
  const abs = resolve(root);
  const isFile = existsSync(abs) && statSync(abs).isFile();
  for (let dir = isFile ? dirname(abs) : abs; ; dir = dirname(dir)) {
    const lockFile = join(dir, LOCK_FILE_NAME);
    if (existsSync(lockFile)) {
      const full = (v: PolicyVersion) => (isFile ? abs : resolve(abs, v.source.file));
      return { lockFile, complete: !isFile && dir === abs, path: (v) => relative(dir, full(v)).split(sep).join('/') };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export function readLock(lockFile: string): { ok: true; lock: Lock } | { ok: false; error: Diagnostic } {
  if (!existsSync(lockFile)) return { ok: true, lock: { entries: [] } };
  return parseLock(readFileSync(lockFile, 'utf8'), relative(process.cwd(), lockFile));
}

export function writeLock(lockFile: string, lock: Lock): void {
  writeFileSync(lockFile, serializeLock(lock));
}

/** What `avtal check` adds for a root: the lock's verdict, file names relative to the root like the set's own. */
export function lockDiagnostics(root: string, set: PolicySet): { file: string; diagnostic: Diagnostic }[] {
  const where = findLock(root);
  if (!where) return [];
  const read = readLock(where.lockFile);
  if (!read.ok) return [{ file: where.lockFile, diagnostic: read.error }];
  const lockName = relative(process.cwd(), where.lockFile) || where.lockFile;
  // Diagnostics about the lock itself carry its absolute path; `check` prints paths that exist as they are.
  return checkLock(set, read.lock, { path: where.path, complete: where.complete, lockFile: lockName }).map((d) => (d.file === lockName ? { ...d, file: where.lockFile } : d));
}
