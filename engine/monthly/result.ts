// What a monthly evaluation returns: JSON-ready, per municipality and month, each decision with its rule; the
// rules' citations once, in `citations`.
import type { Citations, ExplanationStep } from '../evaluator/result';

export interface MonthsDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line?: number; // for input errors: the line of the input file
  field?: string; // and the field or column
  municipality?: string;
  month?: string;
}

export interface MonthInvoice {
  episodes: number; // episodes billed this month
  days: number; // days billed
  rate: number | null; // SEK per day for the month's year
  amount: number | null; // null when the rate is missing, or the input was averages only
  episodeIds: string[];
}

export interface MonthResult {
  month: string; // YYYY-MM
  average: number | null; // null: not measured
  episodes: number | null; // null when the input gave averages only
  days: number | null;
  emptyMonth: boolean; // no episode counted: the measure's `empty month` average applies
  /** the year's threshold is not decided (a yearly parameter without a value): not compared, never invoiced */
  undetermined: boolean;
  /** the agreement version the month is judged under; null: no version is in force for the whole month (the law applies, which has no ladder) */
  version: string | null;
  threshold: number | null;
  comparison: 'over' | 'at-or-under' | null;
  stepAtStart: string;
  step: string;
  transition: { from: string; to: string } | null;
  actions: { id: string; title?: string }[];
  invoiced: boolean;
  invoicedBy: string[]; // 'step NAME' or 'transition FROM→TO in YYYY-MM'
  invoice: MonthInvoice | null;
  explanation: ExplanationStep[];
}

export interface MunicipalityResult {
  municipality: string;
  months: MonthResult[];
  invoicedMonths: string[];
  invoicedEpisodes: number | null;
  invoicedDays: number | null;
  invoicedAmount: number | null;
  notCounted: Record<string, number>; // reason → number of episodes
  /** the months whose threshold is not decided (YYYY-MM): the answer is partial for them */
  undeterminedMonths: string[];
}

export interface MonthsResult {
  ok: boolean; // false when the input had errors or the policy has no ladder
  /** some months could not be decided (a yearly threshold without a value): they are named per municipality */
  partial: boolean;
  /** the versions the months were judged under, in order: more than one when a series crosses a change of version */
  versions: { version: string | null; from: string; to: string }[];
  agreement: string;
  version: string;
  measure: string | null;
  ladder: string | null;
  input: 'averages' | 'episodes';
  municipalities: MunicipalityResult[];
  /** the citations of every rule the months' explanation steps name, by rule (empty without the explanation) */
  citations: Citations;
  diagnostics: MonthsDiagnostic[];
}
