// The command line's own messages (cli/): errors of use, progress lines and closing counts. The diagnostics
// it prints are the catalogue's too; their severity and code stay as they are (a stable, parseable field).
import type { Message } from './types';

export const CLI_MESSAGES = {
  'cli.tagline': { sv: 'samverkansavtal som körbara, testbara och granskningsbara policyfiler', en: 'care agreements as executable, testable, reviewable policy files' },
  'cli.unknownCommand': { sv: "avtal: okänt kommando '{verb}'", en: "avtal: unknown command '{verb}'" },
  'cli.badLang': { sv: 'avtal {verb}: --lang måste vara sv eller en, inte {lang}', en: 'avtal {verb}: --lang must be sv or en, not {lang}' },
  // npm start (server/main.ts): its use and why it does not start
  'server.usage': {
    sv: `Användning: npm start -- [--host H] [--port P] [--policies MAPP] [--token-file FIL] [--editor MAPP] [--batch-workers N] [--processes N] [--allowed-hosts a,b] [--lang sv|en]

Tjänar Avtals JSON-API (/api/…, /openapi.json, /docs, /health, /ready) och webbredigeraren. Standard: HOST eller
127.0.0.1, PORT eller 8080, ./policies, editor/dist, en trådarbetare för stora batcher per kärna (0: ingen), en
process per kärna (AVTAL_PROCESSES; 1: en enda process). Skrivning (att spara utkast) är påslagen bara med en
nyckel på minst {min} tecken, från miljön (AVTAL_TOKEN) eller en fil (--token-file; dess första rad), aldrig från
kommandoraden. På en loopback-adress besvaras bara värdnamnen localhost, 127.0.0.1 och [::1] (--allowed-hosts för
att ändra). Loggar: en JSON-rad per anrop på standard ut. --lang (eller AVTAL_LANG) väljer språket för de här
meddelandena; svaren väljer språk per anrop.`,
    en: `Usage: npm start -- [--host H] [--port P] [--policies DIR] [--token-file FILE] [--editor DIR] [--batch-workers N] [--processes N] [--allowed-hosts a,b] [--lang sv|en]

Serves the Avtal JSON API (/api/…, /openapi.json, /docs, /health, /ready) and the browser editor. Defaults: HOST or
127.0.0.1, PORT or 8080, ./policies, editor/dist, one batch worker thread per core (0: none), one process per
core (AVTAL_PROCESSES; 1: a single process). Writes (saving drafts) are enabled only with a token of at least
{min} characters, from the environment (AVTAL_TOKEN) or a file (--token-file; its first line), never
from the command line. On a loopback address only the Host names localhost, 127.0.0.1 and [::1] are answered
(--allowed-hosts to change). Logs: one JSON line per request on standard output. --lang (or AVTAL_LANG) chooses
the language of these messages; answers choose theirs per request.`,
  },
  'server.invalidPort': { sv: 'ogiltig port {port}: ett tal från 0 till 65535', en: 'invalid port {port}: a number from 0 to 65535' },
  'server.noPolicies': { sv: 'ingen policymapp i {dir}', en: 'no policies folder at {dir}' },
  'server.tokenOnCommandLine': {
    sv: '--token vägras: en nyckel på kommandoraden syns för alla maskinens användare; sätt AVTAL_TOKEN eller använd --token-file FIL',
    en: '--token is refused: a token on the command line is visible to every user of the machine; set AVTAL_TOKEN or use --token-file FILE',
  },
  'server.tokenFileUnreadable': { sv: 'kan inte läsa nyckelfilen {file}: {detail}', en: 'cannot read the token file {file}: {detail}' },
  'server.tokenFileEmpty': { sv: 'nyckelfilen {file} är tom', en: 'the token file {file} is empty' },
  'server.tokenShort': { sv: 'nyckeln är för kort: minst {min} tecken', en: 'the token is too short: at least {min} characters' },
  'server.invalidWorkers': { sv: 'ogiltigt --batch-workers {value}: ett antal trådar, 0 för inga', en: 'invalid --batch-workers {value}: a number of threads, 0 for none' },
  'server.invalidProcesses': { sv: 'ogiltigt --processes {value}: ett antal processer från 1 till 99', en: 'invalid --processes {value}: a number of processes from 1 to 99' },
  'server.badLang': { sv: '--lang måste vara sv eller en, inte {lang}', en: '--lang must be sv or en, not {lang}' },
  'server.unknownOption': { sv: 'okänd flagga {option}', en: 'unknown option {option}' },
  'server.optionNeedsValue': { sv: 'flaggan {option} behöver ett värde', en: 'option {option} needs a value' },
  'cli.internal': { sv: 'avtal {verb}: internt fel: {detail}', en: 'avtal {verb}: internal error: {detail}' },
  // node:util parseArgs's errors, said in the language (any other as Node words it)
  'cli.unknownOption': { sv: 'avtal {verb}: okänd flagga {option}', en: 'avtal {verb}: unknown option {option}' },
  'cli.optionNeedsValue': { sv: 'avtal {verb}: flaggan {option} behöver ett värde', en: 'avtal {verb}: option {option} needs a value' },
  'cli.optionTakesNoValue': { sv: 'avtal {verb}: flaggan {option} tar inget värde', en: 'avtal {verb}: option {option} takes no value' },
  'cli.internalHint': { sv: ' (sätt AVTAL_DEBUG=1 för detaljer)', en: ' (set AVTAL_DEBUG=1 for details)' },
  'cli.usage': { sv: 'Användning: avtal <kommando> [flaggor]', en: 'Usage: avtal <command> [options]' },
  'cli.commands': { sv: 'Kommandon:', en: 'Commands:' },
  'cli.commandHelp': { sv: 'Kör `avtal <kommando> --help` för ett kommandos flaggor. `--lang en` ger meddelanden på engelska.', en: "Run `avtal <command> --help` for a command's options. `--lang sv` (the default) gives messages in Swedish." },
  'cli.cannotReadPolicies': { sv: 'avtal {verb}: kan inte läsa policyerna i {root}: {detail}', en: 'avtal {verb}: cannot read the policies in {root}: {detail}' },
  'cli.permissionDenied': { sv: 'åtkomst nekad', en: 'permission denied' },
  'cli.fileGone': { sv: 'en fil finns inte längre (en trasig länk?)', en: 'a file is gone (a dangling link?)' },
  'cli.eval.notJsonNorNdjson': { sv: 'avtal eval: {file}: inte giltig JSON (ett ärende eller en lista) och inte heller NDJSON (ett ärende per rad): rad {line}: {detail}', en: 'avtal eval: {file}: not valid JSON (one case or an array) nor NDJSON (one case a line): line {line}: {detail}' },
  'cli.noSuchPath': { sv: 'avtal {verb}: {path}: ingen sådan fil eller mapp', en: 'avtal {verb}: {path}: no such file or folder' },
  'cli.cannotRead': { sv: 'kan inte läsa {path}: {why}', en: 'cannot read {path}: {why}' },
  'cli.noSuchFile': { sv: 'filen finns inte', en: 'no such file' },
  'cli.isFolder': { sv: 'är en mapp', en: 'is a folder' },
  'cli.permission': { sv: 'åtkomst nekad', en: 'permission denied' },
  'cli.notFolder': { sv: 'en del av sökvägen är inte en mapp', en: 'a part of the path is not a folder' },
  'cli.ioError': { sv: 'läsfel ({code})', en: 'read error ({code})' },
  // check
  'cli.check.noFiles': { sv: 'avtal check: {root}: inga .avtal-filer', en: 'avtal check: {root}: no .avtal files' },
  'cli.check.done': { sv: '{files} fil(er) kontrollerade: {errors} fel, {warnings} varning(ar)', en: '{files} file(s) checked: {errors} error(s), {warnings} warning(s)' },
  // test
  'cli.test.noFiles': { sv: 'avtal test: {root}: inga .avtal-filer', en: 'avtal test: {root}: no .avtal files' },
  'cli.test.policyErrors': { sv: '{file}: policyn innehåller fel', en: '{file}: the policy has errors' },
  'cli.test.derived': { sv: ' (härlett)', en: ' (derived)' },
  'cli.test.error': { sv: 'fel: {detail}', en: 'error: {detail}' },
  'cli.test.failed': { sv: '{text} (rad {line}): väntat {expected}, faktiskt {actual}', en: '{text} (line {line}): expected {expected}, actual {actual}' },
  'cli.test.done': { sv: '{passed} godkända, {failed} underkända', en: '{passed} passed, {failed} failed' },
  // eval
  'cli.explain.document': { sv: 'dokument: {document}', en: 'document: {document}' },
  'cli.explain.subjectTo': { sv: 'lyder under: {law} — villkoren i dess betalningsregler (kräver, undantag) gäller varje betalningsregel i detta avtal', en: 'subject to: {law} — the conditions of its payment rules (requires, exempt) bind every payment rule of this agreement' },
  'cli.eval.lineNotJson': { sv: 'ogiltigt ärende: rad {line} är inte JSON: {detail}', en: 'invalid case: line {line} is not JSON: {detail}' },
  'cli.eval.caseRequired': { sv: 'avtal eval: --case krävs (en JSON-fil, eller - för standard in)', en: 'avtal eval: --case is required (a JSON file, or - for standard input)' },
  'cli.notJson': { sv: 'avtal {verb}: {file}: inte giltig JSON: {detail}', en: 'avtal {verb}: {file}: not valid JSON: {detail}' },
  // explain
  'cli.explain.heading': { sv: '# {title} – version {version} ({status})', en: '# {title} — version {version} ({status})' },
  'cli.explain.file': { sv: 'fil: {file}   hash: {hash}', en: 'file: {file}   hash: {hash}' },
  'cli.explain.validTo': { sv: 'källa: {source}   gäller: från {from} till {to} (exklusive)', en: 'source: {source}   valid: from {from} to {to} (exclusive)' },
  'cli.explain.validOpen': { sv: 'källa: {source}   gäller: från {from} tills vidare', en: 'source: {source}   valid: from {from} until further notice' },
  'cli.explain.none': { sv: '(ingen)', en: '(none)' },
  'cli.explain.count': { sv: '{count} tolkning(ar):', en: '{count} interpretation(s):' },
  'cli.explain.decision': { sv: '    beslut: {decision}', en: '    decision: {decision}' },
  'cli.explain.usedBy': { sv: '    används av: {users}', en: '    used by: {users}' },
  'cli.explain.nothing': { sv: 'ingenting', en: 'nothing' },
  'cli.explain.header': { sv: '(avtalshuvudet)', en: '(the agreement header)' },
  'cli.explain.escalation': { sv: '  eskalering {id}: {title}', en: '  escalation {id}: {title}' },
  // diff
  'cli.diff.two': { sv: 'avtal diff: ange två versioner', en: 'avtal diff: give two versions' },
  'cli.diff.format': { sv: 'avtal diff: okänt format {format}; använd text, markdown, html eller json', en: 'avtal diff: unknown format {format}; use text, markdown, html or json' },
  'cli.diff.limit': { sv: 'avtal diff: --limit måste vara ett heltal, fann {value}', en: 'avtal diff: --limit must be a whole number, found {value}' },
  'cli.diff.notLabel': { sv: '{arg}: ingen sådan fil, och inte avtal@version', en: '{arg}: no such file, and not agreement@version' },
  'cli.diff.noVersion': { sv: '{arg}: ingen sådan version; versioner: {known}', en: '{arg}: no such version; versions: {known}' },
  'cli.diff.fileErrors': { sv: '{arg}: {count} fel; rätta dem innan du jämför', en: '{arg}: {count} error(s); fix them before comparing' },
  'cli.diff.notPolicy': { sv: '{arg}: ingen policyfil', en: '{arg}: not a policy file' },
  'cli.diff.noAgreement': { sv: '{arg}: okänt avtal; kända: {known}', en: '{arg}: unknown agreement; known: {known}' },
  'cli.diff.broken': { sv: 'avtal diff: {names} innehåller fel; jämförelsen av utfall kräver att båda versionerna kan kompileras', en: 'avtal diff: {names} has errors; the behavioural diff needs both versions to compile' },
  // fmt
  'cli.fmt.noFiles': { sv: 'avtal fmt: {root}: inga .avtal-filer', en: 'avtal fmt: {root}: no .avtal files' },
  'cli.fmt.notFormatted': { sv: 'inte formaterad: {file}', en: 'not formatted: {file}' },
  'cli.fmt.formatted': { sv: 'formaterade {file}', en: 'formatted {file}' },
  'cli.fmt.done': { sv: '{files} fil(er) kontrollerade, {unformatted} inte formaterade', en: '{files} file(s) checked, {unformatted} not formatted' },
  // lock
  'lock.correct.noReason': { sv: 'en rättelse behöver ett skäl på minst tio tecken (--reason)', en: 'a correction needs a reason of at least ten characters (--reason)' },
  'lock.correct.notLocked': { sv: 'den är inte låst än: `avtal lock` registrerar den', en: 'it is not locked yet: `avtal lock` records it' },
  'lock.correct.errors': { sv: 'filen innehåller fel (se avtal check)', en: 'the file has errors (see avtal check)' },
  'lock.correct.unchanged': { sv: 'dess text är den låsta: det finns inget att rätta', en: 'its text is the one locked: there is nothing to correct' },
  'lock.correct.noSuchFile': { sv: 'ingen publicerad version i mappen har den filen', en: 'no published version in this folder has that file' },
  'cli.lock.corrected': { sv: 'rättad {id}  {file}  {hash} (ersätter {replaced}): {reason}', en: 'corrected {id}  {file}  {hash} (replaces {replaced}): {reason}' },
  'cli.lock.oneFolder': { sv: 'avtal lock: ange högst en policymapp', en: 'avtal lock: give at most one policies folder' },
  'cli.lock.notFolder': { sv: 'avtal lock: {root}: inte en mapp', en: 'avtal lock: {root}: not a folder' },
  'cli.lock.locked': { sv: 'låst {id}  {file}  {hash}', en: 'locked {id}  {file}  {hash}' },
  'cli.lock.moved': { sv: 'flyttad  {id}  {from} → {to} (texten oförändrad)', en: 'moved  {id}  {from} → {to} (text unchanged)' },
  'cli.lock.broken': { sv: 'inte låst {id}  {file}: filen innehåller fel (se avtal check)', en: 'not locked {id}  {file}: the file has errors (see avtal check)' },
  'cli.lock.done': { sv: '{lock}: {count} publicerade versioner; registrerade {added} nya, {moved} flyttade; {refused} avvisade, {broken} med fel', en: '{lock}: {count} published version(s); recorded {added} new, {moved} moved; {refused} refused, {broken} with errors' },
  'cli.lock.doneCheck': { sv: '{lock}: {count} publicerade versioner; skulle registrera {added} nya, {moved} flyttade; {refused} avvisade, {broken} med fel', en: '{lock}: {count} published version(s); would record {added} new, {moved} moved; {refused} refused, {broken} with errors' },
  // export
  'cli.export.one': { sv: 'avtal export: ange en policyfil', en: 'avtal export: name one policy file' },
  'cli.export.hasErrors': { sv: '{file} innehåller fel; kör avtal check', en: '{file} has errors; run avtal check' },
  'cli.export.done': { sv: '{file}: {exported} regel/regler exporterade som {rules} json-rules-engine-regler till {out}; {notExported} inte exporterade', en: '{file}: {exported} rule(s) exported as {rules} json-rules-engine rules to {out}; {notExported} not exported' },
  'cli.export.nothing': { sv: 'ingen regel i den här policyn kan exporteras', en: 'no rule of this policy can be exported' },
  // months
  'cli.months.args': { sv: 'avtal months: ange --county och exakt en av --averages eller --episodes', en: 'avtal months: give --county and exactly one of --averages or --episodes' },
  'cli.months.format': { sv: 'avtal months: --format måste vara json eller table, inte {format}', en: 'avtal months: --format must be json or table, not {format}' },
  'cli.months.notYaml': { sv: 'avtal months: {file}: inte giltig YAML eller JSON: {detail}', en: 'avtal months: {file}: not valid YAML or JSON: {detail}' },
  'cli.months.several': { sv: 'avtal months: länet {county} har flera avtal med stegar ({list}); ange ett med --agreement', en: 'avtal months: county {county} has several agreements with ladders ({list}); name one with --agreement' },
  // coverage
  'cli.coverage.failUnder': { sv: 'avtal coverage: --fail-under kräver ett tal, fick {value}', en: 'avtal coverage: --fail-under needs a number, got {value}' },
  'cli.coverage.noSources': { sv: 'avtal coverage: ingen källmapp (sources/index.json) hittades för {root}: ingen texttäckning', en: 'avtal coverage: no sources folder (sources/index.json) found for {root}: no text coverage' },
  'cli.coverage.notAmongSources': { sv: '{file}: källan {source} finns inte bland källdokumenten: ingen texttäckning', en: '{file}: source {source} is not among the source documents: no text coverage' },
  'cli.coverage.text': {
    sv: '{file}  text {percent} %  ({covered}/{total} meningar i {source}: {cited} citerade, {marked} markerade{reasons})',
    en: '{file}  text {percent} %  ({covered}/{total} sentences of {source}: {cited} cited, {marked} marked{reasons})',
  },
  'cli.coverage.uncovered': { sv: '  obeslutad {where}:{line}  "{text}"  [{carries}]', en: '  uncovered {where}:{line}  "{text}"  [{carries}]' },
  'cli.coverage.examples': {
    sv: '{file}  exempel {percent} %  ({covered}/{total} grenar prövade av {examples} räkneexempel)',
    en: '{file}  examples {percent} %  ({covered}/{total} branches exercised by {examples} example(s))',
  },
  'cli.coverage.notExercised': { sv: '  ej prövad {file}:{line}  {rule}: {what}', en: '  not exercised {file}:{line}  {rule}: {what}' },
  // source
  'cli.source.one': { sv: 'avtal source: ange en policyfil (eller en mapp)', en: 'avtal source: give one policy file (or a folder)' },
  'cli.source.color': { sv: 'avtal source: --color tar auto, always eller never, inte {value}', en: 'avtal source: --color takes auto, always or never, not {value}' },
  'cli.source.noSources': { sv: 'avtal source: ingen källmapp (sources/index.json) hittades för {path}', en: 'avtal source: no sources folder (sources/index.json) found for {path}' },
  'cli.source.unknown': { sv: 'avtal source: {file}: källan {id} finns inte bland källdokumenten ({known})', en: 'avtal source: {file}: source {id} is not among the source documents ({known})' },
  'cli.source.alsoCites': { sv: 'citerar också {source} ({count} källhänvisning(ar)): avtal source {file} --source {source}', en: 'also cites {source} ({count} citation(s)): avtal source {file} --source {source}' },
  'cli.source.header': {
    sv: 'källa {source} · {file} · {cited} citerade ställen, {marked} markerade som okodade, {undecided} obeslutade · texttäckning {percent} %',
    en: 'source {source} · {file} · {cited} passage(s) cited, {marked} marked as not encoded, {undecided} undecided · text coverage {percent} %',
  },
  'cli.source.rule': {
    sv: 'de ställen i {source} som {name} citerar ({count}); reglerna och raderna under vart och ett:',
    en: 'the passages of {source} that {name} cites ({count}); the rules and lines under each:',
  },
  'cli.source.ruleHeading': { sv: '{name} hänvisar till rubriken »{heading}«, rad {line} i {source}', en: '{name} refers to heading "{heading}", line {line} of {source}' },
  'cli.source.ruleNone': {
    sv: 'avtal source: {file}: {name} citerar inget ställe i {source}{others}',
    en: 'avtal source: {file}: {name} cites no passage of {source}{others}',
  },
  'cli.source.ruleOthers': { sv: ' (den citerar {sources}: --source {first})', en: ' (it cites {sources}: --source {first})' },
  'cli.source.notEncoded': { sv: 'okodat: {marks}', en: 'not encoded: {marks}' },
  'cli.source.undecided': {
    sv: '? obeslutad ({carries}): citera den i en regel, eller markera den `okodat` med ett skäl',
    en: '? undecided ({carries}): cite it in a rule, or mark it `unencoded` with a reason',
  },
} satisfies Record<string, Message>;
