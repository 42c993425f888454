// evaluateOutcomesInto (one reused buffer) gives exactly the outcomes of evaluateOutcomes, on every
// bundled policy and the export's construct fixture, over sequences of random episodes; what the
// allocating API returned is never touched by later calls of either; and every rule writes every field
// of the record it fills (a record poisoned beforehand comes back the same), so a reused record never
// carries a value over from the previous case.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, hasErrors } from '../../dsl';
import { compile, type CompiledPolicy } from '../../engine/compiler/compile';
import type { DeadlineOutcome } from '../../engine/compiler/deadline';
import { paymentRecord, type PaymentOutcome } from '../../engine/compiler/payment';
import type { CaseData } from '../../engine/case/case-data';
import { evaluateOutcomes, evaluateOutcomesInto, outcomeBuffer, type Outcomes } from '../../engine/evaluator/evaluate';
import { findPolicyFiles } from '../../engine/registry/load';
import { episode } from '../support/episode-arbitrary';

const files = [...findPolicyFiles('policies'), 'test/export/fixtures/constructs.avtal'];

/** Every field of every record, as text (NaN included), so that later overwrites would show. */
const snapshot = (o: Outcomes): string => JSON.stringify([o.deadlines, o.payments], (_, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v));

/** Records whose every field holds a value no rule writes. */
const P = -0.5;
const poisonedDeadline = (): DeadlineOutcome => ({ code: -1 as DeadlineOutcome['code'], anchor: P, due: P, actual: P });
const poisonedPayment = (): PaymentOutcome => {
  // Every field of a fresh record, in its order, holding a value no rule writes.
  const r = paymentRecord() as unknown as Record<string, unknown>;
  for (const k of Object.keys(r)) r[k] = k === 'code' ? -1 : k === 'ongoing' ? null : k === 'more' ? [] : P;
  return r as unknown as PaymentOutcome;
};

/** Each rule's runInto on a poisoned record of its own. */
const intoPoisoned = (p: CompiledPolicy, c: CaseData): Outcomes => ({
  deadlines: p.deadlines.map((r) => r.runInto(c, poisonedDeadline())),
  payments: p.payments.map((r) => r.runInto(c, poisonedPayment())),
});

function load(file: string): CompiledPolicy | undefined {
  const a = analyze(readFileSync(file, 'utf8'));
  return hasErrors(a.diagnostics) ? undefined : compile(a.program!);
}

describe('evaluateOutcomesInto', () => {
  for (const file of files) {
    const p = load(file);
    it.skipIf(!p)(`${file}: the same outcomes as evaluateOutcomes, through one buffer`, () => {
      const compiled = p!;
      const buffer = outcomeBuffer(compiled);
      fc.assert(
        fc.property(fc.array(episode, { minLength: 1, maxLength: 6 }), (cases) => {
          const kept = cases.map((c) => evaluateOutcomes(compiled, c));
          const before = kept.map(snapshot);
          cases.forEach((c, i) => {
            expect(snapshot(intoPoisoned(compiled, c))).toBe(before[i]);
            const o = evaluateOutcomesInto(compiled, c, buffer);
            expect(o.deadlines).toHaveLength(compiled.deadlines.length);
            expect(o.payments).toHaveLength(compiled.payments.length);
            expect(snapshot(o)).toBe(before[i]);
          });
          // The allocating results are the caller's: neither API's later calls change them.
          expect(kept.map(snapshot)).toEqual(before);
        }),
        { numRuns: 150, seed: 20261123 },
      );
    });
  }

  it('overwrites the records of the previous call with the same buffer', () => {
    const p = load('policies/varmland/2019-01-01.avtal')!;
    const buffer = outcomeBuffer(p);
    const sample = fc.sample(episode, { numRuns: 50, seed: 7 });
    const a = sample[0];
    const b = sample.find((c) => snapshot(evaluateOutcomes(p, c)) !== snapshot(evaluateOutcomes(p, a)))!;
    const first = evaluateOutcomesInto(p, a, buffer);
    expect(snapshot(first)).toBe(snapshot(evaluateOutcomes(p, a)));
    const second = evaluateOutcomesInto(p, b, buffer);
    expect(second).toBe(first); // the same buffer, refilled
    expect(snapshot(second)).toBe(snapshot(evaluateOutcomes(p, b)));
  });

  it('refuses a buffer made for another compiled policy', () => {
    const p = load('policies/varmland/2019-01-01.avtal')!;
    const q = load('policies/blekinge/2018-02-01.avtal')!;
    const [c] = fc.sample(episode, { numRuns: 1, seed: 3 });
    expect(() => evaluateOutcomesInto(p, c, outcomeBuffer(q))).toThrow(/another compiled policy/);
  });
});
