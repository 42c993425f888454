// Golden semantic diffs: test/cases/diff/<name>/{old.avtal,new.avtal,expected.txt}, one case per kind
// of change, in English (expected.txt) and Swedish (expected.sv.txt). AVTAL_UPDATE_GOLDEN=1 rewrites them (review the change before committing it).
// of change; a case with a behaviour.txt also has its behavioural diff (the first three counterexamples)
// compared. AVTAL_UPDATE_GOLDEN=1 rewrites both files (review the change before committing it); it never
// creates a behaviour.txt a case does not have.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../dsl';
import { semanticDiff } from '../../engine/versions/semantic-diff';
import { renderBehaviouralDiff, renderSemanticDiff } from '../../engine/versions/render';
import { behaviouralDiff } from '../../engine/versions/behavioural-diff';
import { compile } from '../../engine/compiler/compile';

const ROOT = join(import.meta.dirname, '..', 'cases', 'diff');
const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe('golden semantic diffs', { timeout: 60_000 }, () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));

  // expected.txt in English, expected.sv.txt in Swedish (the default)
  for (const name of cases) for (const lang of ['en', 'sv'] as const) {
    it(`${name} (${lang})`, () => {
      const dir = join(ROOT, name);
      const [oldA, newA] = ['old.avtal', 'new.avtal'].map((f) => analyze(readFileSync(join(dir, f), 'utf8')));
      // the inputs are valid policies: a diff case tests the diff, not the checker
      expect(oldA.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(newA.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const actual = renderSemanticDiff(semanticDiff(oldA.ast, newA.ast, lang), 'text', lang);
      const file = join(dir, lang === 'en' ? 'expected.txt' : 'expected.sv.txt');
      if (process.env.AVTAL_UPDATE_GOLDEN) writeFileSync(file, actual);
      expect(existsSync(file), `${name}/expected.txt is missing: run with AVTAL_UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
      const behaviourFile = join(dir, 'behaviour.txt');
      if (existsSync(behaviourFile)) {
        const behaviour = renderBehaviouralDiff(behaviouralDiff(compile(oldA.program!), compile(newA.program!)), 'text', 3);
        if (process.env.AVTAL_UPDATE_GOLDEN) writeFileSync(behaviourFile, behaviour);
        expect(behaviour).toBe(readFileSync(behaviourFile, 'utf8'));
      }
    });
  }
});
