// What an evaluation returns: JSON-ready, every decision with its rule and the values used, and each rule's
// citations once.

export interface CitationOut {
  file: string;
  heading: string;
  quote?: string;
}

/** One decision of the explanation; its rule's citations are in the result's `citations`, under `rule`. */
export interface ExplanationStep {
  rule: string;
  title?: string;
  text: string;
  /** the interpretations the rule relies on (shared by every step of the rule, in every result: frozen) */
  interpretations: readonly string[];
  values: Record<string, string | number | boolean | null>;
}

/**
 * The citations of every rule the explanation names, by rule: given once, however many steps a rule has
 * (shared by every result of a compiled policy: frozen). Empty when the explanation is left out.
 */
export type Citations = Readonly<Record<string, readonly CitationOut[]>>;

export type DeadlineStatus = 'met' | 'missed' | 'pending' | 'not-applicable';

export interface DeadlineResult {
  id: string;
  title?: string;
  status: DeadlineStatus;
  /** Stockholm local time the event was due by; for day counts, the end of that day ("2019-01-10 24:00"). */
  due: string | null;
  dueInstant: string | null; // ISO 8601 with offset
  actual: string | null;
  reason: string;
}

/**
 * responsible: payment responsibility has arisen; pending: a requirement does not hold yet but still can (an event
 * it names may still happen in time); not-responsible: a requirement is not met, or an exemption applies;
 * not-started: the anchor event is not recorded.
 */
export type PaymentStatus = 'responsible' | 'pending' | 'not-responsible' | 'not-started';

/** One billable period: from a ready notice to the end of the stay or to the notice's withdrawal. */
export interface PaymentPeriod {
  status: PaymentStatus;
  /** the anchor event's time that opened the period (Stockholm local time) */
  from: string;
  /** what ended it: an end event's name, 'withdrawn', or null while the patient is still in hospital */
  endedBy: string | null;
  dayOne: string | null;
  firstPayableDay: string | null;
  lastBillableDay: string | null;
  billableDays: number | null;
  amount: number | null;
  ratesUsed: { year: number; rate: number; days: number }[];
  reason: string;
}

export interface PaymentResult {
  id: string;
  title?: string;
  status: PaymentStatus;
  responsible: boolean;
  reason: string;
  /** every period of the history, in time order (one for a notice never withdrawn); the fields below are the first period's */
  periods: PaymentPeriod[];
  /** the billable days and the amount of every period together (null when one is unknown) */
  totalBillableDays: number | null;
  totalAmount: number | null;
  /** the condition that decided a not-responsible or pending status, when it is the law's (`subject to`) */
  law?: { agreement: string; version: string; rule: string; clause: string };
  dayOne: string | null;
  graceDays: number | null;
  graceUnit: string | null;
  lastGraceDay: string | null;
  firstPayableDay: string | null;
  lastBillableDay: string | null;
  billableDays: number | null;
  /** the patient is still in hospital: billable days are counted to the evaluation date, or not at all */
  ongoing: boolean;
  amount: number | null;
  currency: 'SEK';
  ratesUsed: { year: number; rate: number; days: number }[];
}

export interface VersionInfo {
  agreement: string;
  title?: string;
  county?: string;
  version: string;
  status: 'published' | 'draft';
  validFrom: string;
  validTo: string | null; // null: until further notice
  hash: string;
  file?: string;
  source?: string;
}

export interface Warning {
  code: string;
  message: string;
}

export interface ComputedResult {
  id: string;
  title?: string;
  /** the date, or null when the rule does not apply or an event it needs is not recorded */
  date: string | null;
  applies: boolean;
  reason: string;
}

export interface EvaluationResult {
  caseId?: string;
  version: VersionInfo;
  deadlines: DeadlineResult[];
  payments: PaymentResult[];
  computed: ComputedResult[];
  explanation: ExplanationStep[];
  citations: Citations;
  warnings: Warning[];
}
