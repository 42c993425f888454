// Writes dist/policy-cache/: the policies shipped in policies/, parsed (engine/registry/parse-cache.ts). Run by
// scripts/build.mjs after the bundles, so the cache is always written by the same build as the code reading it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSources } from '../engine/registry/load';
import { parseCacheFiles } from '../engine/registry/parse-cache';

const [policies, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = parseCacheFiles(readSources(policies));
for (const [name, text] of files) writeFileSync(join(out, name), text);
console.log(`wrote ${out}: ${files.size - 1} parsed policies`);
