// The explanation's part of the message catalogue: every reason and explanation step of a result
// (engine/evaluator/explain*.ts). Swedish as an official writes it: events by what happened ("meddelandet
// om utskrivningsklar skickades"), dates in words ("måndag 7 januari 2019 kl. 13.00"). The texts keep to
// Latin-1 (engine/evaluator/explain.ts says why). Reasons are made on every evaluation, explain or not:
// they are functions, not templates, so no text is scanned on that path (engine/evaluator calls the entry
// itself, EXPLAIN_MESSAGES[code][lang](params), which V8 can inline; render() would look it up), and they write a time the short
// Swedish way ("2019-01-10 kl. 24.00"); the explanation steps write it out ("torsdag 10 januari 2019 kl. 24.00").
import { EVENTS } from '../builtins/vocabulary';
import { EVENT_TEXTS } from './events';
import { amountIn, svDate, svNumber, svShort } from './format';
import type { Message, MsgLang, Params } from './types';

const s = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
/** The phrases of each shared event by either of its names, in one table: one lookup per text that needs them. */
const PHRASES = new Map<string, (typeof EVENT_TEXTS)[string]>();
for (const e of EVENTS) if (EVENT_TEXTS[e.id]) for (const n of [e.id, e.sv]) PHRASES.set(n, EVENT_TEXTS[e.id]);
const phrases = (name: unknown, lang: MsgLang): [string, string] | undefined => (typeof name === 'string' ? PHRASES.get(name)?.[lang] : undefined);
/** An event as a noun ("kallelsen till SIP") or as what happened ("kallelsen till SIP skickades"); a name outside the vocabulary as it is. */
const noun = (name: unknown, lang: MsgLang): string => phrases(name, lang)?.[0] ?? s(name);
const done = (name: unknown, lang: MsgLang): string => phrases(name, lang)?.[1] ?? s(name);

const SV_UNITS: Record<string, [one: string, many: string]> = {
  days: ['dag', 'dagar'], 'calendar-days': ['kalenderdag', 'kalenderdagar'], weekdays: ['vardag', 'vardagar'], 'working-days': ['arbetsdag', 'arbetsdagar'],
  hours: ['timme', 'timmar'], minutes: ['minut', 'minuter'], 'calendar-years': ['kalenderår', 'kalenderår'], 'calendar-months': ['kalendermånad', 'kalendermånader'],
  'calendar-year': ['kalenderår', 'kalenderår'], 'calendar-month': ['kalendermånad', 'kalendermånader'], months: ['månad', 'månader'], years: ['år', 'år'], weeks: ['vecka', 'veckor'],
};
const svUnit = (n: number, unit: string): string => SV_UNITS[unit]?.[n === 1 ? 0 : 1] ?? unit.replace(/-/g, ' ');
const SV_DAYS: Record<string, string> = { weekdays: 'vardagar', 'working-days': 'arbetsdagar', 'public-holidays': 'helgdagar', 'red-days': 'röda dagar', 'days-off': 'lediga dagar', days: 'alla dagar', saturdays: 'lördagar', sundays: 'söndagar' };
const STATUS_SV: Record<string, string> = { met: 'hållen', missed: 'missad', pending: 'pågår', 'not-applicable': 'gäller inte' };
/** "3 fristdagar" for days, "3 vardagar frist" for another unit. */
const svGrace = (n: number, unit: string): string => (unit === 'days' || unit === 'calendar-days' ? `${svNumber(n)} ${n === 1 ? 'fristdag' : 'fristdagar'}${unit === 'calendar-days' ? ' (kalenderdagar)' : ''}` : `${svNumber(n)} ${svUnit(n, unit)} frist`);

/** A text of each language as a function of the parameters. */
export type TextFn = (p: Params, lang?: MsgLang) => string;
const f = (sv: TextFn, en: TextFn): { sv: TextFn; en: TextFn } => ({ sv, en });

export const EXPLAIN_MESSAGES = {
  // ---- statuses and shared phrases
  'explain.status': f((p) => STATUS_SV[s(p.status)] ?? s(p.status), (p) => s(p.status)),
  'reason.notApplicable': f((p) => `regeln gäller bara när ${s(p.cond)}, vilket inte är fallet`, (p) => `the rule applies only when ${s(p.cond)}, which does not hold`),
  'explain.cutoff': f(
    (p) => `${done(p.name, 'sv')} ${svDate(s(p.at))}, ${p.holds ? '' : 'inte '}${p.side === 'before' ? 'före' : 'efter'} brytpunkten kl. ${s(p.time).replace(':', '.')}`,
    (p) => `${done(p.name, 'en')} at ${s(p.at)}, ${p.holds ? '' : 'not '}${s(p.side)} the cutoff ${s(p.time)}`,
  ),
  // ---- deadlines: EVENT within DURATION after EVENT
  'reason.deadline.noAnchor': f((p) => `${noun(p.anchor, 'sv')} saknas i ärendet, så fristen har inte börjat löpa`, (p) => `${s(p.anchor)} is not recorded, so the time has not started`),
  'reason.deadline.met': f((p) => `${done(p.subject, 'sv')} ${svShort(s(p.actual))}, senast ${svShort(s(p.due))}`, (p) => `${s(p.subject)} at ${s(p.actual)}, due by ${s(p.due)}`),
  'reason.deadline.missedNone': f((p) => `${noun(p.subject, 'sv')} saknas i ärendet; fristen gick ut ${svShort(s(p.due))}`, (p) => `${s(p.subject)} is not recorded and was due by ${s(p.due)}`),
  'reason.deadline.missedLate': f((p) => `${done(p.subject, 'sv')} ${svShort(s(p.actual))}, efter att fristen gick ut ${svShort(s(p.due))}`, (p) => `${s(p.subject)} at ${s(p.actual)}, after the due time ${s(p.due)}`),
  'reason.deadline.pending': f((p) => `${noun(p.subject, 'sv')} saknas ännu; fristen går ut ${svShort(s(p.due))}`, (p) => `${s(p.subject)} is not recorded yet; due by ${s(p.due)}`),
  'explain.deadline': f(
    (p) => `Tidsfristen ${s(p.id)}: ${noun(p.subject, 'sv')} inom ${s(p.n)} ${svUnit(Number(p.n), s(p.unit))} efter ${noun(p.anchor, 'sv')}; ${STATUS_SV[s(p.status)]}: ${s(p.reason)}.`,
    (p) => `Deadline ${s(p.id)}: ${s(p.subject)} within ${s(p.n)} ${s(p.unit).replace('-', ' ')} after ${s(p.anchor)}; ${s(p.status)}: ${s(p.reason)}.`,
  ),
  // ---- recurring obligations and time windows
  'explain.timing.every': f(
    (p) => `${noun(p.subject, 'sv')} varje ${Number(p.n) === 1 ? '' : `${s(p.n)} `}${svUnit(Number(p.n), s(p.unit))}${p.start ? ` från ${noun(p.start, 'sv')}` : ''}`,
    (p) => `${s(p.subject)} every ${Number(p.n) === 1 ? '' : `${s(p.n)} `}${s(p.unit).replace('-', ' ')}${p.start ? ` from ${s(p.start)}` : ''}`,
  ),
  'explain.timing.period': f((p) => `perioden från ${svDate(s(p.from))} till ${svDate(s(p.to))}`, (p) => `the period from ${s(p.from)} to ${s(p.to)}`),
  'reason.timing.notStarted': f((p) => `${noun(p.start, 'sv')} saknas i ärendet, så skyldigheten har inte börjat`, (p) => `${s(p.start)} is not recorded, so the obligation has not started`),
  'reason.timing.noSubject': f((p) => `${noun(p.subject, 'sv')} saknas i ärendet och inget utvärderingsdatum har angetts`, (p) => `${s(p.subject)} is not recorded and no evaluation date was given`),
  'reason.timing.met': f(
    (p) => `${done(p.subject, 'sv')} senast ${svShort(s(p.actual))}, inom ${p.period ? s(p.period) : `den tillåtna tiden; nästa gång senast ${svShort(s(p.due))}`}`,
    (p) => `the latest ${s(p.subject)} at ${s(p.actual)} falls within ${p.period ? s(p.period) : `the time allowed, due again by ${s(p.due)}`}`,
  ),
  'reason.timing.missed': f(
    (p) => `${noun(p.subject, 'sv')} saknas under ${p.period ? s(p.period) : `den tillåtna tiden, som gick ut ${svShort(s(p.due))}`}${p.actual ? `; senast ${done(p.subject, 'sv')} ${svShort(s(p.actual))}` : ''}`,
    (p) => `no ${s(p.subject)} in ${p.period ? s(p.period) : `the time allowed, due by ${s(p.due)}`}${p.actual ? `; the latest was at ${s(p.actual)}` : ''}`,
  ),
  'reason.timing.pending': f(
    (p) => `${noun(p.subject, 'sv')} ska ske senast ${svShort(s(p.due))}${p.actual ? `; senast ${done(p.subject, 'sv')} ${svShort(s(p.actual))}` : ''}`,
    (p) => `${s(p.subject)} is due by ${s(p.due)}${p.actual ? `; the latest was at ${s(p.actual)}` : ''}`,
  ),
  'explain.timing.window': f((p) => `${SV_DAYS[s(p.days)] ?? s(p.days).replace(/-/g, ' ')} ${s(p.start)}-${s(p.end)}`, (p) => `${s(p.days).replace('-', ' ')} ${s(p.start)}-${s(p.end)}`),
  'explain.timing.windows': f((p) => `${noun(p.subject, 'sv')} på ${s(p.windows)}`, (p) => `${s(p.subject)} on ${s(p.windows)}`),
  'explain.timing.or': f(() => ' eller ', () => ' or '),
  'reason.window.none': f((p) => `${noun(p.subject, 'sv')} saknas i ärendet`, (p) => `${s(p.subject)} is not recorded`),
  'reason.window.met': f((p) => `${done(p.subject, 'sv')} ${svShort(s(p.actual))}, inom tidsfönstret ${s(p.window)}`, (p) => `${s(p.subject)} at ${s(p.actual)} falls in the window ${s(p.window)}`),
  'reason.window.outside': f((p) => `${done(p.subject, 'sv')} ${svShort(s(p.actual))}, utanför alla tidsfönster`, (p) => `${s(p.subject)} at ${s(p.actual)} falls in none of the windows`),
  'explain.timing': f(
    (p) => `Tidsfristen ${s(p.id)}: ${s(p.rule)}; ${STATUS_SV[s(p.status)]}: ${s(p.reason)}.`,
    (p) => `Deadline ${s(p.id)}: ${s(p.rule)}; ${s(p.status)}: ${s(p.reason)}.`,
  ),
  // ---- payment responsibility
  'reason.payment.notStarted': f((p) => `${noun(p.from, 'sv')} saknas i ärendet: inget betalningsansvar har börjat`, (p) => `${s(p.from)} is not recorded: no payment responsibility has started`),
  'explain.payment.notStarted': f((p) => `Betalningsregeln ${s(p.id)}: ${s(p.reason)}.`, (p) => `Payment ${s(p.id)}: ${s(p.reason)}.`),
  'reason.payment.requirementUnmet': f((p) => `kravet "${s(p.requirement)}" är inte uppfyllt`, (p) => `the requirement "${s(p.requirement)}" is not met`),
  'explain.payment.requirementUnmet': f((p) => `Betalningsregeln ${s(p.id)}: ingen betalning, eftersom ${s(p.reason)}.`, (p) => `Payment ${s(p.id)}: no payment, because ${s(p.reason)}.`),
  'reason.payment.exempt': f((p) => `undantag, eftersom ${s(p.exemption)}`, (p) => `exempt, because ${s(p.exemption)}`),
  'explain.payment.exempt': f((p) => `Betalningsregeln ${s(p.id)}: ingen betalning, ${s(p.reason)}.`, (p) => `Payment ${s(p.id)}: no payment, ${s(p.reason)}.`),
  'explain.payment.dayOne': f(
    (p) => `Dag 1 är ${svDate(s(p.dayOne))}: ${p.sameDay ? 'samma dag som' : 'dagen efter'} ${noun(p.from, 'sv')}${p.cond ? `, eftersom ${s(p.cond)}` : ''}.`,
    (p) => `Day 1 is ${s(p.dayOne)}: ${p.sameDay ? 'the same day as' : 'the day after'} ${s(p.from)}${p.cond ? `, because ${s(p.cond)}` : ''}.`,
  ),
  'explain.payment.grace': f(
    (p) => `${p.cutoff ? `${cap(s(p.cutoff))}: ${svGrace(Number(p.n), s(p.unit))}` : `${cap(svGrace(Number(p.n), s(p.unit)))}${p.cond ? `, eftersom ${s(p.cond)}` : ''}`}. Sista fristdagen är ${svDate(s(p.lastGraceDay))}, så betalningsansvaret börjar ${svDate(s(p.firstPayableDay))}.`,
    (p) => p.cutoff
      ? `${cap(s(p.cutoff))}: ${s(p.n)} grace ${s(p.unit).replace('-', ' ')}. The last grace day is ${s(p.lastGraceDay)}, so payment responsibility starts on ${s(p.firstPayableDay)}.`
      : `${s(p.n)} grace ${s(p.unit).replace('-', ' ')}${p.cond ? `, because ${s(p.cond)}` : ''}: the last grace day is ${s(p.lastGraceDay)}, so payment responsibility starts on ${s(p.firstPayableDay)}.`,
  ),
  'reason.payment.ongoing': f((p) => `betalningsansvar från ${svShort(s(p.firstPayableDay))}; patienten är fortfarande inskriven och inget utvärderingsdatum har angetts`, (p) => `payment responsibility from ${s(p.firstPayableDay)}; the patient is still in hospital and no evaluation date was given`),
  'explain.payment.notCounted': f(() => 'Debiterbara dagar: räknas inte, eftersom patienten är fortfarande inskriven och inget utvärderingsdatum har angetts.', () => 'Billable days: not counted, the patient is still in hospital and no evaluation date was given.'),
  'explain.payment.endEvaluation': f((p) => `utvärderingsdatumet ${svDate(s(p.date))}`, (p) => `the evaluation date ${s(p.date)}`),
  'explain.payment.endEvent': f(
    (p) => `dagen då ${done(p.to, 'sv')}, ${p.inclusive ? 'den dagen medräknad' : 'den dagen oräknad'}`,
    (p) => `${s(p.to)} (${p.inclusive ? 'inclusive' : 'exclusive'})`,
  ),
  'reason.payment.billable': f(
    (p) => `betalningsansvar från ${svShort(s(p.firstPayableDay))}; ${s(p.billableDays)} debiterbara ${Number(p.billableDays) === 1 ? 'dag' : 'dagar'} fram till ${s(p.end)}`,
    (p) => `payment responsibility from ${s(p.firstPayableDay)}; ${s(p.billableDays)} billable day(s) up to ${s(p.end)}`,
  ),
  'explain.payment.billable': f(
    (p) => `Debiterbara dagar från ${svDate(s(p.firstPayableDay))} till ${svDate(s(p.lastBillableDay))}: ${s(p.billableDays)}, räknade fram till ${s(p.end)}.`,
    (p) => `Billable days from ${s(p.firstPayableDay)} to ${s(p.lastBillableDay)}: ${s(p.billableDays)}, counted up to ${s(p.end)}.`,
  ),
  'explain.payment.ratePart': f((p) => `${s(p.days)} × ${amountIn(Number(p.rate), 'sv')} kr (${s(p.name)} ${s(p.year)})`, (p) => `${s(p.days)} × ${s(p.rate)} SEK (${s(p.name)} ${s(p.year)})`),
  'explain.payment.amount': f((p) => `Belopp: ${s(p.parts) || '0'} = ${amountIn(Number(p.amount), 'sv')} kr.`, (p) => `Amount: ${s(p.parts) || '0'} = ${s(p.amount)} SEK.`),
  // ---- computed dates
  'reason.computed.notApplicable': f((p) => `gäller bara när ${s(p.cond)}, vilket inte är fallet`, (p) => `applies only when ${s(p.cond)}, which does not hold`),
  'reason.computed.missing': f((p) => `${s(p.expr)} kräver en händelse som saknas i ärendet`, (p) => `${s(p.expr)} needs an event that is not recorded`),
  'reason.computed.value': f((p) => `${s(p.expr)} = ${svShort(s(p.date))}`, (p) => `${s(p.expr)} = ${s(p.date)}`),
  'explain.computed': f((p) => `Beräknat datum ${s(p.id)}: ${s(p.reason)}.`, (p) => `Computed ${s(p.id)}: ${s(p.reason)}.`),
} satisfies Record<string, Message & { sv: TextFn; en: TextFn }>;
