// Terms: the words a message takes as a parameter (a kind of declaration, a type, a missing clause),
// keyed by their English form, which is also what they read in English. `{x:term}` in a Swedish template
// gives the indefinite form with its article ("en tidsfrist"), `{x:def}` the definite form ("tidsfristen").
// A new term is one line here.
export const TERMS: Record<string, { sv: string; def?: string }> = {
  // declarations and other things a name can stand for
  interpretation: { sv: 'en tolkning', def: 'tolkningen' },
  cutoff: { sv: 'en brytpunkt', def: 'brytpunkten' },
  deadline: { sv: 'en tidsfrist', def: 'tidsfristen' },
  payment: { sv: 'en betalningsregel', def: 'betalningsregeln' },
  parameter: { sv: 'en parameter', def: 'parametern' },
  example: { sv: 'ett exempel', def: 'exemplet' },
  measure: { sv: 'ett mått', def: 'måttet' },
  ladder: { sv: 'en stege', def: 'stegen' },
  escalation: { sv: 'en eskalering', def: 'eskaleringen' },
  'computed date': { sv: 'ett beräknat datum', def: 'det beräknade datumet' },
  computed: { sv: 'ett beräknat datum', def: 'det beräknade datumet' },
  event: { sv: 'en händelse', def: 'händelsen' },
  fact: { sv: 'en uppgift', def: 'uppgiften' },
  agreement: { sv: 'ett avtal', def: 'avtalet' },
  value: { sv: 'ett värde', def: 'värdet' },
  'care-episode rule': { sv: 'en regel för vårdtillfällen', def: 'regeln för vårdtillfällen' },
  'deadline, payment or computed date': { sv: 'en tidsfrist, en betalningsregel eller ett beräknat datum' },
  'parameter that carries forward': { sv: 'en parameter som förs vidare', def: 'parametern som förs vidare' },
  // types
  instant: { sv: 'en tidpunkt' },
  date: { sv: 'ett datum' },
  'time of day': { sv: 'en tid på dagen' },
  'duration in hours': { sv: 'en tidslängd i timmar' },
  'number of days': { sv: 'ett antal dagar' },
  number: { sv: 'ett tal' },
  'amount of money': { sv: 'ett belopp' },
  condition: { sv: 'ett villkor' },
  text: { sv: 'en text' },
  'parameter with other values': { sv: 'en parameter med andra värden' },
  'a named value': { sv: 'ett namngivet värde' },
  // languages
  Swedish: { sv: 'svenska' },
  English: { sv: 'engelska' },
  // what a declaration lacks (AVT-C023, C024, C033, C108)
  'a decision: the reading chosen and why': { sv: 'ett beslut: den valda läsningen och varför' },
  'a version: `version "…" published|draft`': { sv: 'en version: `version "…" publicerad|utkast`' },
  'a validity: `valid from DATE to DATE` or `valid from DATE until further notice`': { sv: 'en giltighetstid: `gäller från DATUM till DATUM` eller `gäller från DATUM tills vidare`' },
  'a source: the file of the agreement it encodes': { sv: 'en källa: filen med det avtal den återger' },
  'a rule: `EVENT within DURATION after EVENT`': { sv: 'en regel: `HÄNDELSE inom TID efter HÄNDELSE`' },
  'a rule: `EVENT every PERIOD` or `EVENT on DAYS between TIME and TIME`': { sv: 'en regel: `HÄNDELSE varje PERIOD` eller `HÄNDELSE på DAGAR mellan TID och TID`' },
  'an anchor event: `from EVENT`': { sv: 'en utgångshändelse: `från HÄNDELSE`' },
  'a day numbering without condition: `day 1: same day` or `day 1: next day`': { sv: 'en dagnumrering utan villkor: `dag 1: samma dag` eller `dag 1: nästa dag`' },
  'a day numbering without condition: `day 1: same day|next day`': { sv: 'en dagnumrering utan villkor: `dag 1: samma dag|nästa dag`' },
  'a number of grace days without condition: `grace N days`': { sv: 'ett antal fristdagar utan villkor: `frist N dagar`' },
  'an end: `to EVENT inclusive|exclusive`': { sv: 'ett slut: `till HÄNDELSE inklusive|exklusive`' },
  'a value to carry': { sv: 'ett värde att föra vidare' },
  'a value: `value DATE-EXPRESSION`': { sv: 'ett värde: `värde DATUMUTTRYCK`' },
  'the day the anchor counts as received, without condition: `counts as received same day|next day`': { sv: 'den dag utgångshändelsen anses inkommen, utan villkor: `anses inkommen samma dag|nästa dag`' },
  'the month the days belong to: `month: EVENT` or `month: split`': { sv: 'den månad dagarna hör till: `månad: HÄNDELSE` eller `månad: delad`' },
  'the average of a month without episodes: `empty month: N`': { sv: 'genomsnittet för en månad utan vårdtillfällen: `tom månad: N`' },
  'a measure: `ladder NAME for MEASURE`': { sv: 'ett mått: `stege NAMN för MÅTT`' },
  'a threshold: `threshold N` or `threshold PARAMETER`': { sv: 'en gräns: `gräns N` eller `gräns PARAMETER`' },
  'at least one step: `step NAME "title"`': { sv: 'minst ett steg: `steg NAMN "rubrik"`' },
  'how a month the version covers only in part is judged (it begins or ends inside a month): `a month partly in force: outside the agreement` or `a month partly in force: under the version in force on its last day`': { sv: 'hur en månad som versionen bara delvis omfattar bedöms (den börjar eller upphör inne i en månad): `en månad delvis i kraft: utanför avtalet` eller `en månad delvis i kraft: enligt versionen i kraft dess sista dag`' },
  'an unconditional day numbering': { sv: 'en dagnumrering utan villkor' },
  'an unconditional grace clause': { sv: 'en fristsats utan villkor' },
  values: { sv: 'värden' },
  // the forms of a deadline (AVT-C200)
  '`within`, `every`': { sv: '`inom`, `varje`' },
  '`within`, `on … between`': { sv: '`inom`, `på … mellan`' },
  '`every`, `on … between`': { sv: '`varje`, `på … mellan`' },
  '`within`, `every`, `on … between`': { sv: '`inom`, `varje`, `på … mellan`' },
  // what the parser expected or found (AVT-P001)
  'a name': { sv: 'ett namn' },
  'a "string"': { sv: 'en "sträng"' },
  'a date (YYYY-MM-DD)': { sv: 'ett datum (ÅÅÅÅ-MM-DD)' },
  'a time (HH:MM)': { sv: 'en tid (TT:MM)' },
  'a number': { sv: 'ett tal' },
  'the end of the file': { sv: 'slutet av filen' },
  'a payment outcome': { sv: 'ett utfall för betalningsansvar' },
  'a ladder outcome': { sv: 'ett utfall för en stege' },
  'an outcome of one care episode': { sv: 'ett utfall för ett enskilt vårdtillfälle' },
  'a ladder example gives monthly averages (`given average YYYY-MM N`), not events or facts': { sv: 'ett exempel för en stege anger månadsgenomsnitt (`givet genomsnitt ÅÅÅÅ-MM N`), inte händelser eller uppgifter' },
  'monthly averages belong in an example of a ladder': { sv: 'månadsgenomsnitt hör hemma i ett exempel för en stege' },
  'which episodes: `invoiced episodes over N days`': { sv: 'vilka vårdtillfällen: `faktureras vårdtillfällen över N dagar`' },
  'which days: `invoiced days from day N`': { sv: 'vilka dagar: `faktureras dagar från dag N`' },
  'the rate: `rate PARAMETER`': { sv: 'ersättningen: `ersättning PARAMETER`' },
};

/** A parameter through the terms: `payment` → "en betalningsregel" (or "betalningsregeln"); anything else as it is. */
export function termText(value: string, lang: 'sv' | 'en', definite = false): string {
  if (lang === 'en') return value;
  const t = TERMS[value];
  if (t) return definite ? (t.def ?? t.sv) : t.sv;
  if (value.startsWith('value of ')) return `ett värde för ${value.slice(9)}`;
  return value;
}
