// fast-check generators for policy texts that are broken in every way a person or a tool breaks
// them: valid text with tokens deleted, duplicated, swapped or inserted; random bytes and random
// Unicode; unterminated strings; numbers of hundreds of digits; deep nesting of parentheses and
// `not`; long operator chains. `anyPolicyText` mixes them all with valid texts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatPolicy } from '../../dsl/format';
import { KEYWORDS } from '../../dsl/builtins/keywords';
import { policyAst } from './policy-ast';

const POLICIES = join(import.meta.dirname, '..', '..', 'policies');

function avtalFiles(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? avtalFiles(full) : name.endsWith('.avtal') ? [full] : [];
    });
  } catch {
    return [];
  }
}

/** The policy files in the repository: real, commented, both languages. */
export const REAL_POLICIES: readonly string[] = avtalFiles(POLICIES).sort().map((f) => readFileSync(f, 'utf8'));

/** A valid text: a generated policy, formatted, or one of the repository's policy files. */
export const validText: fc.Arbitrary<string> = REAL_POLICIES.length > 0
  ? fc.oneof({ weight: 3, arbitrary: policyAst(undefined, 4).map((a) => formatPolicy(a)) }, { weight: 1, arbitrary: fc.constantFrom(...REAL_POLICIES) })
  : policyAst(undefined, 4).map((a) => formatPolicy(a));

/** Splits a text into pieces a mutation works on: whitespace runs, strings, comments, words, single characters. */
export function pieces(text: string): string[] {
  return text.match(/\s+|"(?:[^"\\\n\r]|\\.)*"?|#[^\n\r]*|[\p{L}\p{N}_]+|[\s\S]/gu) ?? [];
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

/** Pieces worth inserting: every keyword spelling, punctuation, odd characters, huge numbers. */
const insertable: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...KEYWORDS.flatMap((k) => [...k.en, ...k.sv])),
  fc.constantFrom('(', ')', ',', ':', '"', '\\', '#', '-', '+', '>=', '!=', '=', '\n', '\r', '\r\n', '\t', ' ', '\u0000', '\uFEFF', '\u2028', '\uD800', '\uDC00', '12:00', '99:99', '2019-02-30', '0000-00-00', '1.', '.5', '1e400'),
  fc.integer({ min: 16, max: 600 }).chain(digits),
  fc.tuple(fc.integer({ min: 1, max: 20 }).chain(digits), fc.integer({ min: 1, max: 400 }).chain(digits)).map(([a, b]) => `${a}.${b}`),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);

type Mutation = { op: 'delete' | 'duplicate' | 'swap' | 'insert' | 'truncate'; at: number; other: number; piece: string; count: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation['op']>('delete', 'duplicate', 'swap', 'insert', 'insert', 'truncate'),
  at: fc.nat(),
  other: fc.nat(),
  piece: insertable,
  count: fc.integer({ min: 1, max: 4 }),
});

function applyMutation(ps: string[], m: Mutation): string[] {
  if (ps.length === 0) return m.op === 'insert' ? [m.piece] : ps;
  const i = m.at % ps.length;
  const j = m.other % ps.length;
  const out = [...ps];
  switch (m.op) {
    case 'delete': out.splice(i, m.count); break;
    case 'duplicate': out.splice(i, 0, ...ps.slice(i, i + m.count)); break;
    case 'swap': [out[i], out[j]] = [out[j], out[i]]; break;
    case 'insert': out.splice(i, 0, m.piece); break;
    case 'truncate': {
      // cut inside a piece: strings lose their closing quote, numbers their digits, keywords their tail
      const p = out[i];
      out[i] = p.slice(0, m.other % Math.max(1, p.length));
      out.length = m.count === 1 ? i + 1 : out.length;
      break;
    }
  }
  return out;
}

/** A valid text with 1-6 token-level mutations. */
export const mutatedText: fc.Arbitrary<string> = fc
  .tuple(validText, fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([text, ms]) => ms.reduce(applyMutation, pieces(text)).join(''));

/** Bytes decoded as UTF-8 (with replacement characters) or as Latin-1. */
export const randomBytesText: fc.Arbitrary<string> = fc.tuple(fc.uint8Array({ maxLength: 400 }), fc.boolean()).map(([bytes, utf8]) =>
  utf8 ? new TextDecoder('utf-8').decode(bytes) : Buffer.from(bytes).toString('latin1'),
);

/** Random Unicode: code points, graphemes, ASCII control characters, lone surrogates. */
export const randomUnicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary-ascii', maxLength: 300 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((cs) => String.fromCharCode(...cs)),
);

const HEADERS = ['agreement a\n', 'avtal a\n'];

/** Unterminated strings: a quote opened and never closed, at the end of a line or of the file. */
export const unterminatedStringText: fc.Arbitrary<string> = fc
  .tuple(validText, fc.nat(), fc.string({ maxLength: 20 }), fc.boolean())
  .map(([text, at, tail, eof]) => {
    if (eof) return `${text}"${tail}`;
    const i = at % (text.length + 1);
    return `${text.slice(0, i)}"${tail.replace(/"/g, '')}\n${text.slice(i)}`;
  });

/** Numbers far too large or too long for a double: hundreds of digits, as values, years, grace days, times. */
export const hugeNumberText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HEADERS), fc.integer({ min: 16, max: 800 }).chain(digits), fc.integer({ min: 0, max: 400 }).chain(digits), fc.nat({ max: 7 }))
  .map(([h, big, frac, where]) => {
    const n = frac ? `${big}.${frac}` : big;
    const en = h.startsWith('agreement');
    const decl = [
      en ? `parameter p\n  value ${n} SEK for 2019\n` : `parameter p\n  värde ${n} kr för 2019\n`,
      en ? `parameter p\n  value 1 SEK for ${big}\n` : `parameter p\n  värde 1 kr för ${big}\n`,
      en ? `payment p\n  grace ${n} days\n` : `betalningsansvar p\n  frist ${n} dagar\n`,
      en ? `deadline d\n  admitted within ${n} hours after ready_notice_sent\n` : `tidsfrist d\n  inskrivning inom ${n} timmar efter utskrivningsklar_meddelad\n`,
      en ? `example e for p\n  given age ${n}\n  expect amount ${n} SEK\n  expect billable days ${n}\n` : `exempel e för p\n  givet ålder ${n}\n  förvänta belopp ${n} kr\n`,
      en ? `cutoff c at ${big}:00, ${big}:00 counts as before\n` : `brytpunkt c kl ${big.slice(0, 2)}:${big.slice(2, 4)}, 12:00 räknas som före\n`,
      en ? `deadline d\n  when ${n} > ${n} + ${n} SEK\n` : `tidsfrist d\n  när ${n} > ${n}\n`,
      en ? `payment p\n  day ${n}: same day\n  expect day ${n}: 2019-01-01\n` : `betalningsansvar p\n  dag ${n}: samma dag\n`,
    ][where];
    return h + decl;
  });

/** Deep nesting: parentheses, `not`, calls, and long chains of + and `and`, in a condition. */
export const deepNestingText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...HEADERS), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.nat({ max: 7 }))
  .map(([h, n, m, shape]) => {
    const body = [
      '('.repeat(n) + 'x' + ')'.repeat(m),
      'not '.repeat(n) + 'x',
      '(not '.repeat(n) + 'x' + ')'.repeat(m),
      'f('.repeat(n) + ')'.repeat(m),
      Array.from({ length: n }, () => 'x').join(' + '),
      Array.from({ length: n }, () => 'x').join(' and '),
      Array.from({ length: n }, (_, i) => (i % 2 ? 'not x' : '(x')).join(' or ') + ')'.repeat(m),
      // just under the nesting limit, again and again, between clause keywords that start afresh
      ('('.repeat(n % 40) + ['from ', 'when ', 'requires ', 'not '][m % 4]).repeat(1 + (m % 50)) + 'x',
    ][shape];
    return `${h}deadline d\n  when ${body}\n  admitted within 1 hours after ${body}\n`;
  });

/** Every kind of text, valid or broken. */
export const anyPolicyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: validText },
  { weight: 6, arbitrary: mutatedText },
  { weight: 1, arbitrary: randomBytesText },
  { weight: 1, arbitrary: randomUnicodeText },
  { weight: 1, arbitrary: unterminatedStringText },
  { weight: 1, arbitrary: hugeNumberText },
  { weight: 1, arbitrary: deepNestingText },
);

/** A text of about `bytes` characters: real policies and generated declarations repeated. */
export function largeText(bytes: number): string {
  const parts: string[] = [REAL_POLICIES[0] ?? 'agreement a\n'];
  const samples = fc.sample(validText, { numRuns: 40, seed: 42 }).map((t) => t.replace(/^(agreement|avtal)[^\n]*\n(?:[ \t]+[^\n]*\n)*/, ''));
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const s = samples[i % samples.length] + '\n';
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}
