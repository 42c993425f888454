// Reads the source documents from disk (Node only): sources/index.json and the texts it names.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceLibrary, type SourceEntry, type SourceText } from '../../dsl/sources/library';

export interface SourceIndex {
  sources: SourceEntry[];
}

/** The library in a sources folder (its index.json and texts); undefined when there is none. */
export function loadSourceLibrary(dir: string): SourceLibrary | undefined {
  const indexFile = join(dir, 'index.json');
  if (!existsSync(indexFile)) return undefined;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as SourceIndex;
  // Each text is read when the library first indexes it (a policy cites it): `avtal eval` reads two of them.
  const texts: SourceText[] = index.sources.map((e) => {
    let text: string | undefined;
    return { ...e, get text() { return (text ??= readFileSync(join(dir, e.file ?? `${e.id}.txt`), 'utf8').replace(/\r\n/g, '\n')); } };
  });
  return new SourceLibrary(texts);
}

/**
 * The sources folder that goes with a policies file or folder: `sources/` in the folder itself or the
 * nearest folder above it that has one, up to the project (the folder with package.json); else the one
 * shipped beside the CLI.
 */
export function findSourcesDir(policiesPath: string): string | undefined {
  let dir = resolve(policiesPath);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, 'sources', 'index.json'))) return join(dir, 'sources');
    if (existsSync(join(dir, 'package.json'))) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The project's own sources folder. */
export function bundledSourcesDir(): string {
  return fileURLToPath(new URL('../../sources', import.meta.url));
}

/** The library for a policies path (see findSourcesDir), loaded once per folder. */
const cache = new Map<string, SourceLibrary | undefined>();
export function sourceLibraryFor(policiesPath: string): SourceLibrary | undefined {
  const dir = findSourcesDir(policiesPath);
  if (!dir) return undefined;
  if (!cache.has(dir)) cache.set(dir, loadSourceLibrary(dir));
  return cache.get(dir);
}
