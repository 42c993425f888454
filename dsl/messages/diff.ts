// The diffs' part of the message catalogue (engine/versions): declaration kinds and field names of the semantic
// diff, its rows as prose ("Betalningsregeln kommunens_betalningsansvar: antalet fristdagar ändras från 3 dagar
// till 2 dagar"), the outcome fields and sentences of the behavioural diff, and the rendered documents' headings.
// A construct the table does not know is still shown, by its field name.
import type { Message, MsgLang, Params } from './types';

const s = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const cap = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** Declaration kinds: [Swedish, its definite form, English]. */
const KINDS: Record<string, [string, string, string]> = {
  Interpretation: ['tolkning', 'tolkningen', 'interpretation'],
  Cutoff: ['brytpunkt', 'brytpunkten', 'cutoff'],
  Deadline: ['tidsfrist', 'tidsfristen', 'deadline'],
  Payment: ['betalningsregel', 'betalningsregeln', 'payment rule'],
  Parameter: ['parameter', 'parametern', 'parameter'],
  Example: ['räkneexempel', 'räkneexemplet', 'worked example'],
  Measure: ['mått', 'måttet', 'measure'],
  Ladder: ['stege', 'stegen', 'ladder'],
  Escalation: ['eskalering', 'eskaleringen', 'escalation'],
  Computed: ['beräknat datum', 'det beräknade datumet', 'computed date'],
};

/** Field names of the AST as the semantic diff labels them: [Swedish, English]; '' means "the value itself". */
const FIELDS: Record<string, [string, string]> = {
  id: ['namn', 'name'], title: ['rubrik', 'title'], county: ['län', 'county'], version: ['versionsbeteckning', 'version label'], status: ['status', 'status'],
  validFrom: ['gäller från', 'valid from'], validTo: ['gäller till', 'valid to'], source: ['källfil', 'source file'], fallback: ['reserv', 'fallback'],
  cites: ['källhänvisningar', 'citations'], see: ['tolkningar som regeln bygger på', 'interpretations referred to'], decision: ['beslut', 'decision'],
  when: ['gäller när', 'applies when'], subject: ['händelsen som ska ske', 'event due'], within: ['tidsgränsen', 'time limit'], anchor: ['räknas från', 'counted from'],
  from: ['räknas från', 'counted from'], dayOne: ['dag 1', 'day 1'], grace: ['antalet fristdagar', 'grace'], requires: ['kräver', 'requires'], exempt: ['undantag när', 'exempt when'],
  to: ['till', 'until'], event: ['händelse', 'event'], inclusive: ['inklusive', 'inclusive'], rate: ['ersättning', 'rate'], values: ['värde', 'value'], time: ['tid', 'time'],
  boundary: ['gräns', 'boundary'], countsAs: ['själva gränsen räknas som', 'the boundary itself counts as'], derived: ['härlett', 'derived'], rule: ['visar regeln', 'illustrates rule'],
  assumptions: ['antaganden', 'assumptions'], givens: ['givet', 'given'], averages: ['givet genomsnitt', 'given average'], expects: ['förväntat', 'expected'],
  heading: ['rubrik', 'heading'], quote: ['citat', 'quote'], file: ['fil', 'file'], value: ['', ''], date: ['', ''], n: ['', ''], count: ['', ''],
  every: ['varje', 'every'], windows: ['tidsfönster', 'windows'], steps: ['steg', 'steps'], threshold: ['gräns', 'threshold'], measure: ['mått', 'measure'],
  carryForward: ['förs vidare', 'carry forward'], received: ['anses inkommen', 'counts as received'], month: ['månad', 'month'], emptyMonth: ['tom månad', 'empty month'],
  others: ['övriga händelser', 'others'], withdrawn: ['återkallas av', 'withdrawn'], subjectTo: ['lyder under', 'subject to'], unit: ['enhet', 'unit'], start: ['från', 'start'], end: ['till', 'end'],
  days: ['dagar', 'days'], transitions: ['övergångar', 'transitions'], actions: ['åtgärder', 'actions'], invoice: ['fakturering', 'invoice'], invoiceMonths: ['fakturera månader', 'invoice months'],
  invoicedEpisodesOver: ['fakturerade vårdtillfällen längre än', 'invoiced episodes over'], invoicedFromDay: ['fakturerat från dag', 'invoiced from day'], side: ['sida', 'side'], run: ['månader i följd', 'in a row'],
  municipality: ['kommun', 'municipality'], includes: ['omfattar', 'includes'], reason: ['skäl', 'reason'], year: ['år', 'year'], cutoff: ['brytpunkt', 'cutoff'], name: ['namn', 'name'],
};

/** What a worked example expects, by the expectation's kind (a list element of `expects`): [Swedish, English]. */
const EXPECTS: Record<string, [string, string]> = {
  'first-payable-day': ['första betalningsdag', 'first payable day'], 'no-payment': ['ingen betalning', 'no payment'], 'billable-days': ['debiterbara dagar', 'billable days'],
  amount: ['belopp', 'amount'], grace: ['fristdagar', 'grace'], 'day-one': ['dag 1', 'day one'], computed: ['beräknat datum', 'computed'], deadline: ['tidsfrist', 'deadline'],
  step: ['steg', 'step'], action: ['åtgärd', 'action'], invoice: ['fakturerade månader', 'invoice'], 'no-invoice': ['ingen fakturering', 'no invoice'],
};

/** Fields of a presented result, as the behavioural diff names a difference: [Swedish, English]. */
const RESULT_FIELDS: Record<string, [string, string]> = {
  status: ['status', 'status'], due: ['senast', 'due'], responsible: ['betalningsansvar', 'responsible'], dayOne: ['dag 1', 'day one'], graceDays: ['fristdagar', 'grace days'],
  graceUnit: ['fristenhet', 'grace unit'], lastGraceDay: ['sista fristdag', 'last grace day'], firstPayableDay: ['första betalningsdag', 'first payable day'],
  lastBillableDay: ['sista debiterbara dag', 'last billable day'], billableDays: ['debiterbara dagar', 'billable days'], ongoing: ['pågår', 'ongoing'], amount: ['belopp', 'amount'],
  date: ['datum', 'date'], applies: ['gäller', 'applies'], totalBillableDays: ['debiterbara dagar totalt', 'total billable days'], totalAmount: ['belopp totalt', 'total amount'],
  periods: ['perioder', 'periods'], ratesUsed: ['använda belopp per dag', 'rates used'], actual: ['skedde', 'actual'], endedBy: ['avslutad av', 'ended by'],
};

/** Values of the diffs: [Swedish, English]. */
const VALUES: Record<string, [string, string]> = {
  yes: ['ja', 'yes'], no: ['nej', 'no'], none: ['inget', 'none'], '(none)': ['(inga)', '(none)'], 'until further notice': ['tills vidare', 'until further notice'],
  'same day': ['samma dag', 'same day'], 'next day': ['nästa dag', 'next day'], otherwise: ['utan villkor', 'otherwise'], inclusive: ['inklusive', 'inclusive'], exclusive: ['exklusive', 'exclusive'],
  before: ['före', 'before'], after: ['efter', 'after'], and: ['och', 'and'], or: ['eller', 'or'], not: ['inte', 'not'], is: ['är', 'is'], when: ['när', 'when'], for: ['för', 'for'],
  true: ['ja', 'true'], false: ['nej', 'false'], met: ['hållen', 'met'], missed: ['missad', 'missed'], pending: ['pågår', 'pending'], 'not-applicable': ['gäller inte', 'not-applicable'],
  responsible: ['betalningsansvar', 'responsible'], 'not-responsible': ['inget betalningsansvar', 'not-responsible'], 'not-started': ['inte påbörjat', 'not-started'],
  SEK: ['kr', 'SEK'], published: ['publicerad', 'published'], draft: ['utkast', 'draft'],
  days: ['dagar', 'days'], 'calendar days': ['kalenderdagar', 'calendar days'], weekdays: ['vardagar', 'weekdays'], 'working days': ['arbetsdagar', 'working days'], hours: ['timmar', 'hours'], minutes: ['minuter', 'minutes'],
};

const entries = (prefix: string, table: Record<string, string[]>, sv: number, en: number): Record<string, Message> =>
  Object.fromEntries(Object.entries(table).map(([k, t]) => [`${prefix}${k}`, { sv: t[sv], en: t[en] }]));

const change = (what: unknown, field: string, old: string, nw: string, lang: MsgLang): string => {
  if (lang === 'sv') return what === 'added' ? `${field ? `${field} ` : ''}läggs till: ${nw}` : what === 'removed' ? `${field ? `${field} ` : ''}tas bort: ${old}` : `${field ? `${field} ` : 'värdet '}ändras från ${old} till ${nw}`;
  return what === 'added' ? `${field || 'value'} added: ${nw}` : what === 'removed' ? `${field || 'value'} removed: ${old}` : `${field || 'value'} changes from ${old} to ${nw}`;
};

export const DIFF_MESSAGES = {
  ...entries('diff.kind.', KINDS, 0, 2),
  ...entries('diff.kindDef.', KINDS, 1, 2),
  ...entries('diff.field.', FIELDS, 0, 1),
  ...entries('diff.result.', RESULT_FIELDS, 0, 1),
  ...entries('diff.value.', VALUES, 0, 1),
  ...entries('diff.expect.', EXPECTS, 0, 1),
  /** one row of the semantic diff as a sentence: {kind} is the declaration's definite kind ('' for the header) */
  'diff.row': {
    sv: (p: Params) => `${p.kind ? `${cap(s(p.kind))} ${s(p.id)}: ` : 'Avtalshuvudet: '}${change(p.what, s(p.field), s(p.old), s(p.new), 'sv')}`,
    en: (p: Params) => `${p.kind ? `${cap(s(p.kind))} ${s(p.id)}: ` : 'Agreement header: '}${change(p.what, s(p.field), s(p.old), s(p.new), 'en')}`,
  },
  'diff.for': { sv: 'för {year}', en: 'for {year}' },
  'diff.whenKey': { sv: 'när {cond}', en: 'when {cond}' },
  // rendered documents (text, Markdown, HTML)
  'diff.version': { sv: '{version} ({status}, gäller från {from}{to})', en: '{version} ({status}, valid from {from}{to})' },
  'diff.versionTo': { sv: ' till {to}', en: ' to {to}' },
  'diff.versionOpen': { sv: ' tills vidare', en: ' until further notice' },
  'diff.semanticTitle': { sv: 'Semantisk jämförelse av ', en: 'Semantic diff of ' },
  'diff.oldNew': { sv: 'gammal: {old}; ny: {new}', en: 'old: {old}; new: {new}' },
  'diff.noChange': { sv: 'Ingen ändring i innebörd.', en: 'No semantic change.' },
  'diff.header': { sv: 'Avtalshuvud (giltighet, reserv, källor)', en: 'Agreement header (validity, fallback, sources)' },
  'diff.added': { sv: 'Tillägg: {kind} ', en: 'Added {kind} ' },
  'diff.removed': { sv: 'Strykning: {kind} ', en: 'Removed {kind} ' },
  'diff.renamed': { sv: 'Namnbyte: {kind} ', en: 'Renamed {kind} ' },
  'diff.renamedSame': { sv: ' (innehållet i övrigt detsamma)', en: ' (content otherwise the same)' },
  'diff.changed': { sv: 'Ändring: {kind} ', en: 'Changed {kind} ' },
  'diff.cites': { sv: 'hänvisar till {cite}', en: 'cites {cite}' },
  'diff.oldCites': { sv: 'hänvisade tidigare till {cite}', en: 'old cites {cite}' },
  'diff.newCites': { sv: 'hänvisar nu till {cite}', en: 'new cites {cite}' },
  'diff.sources': { sv: 'källor', en: 'sources' },
  'diff.behaviouralTitle': { sv: 'Jämförelse av utfall', en: 'Behavioural diff' },
  'diff.scenarios': {
    sv: '{scenarios} scenarier körda genom båda versionerna (räkneexemplen, och vart och ett flyttat till varje gräns som någon av versionerna nämner); {differing} skiljer sig.',
    en: '{scenarios} scenarios run through both versions (worked examples, and each moved onto every boundary either version mentions); {differing} differ.',
  },
  'diff.notCompared': { sv: 'Inte jämförda (finns bara i den ena versionen): {list}.', en: 'Not compared (only in one version): {list}.' },
  'diff.onlyOld': { sv: '{id} (gammal)', en: '{id} (old)' },
  'diff.onlyNew': { sv: '{id} (ny)', en: '{id} (new)' },
  'diff.sameOutcomes': { sv: 'Inget scenario får ett annat utfall.', en: 'No scenario has a different outcome.' },
  'diff.summaryRow': { sv: ' {field}: {count} scenarier', en: ' {field}: {count} scenario(s)' },
  'diff.counterexamples': { sv: 'Motexempel', en: 'Counterexamples' },
  'diff.counterexamplesSome': { sv: 'Motexempel ({shown} av {differing}; --limit 0 visar alla)', en: 'Counterexamples ({shown} of {differing}; --limit 0 shows all)' },
  'diff.scenario': { sv: 'utgångsläge: {origin}', en: 'scenario: {origin}' },
  // counterexamples of the behavioural diff
  'diff.outcome': {
    sv: (p: Params) => `${s(p.rule)}: ${s(p.field)} ${s(p.old)} med den gamla versionen, ${s(p.new)} med den nya${p.also ? ` (även ${s(p.also)})` : ''}`,
    en: (p: Params) => `${s(p.rule)} ${s(p.field)} ${s(p.old)} under the old version, ${s(p.new)} under the new${p.also ? ` (also ${s(p.also)})` : ''}`,
  },
  'diff.scenarioLine': {
    sv: (p: Params) => (p.first ? `${s(p.first)} (med ${s(p.rest) || 'inget annat'})` : s(p.rest)),
    en: (p: Params) => (p.first ? `${s(p.first)} (with ${s(p.rest) || 'nothing else'})` : s(p.rest)),
  },
  'diff.without': { sv: 'utan {name}', en: 'no {name}' },
  // counterexamples of the monthly ladders (engine/versions/monthly-diff.ts)
  'diff.monthly.averages': { sv: 'genomsnitt {list}', en: 'averages {list}' },
  'diff.monthly.step': { sv: 'steg {month}', en: 'step in {month}' },
  'diff.monthly.actions': { sv: 'åtgärder {month}', en: 'actions in {month}' },
  'diff.monthly.invoiced': { sv: 'fakturerade månader', en: 'invoiced months' },
  'diff.monthly.someMonth': { sv: '{field} (någon månad)', en: '{field} (some month)' },
} satisfies Record<string, Message>;
