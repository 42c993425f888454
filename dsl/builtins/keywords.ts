// The keyword table: one entry per concept, with its English and its Swedish spelling.
// A file is written in one language, chosen by its first keyword; the lexer accepts both, the
// checker reports a file that mixes them, and the formatter prints the file's own language.
// The editor's syntax colours and completion and the language reference are generated from this table.

export type Lang = 'en' | 'sv';

export type KeywordRole = 'declaration' | 'clause' | 'operator' | 'unit' | 'value' | 'expectation';

export interface KeywordEntry {
  name: string; // the token type's name
  en: readonly string[]; // first spelling is canonical; a later one is a singular or other accepted form
  sv: readonly string[];
  role: KeywordRole;
  description: string;
}

const kw = (name: string, en: string | string[], sv: string | string[], role: KeywordRole, description: string): KeywordEntry => ({
  name,
  en: typeof en === 'string' ? [en] : en,
  sv: typeof sv === 'string' ? [sv] : sv,
  role,
  description,
});

export const KEYWORDS: readonly KeywordEntry[] = [
  // declarations
  kw('Agreement', 'agreement', 'avtal', 'declaration', 'opens the file: one version of one agreement'),
  kw('Interpretation', 'interpretation', 'tolkning', 'declaration', 'a named decision where the source text is unclear'),
  kw('Cutoff', 'cutoff', 'brytpunkt', 'declaration', 'a time of day that splits the day, with its boundary stated'),
  kw('Deadline', 'deadline', 'tidsfrist', 'declaration', 'an event that must happen within a time after another'),
  kw('Payment', 'payment', 'betalningsansvar', 'declaration', "the municipality's payment responsibility for a patient ready for discharge"),
  kw('Parameter', 'parameter', 'parameter', 'declaration', 'a named value that changes by calendar year'),
  kw('Example', 'example', 'exempel', 'declaration', 'a worked example: a scenario and its expected outcome'),
  kw('Computed', 'computed', 'beräknat', 'declaration', 'a date the agreement computes from the case: an estimated discharge date, how long medicines last'),
  // header clauses
  kw('County', 'county', 'län', 'clause', 'the county whose agreement this is'),
  kw('Version', 'version', 'version', 'clause', "this file's version label"),
  kw('Published', 'published', 'publicerad', 'value', 'the version is adopted and immutable'),
  kw('Draft', 'draft', 'utkast', 'value', 'the version is a proposal, never chosen by date unless asked for'),
  kw('Valid', 'valid', 'gäller', 'clause', 'the validity period'),
  kw('UntilFurtherNotice', 'until further notice', 'tills vidare', 'value', 'open-ended validity'),
  kw('Source', 'source', 'källa', 'clause', 'the source document the file encodes'),
  kw('Fallback', 'fallback', 'reserv', 'clause', 'the agreement whose rules apply where this one does not'),
  kw('SubjectTo', 'subject to', 'lyder under', 'clause', "the law this agreement is made under: the conditions (requires, exempt) of the law's payment rules bind every payment rule of the agreement, which sets only the time and the amount (Lag 2017:612, 4 kap. 5 §)"),
  // provenance
  kw('Cite', 'cite', 'enligt', 'clause', 'the heading of the source a rule comes from'),
  kw('Quote', 'quote', 'citat', 'clause', "the source's own words"),
  kw('See', 'see', 'se', 'clause', 'the interpretation a rule relies on'),
  kw('Decision', 'decision', 'beslut', 'clause', 'the reading chosen and why'),
  kw('In', 'in', 'i', 'clause', 'the source file of a citation, when not the agreement\'s own'),
  // rule clauses
  kw('CountsAs', 'counts as', 'räknas som', 'clause', 'which side of a cutoff its own time falls on'),
  kw('At', 'at', 'kl', 'clause', 'the time of a cutoff'),
  kw('Within', 'within', 'inom', 'operator', 'the time allowed for a deadline'),
  kw('When', 'when', 'när', 'clause', 'the condition under which a clause applies'),
  kw('SameDay', 'same day', 'samma dag', 'value', 'day 1 is the date of the anchor event'),
  kw('NextDay', 'next day', 'nästa dag', 'value', 'day 1 is the day after the anchor event'),
  kw('Grace', 'grace', 'frist', 'clause', 'the number of grace days before payment starts'),
  kw('Requires', 'requires', 'kräver', 'clause', 'a precondition of payment'),
  kw('Exempt', 'exempt', 'undantag', 'clause', 'a condition under which no payment is due'),
  kw('WithdrawnBy', 'withdrawn by', 'återkallas av', 'clause', 'the event that withdraws the anchor event: it ends the period, and a later anchor event starts a new one with its own day 1 and grace days'),
  kw('Inclusive', 'inclusive', 'inklusive', 'value', 'the end day is counted'),
  kw('Exclusive', 'exclusive', 'exklusive', 'value', 'the end day is not counted'),
  kw('Rate', 'rate', 'ersättning', 'clause', 'the amount paid per day, a parameter'),
  kw('Value', 'value', 'värde', 'clause', "a parameter's value for one calendar year"),
  kw('For', 'for', 'för', 'clause', 'the year of a value, or the rule an example illustrates'),
  // examples
  kw('Derived', 'derived', 'härlett', 'value', 'the example is derived from the text, not stated in it'),
  kw('Assume', 'assume', 'antag', 'clause', 'an assumption the example makes'),
  kw('Given', 'given', 'givet', 'clause', 'an event time or a fact of the scenario'),
  kw('Expect', 'expect', 'förvänta', 'clause', 'an expected outcome'),
  kw('FirstPayableDay', 'first payable day', 'första betalningsdag', 'expectation', 'the first day the municipality pays for'),
  kw('NoPayment', 'no payment', 'ingen betalning', 'expectation', 'no payment responsibility arises'),
  kw('BillableDays', 'billable days', 'debiterbara dagar', 'expectation', 'the number of days paid for'),
  kw('Amount', 'amount', 'belopp', 'expectation', 'the amount due'),
  kw('Met', 'met', 'hållen', 'value', 'the deadline was met'),
  kw('Missed', 'missed', 'missad', 'value', 'the deadline was missed'),
  kw('Pending', 'pending', 'väntande', 'value', 'the deadline has not passed and the event has not happened'),
  kw('NotApplicable', 'not applicable', 'ej tillämplig', 'value', 'the deadline does not apply to the case'),
  // monthly measures and escalation ladders (docs/language.md, monthly measures)
  kw('Measure', 'measure', 'mått', 'declaration', "a monthly average per municipality of the days patients stay after being ready for discharge"),
  kw('Ladder', 'ladder', 'stege', 'declaration', 'an escalation ladder: steps, the monthly conditions that move between them, and what each move triggers'),
  kw('Step', 'step', 'steg', 'clause', 'a step of a ladder; the first declared step is where every municipality starts'),
  kw('Includes', 'includes', 'omfattar', 'clause', 'which care episodes a measure counts'),
  kw('Received', 'counts as received', 'anses inkommen', 'clause', 'the day an anchor event counts as received, before day 1 is counted'),
  kw('Months', ['months', 'month'], ['månader', 'månad'], 'unit', 'calendar months'),
  kw('Split', 'split', 'delad', 'value', "an episode's days are split over the calendar months they fall in"),
  kw('EmptyMonth', 'empty month', 'tom månad', 'clause', 'the average of a month in which no episode counts'),
  kw('Threshold', 'threshold', 'gräns', 'clause', "the ladder's threshold: a number, or a parameter with a value per calendar year"),
  kw('Over', 'over', 'över', 'operator', 'the average is strictly greater than the threshold (2.4 is not over 2.4)'),
  kw('AtOrUnder', 'at or under', 'på eller under', 'operator', 'the average is equal to or less than the threshold'),
  kw('InARow', 'in a row', 'i följd', 'operator', 'consecutive months, counted since the ladder entered its current step'),
  kw('Action', 'action', 'åtgärd', 'clause', 'an action a ladder transition triggers'),
  kw('Invoice', 'invoice', 'fakturera', 'clause', 'months that are invoiced'),
  kw('Invoiced', 'invoiced', 'faktureras', 'clause', 'which episodes and which of their days an invoiced month bills'),
  kw('Episodes', 'episodes', 'vårdtillfällen', 'clause', 'care episodes'),
  kw('CarryForward', 'carry forward', 'förs vidare', 'value', "a year without a value of its own takes the latest earlier year's value"),
  kw('Average', 'average', 'genomsnitt', 'clause', "a month's average in a worked example"),
  kw('NoInvoice', 'no invoice', 'ingen fakturering', 'expectation', 'no month is invoiced'),
  kw('AtVersionChange', 'at a change of version', 'vid byte av version', 'clause', "what a ladder does when a series of months passes into another version of the agreement: start again in the first step, or keep the step the municipality is in"),
  kw('StartAgain', 'start again', 'börja om', 'value', 'at a change of version every municipality starts again in the first step'),
  kw('PartlyInForce', 'a month partly in force', 'en månad delvis i kraft', 'clause', 'how a ladder judges a calendar month in which its version begins or ends: outside the agreement, or under the version in force on the month\'s last day'),
  kw('OutsideAgreement', 'outside the agreement', 'utanför avtalet', 'value', 'a month the version covers only in part is outside the agreement: the law applies, which has no ladder; never compared, never invoiced'),
  kw('LastDayVersion', 'under the version in force on its last day', 'enligt versionen i kraft dess sista dag', 'value', 'a month the version covers in part is judged under the version in force on its last day'),
  kw('KeepStep', 'keep the step', 'behåll steget', 'value', 'at a change of version a municipality stays in the step of the same name, with the months it has been there and its run of months in a row'),
  // recurring obligations, time windows and escalation procedures (docs/language.md, recurring obligations)
  kw('Every', 'every', 'varje', 'operator', 'a recurring obligation: the event must recur in every period'),
  kw('CalendarYear', ['calendar years', 'calendar year'], ['kalenderår'], 'unit', 'calendar years, 1 January to 31 December'),
  kw('CalendarMonth', ['calendar months', 'calendar month'], ['kalendermånader', 'kalendermånad'], 'unit', 'calendar months, from the first to the last day of the month'),
  kw('On', 'on', 'på', 'operator', 'the days of a time window'),
  kw('Between', 'between', 'mellan', 'operator', 'the hours of a time window: from the first time (inclusive) to the second (exclusive)'),
  kw('PublicHolidays', ['public holidays', 'public holiday'], ['allmänna helgdagar', 'allmän helgdag'], 'unit', 'public holidays (Lag 1989:253), not counting ordinary Sundays'),
  kw('RedDays', ['red days', 'red day'], ['röda dagar', 'röd dag'], 'unit', 'Sundays and public holidays'),
  kw('DaysOff', ['days off', 'day off'], ['lediga dagar', 'ledig dag'], 'unit', 'every day that is not a working day: weekends, public holidays, Midsummer, Christmas and New Year\'s Eve'),
  kw('Escalation', 'escalation', 'eskalering', 'declaration', 'an ordered escalation procedure: the steps a dispute goes through, each with its citation'),
  // passages deliberately not encoded (docs/sources.md, text coverage)
  kw('Unencoded', 'unencoded', 'okodat', 'declaration', 'a passage of the source deliberately not encoded, quoted, with the reason'),
  kw('Reason', 'reason', 'skäl', 'clause', 'why a passage is not encoded (not computable, outside scope, applied elsewhere) and an explanation'),
  kw('NotComputable', 'not computable', 'ej beräkningsbart', 'value', 'the passage states no rule that a case could be evaluated against'),
  kw('OutsideScope', 'outside scope', 'utanför tillämpningsområdet', 'value', 'the passage is about something outside what the policy decides'),
  kw('AppliedElsewhere', 'applied elsewhere', 'tillämpas annanstans', 'value', 'the passage is encoded in another policy, or by another rule of this one'),
  // operators and values
  kw('And', 'and', 'och', 'operator', 'both conditions hold'),
  kw('Or', 'or', 'eller', 'operator', 'either condition holds'),
  kw('Not', 'not', 'inte', 'operator', 'the condition does not hold'),
  kw('Is', 'is', 'är', 'operator', 'a fact has a value'),
  kw('Before', 'before', 'före', 'operator', 'before a cutoff'),
  kw('After', 'after', 'efter', 'operator', 'after an event, or after a cutoff'),
  kw('From', 'from', 'från', 'clause', 'the start of validity, or the event payment is counted from'),
  kw('To', 'to', 'till', 'clause', 'the end of validity, or the event payment is counted to'),
  kw('Yes', 'yes', 'ja', 'value', 'true'),
  kw('No', 'no', 'nej', 'value', 'false'),
  // units
  kw('Minutes', ['minutes', 'minute'], ['minuter', 'minut'], 'unit', 'minutes of elapsed time'),
  kw('Hours', ['hours', 'hour'], ['timmar', 'timme'], 'unit', 'hours of elapsed time (24 hours across a DST night is still 24 real hours)'),
  kw('CalendarDays', ['calendar days', 'calendar day'], ['kalenderdagar', 'kalenderdag'], 'unit', 'calendar days, counted on dates'),
  kw('Weekdays', ['weekdays', 'weekday'], ['vardagar', 'vardag'], 'unit', 'Monday to Friday, counted on dates'),
  kw('WorkingDays', ['working days', 'working day'], ['arbetsdagar', 'arbetsdag'], 'unit', 'Monday to Friday that are neither public holidays nor customary days off'),
  kw('Days', ['days', 'day'], ['dagar', 'dag'], 'unit', 'calendar days, counted on dates (the same as calendar days)'),
  kw('Currency', 'SEK', 'kr', 'unit', 'Swedish kronor'),
];

export const KEYWORD_BY_NAME: ReadonlyMap<string, KeywordEntry> = new Map(KEYWORDS.map((k) => [k.name, k]));

/** The canonical spelling of a keyword in a language (the singular form when `singular`). */
export function spell(name: string, lang: Lang, singular = false): string {
  const entry = KEYWORD_BY_NAME.get(name);
  if (!entry) throw new Error(`no keyword ${name}`); // programming error, not a user's
  const forms = entry[lang];
  return singular && forms.length > 1 ? forms[1] : forms[0];
}

/** Which language a keyword spelling belongs to; 'both' when the two languages share it. */
export function languageOf(name: string, image: string): Lang | 'both' {
  const entry = KEYWORD_BY_NAME.get(name);
  if (!entry) return 'both';
  const norm = image.replace(/\s+/g, ' ');
  const en = entry.en.includes(norm);
  const sv = entry.sv.includes(norm);
  return en && sv ? 'both' : en ? 'en' : 'sv';
}
