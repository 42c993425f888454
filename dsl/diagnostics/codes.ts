// The one table of diagnostic codes, grouped by the stage that reports them.
// Codes are stable: tests assert codes and ranges, never the wording.
import type { Severity } from './diagnostic';

interface CodeEntry {
  severity: Severity;
  message: string;
}

const table = {
  // lexer
  'AVT-L001': { severity: 'error', message: 'unexpected character {char}' },
  'AVT-L002': { severity: 'error', message: 'unterminated string: a string must close with " on the same line' },
  'AVT-L003': { severity: 'error', message: 'the number {value} cannot be kept exactly: write at most 15 significant digits' },
  // parser
  'AVT-P001': { severity: 'error', message: '{detail}' },
  'AVT-P002': { severity: 'error', message: 'the file must begin with an agreement header (`agreement` / `avtal`)' },
  'AVT-P003': { severity: 'error', message: 'expressions nest too deeply here: at most {max} levels of parentheses, calls, `not` and + or -' },
  // checker: names
  'AVT-C001': { severity: 'error', message: '{name} is declared twice' },
  'AVT-C002': { severity: 'error', message: 'unknown name {name}{hint}' },
  'AVT-C003': { severity: 'error', message: '{name} is a {actual}, but a {expected} is needed here' },
  'AVT-C004': { severity: 'error', message: 'unknown function {name}' },
  'AVT-C005': { severity: 'error', message: '{name} takes {expected} argument(s), got {actual}' },
  // checker: types
  'AVT-C010': { severity: 'error', message: 'type mismatch: expected {expected}, found {actual}' },
  'AVT-C011': { severity: 'error', message: 'cannot apply {op} to {left} and {right}' },
  'AVT-C012': { severity: 'error', message: 'a time of day is compared through a declared cutoff, which says on which side the boundary itself falls; declare `cutoff NAME at {time}, {time} counts as before|after`' },
  'AVT-C013': { severity: 'error', message: '{value} is not a value of {fact}; expected one of {values}' },
  'AVT-C014': { severity: 'error', message: 'a cutoff must repeat its own time in the boundary clause: {time} vs {boundary}' },
  'AVT-C015': { severity: 'error', message: 'day numbering must start at day 1, found day {n}' },
  'AVT-C016': { severity: 'error', message: 'a number of days must be a whole number of at least 0, found {value}' },
  // checker: structure and provenance
  'AVT-C020': { severity: 'error', message: '{kind} {name} has no citation: every rule names the heading of the source it comes from' },
  'AVT-C021': { severity: 'error', message: 'validity ends ({to}) on or before it begins ({from})' },
  'AVT-C022': { severity: 'error', message: 'this file mixes keyword languages: it is written in {lang} (first keyword), but {word} is {other}' },
  'AVT-C023': { severity: 'error', message: 'a {kind} needs {clause}' },
  'AVT-C024': { severity: 'error', message: '{clause} may appear only once in {kind} {name}' },
  'AVT-C025': { severity: 'error', message: 'example {name} expects {what}, which rule {rule} (a {kind}) does not produce' },
  'AVT-C026': { severity: 'error', message: 'parameter {name} has two values for {year}' },
  'AVT-C027': { severity: 'warning', message: 'interpretation {name} is declared but no rule refers to it' },
  'AVT-C028': { severity: 'error', message: 'the agreement header must say whether this version is published or a draft' },
  'AVT-C029': { severity: 'error', message: 'event {name} is given twice in example {example}' },
  'AVT-C030': { severity: 'error', message: 'an example needs at least one expectation' },
  'AVT-C031': { severity: 'error', message: '{value} is not a date of the calendar' },
  'AVT-C032': { severity: 'error', message: '{value} is not a time of day (00:00 to 23:59)' },
  'AVT-C034': { severity: 'error', message: '{name} is a name in the shared vocabulary of events and facts; choose another name' },
  'AVT-C033': { severity: 'warning', message: '{kind} {name} has no {what}' },
  // checker: monthly measures and escalation ladders (AVT-C100…C199)
  'AVT-C100': { severity: 'error', message: '{name} is not a step of ladder {ladder}' },
  'AVT-C101': { severity: 'error', message: 'step {name} is declared twice in ladder {ladder}' },
  'AVT-C102': { severity: 'error', message: 'a run of months must be a whole number of at least 1, found {value}' },
  'AVT-C103': { severity: 'warning', message: 'step {name} of ladder {ladder} is never reached: no transition leads to it' },
  'AVT-C104': { severity: 'error', message: '{value} is not a month (YYYY-MM)' },
  'AVT-C105': { severity: 'error', message: 'example {name} gives the average of {month} twice' },
  'AVT-C106': { severity: 'error', message: 'example {name} mixes a monthly scenario with a care episode: {detail}' },
  'AVT-C107': { severity: 'error', message: '{name} is not an action of ladder {ladder}' },
  'AVT-C108': { severity: 'error', message: 'ladder {ladder} invoices months but does not say {what}' },
  'AVT-C109': { severity: 'error', message: 'the threshold parameter {name} must have number values' },
  // checker: recurring obligations, time windows, escalation procedures (AVT-C200…C299)
  'AVT-C200': { severity: 'error', message: 'deadline {name} states its rule in more than one way ({forms}); use one of `within`, `every` or `on … between`' },
  'AVT-C201': { severity: 'error', message: 'a time window must end after it starts: {start} to {end}' },
  'AVT-C202': { severity: 'error', message: 'a recurrence must be every whole number of periods of at least 1, found {value}' },
  'AVT-C203': { severity: 'error', message: 'the windows of deadline {name} must all be about the same event: {a} and {b}' },
  'AVT-C204': { severity: 'error', message: 'step {name} appears twice in escalation {escalation}' },
  'AVT-C205': { severity: 'error', message: 'escalation {name} has {count} step(s); an escalation procedure needs at least two' },
  'AVT-C206': { severity: 'error', message: 'step {name} of escalation {escalation} has no citation: every step names the heading of the source it comes from' },
  // evaluation and case input
  'AVT-E001': { severity: 'error', message: 'invalid case: {detail}' },
  'AVT-E002': { severity: 'error', message: 'local time {value} does not exist in Europe/Stockholm (the clocks go forward that night); give an explicit UTC offset' },
  'AVT-E003': { severity: 'error', message: 'unknown county {county}; known counties: {known}' },
  'AVT-E004': { severity: 'error', message: 'no version of {agreement} is in force on {date}{nearest}' },
  'AVT-E005': { severity: 'warning', message: 'parameter {name} has no value for {year}; the amount is not computed' },
  'AVT-E008': { severity: 'error', message: 'invalid date {value}: expected YYYY-MM-DD' },
  'AVT-E009': { severity: 'error', message: 'county {county} has several agreements ({agreements}); name one with `agreement`' },
  'AVT-E010': { severity: 'error', message: 'the case has no date to choose a version by: give ready_notice_sent, admitted or evaluationDate, or choose a date (CLI `--on`, HTTP `?on=`)' },
  'AVT-E011': { severity: 'error', message: 'unknown agreement {agreement}; known agreements: {known}' },
  'AVT-E012': { severity: 'error', message: '{file} has errors and cannot be used: {detail}' },
  // monthly statistics and ladders (AVT-M001…M099)
  'AVT-M001': { severity: 'error', message: 'parameter {name} has no value for {year} and does not carry forward: the months of {year} are not compared with the threshold' },
  'AVT-M002': { severity: 'error', message: 'line {line}, {field}: {detail}' },
  'AVT-M003': { severity: 'warning', message: 'no average for {municipality} in {month}: the month is not measured, and a run of months in a row starts again after it' },
  'AVT-M004': { severity: 'error', message: 'invalid averages: {detail}' },
  'AVT-M005': { severity: 'error', message: 'the policy has no {what}: {detail}' },
  'AVT-M006': { severity: 'warning', message: 'parameter {name} has no value for {year}: invoiced amounts of {year} are not computed' },
  'AVT-M007': { severity: 'info', message: '{count} episode(s) of {municipality} are not counted: {reason}' },
  // policy sets and versions
  'AVT-V001': { severity: 'error', message: 'versions {a} and {b} of {agreement} overlap ({from} to {to})' },
  'AVT-V002': { severity: 'error', message: 'fallback {name} names no known agreement' },
  'AVT-V003': { severity: 'error', message: 'published version {version} of {agreement} has changed since it was published (hash {actual}, lock file says {expected}); add a new version instead' },
  'AVT-V004': { severity: 'error', message: 'versions {a} and {b} of {agreement} leave a gap from {from} to {to}, and no fallback is named' },
  'AVT-V005': { severity: 'error', message: 'two files declare version {version} of {agreement}' },
  // versions: lock file and diffs (issue 4)
  'AVT-V010': { severity: 'error', message: 'published version {version} of {agreement} is not in the lock file {lock}; run `node bin/avtal.js lock` to record it' },
  'AVT-V011': { severity: 'error', message: 'the lock file records published version {version} of {agreement} ({file}), but no published file declares it now: a published version is never removed or turned back into a draft' },
  'AVT-V012': { severity: 'error', message: 'cannot read lock file {file}: {detail}' },
  'AVT-V013': { severity: 'warning', message: 'published version {version} of {agreement} is now in {file}, the lock file says {locked}; run `node bin/avtal.js lock` to record the move' },
  'AVT-V014': { severity: 'error', message: 'cannot diff: {detail}' },
  // export to other rule engines (AVT-X001…X099)
  'AVT-X001': { severity: 'error', message: 'cannot export: {detail}' },
  'AVT-X002': { severity: 'warning', message: '{kind} {name} is not exported to {format}: {reason}' },
  'AVT-X003': { severity: 'error', message: 'unknown export format {format}; known formats: {known}' },
  // HTTP service, server/ (AVT-H001…H099)
  'AVT-H001': { severity: 'error', message: 'the request body is not valid JSON: {detail}' },
  'AVT-H002': { severity: 'error', message: 'unsupported content type {type}; send {expected}' },
  'AVT-H003': { severity: 'error', message: 'the request body is larger than {limit} bytes' },
  'AVT-H004': { severity: 'error', message: 'invalid request: {detail}' },
  'AVT-H005': { severity: 'error', message: 'no such route: {method} {url}' },
  'AVT-H006': { severity: 'error', message: 'writes are disabled: the server was started without a token' },
  'AVT-H007': { severity: 'error', message: 'missing or wrong bearer token' },
  'AVT-H008': { severity: 'error', message: 'version {version} of {agreement} exists already; a saved version is never overwritten' },
  'AVT-H009': { severity: 'error', message: 'the header must name agreement {expected}, found {actual}' },
  'AVT-H010': { severity: 'error', message: 'a saved draft must say `draft` (or `utkast`) in its header' },
  'AVT-H011': { severity: 'error', message: 'the policy text has {count} error(s); fix them before saving' },
  'AVT-H012': { severity: 'error', message: 'the header declares version {actual}, but the draft is saved as {expected}' },
  'AVT-H013': { severity: 'error', message: 'unknown agreement {agreement}' },
  'AVT-H014': { severity: 'error', message: 'agreement {agreement} has no version {version}' },
  'AVT-H015': { severity: 'error', message: 'a batch holds at most {max} cases, got {count}' },
  'AVT-H016': { severity: 'error', message: 'line {line} is longer than {limit} bytes' },
  'AVT-H018': { severity: 'error', message: 'cannot save the draft: {detail}' },
  'AVT-H019': { severity: 'error', message: 'internal error {id}; the request was logged' },
  'AVT-H020': { severity: 'error', message: 'no agreement of county {county} has a monthly ladder; counties: {known}' },
} satisfies Record<string, CodeEntry>;

export type Code = keyof typeof table;
export const CODES: Record<Code, CodeEntry> = table;
