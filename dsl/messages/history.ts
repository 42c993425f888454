// Why a case's history is impossible (AVT-E013's {detail}; engine/case/history.ts and validate.ts). Swedish
// names an event by its noun phrase ("utskrivningen") and writes times in words; English keeps the event's id
// and the ISO time, as the API has always answered in English.
import { EVENT_TEXTS } from './events';
import { dateIn } from './format';
import type { MsgLang, Params } from './types';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
/** The event's noun phrase in Swedish ("meddelandet om utskrivningsklar"), its id in English. */
const noun = (ev: unknown, lang: MsgLang): string => (lang === 'sv' ? (EVENT_TEXTS[str(ev)]?.sv[0] ?? str(ev)) : str(ev));
const when = (v: unknown, lang: MsgLang): string => dateIn(str(v), lang);
/** Swedish starts the sentence's subject as it is; "inskrivningen (måndag 7 januari 2019 kl. 09.00)". */
const at = (p: Params, lang: MsgLang): string => `${noun(p.ev, lang)} ${lang === 'sv' ? `(${when(p.at, lang)})` : `at ${str(p.at)}`}`;

export const HISTORY_MESSAGES = {
  'history.diedAndDischarged': {
    sv: 'patienten avled i slutenvården och skrevs också ut; ange bara det ena (avliden eller utskrivning)',
    en: 'the patient died in inpatient care (died) and was also discharged; record one of them',
  },
  'history.once': {
    sv: (p: Params) => `${noun(p.ev, 'sv')} sker högst en gång under ett vårdtillfälle men är angiven ${str(p.n)} gånger`,
    en: (p: Params) => `${str(p.ev)} happens at most once in an episode; it is recorded ${str(p.n)} times`,
  },
  'history.beforeAdmission': {
    sv: (p: Params) => `${at(p, 'sv')} kommer före inskrivningen (${when(p.admitted, 'sv')})`,
    en: (p: Params) => `${at(p, 'en')} comes before the admission at ${str(p.admitted)}`,
  },
  'history.afterDeath': {
    sv: (p: Params) => `${at(p, 'sv')} kommer efter att patienten avled (${when(p.died, 'sv')})`,
    en: (p: Params) => `${at(p, 'en')} comes after the patient died at ${str(p.died)}`,
  },
  'history.nothingToWithdraw': {
    sv: (p: Params) => `${at(p, 'sv')} återkallar ${noun(p.of, 'sv')}, men ${p.first === false ? 'inget nytt sådant är angivet sedan förra återkallelsen' : 'inget sådant är angivet före den'}`,
    en: (p: Params) => `${at(p, 'en')} withdraws ${str(p.of)}, but no ${str(p.of)} is recorded ${p.first === false ? 'since the previous withdrawal' : 'before it'}`,
  },
  'history.outOfOrder': {
    sv: (p: Params) => `${when(p.at, 'sv')} kommer före tidpunkten som står före den; ange tidpunkterna i tidsordning`,
    en: (p: Params) => `${str(p.at)} comes before the occurrence listed before it; give the occurrences in time order`,
  },
  // a worked example's scenario that is not a possible history (engine/compiler/example-case.ts): where, and why
  'example.error': { sv: '{pointer}: {error}', en: '{pointer}: {error}' },
};
