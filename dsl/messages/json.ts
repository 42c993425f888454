// What is wrong with a text that is not JSON (a request body, an NDJSON line, a case file), in Swedish and
// English: where the reading stopped (line and column, from JavaScript's own error) and the character found
// there, instead of the runtime's English words.
import type { Message, Params } from './types';

export const JSON_MESSAGES = {
  'json.empty': { sv: 'texten är tom', en: 'the text is empty' },
  'json.end': { sv: 'texten tar slut mitt i ett värde', en: 'the text ends in the middle of a value' },
  'json.at': { sv: 'oväntat »{found}« på rad {line}, tecken {column}', en: "unexpected '{found}' at line {line}, column {column}" },
  'json.atColumn': { sv: 'oväntat »{found}« vid tecken {column}', en: "unexpected '{found}' at column {column}" },
  'json.token': { sv: 'oväntat »{found}«', en: "unexpected '{found}'" },
  'json.unterminated': { sv: 'en sträng (inom citattecken) avslutas aldrig', en: 'a string (in quotation marks) is never closed' },
  'json.other': { sv: 'kan inte läsas ({detail})', en: '{detail}' },
} satisfies Record<string, Message>;

/**
 * Why `text` is not JSON, as a message of the catalogue: `error` is what JSON.parse threw for it (V8 names the
 * position: "… in JSON at position 12"; the line and column are counted here, from 1).
 */
export function jsonProblem(text: string, error: unknown): { code: keyof typeof JSON_MESSAGES; params: Params } {
  if (text.trim() === '') return { code: 'json.empty', params: {} };
  const message = error instanceof Error ? error.message : String(error);
  if (/Unterminated string/.test(message)) return { code: 'json.unterminated', params: {} };
  const at = /at position (\d+)/.exec(message);
  if (at && Number(at[1]) < text.length) {
    const position = Number(at[1]);
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const found = text.charAt(position);
    // a text of one line (an NDJSON line, whose line number the answer gives): the column only
    return text.includes('\n') ? { code: 'json.at', params: { found, line, column } } : { code: 'json.atColumn', params: { found, column } };
  }
  if (at || /end of JSON input/.test(message)) return { code: 'json.end', params: {} };
  // "Unexpected token 'h', "hello" is not valid JSON": V8 names the character, not where it is
  const token = /^Unexpected token '(.+?)'/.exec(message);
  if (token) return { code: 'json.token', params: { found: token[1] } };
  return { code: 'json.other', params: { detail: message } };
}
