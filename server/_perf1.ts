import { evaluateCase } from '../engine/api';
import { loadPolicySet } from '../engine/registry/node';
const set = loadPolicySet('policies');
console.log(set.diagnostics.map(d=>d.diagnostic.code));
const c = { id: 'x', county: 'varmland', events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T11:00', discharged: '2019-01-14T10:00' }, facts: { sip_needed: false } };
const r = evaluateCase(set, c);
console.log(JSON.stringify(r).length, JSON.stringify(r).slice(0, 600));
for (const explain of [true, false]) {
  const t = performance.now(); let n = 0;
  for (let i = 0; i < 20000; i++) { const a = evaluateCase(set, c, { explain }); n += JSON.stringify(a).length; }
  console.log(explain, (performance.now() - t) / 20000 * 1000, 'us/op');
}
import { validateCase } from '../engine/case/validate';
{
  const N = 20000;
  let t = performance.now();
  for (let i = 0; i < N; i++) validateCase(c);
  console.log('validate', (performance.now() - t) / N * 1000);
  const r = evaluateCase(set, c).ok && (evaluateCase(set, c) as any).result;
  t = performance.now();
  for (let i = 0; i < N; i++) JSON.stringify(r);
  console.log('stringify', (performance.now() - t) / N * 1000);
  const body = JSON.stringify(c);
  t = performance.now();
  for (let i = 0; i < N; i++) JSON.parse(body);
  console.log('parse', (performance.now() - t) / N * 1000);
}
