// A source text cut into sentences, and which of them carry something a rule could compute: a
// quantity, a time, a deadline or a condition. Browser-safe.
import { normalizeSpace, type Span } from '../../dsl/sources/library';

export interface Sentence extends Span {
  text: string; // whitespace normalized
  /** Why the sentence is one a policy must decide about: the words that carry a quantity, time, deadline or condition. */
  carries: string[];
}

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set(['kl', 't', 'ex', 'bl', 'a', 's', 'k', 'ca', 'nr', 'resp', 'enl', 'st', 'kap', 'p', 'jfr', 'dvs', 'm', 'fl', 'm.m', 'o', 'd', 'osv', 'tex', 'etc', 'f', 'prop', 'sid', 'tfn', 'inkl', 'exkl', 'avd', 'mom', 'bil', 'ang', 'el', 'sk', 'fr', 'v', 'tim', 'min', 'tel', 'ev', 'ff', 'op', 'kr']);

const BULLET = /^[-–•\u2022\uf0b7\uf02d\u25aa\u25cf]$/;

/** Cuts a text into sentences at ". X", "? X", "! X" (not after an abbreviation or a section number) and before list bullets. */
export function sentences(text: string): Sentence[] {
  // Words of the text with their offsets.
  const words: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) words.push({ w: m[0], start: m.index!, end: m.index! + m[0].length });
  const out: Sentence[] = [];
  let first = 0;
  const flush = (last: number) => {
    if (last < first) return;
    const start = words[first].start;
    const end = words[last].end;
    const t = normalizeSpace(text.slice(start, end));
    if (/[\p{L}]/u.test(t)) out.push({ start, end, text: t, carries: carriers(t) });
    first = last + 1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i].w;
    const next = words[i + 1]?.w;
    if (next && BULLET.test(next) && i >= first) { flush(i); continue; }
    if (!next || !/[.!?]["”»)]?$/.test(w)) continue;
    const bare = w.replace(/[.!?]["”»)]?$/, '').replace(/^[("“«]/, '').toLowerCase();
    if (ABBREVIATIONS.has(bare) || /^\d{1,2}$/.test(bare) || /^\d+(\.\d)+$/.test(bare) || /^[a-zåäö]$/.test(bare) || /\.[a-zåäö]$/.test(bare)) continue;
    if (/^[\p{Lu}\d"“«(]/u.test(next) || BULLET.test(next)) flush(i);
  }
  flush(words.length - 1);
  return out;
}

const NUMBER_WORDS = 'två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|tjugo|trettio|fyrtio|hundra|halv|halvt|dubbel|tredje|fjärde|femte|sista';
const TIME_WORDS = 'dag|dagar|dagen|dagarna|dygn|dygnet|timme|timmar|timmarna|vecka|veckor|veckan|veckorna|månad|månader|månaden|månadsvis|år|året|årligen|årlig|årligt|årliga|kalenderår|kalenderdagar|vardag|vardagar|vardagen|helg|helger|helgdag|helgdagar|helgdagsafton|kväll|kvällar|natt|nätter|morgon|förmiddag|eftermiddag|klockan|kl|dagtid|jourtid|kontorstid';
const DAY_NAMES = 'måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|måndagen|tisdagen|onsdagen|torsdagen|fredagen|lördagen|söndagen';
const MONTHS = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december';
// "så snart", "skyndsamt", "i god tid", "i förväg" are deadlines without a time, like "snarast" and "utan dröjsmål": a policy decides about them too
const DEADLINE = 'senast|innan|förrän|omgående|omedelbart|snarast|så snart|genast|skyndsamt|i god tid|i förväg|dröjsmål|frist|fristdag|fristdagar';
// an obligation ("ska", "skall") counts on its own: the policy decides whether it is a rule a case can be checked against
const CONDITION = 'ska inte|skall inte|ska|skall|får inte|endast om|endast när|förutsätter|förutsatt att|under förutsättning|villkor|villkoret|undantag|undantas|oavsett|betalningsansvar|betalningsansvaret|betalningsansvarig';

// "inom" is "within" of time only before a number or a unit of time ("inom tre dagar", "inom 24 timmar"), else of place ("inom regionen").
const WITHIN = `inom\\s+(?:\\S+\\s+)?(?:\\d|${NUMBER_WORDS}|${TIME_WORDS})`;

const CARRIER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${WITHIN}|\\d+(?:[.,:]\\d+)*|${NUMBER_WORDS}|${TIME_WORDS}|${DAY_NAMES}|${MONTHS}|${DEADLINE}|${CONDITION})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The words of a sentence that carry a quantity, a time, a deadline or a condition (a leading section number aside). */
export function carriers(sentence: string): string[] {
  // Section numbers, references to laws and their sections, and footnote markers are not quantities.
  const body = sentence
    .replace(/^(\d+(\.\d+)*\.?\s+)+/, '')
    .replace(/\(?\b(?:SFS\s*)?\d{4}:\d+\)?/g, ' ')
    .replace(/\b\d+(?:\s*[a-z])?\s*(?:-\s*\d+\s*)?§§?/g, ' ')
    .replace(/\b\d+\s*kap\b\.?/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b(?:punkt|kap\.?|nr)\s*\d+(?:[./]\d+)*/giu, ' ')
    .replace(/§\s*\d+(?:\s*[a-z])?(?:\.\d+)?/g, ' ')
    .replace(/\b\d+(?:\.\d+)*\.?\s+(?=\p{Lu})/gu, ' ')
    .replace(/\b(?:första|andra|tredje|fjärde|femte)\s+(?:stycket|punkten|kapitlet)/giu, ' ');
  return [...new Set([...body.matchAll(CARRIER)].map((m) => m[0].toLowerCase()))];
}
