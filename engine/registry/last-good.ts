// A policies folder read for a service that must keep answering (Node only): a file that cannot be read or
// has errors is left out and named, never fatal; and when the folder is read again, a file that no longer
// loads, or a change that makes published versions overlap, keeps the version loaded before (the last good
// one). The set in use is replaced only by a set that loads.
import { msg, type Param } from '../../dsl/messages/render';
import { lstatSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { diagnostic, NO_RANGE, type Diagnostic } from '../../dsl/diagnostics';
import { contentHash, findPolicyFiles, withoutBom } from './load';
import { PolicySet, type PolicySource, type PolicyVersion } from './policy-set';

/** A file left out of the set (AVT-V006) or kept at its previous version (AVT-V007), with why. */
export interface LoadProblem {
  file: string;
  code: 'AVT-V006' | 'AVT-V007';
  message: string;
}

export interface LoadedSet {
  set: PolicySet;
  /** the sources the set was built from: a worker thread builds the same set from them */
  sources: PolicySource[];
  /** what was left out or kept from before, and why */
  problems: LoadProblem[];
  /** sha256 over the files and their content hashes: two processes with the same hash hold the same set */
  hash: string;
}

/** The set's identity: its files and their content hashes, in order. */
export function setHash(sources: readonly PolicySource[]): string {
  const h = createHash('sha256');
  for (const s of [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) h.update(`${s.file} ${s.hash}\n`);
  return 'sha256:' + h.digest('hex');
}

/** Set-level errors that make a set unusable for what they name: overlapping published versions, a version label twice. */
const SET_ERRORS = new Set(['AVT-V001', 'AVT-V005']);

function readOne(root: string, full: string): { ok: true; source: PolicySource } | { ok: false; file: string; detail: Param } {
  const file = relative(root, full).split(sep).join('/');
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let link = false;
    try {
      link = lstatSync(full).isSymbolicLink();
    } catch {
      /* gone altogether */
    }
    const detail = code === 'ENOENT' ? msg(link ? 'set.file.brokenLink' : 'set.file.gone') : code === 'EACCES' ? msg('set.file.permission') : code === 'EISDIR' ? msg('set.file.folder') : msg('set.file.unreadable', { why: code ?? (e as Error).message });
    return { ok: false, file, detail };
  }
  if (!isUtf8(bytes)) return { ok: false, file, detail: msg('set.file.notUtf8') };
  const text = withoutBom(bytes.toString('utf8'));
  return { ok: true, source: { file, text, hash: contentHash(text) } };
}

const firstError = (ds: readonly Diagnostic[]) => ds.find((d) => d.severity === 'error');

/**
 * Reads every *.avtal file below `root` into a set, leaving out what does not load. With `previous` (the set
 * in use), a file that no longer loads keeps its previous text, and a change that brings overlapping published
 * versions (or a version label twice) is not taken: the files of that agreement keep their previous texts.
 * Throws only when `root` itself cannot be listed.
 */
export function loadLastGood(root: string, previous?: LoadedSet): LoadedSet {
  const before = new Map((previous?.sources ?? []).map((s) => [s.file, s]));
  const problems: LoadProblem[] = [];
  const chosen = new Map<string, PolicySource>();
  const keepOrLeave = (file: string, detail: Param) => {
    const old = before.get(file);
    if (old) {
      chosen.set(file, old);
      problems.push({ file, code: 'AVT-V007', message: diagnostic('AVT-V007', NO_RANGE, { file, detail }).message });
    } else {
      chosen.delete(file);
      problems.push({ file, code: 'AVT-V006', message: diagnostic('AVT-V006', NO_RANGE, { file, detail }).message });
    }
  };

  for (const full of findPolicyFiles(root)) {
    const r = readOne(root, full);
    if (r.ok) chosen.set(r.source.file, r.source);
    else keepOrLeave(r.file, r.detail);
  }
  let set = new PolicySet([...chosen.values()]);
  // Files with errors (a header that does not parse, a rule that does not check) are not served.
  const broken = set.versions.filter((v) => !v.compiled);
  if (broken.length > 0) {
    for (const v of broken) {
      const e = firstError(v.analysis.diagnostics);
      const where = e ? msg('set.file.errorAt', { line: e.range.start.line, code: e.code, message: e.message }) : msg('set.file.noHeader');
      keepOrLeave(v.source.file, msg('set.file.errors', { where }));
    }
    set = new PolicySet([...chosen.values()]);
  }
  // A change that makes the published versions of an agreement overlap is not taken (at start-up, with no set
  // before, the overlap stays: evaluation on a date in it is refused, never a pick between the two).
  if (previous) {
    const known = new Set(previous.set.diagnostics.filter((d) => SET_ERRORS.has(d.diagnostic.code)).map((d) => d.diagnostic.message));
    const fresh = set.diagnostics.filter((d) => SET_ERRORS.has(d.diagnostic.code) && !known.has(d.diagnostic.message));
    if (fresh.length > 0) {
      for (const d of fresh) {
        const named = set.versions.find((v) => v.source.file === d.file)?.info;
        // An overlap: the agreement's changed published versions; a label twice: the changed files declaring it.
        const concerned = (v: PolicyVersion) =>
          v.info.agreement === named?.agreement && (d.diagnostic.code === 'AVT-V001' ? v.info.status === 'published' : v.info.version === named.version);
        for (const v of set.versions) {
          if (!concerned(v)) continue;
          const old = before.get(v.source.file);
          if (old?.hash === v.source.hash && old.text === v.source.text) continue;
          keepOrLeave(v.source.file, `${d.diagnostic.code} ${d.diagnostic.message}`);
        }
      }
      set = new PolicySet([...chosen.values()]);
    }
  }
  const sources = [...chosen.values()];
  return { set, sources, problems, hash: setHash(sources) };
}
