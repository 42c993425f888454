// NDJSON bodies: the byte stream cut into groups of whole lines, with a length limit per line so that one
// endless line cannot fill the memory; and a group's lines. The main thread only finds the newlines and
// copies bytes; decoding, splitting and evaluating the lines is left to whoever evaluates the group (a worker
// thread, as a rule).
import type { Readable } from 'node:stream';
import { firstBadByte, lineText } from './encoding';

/** A line of a body, numbered from 1 (blank lines count). */
export interface Line {
  line: number;
  /** null: the line is not valid UTF-8 */
  text: string | null;
  /** where a line that is not UTF-8 goes wrong (its byte offset) */
  badByte?: number;
}

/** Lines `first`, `first + 1`, … of the body, each ended by \n (the body's last line perhaps not); or one line over the limit. */
export type Group = { first: number; bytes: Uint8Array } | { tooLong: number };

const NEWLINE = 10;

/**
 * Cuts the stream into groups of at least `size` bytes (the last may be smaller) at line ends. A line of more
 * than `limit` bytes (without its \n) is dropped as it streams and reported as `{ tooLong: n }` in its place.
 */
export async function* groups(stream: Readable, limit: number, size: number): AsyncGenerator<Group> {
  let done: Buffer[] = []; // whole lines not yet sent
  let doneBytes = 0;
  let count = 0; // lines in `done`
  let first = 1; // the number of the first line in `done`
  let open: Buffer[] = []; // the start of the line that has not ended yet
  let openBytes = 0;
  let skipping = false; // the unended line is over the limit: its bytes are dropped
  const flush = (): Group => {
    const bytes = new Uint8Array(doneBytes);
    let at = 0;
    for (const b of done) {
      bytes.set(b, at);
      at += b.length;
    }
    const g = { first, bytes };
    first += count;
    done = [];
    doneBytes = 0;
    count = 0;
    return g;
  };

  for await (const data of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    let from = 0; // the bytes of the chunk before `from` are placed (in `done`) or dropped
    let lineStart = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, nl + 1)) {
      if (skipping || openBytes + nl - lineStart > limit) {
        if (lineStart > from) done.push(chunk.subarray(from, lineStart));
        doneBytes += lineStart - from;
        if (count > 0) yield flush();
        yield { tooLong: first++ };
        skipping = false;
        from = nl + 1;
      } else {
        count++;
        if (openBytes > 0) {
          done.push(...open);
          doneBytes += openBytes;
        }
      }
      open = [];
      openBytes = 0;
      lineStart = nl + 1;
    }
    if (lineStart > from) done.push(chunk.subarray(from, lineStart));
    doneBytes += lineStart - from;
    if (!skipping && lineStart < chunk.length) {
      open.push(chunk.subarray(lineStart));
      openBytes += chunk.length - lineStart;
      if (openBytes > limit) {
        skipping = true;
        open = [];
        openBytes = 0;
      }
    }
    if (doneBytes >= size) yield flush();
  }
  if (skipping) {
    if (count > 0) yield flush();
    yield { tooLong: first };
    return;
  }
  if (openBytes > 0) {
    done.push(...open);
    doneBytes += openBytes;
    count++;
  }
  if (count > 0) yield flush();
}

/** The lines of a group that are not blank, numbered, without their \n or \r\n; `text` is null for a line that is not UTF-8. */
export function linesOf(group: { first: number; bytes: Uint8Array }): Line[] {
  const bytes = group.bytes;
  const out: Line[] = [];
  let n = group.first;
  for (let start = 0; start < bytes.length; n++) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const stop = end > start && bytes[end - 1] === 13 ? end - 1 : end;
    const line = bytes.subarray(start, stop);
    const text = lineText(line, n);
    if (text === null) out.push({ line: n, text, badByte: firstBadByte(line) });
    else if (text.trim() !== '') out.push({ line: n, text });
    start = end + 1;
  }
  return out;
}
