// The reviewers' part of the message catalogue (engine/review, `avtal coverage`, `avtal source`, the editor's
// source panel): what cites a passage, why a passage is not encoded, and the branches the worked examples
// exercise. The kinds and reasons are stable keys in the JSON (`kind: "payment"`, `reason: "not-computable"`);
// these are their words. The reasons read as the Swedish keywords write them (`ej beräkningsbart`).
import type { Message, MsgLang, Params } from './types';

const s = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
type TextFn = (p: Params, lang?: MsgLang) => string;
const f = (sv: TextFn, en: TextFn): { sv: TextFn; en: TextFn } => ({ sv, en });

/** What cites a passage, by its kind in the JSON: [Swedish, English]. */
const KINDS: Record<string, [string, string]> = {
  interpretation: ['tolkning', 'interpretation'], cutoff: ['brytpunkt', 'cutoff'], deadline: ['tidsfrist', 'deadline'], payment: ['betalningsregel', 'payment'],
  parameter: ['parameter', 'parameter'], example: ['räkneexempel', 'example'], measure: ['mått', 'measure'], ladder: ['stege', 'ladder'],
  escalation: ['eskalering', 'escalation'], computed: ['beräknat datum', 'computed'], unencoded: ['okodat', 'unencoded'], agreement: ['avtalshuvudet', 'agreement'],
};
/** Why a passage is deliberately not encoded (`unencoded … because`). */
const REASONS: Record<string, [string, string]> = {
  'not-computable': ['ej beräkningsbart', 'not computable'], 'outside-scope': ['utanför tillämpningsområdet', 'outside scope'], 'applied-elsewhere': ['tillämpas annanstans', 'applied elsewhere'],
};
const SV_UNITS: Record<string, [string, string]> = {
  days: ['dag', 'dagar'], 'calendar-days': ['kalenderdag', 'kalenderdagar'], weekdays: ['vardag', 'vardagar'], 'working-days': ['arbetsdag', 'arbetsdagar'],
};
const SV_DAY_ONE: Record<string, string> = { 'same-day': 'samma dag', 'next-day': 'nästa dag' };

const table = (prefix: string, t: Record<string, [string, string]>): Record<string, Message> => Object.fromEntries(Object.entries(t).map(([k, [sv, en]]) => [`${prefix}${k}`, { sv, en }]));

export const REVIEW_MESSAGES = {
  ...table('review.kind.', KINDS),
  ...table('review.reason.', REASONS),
  // the branches of example coverage (engine/review/example-coverage.ts)
  'review.branch.responsible': { sv: 'betalningsansvar inträder', en: 'payment responsibility arises' },
  'review.branch.requirementUnmet': { sv: 'krav {n} är inte uppfyllt', en: 'requirement {n} unmet' },
  'review.branch.exemptionApplies': { sv: 'undantag {n} gäller', en: 'exemption {n} applies' },
  'review.branch.grace': f(
    (p) => `frist ${s(p.n)} ${SV_UNITS[s(p.unit)]?.[Number(p.n) === 1 ? 0 : 1] ?? s(p.unit)}${p.conditional ? ' (med villkor)' : ''}`,
    (p) => `grace ${s(p.n)} ${s(p.unit)}${p.conditional ? ' (conditional)' : ''}`,
  ),
  'review.branch.dayOne': f(
    (p) => `dag 1: ${SV_DAY_ONE[s(p.value)] ?? s(p.value)}${p.conditional ? ' (med villkor)' : ''}`,
    (p) => `day 1: ${s(p.value)}${p.conditional ? ' (conditional)' : ''}`,
  ),
  'review.branch.met': { sv: 'hållen', en: 'met' },
  'review.branch.missed': { sv: 'missad', en: 'missed' },
  'review.branch.notApplicable': { sv: 'gäller inte (villkoret är inte uppfyllt)', en: 'not applicable (its condition does not hold)' },
  'review.branch.applies': { sv: 'gäller', en: 'applies' },
  'review.branch.doesNotApply': { sv: 'gäller inte (villkoret är inte uppfyllt)', en: 'does not apply (its condition does not hold)' },
  'review.branch.transition': { sv: 'övergången från {from} till {to}', en: 'transition {from} → {to}' },
  'review.branch.interpretation': { sv: 'tolkning som en regel bygger på', en: 'interpretation relied on by a rule' },
} satisfies Record<string, Message>;
