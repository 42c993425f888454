import { BatchPool } from './batch-pool';
import { episode } from '../bench/load-cases';
const pool = new BatchPool('policies', 2);
const text = JSON.stringify(Array.from({ length: 10000 }, (_, i) => episode(i)));
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const r = await pool.run(text, 0, 100000, { explain: false });
  console.log(r.ok, r.ok && r.count, r.ok && r.json.length, Math.round(performance.now() - t), 'ms');
}
console.log(await pool.run('[' + Array(100001).fill('{}').join(',') + ']', 0, 100000, {}));
await pool.close();
