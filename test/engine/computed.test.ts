// Computed dates (Kronoberg): when they apply, what they give, and what an unrecorded event gives.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluateCase } from '../../engine/api';
import { loadPolicySet } from '../../engine/registry/node';

const set = loadPolicySet(join(import.meta.dirname, '../../policies'));
const computed = (events: Record<string, string>, id: string) => {
  const a = evaluateCase(set, { county: 'kronoberg', events });
  if (!a.ok) throw new Error(JSON.stringify(a.error));
  return a.result.computed.find((c) => c.id === id)!;
};

it('a weekday admission notice sets no Tuesday date; a Saturday one does', () => {
  expect(computed({ admitted: '2025-01-09T22:00', admission_notice_sent: '2025-01-10T23:59' }, 'beräknad_utskrivning_helg')).toMatchObject({ applies: false, date: null });
  expect(computed({ admitted: '2025-01-10T22:00', admission_notice_sent: '2025-01-11T00:00' }, 'beräknad_utskrivning_helg')).toMatchObject({ applies: true, date: '2025-01-14' });
});

it('medicines: null until the discharge is recorded, then the second working day after it', () => {
  expect(computed({ admitted: '2025-01-09T22:00' }, 'läkemedel_till_och_med')).toMatchObject({ applies: true, date: null });
  expect(computed({ admitted: '2025-04-10T22:00', discharged: '2025-04-17T23:30' }, 'läkemedel_till_och_med').date).toBe('2025-04-23');
  expect(computed({ admitted: '2025-04-10T22:00', discharged: '2025-04-18T00:30' }, 'läkemedel_till_och_med').date).toBe('2025-04-23');
});

it('the explanation cites the source heading of a computed date', () => {
  const a = evaluateCase(set, { county: 'kronoberg', events: { admitted: '2025-01-09T22:00', discharged: '2025-01-13T10:00' } });
  expect(a.ok && a.result.explanation.some((s) => s.rule === 'material_till_och_med')).toBe(true);
  expect(a.ok && a.result.citations.material_till_och_med[0].heading).toBe('Rutiner för läkemedelsnära produkter');
});
