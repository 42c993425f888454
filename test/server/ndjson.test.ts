// Cutting NDJSON bodies into groups of whole lines, and groups into lines, whatever the chunk boundaries.
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { groups, linesOf, type Group, type Line } from '../../server/ndjson';

async function collect(chunks: (string | Buffer)[], limit = 100, size = 1): Promise<Group[]> {
  const out: Group[] = [];
  for await (const g of groups(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))), limit, size)) out.push(g);
  return out;
}

/** The lines of the groups, and the too-long lines, in order. */
const flat = (gs: Group[]) => gs.flatMap((g): (Line | { tooLong: number })[] => ('tooLong' in g ? [{ tooLong: g.tooLong }] : linesOf(g)));

/** What the groups should give: the body split at \n, numbered, blank lines left out, lines over the limit reported. */
function expected(body: Buffer, limit: number) {
  const out: ({ line: number; text: string } | { tooLong: number })[] = [];
  const parts: Buffer[] = [];
  let start = 0;
  for (let nl = body.indexOf(10); nl !== -1; nl = body.indexOf(10, nl + 1)) {
    parts.push(body.subarray(start, nl));
    start = nl + 1;
  }
  if (start < body.length) parts.push(body.subarray(start));
  parts.forEach((p, i) => {
    if (p.length > limit) return out.push({ tooLong: i + 1 });
    const text = p.toString('utf8').replace(/\r$/, '');
    if (text.trim() !== '') out.push({ line: i + 1, text });
  });
  return out;
}

describe('NDJSON groups', () => {
  it('joins lines split over chunks, multi-byte characters included', async () => {
    const text = Buffer.from('{"a":"Växjö"}\r\n\n{"b":2}');
    for (let cut = 0; cut <= text.length; cut++) {
      const got = flat(await collect([text.subarray(0, cut), text.subarray(cut)]));
      expect(got, `cut at ${cut}`).toEqual([{ line: 1, text: '{"a":"Växjö"}' }, { line: 3, text: '{"b":2}' }]);
    }
  });

  it('reports a line over the limit once, in its place, and goes on with the next', async () => {
    const got = await collect(['a\n', 'x'.repeat(60), 'y'.repeat(60), 'z\n', 'ok\n', 'w'.repeat(150)], 100);
    expect(flat(got)).toEqual([{ line: 1, text: 'a' }, { tooLong: 2 }, { line: 3, text: 'ok' }, { tooLong: 4 }]);
    // Over the limit within one chunk too, between two lines that are not.
    expect(flat(await collect([`b\n${'q'.repeat(101)}\nc\n`], 100))).toEqual([{ line: 1, text: 'b' }, { tooLong: 2 }, { line: 3, text: 'c' }]);
  });

  it('cuts groups at line ends once they reach the size, and numbers their first lines', async () => {
    const got = await collect(['one\ntwo\nthr', 'ee\nfour\n', 'five'], 100, 8);
    expect(got.map((g) => ('tooLong' in g ? g : { first: g.first, text: Buffer.from(g.bytes).toString() }))).toEqual([
      { first: 1, text: 'one\ntwo\n' },
      { first: 3, text: 'three\nfour\n' },
      { first: 5, text: 'five' },
    ]);
  });

  it('gives every line of any body, chunked anyhow, as splitting it whole would', async () => {
    const piece = fc.constantFrom('a', 'Växjö', '{"x":1}', ' ', '\r', '\n', '\n', 'x'.repeat(7));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 6 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }), async (pieces, cuts, limit, size) => {
        const body = Buffer.from(pieces.join(''));
        const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i, all) => body.subarray(from, i + 1 < all.length ? all[i + 1] : body.length)).filter((c) => c.length > 0);
        expect(flat(await collect(chunks, limit, size))).toEqual(expected(body, limit));
      }),
      { numRuns: 500 },
    );
  });
});
