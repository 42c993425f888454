// Bad policy text never crashes the language: the lexer, parser, checker and formatter never throw,
// terminate, and every range they return lies inside the text with lines and columns that agree
// with the offsets. A text without syntax errors formats to a text that re-parses and is stable.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lex } from '../../dsl/tokens/lexer';
import { parse } from '../../dsl/parser/parse';
import { analyze } from '../../dsl';
import { formatPolicy, formatText } from '../../dsl/format';
import type { Range } from '../../dsl/diagnostics';
import {
  anyPolicyText, mutatedText, randomBytesText, randomUnicodeText, unterminatedStringText, hugeNumberText, deepNestingText, largeText, validText,
} from '../fuzz/broken-text';
import { runProperty, testTimeout } from '../fuzz/profile';

/** Line starts as Chevrotain counts them: \n, \r\n and a lone \r end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/** Every range in a value (diagnostics, AST nodes), with where it was found. */
function* rangesIn(value: unknown, path = ''): Generator<[string, Range]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* rangesIn(value[i], `${path}/${i}`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'range' || k.endsWith('Range')) yield [`${path}/${k}`, v as Range];
      else yield* rangesIn(v, `${path}/${k}`);
    }
  }
}

/** Ranges lie inside the text, start before end, and their lines and columns agree with their offsets. */
function expectRangesInside(text: string, value: unknown): void {
  const starts = lineStarts(text);
  for (const [where, r] of rangesIn(value)) {
    if (!r) continue;
    const ok = Number.isInteger(r.start.offset) && Number.isInteger(r.end.offset) && r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= text.length;
    if (!ok) throw new Error(`range ${where} = ${JSON.stringify(r)} is not inside a text of length ${text.length}`);
    for (const p of [r.start, r.end]) {
      const want = positionAt(starts, p.offset);
      if (p.line !== want.line || p.column !== want.column) {
        throw new Error(`range ${where}: offset ${p.offset} is at ${want.line}:${want.column}, but the range says ${p.line}:${p.column}`);
      }
    }
  }
}

/** The full pipeline on one text: lexer, parser, checker, formatter. Throws on any broken invariant. */
function checkText(text: string): void {
  const lexed = lex(text);
  expectRangesInside(text, lexed.diagnostics);
  const parsed = parse(text);
  expectRangesInside(text, parsed.diagnostics);
  expectRangesInside(text, parsed.ast);
  const analysis = analyze(text);
  expectRangesInside(text, analysis.diagnostics);
  for (const d of analysis.diagnostics) expect(typeof d.code).toBe('string');
  // the formatter prints whatever tree recovery left, without throwing, in both languages
  formatPolicy(parsed.ast);
  formatPolicy(parsed.ast, { lang: parsed.ast.lang === 'en' ? 'sv' : 'en' });
  const formatted = formatText(text);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    expect(formatted.text).toBe(text); // a broken text is never rewritten
    return;
  }
  // a text without syntax errors formats to a text that re-parses cleanly, keeps its comments, and is stable
  const again = parse(formatted.text);
  expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(again.ast.comments.map((c) => c.text)).toEqual(parsed.ast.comments.map((c) => c.text));
  expect(formatText(formatted.text).text).toBe(formatted.text);
}

const show = (text: string) => JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text);

describe('bad policy text never crashes and ranges stay inside the text', () => {
  const cases: [string, fc.Arbitrary<string>, number][] = [
    ['any text', anyPolicyText, 200],
    ['valid text', validText, 60],
    ['tokens deleted, duplicated, swapped, inserted', mutatedText, 200],
    ['random bytes', randomBytesText, 80],
    ['random unicode', randomUnicodeText, 80],
    ['unterminated strings', unterminatedStringText, 60],
    ['huge numbers', hugeNumberText, 60],
    ['deep nesting', deepNestingText, 30],
  ];
  for (const [name, arb, quick] of cases) {
    it(name, () => {
      runProperty(`text: ${name}`, fc.property(arb, (text) => checkText(text)), { quick, show });
    }, testTimeout());
  }

  it('a 1 MB file is lexed, parsed, checked and formatted without hanging', () => {
    const text = largeText(1_000_000);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const started = Date.now();
    const analysis = analyze(text);
    const formatted = formatText(text);
    const seconds = (Date.now() - started) / 1000;
    console.log(`[property] 1 MB file: ${text.length} characters, ${analysis.ast.declarations.length} declarations, ${analysis.diagnostics.length} diagnostics, ${seconds.toFixed(1)} s`);
    expectRangesInside(text, analysis.diagnostics);
    expect(formatted.text.length).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(10); // terminates: a generous bound, not a benchmark
  }, 60_000);

  it('a 1 MB line of one character and a 1 MB unterminated string terminate', () => {
    for (const text of ['agreement a\n' + 'x'.repeat(1_000_000), 'agreement a "' + 'x'.repeat(1_000_000), '('.repeat(200_000), '#'.repeat(1_000_000), '\u0000'.repeat(100_000)]) {
      const started = Date.now();
      checkText(text);
      expect((Date.now() - started) / 1000).toBeLessThan(10);
    }
  }, 60_000);
});
