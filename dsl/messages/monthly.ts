// The monthly ladders' part of the message catalogue (engine/monthly, engine/months.ts, `avtal months`): each
// month's explanation steps, the details of the monthly diagnostics (AVT-M…), why an episode is not counted, the
// problems of an episodes file, and the table `avtal months --format table` prints. Swedish as an official
// writes it: "Genomsnittet 3,25 i januari 2025 är över gränsen 2,4", a decimal comma wherever a person reads a
// number, months by name ("mars, april och maj 2025"). English keeps the ISO month and the decimal point.
// The explanation steps keep to Latin-1 (engine/evaluator/explain.ts says why): no arrows, no dashes.
import { amountIn, decimalIn, monthIn, monthsIn, svNumber } from './format';
import type { Message, MsgLang, Params } from './types';

const s = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);
/** A number a person reads, in the language; anything else as it is. */
const num = (x: unknown, lang: MsgLang): string => (typeof x === 'number' ? decimalIn(x, lang) : s(x));
const month = (x: unknown, lang: MsgLang): string => monthIn(s(x), lang);
/** A list of months given as one parameter, "2025-03,2025-04". */
const months = (x: unknown, lang: MsgLang): string => monthsIn(s(x).split(',').filter(Boolean), lang);
/** "en månad i följd", "två månader i följd"; "1 month(s) in a row". */
const svRun = (n: unknown): string => `${svNumber(Number(n) || 0)} ${Number(n) === 1 ? 'månad' : 'månader'} i följd`;
const SV_SIDE: Record<string, string> = { over: 'över', 'at-or-under': 'på eller under' };
const EN_SIDE: Record<string, string> = { over: 'over', 'at-or-under': 'at or under' };

type TextFn = (p: Params, lang?: MsgLang) => string;
const f = (sv: TextFn, en: TextFn): { sv: TextFn; en: TextFn } => ({ sv, en });

export const MONTHLY_MESSAGES = {
  // ---- each month's explanation steps (engine/monthly/evaluate-months.ts, engine/months.ts)
  'months.explain.notMeasured': f(
    (p) => `${cap(month(p.month, 'sv'))} har inget genomsnitt: månaden mäts inte, och räkningen av månader i följd börjar om.`,
    (p) => `${s(p.month)}: not measured; runs of months in a row start again`,
  ),
  'months.explain.noThreshold': f(
    (p) => `Genomsnittet ${num(p.average, 'sv')} i ${month(p.month, 'sv')}; gränsen har inget värde för ${s(p.year)}, så månaden jämförs inte med den.`,
    (p) => `${s(p.month)}: average ${num(p.average, 'en')}; the threshold has no value for ${s(p.year)}`,
  ),
  'months.explain.compared': f(
    (p) => `Genomsnittet ${num(p.average, 'sv')} i ${month(p.month, 'sv')} är ${SV_SIDE[s(p.comparison)] ?? 'inte jämfört med'} gränsen ${num(p.threshold, 'sv')}${p.carriedFrom ? ` (förd vidare från ${s(p.carriedFrom)})` : ''}; ${Number(p.runOver) > 0 ? `${svRun(p.runOver)} över gränsen` : `${svRun(p.runUnder)} på eller under gränsen`} i steget ${s(p.step)}.`,
    (p) => `${s(p.month)}: average ${num(p.average, 'en')} is ${EN_SIDE[s(p.comparison)] ?? 'not compared with'} the threshold ${num(p.threshold, 'en')}${p.carriedFrom ? ` (carried forward from ${s(p.carriedFrom)})` : ''}; ${Number(p.runOver) > 0 ? `${s(p.runOver)} month(s) in a row over` : `${s(p.runUnder)} month(s) in a row at or under`} in step ${s(p.step)}`,
  ),
  'months.explain.transition': f(
    (p) => `${cap(`${Number(p.run) > 1 ? `${svRun(p.run)} ` : ''}${p.side === 'over' ? 'över' : 'på eller under'} gränsen`)}: från steget ${s(p.from)} till steget ${s(p.to)}${p.actions ? `; ${Number(p.actionCount) === 1 ? 'åtgärd' : 'åtgärder'}: ${s(p.actions)}` : ''}${p.invoice ? `; ${months(p.invoice, 'sv')} faktureras` : ''}.`,
    (p) => `${Number(p.run) > 1 ? `${s(p.run)} months in a row ` : ''}${p.side === 'over' ? 'over' : 'at or under'} the threshold: from step ${s(p.from)} to step ${s(p.to)}${p.actions ? `; actions: ${s(p.actions)}` : ''}${p.invoice ? `; invoice ${months(p.invoice, 'en')}` : ''}`,
  ),
  'months.explain.invoiced': f(
    (p) => `${cap(month(p.month, 'sv'))} faktureras (${s(p.by)}): vårdtillfällen över ${num(p.over, 'sv')} dagar, dagarna från och med dag ${s(p.fromDay)}, ersättning enligt ${s(p.rate)}.`,
    (p) => `${s(p.month)} is invoiced (${s(p.by)}): episodes over ${num(p.over, 'en')} days, days from day ${s(p.fromDay)}, rate ${s(p.rate)}`,
  ),
  'months.invoicedBy.step': f((p) => `stegen står i steget ${s(p.step)}`, (p) => `step ${s(p.step)}`),
  'months.invoicedBy.transition': f(
    (p) => `övergången från steget ${s(p.from)} till steget ${s(p.to)} i ${month(p.month, 'sv')}`,
    (p) => `transition from ${s(p.from)} to ${s(p.to)} in ${s(p.month)}`,
  ),
  'months.explain.outside': f(
    (p) => `${cap(month(p.month, 'sv'))}: ingen version av avtalet gäller hela månaden; lagen gäller, och den har ingen stege. Månaden jämförs inte med någon gräns och faktureras inte.`,
    (p) => `${s(p.month)}: no version of the agreement is in force for the whole month; the law applies, which has no ladder: not compared, not invoiced`,
  ),
  // ---- details of the monthly diagnostics
  'months.averages.notMap': { sv: 'väntade en tabell från kommun till en tabell från månad (ÅÅÅÅ-MM) till genomsnitt', en: 'expected a map from municipality to a map from month (YYYY-MM) to average' },
  'months.averages.municipalityNotMap': { sv: '{municipality}: väntade en tabell från månad (ÅÅÅÅ-MM) till genomsnitt', en: '{municipality}: expected a map from month (YYYY-MM) to average' },
  'months.averages.notMonth': { sv: '{municipality}: {key} är ingen månad (ÅÅÅÅ-MM)', en: '{municipality}: {key} is not a month (YYYY-MM)' },
  'months.averages.notAverage': { sv: '{municipality} {key}: {value} är inget genomsnitt (ett tal som är 0 eller större)', en: '{municipality} {key}: {value} is not an average (a number of at least 0)' },
  'months.range.notMonth': { sv: '{option} {value} är ingen månad (ÅÅÅÅ-MM)', en: '{option} {value} is not a month (YYYY-MM)' },
  'months.noLadderNamed': { sv: 'ingen stege heter {name}', en: 'no ladder is named {name}' },
  'months.noLadder': { sv: '{agreement} har ingen månatlig eskaleringsstege', en: '{agreement} has no monthly escalation ladder' },
  'months.notCounted.excluded by the measure': { sv: 'måttet räknar inte med dem', en: 'excluded by the measure' },
  'months.notCounted.no anchor event': { sv: 'händelsen som dagarna räknas från saknas', en: 'no anchor event' },
  'months.notCounted.not yet ended': { sv: 'de har inte avslutats än', en: 'not yet ended' },
  'months.notCounted.no event to place it in a month': { sv: 'ingen händelse placerar dem i en månad', en: 'no event to place it in a month' },
  'months.noVersion': { sv: 'ingen version', en: 'none' },
  'months.versionEnds': { sv: ' (version {version} upphör att gälla {date}, inom månaden)', en: ' (version {version} ends {date} within the month)' },
  'months.versionBegins': { sv: ' (version {version} börjar gälla {date}, inom månaden)', en: ' (version {version} begins {date} within the month)' },
  // ---- problems of an episodes file (AVT-M002: line, field, detail)
  'episodes.field.(line)': { sv: '(hela raden)', en: '(line)' },
  'episodes.field.(item)': { sv: '(hela posten)', en: '(item)' },
  'episodes.field.(header)': { sv: '(rubrikraden)', en: '(header)' },
  'episodes.column': { sv: 'kolumn {n}', en: 'column {n}' },
  'episodes.notObject': { sv: 'väntade ett objekt', en: 'expected an object' },
  'episodes.municipalityRequired': { sv: 'krävs: kommunen som vårdtillfället räknas för', en: 'is required: the municipality the episode counts for' },
  'episodes.notJson': { sv: 'inte giltig JSON: {detail}', en: 'not valid JSON: {detail}' },
  'episodes.csvHeader': { sv: 'en CSV-fil börjar med en rubrikrad som namnger kolumnerna', en: 'a CSV file begins with a header row naming its columns' },
  'episodes.unknownColumn': { sv: 'är ingen känd kolumn: id, municipality, care_type eller en händelse eller uppgift i `avtal schema`', en: 'is not a known column: id, municipality, care_type, or an event or fact of `avtal schema`' },
  'episodes.municipalityColumn': { sv: 'en kolumn för kommunen (municipality eller kommun) krävs', en: 'a municipality column is required' },
  'episodes.unclosedQuote': { sv: 'en cell inom citattecken avslutas inte', en: 'a quoted cell is not closed' },
  'episodes.cellCount': { sv: 'har {cells} celler, men rubrikraden namnger {header}', en: 'has {cells} cells, the header names {header}' },
  'episodes.notYesNo': { sv: '{value} är varken ja eller nej', en: '{value} is not yes or no' },
  'episodes.notNumber': { sv: '{value} är inget tal', en: '{value} is not a number' },
  // ---- `avtal months --format table`
  'months.table.title': { sv: '{agreement} {version}: stegen {ladder} på måttet {measure} ({input})', en: '{agreement} {version} — ladder {ladder} on measure {measure} ({input})' },
  'months.table.input.averages': { sv: 'givna genomsnitt', en: 'averages' },
  'months.table.input.episodes': { sv: 'vårdtillfällen', en: 'episodes' },
  'months.table.outsideVersion': { sv: 'utanför avtalet', en: 'outside the agreement' },
  'months.table.month': { sv: 'månad', en: 'month' },
  'months.table.average': { sv: 'genomsnitt', en: 'average' },
  'months.table.episodes': { sv: 'vårdtillfällen', en: 'episodes' },
  'months.table.threshold': { sv: 'gräns', en: 'threshold' },
  'months.table.step': { sv: 'steg', en: 'step' },
  'months.table.actions': { sv: 'åtgärder', en: 'actions' },
  'months.table.invoiced': { sv: 'fakturerat', en: 'invoiced' },
  'months.table.empty': { sv: ' (tom)', en: ' (empty)' },
  'months.table.outside': { sv: 'utanför', en: 'outside' },
  'months.table.undetermined': { sv: 'obestämd', en: 'undetermined' },
  'months.table.yes': { sv: 'ja', en: 'yes' },
  'months.table.number': f((p) => num(p.value, 'sv'), (p) => num(p.value, 'en')),
  'months.table.days': f((p) => `${s(p.days)} ${Number(p.days) === 1 ? 'dag' : 'dagar'}`, (p) => `${s(p.days)} d`),
  'months.table.amount': f((p) => `${amountIn(Number(p.amount), 'sv')} kr`, (p) => `${s(p.amount)} kr`),
  'months.table.total': f(
    (p) => `fakturerat: ${months(p.months, 'sv')}${p.days === undefined || p.days === null ? '' : `; ${s(p.episodes)} ${Number(p.episodes) === 1 ? 'vårdtillfälle' : 'vårdtillfällen'}, ${s(p.days)} ${Number(p.days) === 1 ? 'dag' : 'dagar'}`}${p.amount === undefined || p.amount === null ? '' : `, ${amountIn(Number(p.amount), 'sv')} kr`}`,
    (p) => `invoiced: ${months(p.months, 'en')}${p.days === undefined || p.days === null ? '' : `; ${s(p.episodes)} episode(s), ${s(p.days)} day(s)`}${p.amount === undefined || p.amount === null ? '' : `, ${s(p.amount)} kr`}`,
  ),
  'months.table.nothing': { sv: 'inget faktureras', en: 'nothing invoiced' },
} satisfies Record<string, Message>;
