// The grammar passes Chevrotain's own checks (ambiguous alternatives, left recursion, missing rules…),
// which the shared parser skips when it is built, to start faster.
import { describe, expect, it } from 'vitest';
import { AvtalParser, sharedParser } from '../../dsl/parser/parser';

describe('the grammar', () => {
  it("passes Chevrotain's grammar validations", () => {
    expect(() => new AvtalParser(true)).not.toThrow();
  });

  it('is the same grammar with and without the validations', () => {
    expect(new AvtalParser(true).getSerializedGastProductions()).toEqual(sharedParser().getSerializedGastProductions());
  });
});
