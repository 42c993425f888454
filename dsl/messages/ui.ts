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
  // engine/api.ts, engine/registry: an agreement's fallback
  'fallback.payment': {
    sv: '{agreement} {version} har ingen betalningsregel; betalningsregeln i {fallback} {fallbackVersion}, som anges som reserv, gäller',
    en: '{agreement} {version} has no payment rule; the payment rule of {fallback} {fallbackVersion}, named as its fallback, applies',
  },
  'fallback.version': {
    sv: 'ingen version av {agreement} gäller {date}; {nearest} anger {fallback} som det som gäller utanför den',
    en: 'no version of {agreement} is in force on {date}; {nearest} names {fallback} as what applies outside it',
  },
  // AVT-E004: the versions nearest to a date no version covers
  'nearest.before': { sv: 'den senaste före är {version} ({from} till {to})', en: 'the last before it is {version} ({from} to {to})' },
  'nearest.beforeOpen': { sv: 'den senaste före är {version} ({from} tills vidare)', en: 'the last before it is {version} ({from} to further notice)' },
  'nearest.after': { sv: 'nästa är {version} från {from}', en: 'the next is {version} from {from}' },
  'nearest.one': { sv: '; {a}', en: '; {a}' },
  'nearest.both': { sv: '; {a}; {b}', en: '; {a}; {b}' },
  'nearest.versionDate': { sv: 'som version {version}', en: 'version {version}' },
  'nearest.versions': { sv: '; versioner: {list}', en: '; versions: {list}' },
  'hint.didYouMean': { sv: ' (menade du {name}?)', en: ' (did you mean {name}?)' },
} satisfies Record<string, Message>;
