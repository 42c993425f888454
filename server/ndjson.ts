// Splits a byte stream into lines with a length limit, so one endless line cannot fill the memory.
import type { Readable } from 'node:stream';

export type Line = { ok: true; line: number; text: string } | { ok: false; line: number; tooLong: true };

/** Yields each non-empty line (without its \n or \r\n); a line over `limit` bytes is reported and skipped. */
export async function* lines(stream: Readable, limit: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let n = 0;
  const finish = function* (buf: Buffer): Generator<Line> {
    n++;
    if (skipping) {
      skipping = false;
      yield { ok: false, line: n, tooLong: true };
      return;
    }
    let text = buf.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() !== '') yield { ok: true, line: n, text };
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let nl: number;
    while ((nl = buf.indexOf(10)) !== -1) {
      const head = buf.subarray(0, nl);
      const whole = parts.length === 0 ? head : Buffer.concat([...parts, head]);
      if (!skipping && whole.length > limit) skipping = true;
      yield* finish(skipping ? Buffer.alloc(0) : whole);
      parts = [];
      size = 0;
      buf = buf.subarray(nl + 1);
    }
    if (buf.length > 0 && !skipping) {
      parts.push(buf);
      size += buf.length;
      if (size > limit) {
        skipping = true;
        parts = [];
        size = 0;
      }
    }
  }
  if (skipping || size > 0) yield* finish(Buffer.concat(parts));
}
