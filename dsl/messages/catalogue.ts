// The one message catalogue: every user-visible text of Avtal by its code, in Swedish and in English.
// Its sections live beside it, one file each; adding a message is one entry in one of them:
//   diagnostics   dsl/diagnostics/codes.ts (the stage's code table, with its Swedish template)
//   explanations  explain.ts (reasons and explanation steps of a result)
//   diffs         diff.ts (semantic diff rows and the behavioural diff)
//   export        export.ts (why a rule is left out of an export to another rule engine)
//   case history  history.ts (why an episode's events cannot have happened so)
//   review        review.ts (what cites a passage, why one is not encoded, the branches examples exercise)
//   months        monthly.ts (the monthly ladders' explanations, their diagnostics' details, avtal months' table)
//   hover, other  ui.ts (the editor's hover, the parser's expected words, fallbacks)
//   CLI           cli.ts (the command line's own messages), cli-usage.ts (its commands' --help)
//   hover         hover.ts (what keywords, shared names and functions mean, for hover and completion)
//   histories     history.ts (why a case's history is impossible: AVT-E013's detail)
//   JSON          json.ts (why a text is not JSON: where the reading stopped)
//   terms, events terms.ts, events.ts (the words and event phrases the others take as parameters)
import { CODES } from './codes';
import { CLI_MESSAGES } from './cli';
import { CLI_USAGE } from './cli-usage';
import { DIFF_MESSAGES } from './diff';
import { EVENT_TEXTS } from './events';
import { EXPLAIN_MESSAGES } from './explain';
import { TERMS } from './terms';
import type { Message } from './types';
import { UI_MESSAGES } from './ui';
import { HOVER_MESSAGES } from './hover';
import { MONTHLY_MESSAGES } from './monthly';
import { EXPORT_MESSAGES } from './export';
import { HISTORY_MESSAGES } from './history';
import { REVIEW_MESSAGES } from './review';
import { CASE_MESSAGES } from './case';
import { JSON_MESSAGES } from './json';

const fromCodes: Record<string, Message> = {};
for (const [code, e] of Object.entries(CODES)) fromCodes[code] = { sv: e.sv, en: e.message };
const fromTerms: Record<string, Message> = {};
for (const [key, t] of Object.entries(TERMS)) fromTerms[`term.${key}`] = { sv: t.sv, en: key };
const fromEvents: Record<string, Message> = {};
for (const [id, t] of Object.entries(EVENT_TEXTS)) fromEvents[`event.${id}`] = { sv: t.sv[1], en: t.en[1] };

export const CATALOGUE = {
  ...fromCodes,
  ...fromTerms,
  ...fromEvents,
  ...EXPLAIN_MESSAGES,
  ...DIFF_MESSAGES,
  ...MONTHLY_MESSAGES,
  ...EXPORT_MESSAGES,
  ...HISTORY_MESSAGES,
  ...REVIEW_MESSAGES,
  ...CASE_MESSAGES,
  ...JSON_MESSAGES,
  ...UI_MESSAGES,
  ...CLI_MESSAGES,
  ...CLI_USAGE,
  ...HOVER_MESSAGES,
} as Record<string, Message>;

export type MessageCode = keyof typeof CODES | keyof typeof EXPLAIN_MESSAGES | keyof typeof DIFF_MESSAGES | keyof typeof MONTHLY_MESSAGES | keyof typeof EXPORT_MESSAGES | keyof typeof HISTORY_MESSAGES | keyof typeof REVIEW_MESSAGES | keyof typeof CASE_MESSAGES | keyof typeof JSON_MESSAGES | keyof typeof UI_MESSAGES | keyof typeof CLI_MESSAGES | `term.${string}` | `event.${string}` | `hover.${string}`;
