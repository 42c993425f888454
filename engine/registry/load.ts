// Reads a policies folder from disk (Node only): every *.avtal file below it, hashed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { neededSources, scanHeader, type Wanted } from './needed';
import { buildParseCache, type ParseCache } from './parse-cache';
import { PolicySet, type PolicySource } from './policy-set';
import { sourceLibraryFor } from '../sources/load';
import type { SourceLibrary } from '../../dsl/sources/library';

export function contentHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/**
 * The policy files below a folder, in name order; a path that is not a folder is one policy file, whatever it is
 * (a file, or a pipe named as a path: `avtal check /dev/stdin`).
 */
export function findPolicyFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...findPolicyFiles(full));
    else if (entry.name.endsWith('.avtal')) out.push(full);
  }
  return out;
}

/** A file's text: a byte-order mark at its start is not part of it (the same rule as the HTTP bodies'). */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function readSources(root: string): PolicySource[] {
  const folder = statSync(root).isDirectory();
  return findPolicyFiles(root).map((file) => {
    const text = withoutBom(readFileSync(file, 'utf8'));
    const rel = folder ? relative(root, file).split(sep).join('/') : file;
    return { file: rel, text, hash: contentHash(text) };
  });
}

/**
 * Every policy below root, their citations checked against the sources folder that goes with them
 * (engine/sources/load.ts); with `wanted`, only those the cases asked for can reach (see neededSources). A file
 * the build parsed already (`cache`, by content hash: the bundled policies, dist/policy-cache/) is not lexed or
 * parsed again.
 */
export function loadPolicySet(root: string, wanted?: Wanted, library: SourceLibrary | undefined = sourceLibraryFor(root), cache: ParseCache | undefined = buildParseCache()): PolicySet {
  const sources = readSources(root);
  const headerOf = (s: PolicySource) => cache?.header(s) ?? scanHeader(s.text);
  return new PolicySet(wanted ? neededSources(sources, wanted, headerOf) : sources, { library, parsed: cache?.parsed });
}
