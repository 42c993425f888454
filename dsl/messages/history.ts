// A case's history's part of the message catalogue (engine/case/history.ts): why the events of an episode cannot
// have happened so (AVT-E013). In Swedish an event is named by its Swedish name and a time written the short
// Swedish way ("utskrivningsklar_meddelad 2019-01-07 kl. 13.00"); English keeps the case file's names and times.
import { EVENTS } from '../builtins/vocabulary';
import { svShort } from './format';
import type { Message, MsgLang, Params } from './types';

const s = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const SV_NAMES = new Map(EVENTS.map((e) => [e.id, e.sv]));
/** An event by its name in the language. */
const name = (x: unknown, lang: MsgLang): string => (lang === 'sv' ? SV_NAMES.get(s(x)) ?? s(x) : s(x));
const time = (x: unknown, lang: MsgLang): string => (lang === 'sv' ? svShort(s(x)) : s(x));
type TextFn = (p: Params, lang?: MsgLang) => string;
const f = (sv: TextFn, en: TextFn): { sv: TextFn; en: TextFn } => ({ sv, en });

export const HISTORY_MESSAGES = {
  'history.diedAndDischarged': f(
    () => 'patienten avled i slutenvården (avliden) och skrevs också ut (utskrivning); ange bara en av dem',
    () => 'the patient died in inpatient care (died) and was also discharged; record one of them',
  ),
  'history.once': f(
    (p) => `${name(p.event, 'sv')} sker högst en gång under ett vårdtillfälle, men anges ${s(p.count)} gånger`,
    (p) => `${s(p.event)} happens at most once in an episode; it is recorded ${s(p.count)} times`,
  ),
  'history.beforeAdmission': f(
    (p) => `${name(p.event, 'sv')} ${time(p.at, 'sv')} kommer före inskrivningen ${time(p.admitted, 'sv')}`,
    (p) => `${s(p.event)} at ${s(p.at)} comes before the admission at ${s(p.admitted)}`,
  ),
  'history.afterDeath': f(
    (p) => `${name(p.event, 'sv')} ${time(p.at, 'sv')} kommer efter att patienten avled ${time(p.died, 'sv')}`,
    (p) => `${s(p.event)} at ${s(p.at)} comes after the patient died at ${s(p.died)}`,
  ),
  'history.withdrawsNothing': f(
    (p) => `${name(p.event, 'sv')} ${time(p.at, 'sv')} återkallar ${name(p.withdraws, 'sv')}, men ingen ${name(p.withdraws, 'sv')} finns ${p.first ? 'före den' : 'sedan förra återkallelsen'}`,
    (p) => `${s(p.event)} at ${s(p.at)} withdraws ${s(p.withdraws)}, but no ${s(p.withdraws)} is recorded ${p.first ? 'before it' : 'since the previous withdrawal'}`,
  ),
  // a worked example's scenario that is not a possible history (engine/compiler/example-case.ts): where, and why
  'example.error': { sv: '{pointer}: {error}', en: '{pointer}: {error}' },
} satisfies Record<string, Message>;
