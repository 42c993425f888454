// The checked program: what check() proved, kept for the compiler. Built only without errors; a deadline is one of
// its forms; every name is resolved to what it names (in either language, to the same slot); every expression typed.
// And the stages after it keep the contract: the compiler and the evaluator look no name up.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, check, parse } from '../../dsl';
import { EVENT_INDEX, FACT_INDEX } from '../../dsl/builtins/vocabulary';
import type { TExpr } from '../../dsl/checker/program';

const POLICY = `agreement demo "Demo"
  version "1" draft
  valid from 2024-01-01 until further notice
  source "demo.txt"
cutoff noon at 12:00, 12:00 counts as before
  cite "x"
parameter daily_rate "Rate"
  cite "x"
  value 7800 SEK for 2019
deadline within_form "Within"
  cite "x"
  sip_called within 3 working days after ready_notice_sent
deadline every_form "Every"
  cite "x"
  doctor_visit_offered every 3 months from home_care_started
deadline window_form "Window"
  cite "x"
  planned_home_visit on red days between 10:00 and 12:00
payment pay "Pay"
  cite "x"
  from ready_notice_sent
  day 1: same day
  grace 4 days when ready_notice_sent after noon
  grace 3 days
  requires sip_called <= ready_notice_sent + 72 hours
  to discharged or died exclusive
  withdrawn by ready_withdrawn exclusive
  rate daily_rate
computed plus_ten "Ten days on"
  cite "x"
  when care_type is psychiatric
  value date_of(ready_notice_sent) + 10 days
`;

const program = () => {
  const a = analyze(POLICY);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (!a.program) throw new Error('no program for a policy without errors');
  return a.program;
};

describe('the checked program', () => {
  it('is built only when the checker finds no error', () => {
    expect(program().header).toMatchObject({ id: 'demo', version: '1', status: 'draft', validFrom: '2024-01-01', validTo: null, source: 'demo.txt' });
    const broken = POLICY.replace('from ready_notice_sent\n', 'from no_such_event\n');
    const checked = check(parse(broken).ast);
    expect(checked.diagnostics.map((d) => d.code)).toContain('AVT-C002');
    expect(checked.program).toBeUndefined();
    expect(analyze(broken).program).toBeUndefined();
  });

  it('gives each deadline one of its three forms, with the clauses that form needs', () => {
    const [within, every, windows] = program().deadlines;
    expect(within.form).toBe('within');
    if (within.form !== 'within') throw new Error('form');
    expect(within.within).toMatchObject({ value: 3, unit: 'working-days' });
    expect(within.anchor).toMatchObject({ kind: 'Event', type: 'instant', event: { slot: EVENT_INDEX.get('ready_notice_sent') } });
    expect(every).toMatchObject({ form: 'every', every: { n: 3, unit: 'months' }, subject: { slot: EVENT_INDEX.get('doctor_visit_offered') } });
    expect(windows).toMatchObject({ form: 'windows', subject: { slot: EVENT_INDEX.get('planned_home_visit') } });
  });

  it('resolves a payment rule: anchor, ends, withdrawal and rate, clauses with their conditions', () => {
    const [pay] = program().payments;
    expect(pay.anchor.slot).toBe(EVENT_INDEX.get('ready_notice_sent'));
    expect(pay.end.events.map((e) => e.entry.id)).toEqual(['discharged', 'died']);
    expect(pay.withdrawal?.event.entry.id).toBe('ready_withdrawn');
    expect(pay.rate?.id.text).toBe('daily_rate');
    expect(pay.grace.map((g) => [g.value.n, g.index, g.when?.kind])).toEqual([[4, 0, 'CutoffTest'], [3, 1, undefined]]);
    const cut = pay.grace[0].when;
    if (cut?.kind !== 'CutoffTest') throw new Error('cutoff test');
    expect(cut.cutoff.id.text).toBe('noon');
    expect(cut.subject).toMatchObject({ kind: 'Event', event: { slot: EVENT_INDEX.get('ready_notice_sent') } });
  });

  it('types every expression and resolves enum values to their ids', () => {
    const p = program();
    const types = (e: TExpr): unknown => {
      switch (e.kind) {
        case 'Compare':
        case 'Arith': return [e.type, types(e.left), types(e.right)];
        case 'Call': return [e.type, e.fn.id, ...e.args.map(types)];
        default: return e.type;
      }
    };
    expect(types(p.payments[0].requires[0])).toEqual(['boolean', 'instant', ['instant', 'instant', 'elapsed']]);
    expect(types(p.computed[0].value)).toEqual(['date', ['date', 'date_of', 'instant'], 'days']);
    expect(p.computed[0].when).toMatchObject({ kind: 'Is', type: 'boolean', fact: { slot: FACT_INDEX.get('care_type') }, value: 'psychiatric' });
  });

  it('resolves Swedish names to the same slots as English ones', () => {
    const sv = analyze(`avtal demo "Demo"
  version "1" utkast
  gäller från 2024-01-01 tills vidare
  källa "demo.txt"
tidsfrist kallelse "Kallelse"
  enligt "x"
  sip_kallad inom 3 dagar efter utskrivningsklar_meddelad
`);
    expect(sv.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [d] = sv.program?.deadlines ?? [];
    expect(d).toMatchObject({ form: 'within', subject: { slot: EVENT_INDEX.get('sip_called'), name: 'sip_kallad' } });
  });
});

describe('the stages after the checker', () => {
  const ROOT = resolve(import.meta.dirname, '..', '..');
  const sources = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') }));

  it('look no name up: the compiler and the evaluator read the checked program', () => {
    const lookups = [...sources('engine/compiler'), ...sources('engine/evaluator')]
      .flatMap(({ file, text }) => [...text.matchAll(/\b(lookupVocabulary|lookupFunction|lookupEnumValue|symbols\.lookup)\b/g)].map((m) => `${file}: ${m[1]}`));
    expect(lookups).toEqual([]);
  });
});
