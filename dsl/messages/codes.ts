// The one table of diagnostic codes, grouped by the stage that reports them: the diagnostics' part of the
// message catalogue (dsl/messages), each with its English (`message`) and its Swedish (`sv`) template.
// Codes are stable: tests assert codes and ranges, never the wording. `{x:term}` renders a parameter
// through the catalogue's terms (`payment` → `betalningsregel`); a parameter may be a nested message.
/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info';

interface CodeEntry {
  severity: Severity;
  message: string;
  sv: string;
}

const table = {
  // lexer
  'AVT-L001': { severity: 'error', message: 'unexpected character {char}', sv: 'oväntat tecken {char}' },
  'AVT-L002': { severity: 'error', message: 'unterminated string: a string must close with " on the same line', sv: 'strängen avslutas inte: en sträng måste slutas med " på samma rad' },
  'AVT-L003': { severity: 'error', message: 'the number {value} cannot be kept exactly: write at most 15 significant digits', sv: 'talet {value} kan inte återges exakt: skriv högst 15 värdesiffror' },
  // parser
  'AVT-P001': { severity: 'error', message: '{detail}', sv: '{detail}' },
  'AVT-P002': { severity: 'error', message: 'the file must begin with an agreement header (`agreement` / `avtal`)', sv: 'filen måste börja med ett avtalshuvud (`avtal` / `agreement`)' },
  'AVT-P003': { severity: 'error', message: 'expressions nest too deeply here: at most {max} levels of parentheses, calls, `not` and + or -', sv: 'uttrycket är för djupt nästlat här: högst {max} nivåer av parenteser, anrop, `inte` och + eller -' },
  // checker: names
  'AVT-C001': { severity: 'error', message: '{name} is declared twice', sv: '{name} deklareras två gånger' },
  'AVT-C002': { severity: 'error', message: 'unknown name {name}{hint}', sv: 'okänt namn {name}{hint}' },
  'AVT-C003': { severity: 'error', message: '{name} is a {actual}, but a {expected} is needed here', sv: '{name} är {actual:term}, men här behövs {expected:term}' },
  'AVT-C004': { severity: 'error', message: 'unknown function {name}', sv: 'okänd funktion {name}' },
  'AVT-C005': { severity: 'error', message: '{name} takes {expected} argument(s), got {actual}', sv: '{name} tar {expected} argument, men fick {actual}' },
  // checker: types
  'AVT-C010': { severity: 'error', message: 'type mismatch: expected {expected}, found {actual}', sv: 'fel typ: väntade {expected:term}, fann {actual:term}' },
  'AVT-C011': { severity: 'error', message: 'cannot apply {op} to {left} and {right}', sv: '{op} kan inte användas på {left:term} och {right:term}' },
  'AVT-C012': { severity: 'error', message: 'a time of day is compared through a declared cutoff, which says on which side the boundary itself falls; declare `cutoff NAME at {time}, {time} counts as before|after`', sv: 'en tidpunkt på dagen jämförs genom en deklarerad brytpunkt, som anger på vilken sida själva gränsen ligger; deklarera `brytpunkt NAMN kl {time}, {time} räknas som före|efter`' },
  'AVT-C013': { severity: 'error', message: '{value} is not a value of {fact}; expected one of {values}', sv: '{value} är inte ett värde för {fact}; väntade ett av {values}' },
  'AVT-C014': { severity: 'error', message: 'a cutoff must repeat its own time in the boundary clause: {time} vs {boundary}', sv: 'en brytpunkt måste upprepa sin egen tid i gränssatsen: {time} mot {boundary}' },
  'AVT-C015': { severity: 'error', message: 'day numbering must start at day 1, found day {n}', sv: 'dagnumreringen måste börja på dag 1, fann dag {n}' },
  'AVT-C016': { severity: 'error', message: 'a number of days must be a whole number of at least 0, found {value}', sv: 'ett antal dagar måste vara ett heltal på minst 0, fann {value}' },
  // checker: structure and provenance
  'AVT-C020': { severity: 'error', message: '{kind} {name} has no citation: every rule names the heading of the source it comes from', sv: '{kind:def} {name} saknar källhänvisning: varje regel anger rubriken i den källa den kommer från' },
  'AVT-C021': { severity: 'error', message: 'validity ends ({to}) on or before it begins ({from})', sv: 'giltighetstiden slutar ({to}) samma dag som eller innan den börjar ({from})' },
  'AVT-C022': { severity: 'error', message: 'this file mixes keyword languages: it is written in {lang} (first keyword), but {word} is {other}', sv: 'filen blandar nyckelordsspråk: den är skriven på {lang:term} (första nyckelordet), men {word} är {other:term}' },
  'AVT-C023': { severity: 'error', message: 'a {kind} needs {clause}', sv: '{kind:term} behöver {clause:term}' },
  'AVT-C024': { severity: 'error', message: '{clause} may appear only once in {kind} {name}', sv: '{clause:term} får bara förekomma en gång i {kind:def} {name}' },
  'AVT-C025': { severity: 'error', message: 'example {name} expects {what}, which rule {rule} (a {kind}) does not produce', sv: 'exemplet {name} förväntar {what:term}, som regeln {rule} ({kind:term}) inte ger' },
  'AVT-C026': { severity: 'error', message: 'parameter {name} has two values for {year}', sv: 'parametern {name} har två värden för {year}' },
  'AVT-C027': { severity: 'warning', message: 'interpretation {name} is declared but no rule refers to it', sv: 'tolkningen {name} deklareras men ingen regel hänvisar till den' },
  'AVT-C028': { severity: 'error', message: 'the agreement header must say whether this version is published or a draft', sv: 'avtalshuvudet måste ange om versionen är publicerad eller ett utkast' },
  'AVT-C029': { severity: 'error', message: 'event {name} is given twice in example {example}', sv: 'händelsen {name} anges två gånger i exemplet {example}' },
  'AVT-C030': { severity: 'error', message: 'an example needs at least one expectation', sv: 'ett exempel behöver minst en förväntan' },
  'AVT-C031': { severity: 'error', message: '{value} is not a date of the calendar', sv: '{value} är inget datum i kalendern' },
  'AVT-C032': { severity: 'error', message: '{value} is not a time of day (00:00 to 23:59)', sv: '{value} är ingen tidpunkt på dagen (00:00 till 23:59)' },
  'AVT-C034': { severity: 'error', message: '{name} is a name in the shared vocabulary of events and facts; choose another name', sv: '{name} är ett namn i den gemensamma vokabulären av händelser och uppgifter; välj ett annat namn' },
  'AVT-C033': { severity: 'warning', message: '{kind} {name} has no {what}', sv: '{kind:def} {name} saknar {what:term}' },
  // checker: monthly measures and escalation ladders (AVT-C100…C199)
  'AVT-C100': { severity: 'error', message: '{name} is not a step of ladder {ladder}', sv: '{name} är inte ett steg i trappan {ladder}' },
  'AVT-C101': { severity: 'error', message: 'step {name} is declared twice in ladder {ladder}', sv: 'steget {name} deklareras två gånger i trappan {ladder}' },
  'AVT-C102': { severity: 'error', message: 'a run of months must be a whole number of at least 1, found {value}', sv: 'en följd av månader måste vara ett heltal på minst 1, fann {value}' },
  'AVT-C103': { severity: 'warning', message: 'step {name} of ladder {ladder} is never reached: no transition leads to it', sv: 'steget {name} i trappan {ladder} nås aldrig: ingen övergång leder dit' },
  'AVT-C104': { severity: 'error', message: '{value} is not a month (YYYY-MM)', sv: '{value} är ingen månad (ÅÅÅÅ-MM)' },
  'AVT-C105': { severity: 'error', message: 'example {name} gives the average of {month} twice', sv: 'exemplet {name} anger medelvärdet för {month} två gånger' },
  'AVT-C106': { severity: 'error', message: 'example {name} mixes a monthly scenario with a care episode: {detail}', sv: 'exemplet {name} blandar ett månadsscenario med ett vårdtillfälle: {detail:term}' },
  'AVT-C107': { severity: 'error', message: '{name} is not an action of ladder {ladder}', sv: '{name} är ingen åtgärd i trappan {ladder}' },
  'AVT-C108': { severity: 'error', message: 'ladder {ladder} invoices months but does not say {what}', sv: 'trappan {ladder} fakturerar månader men anger inte {what:term}' },
  'AVT-C109': { severity: 'error', message: 'the threshold parameter {name} must have number values', sv: 'tröskelparametern {name} måste ha talvärden' },
  // checker: recurring obligations, time windows, escalation procedures (AVT-C200…C299)
  'AVT-C200': { severity: 'error', message: 'deadline {name} states its rule in more than one way ({forms}); use one of `within`, `every` or `on … between`', sv: 'tidsfristen {name} anger sin regel på mer än ett sätt ({forms:term}); använd ett av `inom`, `varje` eller `på … mellan`' },
  'AVT-C201': { severity: 'error', message: 'a time window must end after it starts: {start} to {end}', sv: 'ett tidsfönster måste sluta efter att det börjar: {start} till {end}' },
  'AVT-C202': { severity: 'error', message: 'a recurrence must be every whole number of periods of at least 1, found {value}', sv: 'en upprepning måste ske var N:e period med N ett heltal på minst 1, fann {value}' },
  'AVT-C203': { severity: 'error', message: 'the windows of deadline {name} must all be about the same event: {a} and {b}', sv: 'alla tidsfönster i tidsfristen {name} måste gälla samma händelse: {a} och {b}' },
  'AVT-C204': { severity: 'error', message: 'step {name} appears twice in escalation {escalation}', sv: 'steget {name} förekommer två gånger i eskaleringen {escalation}' },
  'AVT-C205': { severity: 'error', message: 'escalation {name} has {count} step(s); an escalation procedure needs at least two', sv: 'eskaleringen {name} har {count} steg; en eskaleringsordning behöver minst två' },
  'AVT-C206': { severity: 'error', message: 'step {name} of escalation {escalation} has no citation: every step names the heading of the source it comes from', sv: 'steget {name} i eskaleringen {escalation} saknar källhänvisning: varje steg anger rubriken i den källa det kommer från' },
  // checker: citations against the source texts, and marks of passages not encoded (AVT-C300…C399)
  'AVT-C300': { severity: 'error', message: 'the quotation is not in source {source} (whitespace aside, a quotation is the text\'s own words); nearest passage, line {line}: {nearest}', sv: 'citatet finns inte i källan {source} (bortsett från blanktecken är ett citat textens egna ord); närmaste stycke, rad {line}: {nearest}' },
  'AVT-C301': { severity: 'error', message: 'heading {heading} is not in source {source}', sv: 'rubriken {heading} finns inte i källan {source}' },
  'AVT-C302': { severity: 'warning', message: 'source {source} is not among the source documents ({known}); its citations are not checked', sv: 'källan {source} finns inte bland källdokumenten ({known}); dess citat kontrolleras inte' },
  'AVT-C303': { severity: 'error', message: 'unencoded passage {name} must quote the passage it leaves out: add `quote "…"` to the citation', sv: 'det okodade stycket {name} måste citera stycket det lämnar ute: lägg till `citat "…"` i hänvisningen' },
  'AVT-C304': { severity: 'error', message: 'unencoded passage {name} must explain its reason: `reason KIND "why"`', sv: 'det okodade stycket {name} måste ange sitt skäl: `skäl SLAG "varför"`' },
  // evaluation and case input
  'AVT-E001': { severity: 'error', message: 'invalid case: {detail}', sv: 'ogiltigt ärende: {detail}' },
  'AVT-E002': { severity: 'error', message: 'local time {value} does not exist in Europe/Stockholm (the clocks go forward that night); give an explicit UTC offset', sv: 'den lokala tiden {value} finns inte i Europe/Stockholm (klockan ställs fram den natten); ange en UTC-förskjutning' },
  'AVT-E003': { severity: 'error', message: 'unknown county {county}; known counties: {known}', sv: 'okänt län {county}; kända län: {known}' },
  'AVT-E004': { severity: 'error', message: 'no version of {agreement} is in force on {date}{nearest}', sv: 'ingen version av {agreement} gäller {date}{nearest}' },
  'AVT-E005': { severity: 'warning', message: 'parameter {name} has no value for {year}; the amount is not computed', sv: 'parametern {name} har inget värde för {year}; beloppet beräknas inte' },
  'AVT-E008': { severity: 'error', message: 'invalid date {value}: expected YYYY-MM-DD', sv: 'ogiltigt datum {value}: väntade ÅÅÅÅ-MM-DD' },
  'AVT-E009': { severity: 'error', message: 'county {county} has several agreements ({agreements}); name one with `agreement`', sv: 'länet {county} har flera avtal ({agreements}); ange ett med `agreement`' },
  'AVT-E010': { severity: 'error', message: 'the case has no date to choose a version by: give ready_notice_sent, admitted or evaluationDate, or choose a date (CLI `--on`, HTTP `?on=`)', sv: 'ärendet har inget datum att välja version efter: ange ready_notice_sent, admitted eller evaluationDate, eller välj ett datum (CLI `--on`, HTTP `?on=`)' },
  'AVT-E011': { severity: 'error', message: 'unknown agreement {agreement}; known agreements: {known}', sv: 'okänt avtal {agreement}; kända avtal: {known}' },
  'AVT-E012': { severity: 'error', message: '{file} has errors and cannot be used: {detail}', sv: '{file} innehåller fel och kan inte användas: {detail}' },
  'AVT-E013': { severity: 'error', message: 'impossible history: {detail}', sv: 'omöjlig historik: {detail}' },
  'AVT-E014': { severity: 'warning', message: 'the case records {event} more than once, and {rule} does not say how a repeated {event} is read: only its first occurrence is used', sv: 'ärendet anger {event} mer än en gång, och {rule} säger inte hur en upprepad {event} läses: bara den första används' },
  'AVT-E015': { severity: 'error', message: 'agreement {agreement} belongs to county {home}, not to county {county}: name an agreement of {county} (or a county-independent one, such as the law), or give county {home}', sv: 'avtalet {agreement} hör till länet {home}, inte till länet {county}: ange ett avtal för {county} (eller ett som gäller oberoende av län, som lagen), eller länet {home}' },
  // monthly statistics and ladders (AVT-M001…M099)
  'AVT-M001': { severity: 'warning', message: 'parameter {name} has no value for {year} and does not carry forward: {municipality} {months} are undetermined, not compared with the threshold and not invoiced', sv: 'parametern {name} har inget värde för {year} och förs inte vidare: {municipality} {months} är obestämda, jämförs inte med gränsen och faktureras inte' },
  'AVT-M002': { severity: 'error', message: 'line {line}, {field}: {detail}', sv: 'rad {line}, {field}: {detail}' },
  'AVT-M003': { severity: 'warning', message: 'no average for {municipality} in {month}: the month is not measured, and a run of months in a row starts again after it', sv: 'inget medelvärde för {municipality} {month}: månaden mäts inte, och en följd av månader i rad börjar om efter den' },
  'AVT-M004': { severity: 'error', message: 'invalid averages: {detail}', sv: 'ogiltiga medelvärden: {detail}' },
  'AVT-M005': { severity: 'error', message: 'the policy has no {what}: {detail}', sv: 'policyn saknar {what:term}: {detail}' },
  'AVT-M006': { severity: 'warning', message: 'parameter {name} has no value for {year}: invoiced amounts of {year} are not computed', sv: 'parametern {name} har inget värde för {year}: fakturerade belopp för {year} beräknas inte' },
  'AVT-M007': { severity: 'info', message: '{count} episode(s) of {municipality} are not counted: {reason}', sv: '{count} vårdtillfälle(n) i {municipality} räknas inte: {reason}' },
  'AVT-M008': { severity: 'warning', message: '{from} … {to}: no version of {agreement} is in force for the whole month{detail}; the law applies, which has no ladder: nothing is invoiced', sv: '{from} … {to}: ingen version av {agreement} gäller hela månaden{detail}; lagen gäller, och den har ingen stege: inget faktureras' },
  'AVT-M009': { severity: 'info', message: 'from {month} the months are judged under version {version} of {agreement} (before: {previous}); as its ladder says (at a change of version: start again), every municipality starts again in the first step', sv: 'från {month} bedöms månaderna enligt version {version} av {agreement} (före: {previous}); som dess stege säger (vid byte av version: börja om) börjar varje kommun om i första steget' },
  'AVT-M010': { severity: 'info', message: 'from {month} the months are judged under version {version} of {agreement} (before: {previous}); as its ladder says (at a change of version: keep the step), every municipality stays in the step it is in', sv: 'från {month} bedöms månaderna enligt version {version} av {agreement} (före: {previous}); som dess stege säger (vid byte av version: behåll steget) stannar varje kommun i det steg den står i' },
  'AVT-M012': { severity: 'info', message: 'from {month} the months are judged under version {version} of {agreement}, after months outside every version: every municipality starts in the first step', sv: 'från {month} bedöms månaderna enligt version {version} av {agreement}, efter månader utanför varje version: varje kommun börjar i första steget' },
  'AVT-M013': { severity: 'warning', message: 'from {month} the months are judged under version {version} of {agreement} (before: {previous}), whose ladder does not say what happens at a change of version (AVT-V015): every municipality starts again in the first step', sv: 'från {month} bedöms månaderna enligt version {version} av {agreement} (före: {previous}), vars stege inte säger vad som händer vid byte av version (AVT-V015): varje kommun börjar om i första steget' },
  'AVT-M011': { severity: 'warning', message: '{municipality}: version {version} of {agreement} has no step {step}, the step it was in under version {previous}: it starts again in the first step', sv: '{municipality}: version {version} av {agreement} har inget steg {step}, det steg kommunen stod i enligt version {previous}: den börjar om i första steget' },
  // policy sets and versions
  'AVT-V001': { severity: 'error', message: 'versions {a} and {b} of {agreement} overlap ({from} {to})', sv: 'versionerna {a} och {b} av {agreement} överlappar (från {from} {to})' },
  'AVT-V002': { severity: 'error', message: 'fallback {name} names no known agreement', sv: 'reservavtalet {name} är inget känt avtal' },
  'AVT-V003': { severity: 'error', message: 'published version {version} of {agreement} has changed since it was published (hash {actual}, lock file says {expected}); add a new version instead', sv: 'den publicerade versionen {version} av {agreement} har ändrats sedan den publicerades (hash {actual}, låsfilen anger {expected}); lägg till en ny version i stället' },
  'AVT-V004': { severity: 'error', message: 'versions {a} and {b} of {agreement} leave a gap from {from} to {to}, and no fallback is named', sv: 'versionerna {a} och {b} av {agreement} lämnar ett glapp från {from} till {to}, och inget reservavtal anges' },
  'AVT-V005': { severity: 'error', message: 'two files declare version {version} of {agreement}', sv: 'två filer deklarerar version {version} av {agreement}' },
  'AVT-V006': { severity: 'error', message: '{file} is left out of the policy set: {detail}', sv: '{file} lämnas utanför policyuppsättningen: {detail}' },
  'AVT-V007': { severity: 'error', message: '{file} did not load ({detail}); the version loaded before is kept', sv: '{file} kunde inte läsas in ({detail}); den version som lästes in tidigare behålls' },
  'AVT-V008': { severity: 'error', message: '`subject to {name}`: {detail}', sv: '`lyder under {name}`: {detail}' },
  'AVT-V009': { severity: 'error', message: '{agreement} regulates payment for county {county} but names no law it is made under: add `subject to` the law (an agreement sets only the time and the amount, Lag 2017:612 4 kap. 5 §; the law\'s conditions of 5 kap. 3 and 5 §§ bind it)', sv: '{agreement} reglerar betalning för länet {county} men anger inte den lag avtalet lyder under: lägg till `lyder under` lagen (ett avtal bestämmer bara tidpunkten och beloppet, Lag 2017:612 4 kap. 5 §; lagens villkor i 5 kap. 3 och 5 §§ gäller)' },
  // versions: lock file and diffs (issue 4)
  'AVT-V010': { severity: 'error', message: 'published version {version} of {agreement} is not in the lock file {lock}; run `node bin/avtal.js lock` to record it', sv: 'den publicerade versionen {version} av {agreement} finns inte i låsfilen {lock}; kör `node bin/avtal.js lock` för att registrera den' },
  'AVT-V011': { severity: 'error', message: 'the lock file records published version {version} of {agreement} ({file}), but no published file declares it now: a published version is never removed or turned back into a draft', sv: 'låsfilen registrerar den publicerade versionen {version} av {agreement} ({file}), men ingen publicerad fil deklarerar den längre: en publicerad version tas aldrig bort och blir aldrig utkast igen' },
  'AVT-V012': { severity: 'error', message: 'cannot read lock file {file}: {detail}', sv: 'kan inte läsa låsfilen {file}: {detail}' },
  'AVT-V013': { severity: 'warning', message: 'published version {version} of {agreement} is now in {file}, the lock file says {locked}; run `node bin/avtal.js lock` to record the move', sv: 'den publicerade versionen {version} av {agreement} finns nu i {file}, låsfilen anger {locked}; kör `node bin/avtal.js lock` för att registrera flytten' },
  'AVT-V014': { severity: 'error', message: 'cannot diff: {detail}', sv: 'kan inte jämföra: {detail}' },
  'AVT-V015': { severity: 'error', message: 'version {version} of {agreement} follows version {previous}, and its ladder {ladder} does not say what a series of months does at the change: write `at a change of version: start again` or `at a change of version: keep the step`, with the interpretation it rests on', sv: 'version {version} av {agreement} följer på version {previous}, och dess stege {ladder} säger inte vad en serie månader gör vid bytet: skriv `vid byte av version: börja om` eller `vid byte av version: behåll steget`, med den tolkning det vilar på' },
  'AVT-V016': { severity: 'error', message: 'cannot record a correction of version {version} of {agreement}: {detail}', sv: 'kan inte registrera en rättelse av version {version} av {agreement}: {detail}' },
  // export to other rule engines (AVT-X001…X099)
  'AVT-X001': { severity: 'error', message: 'cannot export: {detail}', sv: 'kan inte exportera: {detail}' },
  'AVT-X002': { severity: 'warning', message: '{kind} {name} is not exported to {format}: {reason}', sv: '{kind:def} {name} exporteras inte till {format}: {reason}' },
  'AVT-X003': { severity: 'error', message: 'unknown export format {format}; known formats: {known}', sv: 'okänt exportformat {format}; kända format: {known}' },
  // HTTP service, server/ (AVT-H001…H099)
  'AVT-H001': { severity: 'error', message: 'the request body is not valid JSON: {detail}', sv: 'anropets innehåll är inte giltig JSON: {detail}' },
  'AVT-H002': { severity: 'error', message: 'unsupported content type {type}; send {expected}', sv: 'innehållstypen {type} stöds inte; skicka {expected}' },
  'AVT-H003': { severity: 'error', message: 'the request body is larger than {limit} bytes', sv: 'anropets innehåll är större än {limit} byte' },
  'AVT-H004': { severity: 'error', message: 'invalid request: {detail}', sv: 'ogiltigt anrop: {detail}' },
  'AVT-H005': { severity: 'error', message: 'no such route: {method} {url}', sv: 'ingen sådan väg: {method} {url}' },
  'AVT-H006': { severity: 'error', message: 'writes are disabled: the server was started without a token', sv: 'skrivningar är avstängda: servern startades utan token' },
  'AVT-H007': { severity: 'error', message: 'missing or wrong bearer token', sv: 'bearer-token saknas eller är fel' },
  'AVT-H008': { severity: 'error', message: 'version {version} of {agreement} exists already; a saved version is never overwritten', sv: 'version {version} av {agreement} finns redan; en sparad version skrivs aldrig över' },
  'AVT-H009': { severity: 'error', message: 'the header must name agreement {expected}, found {actual}', sv: 'huvudet måste ange avtalet {expected}, fann {actual}' },
  'AVT-H010': { severity: 'error', message: 'a saved draft must say `draft` (or `utkast`) in its header', sv: 'ett sparat utkast måste ange `utkast` (eller `draft`) i huvudet' },
  'AVT-H011': { severity: 'error', message: 'the policy text has {count} error(s); fix them before saving', sv: 'policytexten har {count} fel; rätta dem innan du sparar' },
  'AVT-H012': { severity: 'error', message: 'the header declares version {actual}, but the draft is saved as {expected}', sv: 'huvudet anger version {actual}, men utkastet sparas som {expected}' },
  'AVT-H013': { severity: 'error', message: 'unknown agreement {agreement}', sv: 'okänt avtal {agreement}' },
  'AVT-H014': { severity: 'error', message: 'agreement {agreement} has no version {version}', sv: 'avtalet {agreement} har ingen version {version}' },
  'AVT-H015': { severity: 'error', message: 'a batch holds at most {max} cases, got {count}', sv: 'en sats rymmer högst {max} ärenden, fick {count}' },
  'AVT-H016': { severity: 'error', message: 'line {line} is longer than {limit} bytes', sv: 'rad {line} är längre än {limit} byte' },
  'AVT-H017': { severity: 'error', message: 'the server is shutting down; try again', sv: 'servern håller på att stängas; försök igen' },
  'AVT-H018': { severity: 'error', message: 'cannot save the draft: {detail}', sv: 'kan inte spara utkastet: {detail}' },
  'AVT-H019': { severity: 'error', message: 'internal error {id}; the request was logged', sv: 'internt fel {id}; anropet har loggats' },
  'AVT-H020': { severity: 'error', message: 'no agreement of county {county} has a monthly ladder; counties: {known}', sv: 'inget avtal i länet {county} har en månadstrappa; län: {known}' },
  'AVT-H021': { severity: 'error', message: 'the request is over the limit {limit}: {actual}, at most {max}', sv: 'begäran överskrider gränsen {limit}: {actual}, högst {max}' },
  'AVT-H022': { severity: 'error', message: 'this client has {max} expensive requests (months, diffs, batches) in flight already; try again when one has been answered', sv: 'den här klienten har redan {max} tunga förfrågningar (månader, skillnader, batcher) på gång; försök igen när en har besvarats' },
  'AVT-H023': { severity: 'error', message: 'the request was not answered within {ms} ms; try again later', sv: 'begäran besvarades inte inom {ms} ms; försök igen senare' },
  'AVT-H024': { severity: 'error', message: 'not ready: {detail}', sv: 'inte redo: {detail}' },
  'AVT-H025': { severity: 'error', message: 'the request body is not valid UTF-8 (at byte {offset})', sv: 'begärans innehåll är inte giltig UTF-8 (vid byte {offset})' },
  'AVT-H026': { severity: 'error', message: 'a token is never accepted in the query string ({name}); send it in the Authorization header', sv: 'en nyckel tas aldrig emot i frågesträngen ({name}); skicka den i huvudet Authorization' },
  'AVT-H027': { severity: 'error', message: 'too many wrong tokens from this client; try again in {seconds} s', sv: 'för många felaktiga nycklar från den här klienten; försök igen om {seconds} s' },
  'AVT-H028': { severity: 'error', message: 'method {method} is not allowed on {url}; allowed: {allow}', sv: 'metoden {method} är inte tillåten på {url}; tillåtna: {allow}' },
  'AVT-H029': { severity: 'error', message: 'host {host} is not served here (allowed: {allowed})', sv: 'värden {host} betjänas inte här (tillåtna: {allowed})' },
  'AVT-H030': { severity: 'error', message: 'the header declares county {actual}, but agreement {agreement} is of county {expected}', sv: 'huvudet anger länet {actual}, men avtalet {agreement} hör till länet {expected}' },
  'AVT-H031': { severity: 'error', message: 'every process of the service is restarting; try again in a few seconds', sv: 'alla tjänstens processer startar om; försök igen om några sekunder' },
  // (H032… for the editor's draft updates, apart from the numbers other server work may take next)
  'AVT-H032': { severity: 'error', message: 'draft {version} of {agreement} has changed since it was opened (opened {base}, now {current}); open it again and redo the change', sv: 'utkastet {version} av {agreement} har ändrats sedan det öppnades (öppnat {base}, nu {current}); öppna det igen och gör om ändringen' },
  'AVT-H033': { severity: 'error', message: 'version {version} of {agreement} is published; only a draft can be updated, save a new draft instead', sv: 'version {version} av {agreement} är publicerad; bara ett utkast kan uppdateras, spara ett nytt utkast i stället' },
} satisfies Record<string, CodeEntry>;

export type Code = keyof typeof table;
export const CODES: Record<Code, CodeEntry> = table;
