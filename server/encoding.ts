// The one encoding rule of every body (a single case, a JSON batch, NDJSON, months, drafts): UTF-8, a
// byte-order mark at the very start accepted and dropped, anything that is not UTF-8 refused (400 AVT-H025)
// rather than silently replaced.
import { isUtf8 } from 'node:buffer';
import { httpError, type HttpError } from './errors';

const BOM = [0xef, 0xbb, 0xbf];

export const startsWithBom = (b: Uint8Array): boolean => b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];

/** The offset of the first byte that is not part of valid UTF-8 (for the error message). */
export function firstBadByte(b: Uint8Array): number {
  let lo = 0;
  let hi = b.length;
  // Halving finds the longest prefix that decodes (`stream` allows a prefix to end inside a character).
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/** A body's text, or the 400 to answer. */
export function bodyText(bytes: Buffer): { ok: true; text: string } | { ok: false; error: HttpError } {
  if (!isUtf8(bytes)) return { ok: false, error: httpError(400, 'AVT-H025', { offset: firstBadByte(bytes) }, { pointer: '' }) };
  return { ok: true, text: bytes.toString('utf8', startsWithBom(bytes) ? 3 : 0) };
}

/** A line's text, or null when it is not UTF-8 (an NDJSON line answered with AVT-H025). A BOM is dropped only at the start of the body (line 1). */
export function lineText(bytes: Uint8Array, lineNumber: number): string | null {
  if (!isUtf8(bytes)) return null;
  const skip = lineNumber === 1 && startsWithBom(bytes) ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.length - skip).toString('utf8');
}
