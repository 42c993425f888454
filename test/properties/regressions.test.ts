// Counterexamples the property tests found, shrunk, kept as ordinary tests.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { parse } from '../../dsl/ast/parse';
import { analyze } from '../../dsl';
import { formatText } from '../../dsl/format';
import { plainNumber, keepsExactly } from '../../dsl/tokens/numbers';
import { buildApp } from '../../server/app';

const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

describe('regressions found by the property tests', () => {
  it('a `when` condition ending in a number does not swallow the next clause\'s `day 1:`', () => {
    // shrunk: "payment aa / day 1: same day when 0.1 / day 1: same day" — `0.1 day` was read as a duration
    const text = 'agreement aa\n\npayment aa\n  day 1: same day when age > 3\n  day 1: next day\n';
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    const p = ast.declarations[0];
    expect(p.kind === 'Payment' && p.dayOne.map((d) => [d.value, d.when?.kind])).toEqual([['same-day', 'Compare'], ['next-day', undefined]]);
    expect(formatText(text).text).toBe(text);
    // the same for `month:` in a measure
    const measure = 'agreement aa\n\nmeasure m\n  day 1: same day when age > 3\n  month: split\n';
    expect(codes(measure)).toEqual([]);
    expect(formatText(measure).text).toBe(measure);
    // a number followed by a unit is still a duration
    expect(codes('agreement a\ndeadline d\n  when 3 days > 2 days\n')).toEqual([]);
  });

  it('numbers whose JavaScript spelling has an exponent are formatted with digits', () => {
    // shrunk: "value 8000000000000000000000 SEK for 2019" was formatted as "8e+21 SEK", a syntax error
    const text = 'agreement a\n\nparameter p\n  value 8000000000000000000000 SEK for 2019\n  value 0.0000001 SEK for 2020\n';
    const formatted = formatText(text);
    expect(formatted.diagnostics).toEqual([]);
    expect(formatted.text).toBe(text);
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(12.5)).toBe('12.5');
  });

  it('a number that cannot be kept exactly is a lexer error, and the formatter leaves the text alone', () => {
    const huge = '1' + '0'.repeat(400);
    for (const n of [huge, '12345678901234567890', '0.' + '0'.repeat(400) + '1']) {
      expect(keepsExactly(n)).toBe(false);
      const text = `agreement a\nparameter p\n  value ${n} SEK for 2019\n`;
      const d = parse(text).diagnostics;
      expect(d.map((x) => x.code)).toEqual(['AVT-L003']);
      expect(d[0].range.start.offset).toBe(text.indexOf(n));
      expect(d[0].range.end.offset).toBe(text.indexOf(n) + n.length);
      expect(formatText(text).text).toBe(text);
    }
    for (const n of ['0', '007', '1.50', '7800', '999999999999999', '0.25']) expect(keepsExactly(n)).toBe(true);
  });

  it('deep nesting is reported, not a stack overflow', () => {
    // shrunk: "when (not (not (not … x" and "when f(f(f(…" threw RangeError: Maximum call stack size exceeded
    for (const body of ['('.repeat(500) + 'x', '(not '.repeat(500) + 'x', 'f('.repeat(64), 'not f('.repeat(48), Array.from({ length: 500 }, () => 'x').join(' + ')]) {
      const text = `agreement a\ndeadline d\n  when ${body}\n  admitted within 1 hours after ${body}\n`;
      const a = analyze(text);
      expect(a.diagnostics.map((d) => d.code)).toContain('AVT-P003');
      expect(formatText(text).text).toBe(text);
    }
    // 30 levels are fine
    expect(codes(`agreement a\ndeadline d\n  when ${'('.repeat(30)}x${')'.repeat(30)}\n`)).toEqual([]);
  }, 30_000);

  it('an empty POST without a content type is a 4xx on every endpoint', async () => {
    // shrunk: POST /api/evaluate/batch with body "" and no content type answered 500 (req.body was undefined)
    const app = await buildApp({ policiesDir: join(import.meta.dirname, '..', '..', 'policies'), logger: false, batchWorkers: 0 });
    try {
      for (const url of ['/api/evaluate/batch', '/api/evaluate', '/api/months', '/api/agreements/varmland/drafts']) {
        const r = await app.inject({ method: 'POST', url, payload: '' });
        expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(r.statusCode, url).toBeLessThan(500);
        expect(r.json().error.code, url).toMatch(/^AVT-/);
      }
    } finally {
      await app.close();
    }
  }, 30_000);

  it('an error at the end of a file with carriage-return line ends points at the last line', () => {
    const text = 'agreement\r';
    const d = parse(text).diagnostics.find((x) => x.code === 'AVT-P001')!;
    expect(d.range.start).toEqual({ offset: 10, line: 2, column: 1 });
  });
});

it('a lone carriage return ends a line for AST ranges as it does for the lexer', () => {
  const r = parse('\rA');
  expect(r.ast.header?.range.start).toEqual({ offset: 1, line: 2, column: 1 });
});
