// Valid policies survive the formatter: random ASTs in both languages, printed by the formatter,
// parse back to the same tree; formatting is idempotent; translating and translating back changes nothing.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from '../../dsl/ast/parse';
import { analyze, check } from '../../dsl';
import { formatPolicy, formatText } from '../../dsl/format';
import type { Lang } from '../../dsl/builtins/keywords';
import { policyAst, stripRanges } from '../fuzz/policy-ast';
import { runProperty, testTimeout } from '../fuzz/profile';
import type { Policy } from '../../dsl/ast/ast';

const show = (ast: Policy) => formatPolicy(ast);

const other = (l: Lang): Lang => (l === 'en' ? 'sv' : 'en');
const errorsOf = (text: string) => parse(text).diagnostics.filter((d) => d.severity === 'error');

describe('valid policies round-trip through the formatter', () => {
  it('parse(format(ast)) equals ast, with no syntax errors', () => {
    runProperty('parse(format(ast)) = ast', fc.property(policyAst(), (ast) => {
      check(ast); // the checker takes any tree without throwing
      const text = formatPolicy(ast);
      expect(errorsOf(text)).toEqual([]);
      const back = parse(text).ast;
      expect(back.lang).toBe(ast.lang);
      expect(stripRanges(back)).toEqual(stripRanges(ast));
    }), { quick: 100, weight: 3, show });
  }, testTimeout(3));

  it('format is idempotent: format(parse(format(x))) = format(x)', () => {
    runProperty('format idempotent', fc.property(policyAst(), (ast) => {
      const text = formatPolicy(ast);
      expect(formatPolicy(parse(text).ast)).toBe(text);
      expect(formatText(text)).toMatchObject({ text, changed: false });
    }), { quick: 80, weight: 2, show });
  }, testTimeout(2));

  it('formatting in the other language and back gives the same text', () => {
    runProperty('translate and back', fc.property(policyAst(), (ast) => {
      const text = formatPolicy(ast);
      const translated = formatPolicy(ast, { lang: other(ast.lang) });
      const parsed = parse(translated);
      expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(parsed.ast.lang).toBe(other(ast.lang));
      expect(formatPolicy(parsed.ast, { lang: ast.lang })).toBe(text);
      // and the checker does not see a language mix in either text
      expect(analyze(translated).diagnostics.filter((d) => d.code === 'AVT-C022')).toEqual([]);
    }), { quick: 80, weight: 2, show });
  }, testTimeout(2));
});
