import { evaluateCase } from '../engine/api';
import { loadPolicySet } from '../engine/registry/node';
const set = loadPolicySet('policies');
const cases = Array.from({ length: 10000 }, (_, i) => {
  const d = 1 + (i % 27), h = 8 + (i % 9);
  const p = (n: number) => String(n).padStart(2, '0');
  return { id: 'c' + i, county: 'varmland', events: { admitted: `2019-03-${p(d)}T${p(h)}:00`, admission_notice_sent: `2019-03-${p(d)}T${p(h + 1)}:30`, ready_notice_sent: `2019-04-${p(d)}T${p(h + 2)}:00`, ...(i % 3 ? { discharged: `2019-04-${p(d + 1)}T10:00` } : {}) }, facts: { sip_needed: i % 4 === 0 } };
});
for (let rep = 0; rep < 4; rep++) for (const explain of [true, false]) {
  let t = performance.now();
  const rs = cases.map((c) => evaluateCase(set, c, { explain }));
  const t1 = performance.now() - t; t = performance.now();
  const s = JSON.stringify({ results: rs });
  console.log(explain, 'eval', t1.toFixed(0), 'stringify', (performance.now() - t).toFixed(0), s.length);
}
