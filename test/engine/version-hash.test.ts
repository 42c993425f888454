// Every evaluation names the version it applied and that file's content hash, so it can be reproduced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluateCase } from '../../engine/api';
import { contentHash, loadPolicySet } from '../../engine/registry/node';

const root = join(import.meta.dirname, '../../policies');

it('names the version and the content hash of the file it applied', () => {
  const answer = evaluateCase(loadPolicySet(root), { county: 'varmland', events: { admitted: '2019-01-03T09:00', ready_notice_sent: '2019-01-07T11:00' } });
  expect(answer.ok).toBe(true);
  if (!answer.ok) return;
  const text = readFileSync(join(root, 'varmland/2019-01-01.avtal'), 'utf8');
  expect(answer.result.version).toMatchObject({ agreement: 'varmland', version: '2019-01-01', file: 'varmland/2019-01-01.avtal', hash: contentHash(text) });
  expect(contentHash(text + ' ')).not.toBe(contentHash(text));
});
