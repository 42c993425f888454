// Formatter golden files: test/cases/format/x.avtal beside x.avtal.formatted (and the bundled policies).
// Formatted output re-parses without errors, formatting twice changes nothing, comments survive,
// and translating to the other language and back gives the same text.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../dsl/format';
import { parse } from '../../dsl';
import { findPolicyFiles } from '../../engine/registry/node';

const dir = join(import.meta.dirname, '../cases/format');
const inputs = readdirSync(dir).filter((f) => f.endsWith('.avtal'));

describe('formatter golden files', () => {
  it.each(inputs)('%s', (file) => {
    const input = readFileSync(join(dir, file), 'utf8');
    const goldenPath = join(dir, `${file}.formatted`);
    const out = formatText(input);
    expect(out.diagnostics).toEqual([]);
    // UPDATE_GOLDEN=1 writes the golden files (review them before committing); a missing one fails.
    if (process.env.UPDATE_GOLDEN) writeFileSync(goldenPath, out.text);
    expect(existsSync(goldenPath), `${file}.formatted is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(out.text).toBe(readFileSync(goldenPath, 'utf8'));
    expect(formatText(out.text).text).toBe(out.text);
    const comments = input.match(/#[^\n]*/g) ?? [];
    for (const c of comments) expect(out.text).toContain(c.trimEnd());
  });
});

describe('bundled policies', () => {
  const files = findPolicyFiles(join(import.meta.dirname, '../../policies'));
  it.each(files)('%s is formatted, and survives translation both ways', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(formatText(text).text).toBe(text);
    const lang = parse(text).ast.lang;
    const other = lang === 'sv' ? 'en' : 'sv';
    const translated = formatText(text, { lang: other });
    expect(translated.diagnostics).toEqual([]);
    expect(parse(translated.text).diagnostics).toEqual([]);
    expect(formatText(translated.text, { lang }).text).toBe(text);
  });
});
