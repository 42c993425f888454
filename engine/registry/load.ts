// Reads a policies folder from disk (Node only): every *.avtal file below it, hashed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { PolicySet, type PolicySource } from './policy-set';
import { sourceLibraryFor } from '../sources/load';
import type { SourceLibrary } from '../../dsl/sources/library';

export function contentHash(text: string): string {
  return 'sha256:' + createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

export function findPolicyFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...findPolicyFiles(full));
    else if (entry.name.endsWith('.avtal')) out.push(full);
  }
  return out;
}

export function readSources(root: string): PolicySource[] {
  return findPolicyFiles(root).map((file) => {
    const text = readFileSync(file, 'utf8');
    const rel = statSync(root).isFile() ? file : relative(root, file).split(sep).join('/');
    return { file: rel, text, hash: contentHash(text) };
  });
}

/** The policies below a path; their citations are checked against the sources folder that goes with them (engine/sources/load.ts). */
export function loadPolicySet(root: string, library: SourceLibrary | undefined = sourceLibraryFor(root)): PolicySet {
  return new PolicySet(readSources(root), { library });
}
