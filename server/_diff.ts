import { diffVersions } from '../engine/versions';
import { loadPolicySet } from '../engine/registry/load';
const set = loadPolicySet('policies');
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const d = diffVersions(set, 'varmland', '2019-01-01', '2026-förslag');
  console.log(Math.round(performance.now() - t), 'ms', d.ok && JSON.stringify(d).length);
}
