// The editor's hover and the CLI's own messages.
import { termText } from './terms';
import type { Message, MsgLang, Params } from './types';

/** The parser's "unexpected X; expected A or B": the expected words are terms (`a name` → "ett namn"). */
function unexpected(p: Params, lang: MsgLang): string {
  const words = Array.from({ length: Number(p.n) || 0 }, (_, i) => termText(String(p[`e${i}`] ?? ''), lang));
  const found = termText(String(p.found ?? ''), lang);
  return lang === 'sv'
    ? `oväntat ${found}${words.length ? `; väntade ${words.join(' eller ')}` : ''}`
    : `unexpected ${found}${words.length ? `; expected ${words.join(' or ')}` : ''}`;
}

export const UI_MESSAGES = {
  'parse.unexpected': { sv: unexpected, en: unexpected },
  'hint.didYouMean': { sv: ' (menade du {name}?)', en: ' (did you mean {name}?)' },
} satisfies Record<string, Message>;
