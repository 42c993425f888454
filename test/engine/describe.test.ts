// `evaluate(…, { explain: false })` gives the decisions without text, and `describe` renders exactly the texts a
// full evaluation gives (issue 19): for every bundled policy version's worked examples and for generated episodes,
// in both languages, through the engine and through the public `evaluate` (fallbacks, histories and errors included).
import { describe as group, expect, it } from 'vitest';
import fc from 'fast-check';
import Ajv from 'ajv';
import { evaluateCase, evaluateCaseFast, describe } from '../../engine/api';
import { formatInstantLocal } from '../../engine/calendar';
import type { CaseData } from '../../engine/case/case-data';
import { evaluate } from '../../engine/evaluator/evaluate';
import { evaluateFast } from '../../engine/evaluator/fast';
import { FastEvaluationResultSchema, type EvaluationResult, type FastEvaluationResult } from '../../engine/evaluator/result';
import { evaluate as publicEvaluate, describe as publicDescribe } from '../../engine/public/core';
import { loadPolicySet } from '../../engine/registry/load';
import { episodeEnding, sampleEpisodes } from '../support/episode-arbitrary';
import { caseObject } from '../fuzz/cases';
import { episode as varmlandCase } from '../../bench/load-cases';

const set = loadPolicySet('policies');
const versions = set.versions.filter((v) => v.compiled);
const LANGS = ['sv', 'en'] as const;
const checkFast = new Ajv({ strict: false }).compile(FastEvaluationResultSchema);

/** What describe must give: the full result without its explanation. */
const withoutExplanation = (r: EvaluationResult) => ({ ...r, explanation: [], citations: {} });

/** The fast result is the full one's decisions: every field they share is equal, and the times are the same instants. */
function expectSameDecisions(fast: FastEvaluationResult, full: EvaluationResult): void {
  expect(fast.deadlines.map((d) => d.id)).toEqual(full.deadlines.map((d) => d.id));
  fast.deadlines.forEach((d, i) => {
    const f = full.deadlines[i];
    expect(d.status).toBe(f.status);
    expect(d.dueAt === null ? null : new Date(d.dueAt).toISOString()).toBe(f.dueInstant);
    expect(d.actualAt === null ? null : formatInstantLocal(d.actualAt)).toBe(f.actual);
  });
  fast.payments.forEach((p, i) => {
    const { reason, periods, ...rest } = full.payments[i];
    const { periods: fastPeriods, ...fastRest } = p;
    expect(fastRest).toEqual(rest);
    expect(fastPeriods.map(({ fromAt, ...x }) => ({ ...x, from: fromAt === null ? '' : formatInstantLocal(fromAt) }))).toEqual(periods.map(({ reason: _, ...x }) => x));
  });
  expect(fast.computed).toEqual(full.computed.map(({ reason, ...x }) => x));
  expect(fast.warnings).toEqual(full.warnings);
}

/** No text in the fast result: no reason, no time written out, nothing but its schema's fields. */
function expectNoText(fast: FastEvaluationResult): void {
  const json = JSON.stringify(fast);
  expect(json).not.toMatch(/"(reason|due|dueInstant|actual|explanation|citations)":/);
  expect(checkFast(JSON.parse(json)), JSON.stringify(checkFast.errors)).toBe(true);
}

group('describe(evaluate(…, { explain: false })): the texts of a full evaluation', () => {
  const generated = [...sampleEpisodes(200, 20261205), ...fc.sample(episodeEnding, { numRuns: 200, seed: 20261205 })];

  it('for every bundled policy version: its worked examples and 400 generated episodes, in Swedish and English', { timeout: 60_000 }, () => {
    let compared = 0;
    let withText = 0;
    for (const v of versions) {
      const cases: CaseData[] = [...v.compiled!.examples.map((e) => e.data), ...generated];
      for (const lang of LANGS) {
        for (const c of cases) {
          const full = evaluate(v.compiled!, c, v.info, { lang });
          const fast = evaluateFast(v.compiled!, c, v.info, { lang });
          expectNoText(fast);
          expectSameDecisions(fast, full);
          expect(describe(fast, { lang })).toEqual(withoutExplanation(full));
          // and the old explain:false result, field for field in the same order (the HTTP and CLI answers)
          expect(JSON.stringify(describe(fast, { lang }))).toBe(JSON.stringify(evaluate(v.compiled!, c, v.info, { lang, explain: false })));
          compared++;
          withText += full.deadlines.length + full.payments.length;
        }
      }
      expect(v.compiled!.examples.length + v.compiled!.deadlines.length + v.compiled!.payments.length).toBeGreaterThan(0);
    }
    expect(compared).toBeGreaterThan(7 * 2 * 400);
    expect(withText).toBeGreaterThan(compared);
  });

  it('renders in the language describe is asked for, whatever the language of the evaluation', () => {
    const v = set.select('varmland', '2019-06-01');
    if (!v.ok) throw new Error('no Värmland version');
    const c = generated[0];
    const fast = evaluateFast(v.version.compiled!, c, v.version.info, { lang: 'sv' });
    expect(describe(fast, { lang: 'en' })).toEqual(withoutExplanation(evaluate(v.version.compiled!, c, v.version.info, { lang: 'en' })));
    expect(describe(fast)).toEqual(withoutExplanation(evaluate(v.version.compiled!, c, v.version.info)));
  });
});

group('the public evaluate with explain: false', () => {
  const history = {
    id: 'history', county: 'varmland',
    events: { admitted: '2019-01-02T10:00', ready_notice_sent: ['2019-01-07T11:00', '2019-01-21T13:00'], ready_withdrawn: '2019-01-14T09:00', discharged: '2019-02-01T10:00' },
    facts: {},
  };
  const halland = { id: 'halland', county: 'halland', events: { admitted: '2019-01-02T10:00', ready_notice_sent: '2019-01-07T11:00', discharged: '2019-01-20T10:00' }, facts: {} };
  // Kronoberg's agreement is in force from 2024-11-04: before it, the law it names as its fallback
  const beforeKronoberg = { id: 'law', county: 'kronoberg', events: { admitted: '2019-01-02T10:00', ready_notice_sent: '2019-01-07T11:00', discharged: '2019-01-20T10:00' }, facts: {} };

  function expectDescribed(raw: unknown): void {
    for (const lang of LANGS) {
      const fast = publicEvaluate(set, raw, { explain: false, lang });
      const full = evaluateCase(set, raw, { lang });
      const old = evaluateCase(set, raw, { explain: false, lang });
      if (!fast.ok) {
        expect(fast).toEqual(old);
        continue;
      }
      if (!full.ok) throw new Error('the full evaluation failed where the fast one did not');
      expectNoText(fast.result);
      expect(publicDescribe(fast.result, { lang })).toEqual(withoutExplanation(full.result));
      expect(JSON.stringify(publicDescribe(fast.result, { lang }))).toBe(JSON.stringify(old.ok && old.result));
    }
  }

  it('an agreement that borrows the law\'s payment (Halland), the law in force before an agreement, a history with a withdrawal', () => {
    const answers = [halland, beforeKronoberg, history].map((raw) => evaluateCaseFast(set, raw));
    expect(answers.map((a) => a.ok && a.result.fallback?.from)).toEqual(['halland', 'kronoberg', undefined]);
    expect(answers[2].ok && answers[2].result.payments[0].periods.length).toBe(2);
    for (const raw of [halland, beforeKronoberg, history]) expectDescribed(raw);
  });

  it('1,000 Värmland load cases and 300 random case objects (errors included) give the same texts and errors', { timeout: 60_000 }, () => {
    for (let i = 0; i < 1000; i++) expectDescribed(varmlandCase(i));
    for (const raw of fc.sample(caseObject, { numRuns: 300, seed: 20261205 })) expectDescribed(raw);
  });

  it('describe returns a full result as it is, and refuses a fast result read back from JSON', () => {
    const full = evaluateCase(set, halland);
    if (!full.ok) throw new Error('Halland failed');
    expect(describe(full.result)).toBe(full.result);
    const fast = evaluateCaseFast(set, halland);
    if (!fast.ok) throw new Error('Halland failed');
    expect(() => describe(JSON.parse(JSON.stringify(fast.result)))).toThrow(/evaluate the case again/);
  });
});
