// The build's cache of the bundled policies, parsed (engine/registry/parse-cache.ts, dist/policy-cache/), gives
// the policy set exactly what parsing the texts gives: the same diagnostics, versions, worked examples and
// results, for every bundled file. A file the cache does not hold (an edited text) is parsed as always.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../engine/evaluator/evaluate';
import { runExamples } from '../../engine/examples/run-examples';
import { contentHash, loadPolicySet, readSources } from '../../engine/registry/load';
import { parseCacheFiles, readParseCache } from '../../engine/registry/parse-cache';
import { PolicySet } from '../../engine/registry/policy-set';
import { sourceLibraryFor } from '../../engine/sources/load';
import { sampleEpisodes } from '../support/episode-arbitrary';

const POLICIES = join(import.meta.dirname, '..', '..', 'policies');
const dir = mkdtempSync(join(tmpdir(), 'avtal-parse-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sources = readSources(POLICIES);
for (const [name, text] of parseCacheFiles(sources)) writeFileSync(join(dir, name), text);
const cache = readParseCache(dir)!;
const library = sourceLibraryFor(POLICIES);

describe('the parse cache of the bundled policies', () => {
  it('holds every bundled file, header and parse', () => {
    expect(cache).toBeDefined();
    for (const s of sources) {
      expect(cache.header(s), s.file).toBeDefined();
      expect(cache.parsed(s), s.file).toBeDefined();
    }
  });

  it('gives the policy set what parsing gives: diagnostics, versions, examples, results', () => {
    const parsed = new PolicySet(sources, { library });
    const cached = new PolicySet(sources, { library, parsed: cache.parsed });
    expect(JSON.stringify(cached.diagnostics)).toBe(JSON.stringify(parsed.diagnostics));
    expect(cached.versions.map((v) => v.info)).toEqual(parsed.versions.map((v) => v.info));
    const episodes = sampleEpisodes(300, 20261205);
    for (let i = 0; i < parsed.versions.length; i++) {
      const [a, b] = [parsed.versions[i], cached.versions[i]];
      expect(JSON.stringify(b.analysis.diagnostics), a.source.file).toBe(JSON.stringify(a.analysis.diagnostics));
      expect(JSON.stringify(b.analysis.ast), a.source.file).toBe(JSON.stringify(a.analysis.ast));
      expect(!!b.compiled, a.source.file).toBe(!!a.compiled);
      if (!a.compiled || !b.compiled) continue;
      expect(JSON.stringify(runExamples(b.compiled, b.info)), a.source.file).toBe(JSON.stringify(runExamples(a.compiled, a.info)));
      for (const c of episodes) expect(JSON.stringify(evaluate(b.compiled, c, b.info))).toBe(JSON.stringify(evaluate(a.compiled, c, a.info)));
    }
  });

  it('reads the headers from the cache when choosing the files a county needs', () => {
    const wanted = { counties: ['varmland'], noDrafts: true };
    const files = (set: PolicySet) => set.versions.map((v) => v.source.file);
    expect(files(loadPolicySet(POLICIES, wanted, library, cache))).toEqual(files(loadPolicySet(POLICIES, wanted, library, undefined)));
  });

  it('does not hold an edited text, which is parsed as always', () => {
    const s = sources.find((x) => x.file === 'varmland/2019-01-01.avtal')!;
    const text = s.text.replace('frist 3 dagar', 'frist 2 dagar');
    const edited = { ...s, text, hash: contentHash(text) };
    expect(cache.parsed(edited)).toBeUndefined();
    expect(cache.header(edited)).toBeUndefined();
    const set = new PolicySet([edited], { library, parsed: cache.parsed });
    expect(set.versions[0].analysis.ast.header?.id.text).toBe('varmland');
  });

  it('is no cache when its folder has none, or an unreadable index', () => {
    expect(readParseCache(join(dir, 'nowhere'))).toBeUndefined();
    const broken = mkdtempSync(join(tmpdir(), 'avtal-parse-cache-broken-'));
    writeFileSync(join(broken, 'index.json'), '{ not json');
    expect(readParseCache(broken)).toBeUndefined();
    rmSync(broken, { recursive: true, force: true });
  });
});
