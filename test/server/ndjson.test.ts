// Splitting NDJSON bodies into lines, whatever the chunk boundaries.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lines } from '../../server/ndjson';

async function collect(chunks: (string | Buffer)[], limit = 100) {
  const out = [];
  for await (const l of lines(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), limit)) out.push(l);
  return out;
}

describe('lines', () => {
  it('joins lines split over chunks, multi-byte characters included', async () => {
    const text = Buffer.from('{"a":"Växjö"}\r\n\n{"b":2}');
    for (let cut = 0; cut <= text.length; cut++) {
      const got = await collect([text.subarray(0, cut), text.subarray(cut)]);
      expect(got, `cut at ${cut}`).toEqual([{ ok: true, line: 1, text: '{"a":"Växjö"}' }, { ok: true, line: 3, text: '{"b":2}' }]);
    }
  });

  it('reports a line over the limit once and goes on with the next', async () => {
    const got = await collect(['x'.repeat(60), 'y'.repeat(60), 'z\n', 'ok\n', 'w'.repeat(150)], 100);
    expect(got).toEqual([{ ok: false, line: 1, tooLong: true }, { ok: true, line: 2, text: 'ok' }, { ok: false, line: 3, tooLong: true }]);
  });
});
