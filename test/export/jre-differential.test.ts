// The export to json-rules-engine is faithful: random episodes through Avtal's evaluator and through
// json-rules-engine running the exported rules give the same outcome for every exported rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { analyze, hasErrors } from '../../dsl';
import { compile, type CompiledPolicy } from '../../engine/compiler/compile';
import { evaluateOutcomes } from '../../engine/evaluator/evaluate';
import { exportToJre, type JreExport } from '../../engine/export/jre-export';
import { JRE_ENGINE_OPTIONS, episodeFacts, factsFromCaseData, registerAvtalRuntime } from '../../engine/export/jre-runtime';
import { summariseAvtal, summariseJre } from '../../engine/export/jre-compare';
import { findPolicyFiles } from '../../engine/registry/load';
import { episode } from '../support/episode-arbitrary';
import type { CaseData } from '../../engine/case/case-data';

const FIXTURE = 'test/export/fixtures/constructs.avtal';
const files = [...findPolicyFiles('policies'), FIXTURE];

/** Every outcome the export covers: the hot path's, and the computed dates'. */
const outcomes = (p: CompiledPolicy, c: CaseData) => ({ ...evaluateOutcomes(p, c), computed: p.computed.map((r) => r.run(c)) });

function load(file: string): { compiled: CompiledPolicy; doc: JreExport; engine: Engine; codes: string[] } {
  const a = analyze(readFileSync(file, 'utf8'));
  if (hasErrors(a.diagnostics)) throw new Error(`${file} has errors`);
  const { doc, diagnostics } = exportToJre(a.ast);
  const engine = new Engine(doc.rules as never, JRE_ENGINE_OPTIONS);
  registerAvtalRuntime(engine);
  return { compiled: compile(a.ast), doc, engine, codes: diagnostics.map((d) => d.code) };
}

describe('export to json-rules-engine', () => {
  for (const file of files) {
    // A policy with errors is another test's failure (avtal check), not the export's.
    const broken = hasErrors(analyze(readFileSync(file, 'utf8')).diagnostics);
    it.skipIf(broken)(`${file}: same outcomes as Avtal on random episodes`, async () => {
      const { compiled, doc, engine } = load(file);
      expect(doc.exported.length).toBeGreaterThan(0);
      const only = new Set(doc.exported);
      await fc.assert(
        fc.asyncProperty(episode, async (c) => {
          const expected = summariseAvtal(compiled, outcomes(compiled, c), only);
          const { events } = await engine.run(factsFromCaseData(c));
          expect(summariseJre(compiled, events, only)).toEqual(expected);
        }),
        { numRuns: 600, seed: 20261123 },
      );
    }, 60_000);
  }

  it('agrees on the worked examples of the bundled policies', async () => {
    for (const file of findPolicyFiles('policies')) {
      if (hasErrors(analyze(readFileSync(file, 'utf8')).diagnostics)) continue;
      const { compiled, doc, engine } = load(file);
      const only = new Set(doc.exported);
      for (const ex of compiled.examples) {
        const expected = summariseAvtal(compiled, outcomes(compiled, ex.data), only);
        const { events } = await engine.run(factsFromCaseData(ex.data));
        expect(summariseJre(compiled, events, only)).toEqual(expected);
      }
    }
  });

  it('reports a rule it cannot translate and leaves it out whole', () => {
    const { doc, codes } = load(FIXTURE);
    expect(codes).toEqual(['AVT-X002']);
    expect(doc.notExported.map((n) => n.rule)).toEqual(['unexportable']);
    expect(doc.exported).toEqual(['notice_2h', 'contact_weekdays', 'sip_working', 'zero_days', 'pay', 'pay_calendar', 'medicines_until', 'material_until']);
    expect(doc.rules.some((r) => r.name.startsWith('unexportable'))).toBe(false);
  });

  it('exports computed dates: Kronoberg\'s three, each firing one event with its date or not applying', async () => {
    const { compiled, doc, engine } = load('policies/kronoberg/2024-11-04.avtal');
    const ids = compiled.computed.map((r) => r.decl.id.text);
    expect(ids).toEqual(['beräknad_utskrivning_helg', 'läkemedel_till_och_med', 'material_till_och_med']);
    for (const id of ids) expect(doc.exported).toContain(id);
    const facts = episodeFacts({ events: { discharged: '2025-01-13 10:00' } });
    const { events } = await engine.run(facts);
    const computed = events.filter((e) => e.type === 'avtal.computed').map((e) => e.params);
    expect(computed).toContainEqual({ rule: 'material_till_och_med', applies: true, date: '2025-01-27' });
    // the weekend rule's condition does not hold without an admission notice
    expect(computed).toContainEqual({ rule: 'beräknad_utskrivning_helg', applies: false, date: null });
    expect(computed).toHaveLength(3);
  });

  it('Värmland: the footnote examples through json-rules-engine from a case in the schema format', async () => {
    const { engine } = load('policies/varmland/2019-01-01.avtal');
    const run = async (ready: string) => {
      const facts = episodeFacts({ events: { admitted: '2019-01-03 09:00', admission_notice_sent: '2019-01-03 15:00', ready_notice_sent: ready, discharged: '2019-01-14 10:00' }, facts: { sip_needed: false } });
      const { events } = await engine.run(facts);
      return events.find((e) => e.type === 'avtal.payment')!.params!;
    };
    expect(await run('2019-01-07 11:00')).toMatchObject({ responsible: true, firstPayableDay: '2019-01-10', billableDays: 5, amount: 39000 });
    expect(await run('2019-01-07 12:00')).toMatchObject({ firstPayableDay: '2019-01-10' });
    expect(await run('2019-01-07 12:00:01')).toMatchObject({ firstPayableDay: '2019-01-11', billableDays: 4 });
  });
});
