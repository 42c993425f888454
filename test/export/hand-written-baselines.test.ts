// The hand-written baselines of the engine benchmark (bench/baselines: the same rules coded by hand, to show
// Avtal is within 2× of hand-written code) agree with Avtal on generated episodes. The benchmark checks a
// sample too, but it is not run by `npm test`; this keeps a policy change from leaving a baseline behind
// silently (a deadline added to Kronoberg, say, must be added to its baseline by hand).
import { describe, expect, it } from 'vitest';
import { evaluateOutcomes } from '../../engine/evaluator/evaluate';
import { summariseAvtal } from '../../engine/export/jre-compare';
import { exportToJre, linkedLaw } from '../../engine/export/jre-export';
import { loadPolicySet } from '../../engine/registry/load';
import { BASELINES } from '../../bench/baselines';
import { sampleEpisodes } from '../support/episode-arbitrary';

describe('the hand-written baselines of the benchmark', () => {
  const set = loadPolicySet('policies');
  const episodes = sampleEpisodes(3_000, 20261205);
  for (const b of BASELINES) {
    it(`${b.agreement} ${b.version}: the same outcome as Avtal on every rule, for 3,000 generated episodes`, () => {
      const v = set.versions.find((x) => x.info.agreement === b.agreement && x.info.version === b.version);
      expect(v?.compiled, `${b.agreement} ${b.version} is bundled`).toBeDefined();
      // the rules the benchmark compares: those json-rules-engine can run too (a time window and a recurring
      // requirement are left out of all three, as the benchmark says)
      const only = new Set(exportToJre(v!.analysis.program!, v!.source.file, linkedLaw(set, v!.compiled!)).doc.exported);
      const differ: number[] = [];
      episodes.forEach((e, i) => {
        if (JSON.stringify(summariseAvtal(v!.compiled!, evaluateOutcomes(v!.compiled!, e), only)) !== JSON.stringify(b.summarise(b.evaluate(e)))) differ.push(i);
      });
      expect(differ.slice(0, 5)).toEqual([]);
    });
  }
});
