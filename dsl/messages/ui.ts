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
  // a worked example's expectation rows (engine/examples/run-examples.ts): what is checked, and its values
  'example.row.first payable day': { sv: 'första betalningsdag', en: 'first payable day' },
  'example.row.no payment': { sv: 'ingen betalning', en: 'no payment' },
  'example.row.billable days': { sv: 'debiterbara dagar', en: 'billable days' },
  'example.row.amount': { sv: 'belopp', en: 'amount' },
  'example.row.grace days': { sv: 'fristdagar', en: 'grace days' },
  'example.row.day 1': { sv: 'dag 1', en: 'day 1' },
  'example.row.deadline': { sv: 'tidsfristen {id}', en: 'deadline {id}' },
  'example.row.payment': { sv: 'betalningsregeln {id}', en: 'payment {id}' },
  'example.row.step': { sv: 'steget i {month}', en: 'step {month}' },
  'example.row.action': { sv: 'åtgärden i {month}', en: 'action {month}' },
  'example.row.invoiced months': { sv: 'fakturerade månader', en: 'invoiced months' },
  'example.responsibleFrom': { sv: 'betalningsansvar från {date}', en: 'responsible from {date}' },
  'example.value.not responsible': { sv: 'inget betalningsansvar', en: 'not responsible' },
  'example.value.no payment rule': { sv: 'ingen betalningsregel', en: 'no payment rule' },
  'example.value.none': { sv: 'inget', en: 'none' },
  'example.value.met': { sv: 'hållen', en: 'met' },
  'example.value.missed': { sv: 'missad', en: 'missed' },
  'example.value.pending': { sv: 'pågår', en: 'pending' },
  'example.value.not-applicable': { sv: 'gäller inte', en: 'not-applicable' },
  'example.value.an outcome of one care episode': { sv: 'ett utfall för ett enskilt vårdtillfälle', en: 'an outcome of one care episode' },
  'example.value.a ladder outcome (see engine/monthly)': { sv: 'ett utfall för en stege', en: 'a ladder outcome (see engine/monthly)' },
  'example.value.a ladder outcome': { sv: 'ett utfall för en stege', en: 'a ladder outcome' },
  'example.value.not a ladder expectation': { sv: 'ingen förväntan på en stege', en: 'not a ladder expectation' },
  'example.unit.SEK': { sv: 'kr', en: 'SEK' },
  'example.unit.days': { sv: 'dagar', en: 'days' },
  'example.unit.calendar-days': { sv: 'kalenderdagar', en: 'calendar-days' },
  'example.unit.weekdays': { sv: 'vardagar', en: 'weekdays' },
  'example.unit.working-days': { sv: 'arbetsdagar', en: 'working-days' },
  'hint.didYouMean': { sv: ' (menade du {name}?)', en: ' (did you mean {name}?)' },
  // the checker: what lacks a citation (AVT-C020), in the definite form the message puts first
  'check.parameterValue': { sv: 'värdet för {year} av parametern', en: 'value for {year} of parameter' },
  // the policy set (engine/registry): a law an agreement is made under (AVT-V008), an open end (AVT-V001), files that do not load (AVT-V006, V007)
  'set.law.unknown': { sv: '{name} är inget känt avtal', en: '{name} names no known agreement' },
  'set.law.self': { sv: 'ett avtal kan inte lyda under sig självt', en: 'an agreement cannot be made under itself' },
  'set.law.noVersion': { sv: 'ingen publicerad version av {name} gäller {date}, den första dagen för {version}', en: 'no published version of {name} is in force on {date}, the first day of {version}' },
  'set.law.nested': { sv: '{name} lyder själv under {law}: ange lagen själv', en: '{name} is itself made under {law}: name the law itself' },
  'set.law.noPayment': { sv: '{name} {version} har ingen betalningsregel vars villkor skulle kunna binda detta avtal', en: '{name} {version} has no payment rule whose conditions could bind this agreement' },
  'set.law.notLoaded': { sv: 'det lyder under {law}, som inte är inläst eller saknar en version som gäller {date}', en: 'it is made under {law} (subject to), which is not loaded or has no version in force on {date}' },
  'set.to': { sv: 'till {date}', en: 'to {date}' },
  'set.toOpen': { sv: 'tills vidare', en: 'to further notice' },
  'set.file.brokenLink': { sv: 'en symbolisk länk till en fil som inte finns', en: 'a symbolic link to a file that does not exist' },
  'set.file.gone': { sv: 'filen finns inte längre', en: 'the file is gone' },
  'set.file.permission': { sv: 'åtkomst nekad', en: 'permission denied' },
  'set.file.folder': { sv: 'en mapp, inte en fil', en: 'a folder, not a file' },
  'set.file.unreadable': { sv: 'kan inte läsas ({why})', en: 'cannot read it ({why})' },
  'set.file.notUtf8': { sv: 'inte giltig UTF-8', en: 'not valid UTF-8' },
  'set.file.errors': { sv: 'den innehåller fel ({where})', en: 'it has errors ({where})' },
  'set.file.errorAt': { sv: 'rad {line}: {code} {message}', en: 'line {line}: {code} {message}' },
  'set.file.noHeader': { sv: 'inget avtalshuvud', en: 'no agreement header' },
  'set.noVersion': { sv: '{agreement} har ingen version {version}; versioner: {known}', en: '{agreement} has no version {version}; versions: {known}' },
  'lock.notObject': { sv: 'väntade ett objekt med en lista "versions"', en: 'expected an object with a "versions" array' },
  'lock.entry': { sv: 'post {n} behöver agreement, version, file och hash', en: 'entry {n} needs agreement, version, file and hash' },
  // the HTTP service's details of AVT-H004 (invalid request)
  'http.months.oneInput': { sv: 'ange exakt ett av `averages` och `episodes`', en: 'give exactly one of `averages` or `episodes`' },
  'http.months.countyOrAgreement': { sv: 'ange `county` eller `agreement`', en: 'give `county` or `agreement`' },
  'http.batchNotArray': { sv: 'innehållet måste vara en JSON-lista av ärenden (eller NDJSON, ett ärende per rad)', en: 'the body must be a JSON array of cases (or NDJSON, one case per line)' },
  'http.batchExplainedMax': { sv: '{max} med förklaringar (explain=false: {all})', en: '{max} with explanations (explain=false: {all})' },
  // a request's part the schema refuses (server/app.ts): where, the field's pointer, what is wrong
  'http.schema': { sv: '{where} {pointer}: {what}', en: '{where} {pointer} {what}' },
  'http.schemaWhole': { sv: '{where}: {what}', en: '{where} {what}' },
  'http.in.body': { sv: 'innehållet', en: 'body' },
  'http.in.querystring': { sv: 'frågesträngen', en: 'querystring' },
  'http.in.params': { sv: 'sökvägen', en: 'params' },
  'http.in.headers': { sv: 'huvudena', en: 'headers' },
  'http.pattern.month': { sv: 'är ingen månad: skriv ÅÅÅÅ-MM', en: 'must be a month: YYYY-MM' },
  'http.pattern.versionLabel': {
    sv: 'är ingen giltig versionsbeteckning: börja med en bokstav eller siffra och använd bara bokstäver, siffror, punkt, understreck och bindestreck (t.ex. forslag-2)',
    en: 'is not a valid version label: start with a letter or digit and use only letters, digits, dot, underscore and hyphen (e.g. forslag-2)',
  },
  'http.pattern.id': { sv: 'är inget giltigt namn: bara bokstäver, siffror, understreck och bindestreck', en: 'is not a valid name: letters, digits, underscore and hyphen only' },
  'http.pattern.other': { sv: 'har inte rätt form ({pattern})', en: 'must match pattern "{pattern}"' },
  // a batch's answer cut short (server/routes/evaluate.ts): where it ends, what was lost
  'http.cut.lines': { sv: 'svaret slutar efter raderna ovan', en: 'the answer ends after the lines answered above' },
  'http.cut.shares': { sv: 'svaret slutar efter {count} av delarna', en: 'the answer ends after {count} of the shares' },
  'http.lost.lines': { sv: '(en grupp NDJSON-rader förlorades: {why})', en: '(NDJSON group lost: {why})' },
  'http.lost.shares': { sv: '(en del av batchen förlorades: {why})', en: '(batch share lost: {why})' },
  'http.ready.closing': { sv: 'servern håller på att stängas', en: 'the server is shutting down' },
  'http.ready.workers': { sv: 'batchtrådarna startar ({n})', en: 'the batch workers are starting ({n})' },
  'set.unreadableKept': { sv: 'kan inte läsa {dir}: {detail}; policyerna som används behålls', en: 'cannot read {dir}: {detail}; the policies in use are kept' },
  'http.prototypeKey': { sv: 'en nyckel __proto__ eller constructor.prototype är inte tillåten (prototype poisoning)', en: 'a __proto__ or constructor.prototype key is not allowed (prototype poisoning)' },
  'http.versionDigits': { sv: 'en versionsbeteckning har bara ASCII-siffror (0-9)', en: 'a version label has ASCII digits (0-9) only' },
  'http.versionBytes': { sv: 'en versionsbeteckning är högst {max} byte i UTF-8, den här {bytes}', en: 'a version label is at most {max} bytes in UTF-8, this one {bytes}' },
  'http.outsideFolder': { sv: 'filen skulle hamna utanför policymappen', en: 'the file would lie outside the policies folder' },
  'http.writeFailed': { sv: 'skrivningen misslyckades ({code})', en: 'write failed ({code})' },
} satisfies Record<string, Message>;
