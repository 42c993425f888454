// The bundled policies, parsed at build time (Node only). `npm run build` (and so `npm ci`) writes dist/policy-cache/:
// for each policy file shipped in policies/, by its content hash, its header (what neededSources reads) and what
// parse() gives for it (the AST and the lexer's and parser's diagnostics). A command that loads a file whose hash
// is there takes both from the cache instead of lexing and parsing it — and never builds the Chevrotain lexer and
// parser, which is a good part of `avtal eval`'s start. Everything else (the checker, the citations against the
// sources, the compiler) runs as always. A file that is not there (edited, or not shipped) is parsed as always;
// the cache is written by the same build as the code that reads it. Test: test/engine/parse-cache.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse, type ParseResult } from '../../dsl';
import { scanHeader, type PolicyHeader } from './needed';
import type { PolicySource } from './policy-set';

export interface ParseCache {
  header(source: PolicySource): PolicyHeader | undefined;
  parsed(source: PolicySource): ParseResult | undefined;
}

interface CacheIndex {
  /** content hash → the file's header and the name of the file holding its parse result */
  entries: Record<string, { header: PolicyHeader; parsed: string }>;
}

const INDEX = 'index.json';

/**
 * The cache's files (name → JSON text) for these sources. A parse result that JSON does not carry exactly (a
 * number that is not finite) is left out: that file is parsed when loaded. Properties whose value is undefined are
 * absent after the round trip, which the language's code reads the same way (test/engine/parse-cache.test.ts).
 */
export function parseCacheFiles(sources: PolicySource[]): Map<string, string> {
  const files = new Map<string, string>();
  const index: CacheIndex = { entries: {} };
  for (const s of sources) {
    let exact = true;
    const json = JSON.stringify(parse(s.text), (_key, value) => {
      if (typeof value === 'number' && !Number.isFinite(value)) exact = false;
      return value;
    });
    if (!exact) continue;
    const name = `${s.hash.replace(/^sha256:/, '')}.json`;
    files.set(name, json);
    index.entries[s.hash] = { header: scanHeader(s.text), parsed: name };
  }
  files.set(INDEX, JSON.stringify(index));
  return files;
}

/** The cache the build wrote beside this module (dist/policy-cache/), or in `dir`; undefined when there is none. */
export function readParseCache(dir: string = fileURLToPath(new URL('./policy-cache/', import.meta.url))): ParseCache | undefined {
  let index: CacheIndex;
  try {
    if (!existsSync(join(dir, INDEX))) return undefined;
    index = JSON.parse(readFileSync(join(dir, INDEX), 'utf8')) as CacheIndex;
  } catch {
    return undefined; // an unreadable cache is no cache: everything is parsed
  }
  const entries = new Map(Object.entries(index.entries ?? {}));
  return {
    header: (s) => entries.get(s.hash)?.header,
    parsed: (s) => {
      const e = entries.get(s.hash);
      if (!e) return undefined;
      try {
        return JSON.parse(readFileSync(join(dir, e.parsed), 'utf8')) as ParseResult;
      } catch {
        return undefined;
      }
    },
  };
}

let bundled: ParseCache | null | undefined;
/** The build's cache, read once (null: there is none, as when running from the TypeScript sources). */
export function buildParseCache(): ParseCache | undefined {
  if (bundled === undefined) bundled = readParseCache() ?? null;
  return bundled ?? undefined;
}
