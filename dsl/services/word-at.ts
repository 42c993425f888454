// The name under the cursor: the identifier around an offset (Unicode letters, digits, underscore).
export interface WordAt {
  word: string;
  start: number; // offset
  end: number; // offset, exclusive
}

const IDENT = /[\p{L}\p{N}_]/u;

export function wordAt(text: string, offset: number): WordAt | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && IDENT.test(text[start - 1])) start--;
  while (end < text.length && IDENT.test(text[end])) end++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), start, end };
}

/** The word just before the cursor's word, skipping spaces and commas ("se a, b|" → "se"). */
export function previousKeyword(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset).replace(/[\p{L}\p{N}_]*$/u, '');
  const words = before.trim().split(/[\s,]+/).filter(Boolean);
  // "se a, b, " → the list keyword is the first word of the clause when the rest are names
  return words.length ? words[words.length - 1] : undefined;
}

/** The first word of the line the offset is on. */
export function lineKeyword(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^\s*([\p{L}_][\p{L}\p{N}_]*)/u.exec(text.slice(lineStart, offset))?.[1];
}
