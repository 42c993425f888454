// Bad policy text never crashes the language: the lexer, parser, checker and formatter never throw,
// terminate, and every range they return lies inside the text with lines and columns that agree
// with the offsets. A text without syntax errors formats to a text that re-parses and is stable.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../dsl/ast/parse';
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
  const analysis = analyze(text); // lexer + parser + checker
  expectRangesInside(text, analysis.diagnostics);
  expectRangesInside(text, analysis.ast);
  for (const d of analysis.diagnostics) expect(d.code).toMatch(/^AVT-[A-Z]\d{3}$/);
  // the formatter prints whatever tree recovery left, without throwing, in both languages
  const other = formatPolicy(analysis.ast, { lang: analysis.ast.lang === 'en' ? 'sv' : 'en' });
  expect(typeof other).toBe('string');
  const syntaxErrors = analysis.diagnostics.some((d) => d.severity === 'error' && /^AVT-[LP]/.test(d.code));
  if (syntaxErrors) {
    expect(formatText(text).text).toBe(text); // a broken text is never rewritten
    return;
  }
  // a text without syntax errors formats to a text that re-parses cleanly, keeps its comments, and is stable
  const formatted = formatPolicy(analysis.ast);
  const again = parse(formatted);
  expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(again.ast.comments.map((c) => c.text)).toEqual(analysis.ast.comments.map((c) => c.text));
  expect(formatPolicy(again.ast)).toBe(formatted);
}

/** Seconds of CPU this process spent in `f` (not wall time: a loaded machine does not make it fail). */
function cpuSeconds(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

const show = (text: string) => JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text);

describe('bad policy text never crashes and ranges stay inside the text', () => {
  const cases: [string, fc.Arbitrary<string>, number][] = [
    ['any text', anyPolicyText, 40],
    ['valid text', validText, 20],
    ['tokens deleted, duplicated, swapped, inserted', mutatedText, 40],
    ['random bytes', randomBytesText, 80],
    ['random unicode', randomUnicodeText, 80],
    ['unterminated strings', unterminatedStringText, 30],
    ['huge numbers', hugeNumberText, 60],
    ['deep nesting', deepNestingText, 12],
  ];
  for (const [name, arb, quick] of cases) {
    it(name, () => {
      runProperty(`text: ${name}`, fc.property(arb, (text) => checkText(text)), { quick, show });
    }, testTimeout());
  }

  it('a 1 MB file is lexed, parsed, checked and formatted without hanging', () => {
    const text = largeText(1_000_000);
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    let analysis = analyze('');
    let formatted = formatText('');
    const seconds = cpuSeconds(() => {
      analysis = analyze(text);
      formatted = formatText(text);
    });
    console.log(`[property] 1 MB file: ${text.length} characters, ${analysis.ast.declarations.length} declarations, ${analysis.diagnostics.length} diagnostics, ${seconds.toFixed(1)} s of CPU`);
    expectRangesInside(text, analysis.diagnostics);
    expect(formatted.text.length).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(10); // terminates: a generous bound, not a benchmark
  }, 60_000);

  it('degenerate large inputs terminate: one 1 MB token, 100 000 parentheses, 100 000 NULs', () => {
    const texts = [
      'agreement a\n' + 'x'.repeat(1_000_000), 'agreement a "' + 'x'.repeat(1_000_000), '#'.repeat(1_000_000), 'agreement a\n' + '9'.repeat(1_000_000),
      'agreement a\ndeadline d\n  when ' + '('.repeat(100_000), 'agreement a\ndeadline d\n  when ' + 'not '.repeat(50_000) + 'x', '\u0000'.repeat(100_000),
    ];
    for (const text of texts) {
      const seconds = cpuSeconds(() => {
        const analysis = analyze(text);
        expectRangesInside(text, analysis.diagnostics);
        formatText(text);
      });
      expect(seconds, JSON.stringify(text.slice(0, 40))).toBeLessThan(10); // terminates: a generous bound, not a benchmark
    }
  }, 120_000);
});
