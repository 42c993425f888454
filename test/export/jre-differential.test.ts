// The export to json-rules-engine is faithful: random episodes through Avtal's evaluator and through
// json-rules-engine running the exported rules give the same outcome for every exported rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { analyze, hasErrors } from '../../dsl';
import { compile, type CompiledPolicy } from '../../engine/compiler/compile';
import { evaluateOutcomes, type Outcomes } from '../../engine/evaluator/evaluate';
import { PaymentCode } from '../../engine/compiler/payment';
import { formatExpression } from '../../dsl/format/formatter';
import { exportToJre, linkedLaw, type JreExport } from '../../engine/export/jre-export';
import { HistoryNotExported, JRE_ENGINE_OPTIONS, episodeFacts, factsFromCaseData, registerAvtalRuntime } from '../../engine/export/jre-runtime';
import { eventSlot, recordOccurrences } from '../../engine/case/case-data';
import { summariseAvtal, summariseJre } from '../../engine/export/jre-compare';
import { findPolicyFiles, loadPolicySet } from '../../engine/registry/load';
import type { PolicySet } from '../../engine/registry/policy-set';
import { episodeEnding, } from '../support/episode-arbitrary';
import type { CaseData } from '../../engine/case/case-data';

const FIXTURE = 'test/export/fixtures/constructs.avtal';
// A law and an agreement made under it (`subject to`), with several end events, a withdrawal and requirements that can be
// pending; a folder of their own, since beside constructs.avtal the law would make that agreement one that names no law.
const LAW_FIXTURES = 'test/export/subject-to';
const files = [...findPolicyFiles('policies'), FIXTURE, ...findPolicyFiles(LAW_FIXTURES)];
const sets = new Map<string, PolicySet>();

/** Every outcome the export covers: the hot path's, and the computed dates'. */
const outcomes = (p: CompiledPolicy, c: CaseData) => ({ ...evaluateOutcomes(p, c), computed: p.computed.map((r) => r.run(c)) });

/** The file as its policy set compiles it: linked to the law it is made under, whose conditions are exported with it. */
function load(file: string): { compiled: CompiledPolicy; doc: JreExport; engine: Engine; codes: string[] } {
  const root = file.startsWith('policies/') ? 'policies' : file.startsWith(LAW_FIXTURES) ? LAW_FIXTURES : undefined;
  let compiled: CompiledPolicy | undefined;
  let law: ReturnType<typeof linkedLaw> | undefined;
  const a = analyze(readFileSync(file, 'utf8'));
  if (hasErrors(a.diagnostics)) throw new Error(`${file} has errors`);
  if (root) {
    if (!sets.has(root)) sets.set(root, loadPolicySet(root));
    const set = sets.get(root)!;
    const v = set.versions.find((x) => `${root}/${x.source.file}` === file)!;
    compiled = v.compiled!;
    law = linkedLaw(set, compiled);
    if (a.ast.header?.subjectTo && compiled.payments.length > 0) expect(law, `${file}: the law it is made under is linked`).toBeDefined();
  }
  const { doc, diagnostics } = exportToJre(a.program!, undefined, law);
  const engine = new Engine(doc.rules as never, JRE_ENGINE_OPTIONS);
  registerAvtalRuntime(engine);
  return { compiled: compiled ?? compile(a.program!), doc, engine, codes: diagnostics.map((d) => d.code) };
}

/** The clause that decided each payment rule without payment, or left it pending, and the law it is from: Avtal's. */
function decidingClausesOf(p: CompiledPolicy, o: Outcomes, only: ReadonlySet<string>): [string, string | null, string | null][] {
  return p.payments.filter((r) => only.has(r.decl.id.text)).map((r) => {
    const x = o.payments[p.payments.indexOf(r)];
    if (x.code === PaymentCode.NotStarted || x.code === PaymentCode.Responsible) return [r.decl.id.text, null, null];
    const conditions = x.lawRule >= 0 ? r.law[x.lawRule] : r.conditions;
    const expr = x.code === PaymentCode.Exempt ? conditions.decl.exempt[x.clause] : conditions.decl.requires[x.clause];
    return [r.decl.id.text, formatExpression(expr, p.ast.lang), x.lawRule >= 0 ? conditions.decl.id.text : null];
  });
}

/** The same from json-rules-engine's events. */
// biome-ignore lint/suspicious/noExplicitAny: json-rules-engine's event params are untyped
function decidingClauses(p: CompiledPolicy, events: { type: string; params?: Record<string, any> }[], only: ReadonlySet<string>): [string, string | null, string | null][] {
  return p.payments.filter((r) => only.has(r.decl.id.text)).map((r) => {
    const e = events.find((x) => x.type === 'avtal.payment' && x.params?.rule === r.decl.id.text)?.params;
    return [r.decl.id.text, e?.clause ?? null, e?.law?.rule ?? null];
  });
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
        fc.asyncProperty(episodeEnding, async (c) => {
          const expected = summariseAvtal(compiled, outcomes(compiled, c), only);
          const { events } = await engine.run(factsFromCaseData(c));
          expect(summariseJre(compiled, events, only)).toEqual(expected);
          expect(decidingClauses(compiled, events, only)).toEqual(decidingClausesOf(compiled, evaluateOutcomes(compiled, c), only));
        }),
        { numRuns: 600, seed: 20261123 },
      );
    }, 120_000);
  }

  it('agrees on the worked examples of the bundled policies', async () => {
    let compared = 0;
    let histories = 0;
    for (const file of findPolicyFiles('policies')) {
      if (hasErrors(analyze(readFileSync(file, 'utf8')).diagnostics)) continue;
      const { compiled, doc, engine } = load(file);
      const only = new Set(doc.exported);
      for (const ex of compiled.examples) {
        // A history (an event recorded more than once) has no json-rules-engine facts: see docs/export.md.
        if (ex.data.history) {
          histories++;
          continue;
        }
        compared++;
        const expected = summariseAvtal(compiled, outcomes(compiled, ex.data), only);
        const { events } = await engine.run(factsFromCaseData(ex.data));
        expect(summariseJre(compiled, events, only)).toEqual(expected);
      }
    }
    // Most examples are single occurrences and compared; the few histories are left out, not the whole set.
    expect(compared).toBeGreaterThan(10 * histories);
  });

  it('reports a rule it cannot translate and leaves it out whole', () => {
    const { doc, codes } = load(FIXTURE);
    expect(codes).toEqual(['AVT-X002']);
    expect(doc.notExported.map((n) => n.rule)).toEqual(['unexportable']);
    expect(doc.exported).toEqual(['notice_2h', 'contact_weekdays', 'sip_working', 'zero_days', 'pay', 'pay_calendar', 'medicines_until', 'material_until']);
    expect(doc.rules.some((r) => r.name.startsWith('unexportable'))).toBe(false);
  });

  it('a policy made under a law: without the law its payment rules are left out; with it the law that decides is named', async () => {
    const file = 'policies/varmland/2019-01-01.avtal';
    const alone = exportToJre(analyze(readFileSync(file, 'utf8')).program!);
    expect(alone.doc.notExported).toEqual([expect.objectContaining({ rule: 'kommunens_betalningsansvar', code: 'AVT-X002', reason: expect.stringContaining('nationell_lag') })]);
    expect(alone.doc.rules.some((r) => r.event.type === 'avtal.payment')).toBe(false);

    const { doc, engine } = load(file);
    expect(doc.policy.subjectTo).toEqual({ agreement: 'nationell_lag', version: '2018-01-01' });
    const payment = async (events: Record<string, string>, evaluationDate?: string) => {
      const facts = episodeFacts({ events: { admitted: '2019-01-03 09:00', admission_notice_sent: '2019-01-03 15:00', ready_notice_sent: '2019-01-07 11:00', ...events }, facts: { sip_needed: true }, evaluationDate });
      return (await engine.run(facts)).events.find((e) => e.type === 'avtal.payment')!.params!;
    };
    // The agreement asks only for a SIP call; the law asks for it within three days of the notice.
    expect(await payment({ sip_called: '2019-01-20 10:00', discharged: '2019-01-25 10:00' })).toMatchObject({
      status: 'not-responsible', reason: 'requirement-unmet', law: { agreement: 'nationell_lag', version: '2018-01-01', rule: 'kommunens_betalningsansvar' },
      clause: expect.stringContaining('sip_kallad'),
    });
    // Not called yet, still in hospital, the third day not over: pending on the agreement's own requirement.
    const pending = await payment({}, '2019-01-09');
    expect(pending).toMatchObject({ status: 'pending', responsible: false, reason: 'requirement-pending', billableDays: null });
    expect(pending.law).toBeUndefined();
    // The same a week later: the law's three days are over, so it is decided by the law.
    expect(await payment({}, '2019-01-14')).toMatchObject({ status: 'not-responsible', law: { agreement: 'nationell_lag' } });
    expect(await payment({ sip_called: '2019-01-09 10:00', discharged: '2019-01-14 10:00' })).toMatchObject({ status: 'responsible', billableDays: 5 });
  });

  it('several end events and a withdrawal: the stay ends at the first recorded, the period at the withdrawal', async () => {
    const { engine } = load(`${LAW_FIXTURES}/agreement.avtal`);
    const ends = async (events: Record<string, string>) => {
      const facts = episodeFacts({ events: { admitted: '2019-03-01 09:00', admission_notice_sent: '2019-03-01 10:00', ready_notice_sent: '2019-03-04 10:00', ...events }, facts: { sip_needed: false } });
      return (await engine.run(facts)).events.find((e) => e.params?.rule === 'ends')!.params!;
    };
    // Day 1 is 4 March, three grace days: payable from 7 March; `to discharged or died exclusive`.
    expect(await ends({ discharged: '2019-03-12 10:00' })).toMatchObject({ status: 'responsible', firstPayableDay: '2019-03-07', billableDays: 5, amount: 41000 });
    expect(await ends({ discharged: '2019-03-12 10:00', died: '2019-03-10 03:00' })).toMatchObject({ billableDays: 3 });
    // `withdrawn by ready_withdrawn inclusive`: the day of the withdrawal is the last billable day; one before the notice withdraws nothing.
    expect(await ends({ discharged: '2019-03-12 10:00', ready_withdrawn: '2019-03-08 10:00' })).toMatchObject({ billableDays: 2 });
    expect(await ends({ discharged: '2019-03-12 10:00', ready_withdrawn: '2019-03-04 09:00' })).toMatchObject({ billableDays: 5 });
  });

  it('refuses an episode that records an event more than once, with the event named', () => {
    expect(() => episodeFacts({ events: { ready_notice_sent: ['2019-01-07 11:00', '2019-01-09 10:00'], ready_withdrawn: ['2019-01-08 10:00'] } })).toThrow(/ready_notice_sent is recorded 2 times/);
    expect(episodeFacts({ events: { ready_withdrawn: ['2019-01-08 10:00'] } }).ready_withdrawn).toBe(Date.UTC(2019, 0, 8, 9));
    const c = fc.sample(episodeEnding, { numRuns: 1, seed: 1 })[0];
    recordOccurrences(c, eventSlot('ready_notice_sent'), [Date.UTC(2019, 0, 7, 10), Date.UTC(2019, 0, 9, 9)]);
    expect(() => factsFromCaseData(c)).toThrow(HistoryNotExported);
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
