// Semantic and behavioural diffs beyond the golden cases: a version against itself, a translated copy,
// a planted change at a boundary, renames, and the shipped Värmland proposal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, formatText } from '../../dsl';
import { compile } from '../../engine/compiler/compile';
import { semanticDiff } from '../../engine/versions/semantic-diff';
import { behaviouralDiff } from '../../engine/versions/behavioural-diff';
import { diffVersions } from '../../engine/versions';
import { findPolicyFiles, loadPolicySet } from '../../engine/registry/node';

const HERE = import.meta.dirname;
const read = (p: string) => readFileSync(join(HERE, '..', '..', p), 'utf8');
const VARMLAND = read('policies/varmland/2019-01-01.avtal');
const PROPOSAL = read('policies/varmland/2026-proposal.draft.avtal');
const CASES = 'test/cases/diff';
// The behavioural diffs run tens of thousands of scenarios; a loaded machine needs more than the default 5 s.

function compiled(text: string) {
  const a = analyze(text);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compile(a.program!);
}

describe('semantic diff', () => {
  it('of a version with itself is empty', () => {
    const ast = analyze(VARMLAND).ast;
    const d = semanticDiff(ast, ast);
    expect(d.empty).toBe(true);
    expect(d.declarations).toEqual([]);
  });

  it('of a copy translated to English keywords and reformatted is empty', () => {
    const en = formatText(VARMLAND, { lang: 'en', width: 60 }).text;
    expect(en).not.toBe(VARMLAND);
    expect(semanticDiff(analyze(VARMLAND).ast, analyze(en).ast).empty).toBe(true);
  });

  it('of every bundled policy against its translation into either keyword language is empty', () => {
    const files = findPolicyFiles(join(HERE, '..', '..', 'policies'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const lang of ['en', 'sv'] as const) {
        const d = semanticDiff(analyze(text).ast, analyze(formatText(text, { lang, width: 70 }).text).ast);
        expect({ file: f, lang, empty: d.empty }).toEqual({ file: f, lang, empty: true });
      }
    }
  });

  it('reports a changed cutoff time with old and new value and both citations', () => {
    const d = semanticDiff(analyze(read(`${CASES}/cutoff-time/old.avtal`)).ast, analyze(read(`${CASES}/cutoff-time/new.avtal`)).ast);
    const cutoff = d.declarations.find((x) => x.id === 'noon')!;
    expect(cutoff.change).toBe('changed');
    expect(cutoff.changes.find((c) => c.path === 'noon.time')).toMatchObject({ what: 'changed', old: '12:00', new: '13:00' });
    expect(cutoff.citations.old[0].quote).toContain('12.00');
    expect(cutoff.citations.new[0].quote).toContain('13.00');
    // the range points at the declaration in each file, for the editor
    expect(cutoff.newRange?.start.line).toBe(15);
  });

  it('reports a rename once, and references to it are not changes', () => {
    const d = semanticDiff(analyze(read(`${CASES}/renamed/old.avtal`)).ast, analyze(read(`${CASES}/renamed/new.avtal`)).ast);
    expect(d.declarations.map((x) => [x.change, x.oldId, x.id])).toEqual([['renamed', 'noon_exact', 'exactly_noon']]);
  });

  it('a rename with a changed content is a removal and an addition', () => {
    const old = read(`${CASES}/renamed/old.avtal`);
    const renamedAndChanged = read(`${CASES}/renamed/new.avtal`).replace('12:00 counts as before the cutoff', '12:00 counts as after the cutoff');
    const d = semanticDiff(analyze(old).ast, analyze(renamedAndChanged).ast);
    expect(d.declarations.map((x) => x.change).sort()).toEqual(['added', 'changed', 'removed']); // the cutoff's `see` changed too
  });
});

describe('behavioural diff', { timeout: 60_000 }, () => {
  it('of a version with itself finds no differing scenario', () => {
    const p = compiled(VARMLAND);
    const d = behaviouralDiff(p, p);
    expect(d.scenarios).toBeGreaterThan(100);
    expect(d.differing).toBe(0);
    expect(d.counterexamples).toEqual([]);
  });

  it('finds a planted cutoff change 12:00 → 13:00 with a counterexample inside the moved interval', () => {
    const old = compiled(read(`${CASES}/cutoff-time/old.avtal`));
    const nu = compiled(read(`${CASES}/cutoff-time/new.avtal`));
    const d = behaviouralDiff(old, nu);
    expect(d.differing).toBeGreaterThan(0);
    const minute = (s: string) => +s.slice(11, 13) * 60 + +s.slice(14, 16);
    for (const c of d.counterexamples) {
      // every counterexample has the notice in (12:00, 13:00], and four grace days become three
      const t = minute(c.events.ready_notice_sent);
      expect(t > 12 * 60 && t <= 13 * 60).toBe(true);
      expect(c.differences.find((x) => x.field === 'fristdagar')).toMatchObject({ old: '4', new: '3' });
    }
    const at1201 = d.counterexamples.find((c) => c.events.ready_notice_sent === '2020-01-06 12:01' && c.origin === 'example monday_morning, ready_notice_sent at 12:01');
    expect(at1201?.differences.find((x) => x.field === 'första betalningsdag')).toEqual({ rule: 'municipal_payment', field: 'första betalningsdag', old: '2020-01-10', new: '2020-01-09' });
    expect(at1201?.text).toContain('utskrivningsklar_meddelad 2020-01-06 12:01');
    expect(at1201?.text).toContain('municipal_payment: första betalningsdag 2020-01-10 med den gamla versionen, 2020-01-09 med den nya');
    expect(d.counterexamples.some((c) => c.events.ready_notice_sent?.endsWith(' 13:00'))).toBe(true);
    // in English when asked
    const en = behaviouralDiff(old, nu, { lang: 'en' }).counterexamples.find((c) => c.origin === at1201?.origin);
    expect(en?.text).toContain('ready_notice_sent 2020-01-06 12:01');
    expect(en?.text).toContain('first payable day 2020-01-10 under the old version, 2020-01-09 under the new');
  });

  it('finds a changed day count on both sides of it', () => {
    const d = behaviouralDiff(compiled(read(`${CASES}/deadline-duration/old.avtal`)), compiled(read(`${CASES}/deadline-duration/new.avtal`)));
    const statuses = d.counterexamples.flatMap((c) => c.differences.filter((x) => x.rule === 'admission_notice' && x.field === 'status').map((x) => `${x.old}→${x.new}`));
    expect(statuses).toContain('missad→hållen'); // a notice between 24 and 36 hours after admission
    expect(d.boundaries.elapsedMinutes).toEqual([24 * 60, 36 * 60]);
  });

  it('follows a renamed rule instead of reporting it as gone', () => {
    const old = read(`${CASES}/grace-days/old.avtal`);
    const renamed = old.replaceAll('municipal_payment', 'payment_by_municipality');
    const d = behaviouralDiff(compiled(old), compiled(renamed));
    expect(d.onlyInOld).toEqual([]);
    expect(d.onlyInNew).toEqual([]);
    expect(d.differing).toBe(0);
  });

  it('a version with an added requirement differs where the requirement is unmet', () => {
    const d = behaviouralDiff(compiled(read(`${CASES}/condition/old.avtal`)), compiled(read(`${CASES}/condition/new.avtal`)));
    expect(d.differing).toBeGreaterThan(0);
    expect(d.counterexamples.every((c) => c.facts.sip_needed !== true && !c.events.sip_called)).toBe(true);
  });
});

describe('behavioural diff of computed dates', { timeout: 60_000 }, () => {
  it("finds Kronoberg's material_till_och_med shortened from 14 to 7 days", () => {
    const old = read('policies/kronoberg/2024-11-04.avtal');
    const shorter = old.replace('värde datum_för(utskrivning) + 14 dagar', 'värde datum_för(utskrivning) + 7 dagar');
    expect(shorter).not.toBe(old);
    const d = behaviouralDiff(compiled(old), compiled(shorter));
    expect(d.differing).toBeGreaterThan(0);
    expect(d.summary.map((s) => `${s.rule}/${s.field}`)).toEqual(['material_till_och_med/datum']); // the field's name in the diff's language (Swedish by default)
    // the worked example (or an example with the same case): discharged 2025-01-13 10:00
    const example = d.counterexamples.find((c) => c.tier === 0 && c.events.discharged === '2025-01-13 10:00');
    expect(example?.differences).toEqual([{ rule: 'material_till_och_med', field: 'datum', old: '2025-01-27', new: '2025-01-20' }]);
  });

  it('a version with itself finds no differing computed date', () => {
    const p = compiled(read('policies/kronoberg/2024-11-04.avtal'));
    expect(p.computed.length).toBeGreaterThan(0);
    expect(behaviouralDiff(p, p).differing).toBe(0);
  });
});

describe('behavioural diff of a monthly ladder', { timeout: 60_000 }, () => {
  it('finds a threshold moved from 2.4 to 2.5, with averages inside the moved interval', () => {
    const d = behaviouralDiff(compiled(read(`${CASES}/threshold/old.avtal`)), compiled(read(`${CASES}/threshold/new.avtal`)));
    expect(d.differing).toBeGreaterThan(0);
    for (const c of d.counterexamples) expect(Object.values(c.averages ?? {}).some((v) => v > 2.4 && v <= 2.5)).toBe(true);
    const jan = d.counterexamples.find((c) => c.origin === 'example plan_closed, 2025-01 at 2.41');
    expect(jan?.differences[0]).toEqual({ rule: 'followup', field: 'steg 2025-02', old: 'plan', new: 'calm' });
    expect(jan?.text).toMatch(/^genomsnitt 2025-01 2,41, .*: followup: steg 2025-02 plan med den gamla versionen, calm med den nya/);
    const en = behaviouralDiff(compiled(read(`${CASES}/threshold/old.avtal`)), compiled(read(`${CASES}/threshold/new.avtal`)), { lang: 'en' });
    const janEn = en.counterexamples.find((c) => c.origin === 'example plan_closed, 2025-01 at 2.41');
    expect(janEn?.differences[0]).toEqual({ rule: 'followup', field: 'step in 2025-02', old: 'plan', new: 'calm' });
    expect(janEn?.text).toMatch(/^averages 2025-01 2.41, .*: followup step in 2025-02 plan under the old version, calm under the new/);
  });

  it('of a ladder with itself finds nothing', () => {
    const p = compiled(read(`${CASES}/threshold/old.avtal`));
    expect(behaviouralDiff(p, p).differing).toBe(0);
  });
});

describe('the Värmland proposal', { timeout: 60_000 }, () => {
  it('shows the moved cutoff, the changed interpretation and counterexamples inside 12:00–13:00', () => {
    const d = semanticDiff(analyze(VARMLAND).ast, analyze(PROPOSAL).ast);
    expect(d.declarations.find((x) => x.id === 'middag')?.changes.find((c) => c.label === 'tid')).toMatchObject({ old: '12:00', new: '13:00', text: 'Brytpunkten middag: tid ändras från 12:00 till 13:00' });
    const en = semanticDiff(analyze(VARMLAND).ast, analyze(PROPOSAL).ast, 'en');
    expect(en.declarations.find((x) => x.id === 'middag')?.changes.find((c) => c.label === 'time')).toMatchObject({ old: '12:00', new: '13:00', text: 'Cutoff middag: time changes from 12:00 to 13:00' });
    expect(d.declarations.find((x) => x.id === 'utskrivningsdagen_räknas')?.change).toBe('changed');
    const b = behaviouralDiff(compiled(VARMLAND), compiled(PROPOSAL));
    expect(b.counterexamples.some((c) => c.events.ready_notice_sent === '2019-01-07 12:01' && c.differences.some((x) => x.field === 'första betalningsdag' && x.old === '2019-01-11' && x.new === '2019-01-10'))).toBe(true);
  });

  it('keeps a spread of counterexamples when asked, with exact counts', () => {
    const all = behaviouralDiff(compiled(VARMLAND), compiled(PROPOSAL));
    const some = behaviouralDiff(compiled(VARMLAND), compiled(PROPOSAL), { maxCounterexamples: 10 });
    expect(some.differing).toBe(all.differing);
    expect(some.counterexamples).toHaveLength(10);
    expect(all.counterexamples.length).toBe(all.differing);
    // both kinds of change are represented: the moved cutoff and the discharge day no longer billed
    expect(some.counterexamples.some((c) => c.differences.some((x) => x.field === 'första betalningsdag'))).toBe(true);
    expect(some.counterexamples.some((c) => c.differences.some((x) => x.field === 'debiterbara dagar'))).toBe(true);
  });

  it('is served by label through diffVersions, drafts included', () => {
    const set = loadPolicySet(join(HERE, '..', '..', 'policies'));
    const r = diffVersions(set, 'varmland', '2019-01-01', '2026-förslag', { behaviour: false });
    expect(r.ok && r.semantic.new.status).toBe('draft');
    const missing = diffVersions(set, 'varmland', '2019-01-01', 'nope');
    expect(!missing.ok && missing.error.code).toBe('AVT-V014');
  });
});
