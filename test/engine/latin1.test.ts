// The engine's own explanation texts keep to Latin-1 (engine/evaluator/explain.ts says why): an answer whose
// policy texts are Latin-1 is Latin-1 through and through, whatever the outcome.
import { expect, it } from 'vitest';
import { analyze } from '../../dsl';
import { evaluateCase } from '../../engine/api';
import { validateCase } from '../../engine/case/validate';
import { compile } from '../../engine/compiler/compile';
import { evaluate } from '../../engine/evaluator/evaluate';
import { loadPolicySet } from '../../engine/registry/load';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 on purpose: everything beyond Latin-1
const beyondLatin1 = (s: string) => [...new Set(s.match(/[^\u0000-\u00ff]/gu) ?? [])];

it('Värmland answers with the explanation, met, missed, pending and not applicable, are all Latin-1', () => {
  const set = loadPolicySet('policies');
  const cases = [
    { admitted: '2019-03-08T15:00', admission_notice_sent: '2019-03-08T16:30', ready_notice_sent: '2019-04-08T12:07', discharged: '2019-04-15T10:00' },
    { admitted: '2019-03-08T15:00', admission_notice_sent: '2019-03-10T16:30', ready_notice_sent: '2019-04-08T11:59', sip_called: '2019-04-20T10:00' },
    { admitted: '2019-03-08T15:00' },
    {},
  ];
  for (const events of cases) {
    const a = evaluateCase(set, { county: 'varmland', events, evaluationDate: '2019-05-01', facts: { sip_needed: 'sip_called' in events } });
    if (!a.ok) throw new Error(JSON.stringify(a.error));
    expect(a.result.explanation.length).toBeGreaterThan(0);
    expect(beyondLatin1(JSON.stringify(a.result)), JSON.stringify(events)).toEqual([]);
  }
});

it('time windows and recurring deadlines explain themselves in Latin-1', () => {
  const a = analyze(`agreement demo "Demo"
  version "1" draft
  valid from 2024-01-01 until further notice
  source "demo.txt"
deadline window "Window"
  cite "x"
  planned_home_visit on red days between 10:00 and 12:00
deadline every_third_month "Every third month"
  cite "x"
  doctor_visit_offered every 3 months from home_care_started
`);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  for (const events of [{ home_care_started: '2025-01-15 10:00', planned_home_visit: '2025-01-01 11:00' }, { home_care_started: '2025-01-15 10:00', planned_home_visit: '2025-01-02 13:00' }, {}]) {
    const v = validateCase({ county: 'demo', events, evaluationDate: '2025-06-01' });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    for (const [lang, heading] of [['sv', /Tidsfristen window: /], ['en', /Deadline window: /]] as const) {
      const r = evaluate(compile(a.program!), v.data, { agreement: 'demo', version: '1', status: 'draft', validFrom: '2024-01-01', validTo: null, hash: '' }, { lang });
      expect(r.explanation.map((s) => s.text).join('\n')).toMatch(heading);
      expect(beyondLatin1(JSON.stringify(r))).toEqual([]);
    }
  }
});
