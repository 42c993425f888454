// The engine never crashes on a policy that checks: the repository's policies with their numbers,
// units and choices varied (grace days, hours, dates, `same day`/`next day`, `inclusive`/`exclusive`,
// working days for days…) are compiled, their worked examples run, and random episodes evaluated.
// Examples may fail — the rules changed — but nothing throws and every answer is well-formed.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../dsl';
import { hasErrors } from '../../dsl/diagnostics';
import { PolicySet } from '../../engine/registry/policy-set';
import { contentHash } from '../../engine/registry/load';
import { runExamples } from '../../engine/examples/run-examples';
import { evaluateCase } from '../../engine/api';
import { REAL_POLICIES, pieces } from '../fuzz/broken-text';
import { caseObject } from '../fuzz/cases';
import { runProperty, testTimeout } from '../fuzz/profile';

/** Words that can replace each other without changing a clause's type. */
const SWAPS: readonly (readonly string[])[] = [
  ['dagar', 'kalenderdagar', 'vardagar', 'arbetsdagar'],
  ['days', 'calendar days', 'weekdays', 'working days'],
  ['samma dag', 'nästa dag'], ['same day', 'next day'],
  ['inklusive', 'exklusive'], ['inclusive', 'exclusive'],
  ['ja', 'nej'], ['yes', 'no'],
  ['minuter', 'timmar'], ['minutes', 'hours'],
];
const swapOf = new Map(SWAPS.flatMap((group) => group.map((w) => [w, group] as const)));
const SWAP_PATTERN = new RegExp(`\\b(?:${SWAPS.flat().sort((a, b) => b.length - a.length).join('|')})\\b`, 'gu');

/** The policies that check without errors: the starting points. */
const CLEAN = REAL_POLICIES.filter((t) => !hasErrors(analyze(t).diagnostics));

type Change = { at: number; digits: number; word: number };

/** A clean policy with some digit runs and some swappable words changed (strings and comments untouched). */
const variant: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...(CLEAN.length > 0 ? CLEAN : ['agreement a\n'])), fc.array(fc.record({ at: fc.nat(), digits: fc.nat(), word: fc.nat() }), { minLength: 1, maxLength: 6 }))
  .map(([text, changes]) => {
    const ps = pieces(text);
    const editable = ps.map((p, i) => (/^\d+$/.test(p) ? i : -1)).filter((i) => i >= 0);
    for (const c of changes as Change[]) {
      if (editable.length === 0) break;
      const i = editable[c.at % editable.length];
      const n = ps[i].length;
      // same number of digits, so dates stay dates and times stay times; small values are likelier
      const value = c.digits % 3 === 0 ? c.digits % 10 : c.digits % 10 ** n;
      ps[i] = String(value).padStart(n, '0').slice(-n);
    }
    let out = ps.join('');
    let k = 0;
    out = out.replace(SWAP_PATTERN, (w) => {
      const group = swapOf.get(w)!;
      const c = (changes as Change[])[k++ % changes.length];
      return (c.word + k) % 3 === 0 ? group[(c.word + k) % group.length] : w;
    });
    return out;
  });

describe('varied policies that check compile, run their examples and evaluate episodes without throwing', () => {
  it('policy variants', () => {
    let compiled = 0;
    runProperty('policies: variants compile and evaluate', fc.property(variant, fc.array(caseObject, { maxLength: 4 }), (text, cases) => {
      const set = new PolicySet([{ file: 'variant.avtal', text, hash: contentHash(text) }]);
      const v = set.versions[0];
      if (!v.compiled) return; // the change made it invalid: the checker said so, nothing more to test
      compiled++;
      for (const r of runExamples(v.compiled, v.info)) expect(typeof r.pass).toBe('boolean');
      const county = v.info.county;
      for (const c of cases) {
        const answer = evaluateCase(set, county ? { ...c, county } : c, { version: v.info.version });
        if (answer.ok) JSON.parse(JSON.stringify(answer.result));
        else expect(answer.error.errors.length).toBeGreaterThan(0);
      }
    }), { quick: 25, weight: 2, show: (text: string) => text });
    console.log(`[property] policies: variants that compiled: ${compiled}`);
    expect(compiled).toBeGreaterThan(0);
  }, testTimeout(2));
});
