import { evaluateCase } from '../engine/api';
import { loadPolicySet } from '../engine/registry/node';
const set = loadPolicySet('policies');
const c = { id: 'x', county: 'varmland', events: { admitted: '2019-01-03T09:00', admission_notice_sent: '2019-01-03T15:00', ready_notice_sent: '2019-01-07T11:00', discharged: '2019-01-14T10:00' }, facts: { sip_needed: false } };
const t = performance.now();
for (let i = 0; i < 60000; i++) evaluateCase(set, c, { explain: true });
console.log((performance.now() - t) / 100000 * 1000);
