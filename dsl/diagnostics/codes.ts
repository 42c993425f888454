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
  // parser
  'AVT-P001': { severity: 'error', message: '{detail}' },
  'AVT-P002': { severity: 'error', message: 'the file must begin with an agreement header (`agreement` / `avtal`)' },
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
  'AVT-C017': { severity: 'error', message: 'duration {unit} is not allowed here: {reason}' },
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
  // evaluation and case input
  'AVT-E001': { severity: 'error', message: 'invalid case: {detail}' },
  'AVT-E002': { severity: 'error', message: 'local time {value} does not exist in Europe/Stockholm (the clocks go forward that night); give an explicit UTC offset' },
  'AVT-E003': { severity: 'error', message: 'unknown county {county}; known counties: {known}' },
  'AVT-E004': { severity: 'error', message: 'no version of {agreement} is in force on {date}{nearest}' },
  'AVT-E005': { severity: 'warning', message: 'parameter {name} has no value for {year}; the amount is not computed' },
  'AVT-E006': { severity: 'error', message: 'example {name} failed: {detail}' },
  'AVT-E007': { severity: 'error', message: 'cannot read {file}: {detail}' },
  'AVT-E008': { severity: 'error', message: 'invalid date {value}: expected YYYY-MM-DD' },
  'AVT-E009': { severity: 'error', message: 'county {county} has several agreements ({agreements}); name one with `agreement`' },
  'AVT-E010': { severity: 'error', message: 'the case has no date to choose a version by: give ready_notice_sent, admitted or evaluationDate, or choose a date with --on' },
  'AVT-E011': { severity: 'error', message: 'unknown agreement {agreement}; known agreements: {known}' },
  'AVT-E012': { severity: 'error', message: '{file} has errors and cannot be used: {detail}' },
  // policy sets and versions
  'AVT-V001': { severity: 'error', message: 'versions {a} and {b} of {agreement} overlap ({from} to {to})' },
  'AVT-V002': { severity: 'error', message: 'fallback {name} names no known agreement' },
  'AVT-V003': { severity: 'error', message: 'published version {version} of {agreement} has changed since it was published (hash {actual}, lock file says {expected}); add a new version instead' },
  'AVT-V004': { severity: 'error', message: 'versions {a} and {b} of {agreement} leave a gap from {from} to {to}, and no fallback is named' },
  'AVT-V005': { severity: 'error', message: 'two files declare version {version} of {agreement}' },
} satisfies Record<string, CodeEntry>;

export type Code = keyof typeof table;
export const CODES: Record<Code, CodeEntry> = table;
