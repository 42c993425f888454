// Numbers as the language writes them: digits with an optional decimal part, never an exponent.
// The lexer rejects a literal whose value would print back differently; the formatter prints with
// plainNumber, so formatting never changes a number's digits.

/** The shortest decimal text of a finite number, without an exponent: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". */
export function plainNumber(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function canonical(s: string): string {
  const [int, frac = ''] = s.split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/** Whether a number literal's value prints back as the same number (false for 1e400 or 20 significant digits). */
export function keepsExactly(image: string): boolean {
  const v = Number(image);
  return Number.isFinite(v) && canonical(plainNumber(v)) === canonical(image);
}
