// Folders are stages, and data flows one way: no folder imports, directly or through others, a folder that
// imports it. The graph is read off the sources' import statements (type-only imports included: a type is a
// dependency on the stage that defines it).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TOP = ['dsl', 'engine', 'cli', 'server', 'editor/src'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The stage of a file: for the language and the engine, its folder (dsl/checker, engine/compiler; a file directly
 * in dsl/ or engine/ is the package's front door); the CLI, the service and the editor are one stage each.
 */
const folderOf = (file: string): string => {
  const parts = relative(ROOT, dirname(file)).split('\\').join('/').split('/');
  if (parts[0] === 'dsl' || parts[0] === 'engine') return parts.slice(0, 2).join('/');
  return parts[0] === 'editor' ? 'editor' : parts[0];
};

/** The folder → folders it imports, for every source file under the stage roots. */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const top of TOP) {
    for (const file of files(join(ROOT, top))) {
      const from = folderOf(file);
      const edges = graph.get(from) ?? new Set<string>();
      graph.set(from, edges);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const base = resolve(dirname(file), m[1]);
        const isDir = (() => { try { return statSync(base).isDirectory(); } catch { return false; } })();
        const target = folderOf(isDir ? join(base, 'index.ts') : `${base.replace(/\.js$/, '')}.ts`);
        if (target !== from) edges.add(target);
      }
    }
  }
  return graph;
}

/** Every cycle of folders, each once (as the list of folders from its smallest name). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found = new Map<string, string[]>();
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const min = path.reduce((a, b) => (b < a ? b : a));
        const i = path.indexOf(min);
        const c = [...path.slice(i), ...path.slice(0, i)];
        found.set(c.join(' → '), c);
      } else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const n of graph.keys()) walk(n, n, [n]);
  return [...found.values()];
}

describe('the import graph of the stage folders', () => {
  it('has no cycle', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles(graph).map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const g = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});
