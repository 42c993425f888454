// A small document IR in the manner of Wadler and Prettier: the formatter builds a Doc, the printer
// lays it out. `group` prints flat when it fits the line, else breaks its `line`s into newlines.
export type Doc =
  | string
  | Doc[]
  | { kind: 'line'; hard: boolean } // a space when flat, a newline when broken; hard lines always break
  | { kind: 'indent'; contents: Doc }
  | { kind: 'group'; contents: Doc };

export const line: Doc = { kind: 'line', hard: false };
export const hardline: Doc = { kind: 'line', hard: true };
export const indent = (...contents: Doc[]): Doc => ({ kind: 'indent', contents });
export const group = (...contents: Doc[]): Doc => ({ kind: 'group', contents });

export function join(sep: Doc, docs: Doc[]): Doc[] {
  return docs.flatMap((d, i) => (i === 0 ? [d] : [sep, d]));
}

const INDENT = '  ';

function fits(doc: Doc, width: number): boolean {
  // Does the doc, printed flat, fit in `width` characters (and contain no hard line)?
  const stack: Doc[] = [doc];
  let remaining = width;
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (typeof d === 'string') {
      remaining -= d.length;
      if (remaining < 0) return false;
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push(d[i]);
    } else if (d.kind === 'line') {
      if (d.hard) return false;
      remaining -= 1;
    } else stack.push(d.contents);
  }
  return true;
}

/** Lays out a doc at the given width. Trailing spaces are never printed. */
export function print(doc: Doc, width = 100): string {
  const out: string[] = [];
  let column = 0;
  const stack: { doc: Doc; depth: number; flat: boolean }[] = [{ doc, depth: 0, flat: false }];
  while (stack.length > 0) {
    const { doc: d, depth, flat } = stack.pop()!;
    if (typeof d === 'string') {
      out.push(d);
      column += d.length;
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push({ doc: d[i], depth, flat });
    } else if (d.kind === 'line') {
      if (flat && !d.hard) {
        out.push(' ');
        column += 1;
      } else {
        while (out.length > 0 && out[out.length - 1].endsWith(' ')) out[out.length - 1] = out[out.length - 1].trimEnd();
        out.push('\n' + INDENT.repeat(depth));
        column = depth * INDENT.length;
      }
    } else if (d.kind === 'indent') stack.push({ doc: d.contents, depth: depth + 1, flat });
    else stack.push({ doc: d.contents, depth, flat: flat || fits(d.contents, width - column) });
  }
  return out.join('').replace(/[ \t]+\n/g, '\n');
}
