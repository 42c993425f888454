// Messages between the editor (main thread) and the language worker.
// Positions are 1-based (line and column), end exclusive, matching monaco's IMarkerData.
import type { CompletionItem, PolicyOutline } from '../../dsl/services';
import type { DeadlineResult, ExplanationStep, PaymentResult } from '../../engine';
import type { MonthsResult as EngineMonthsResult } from '../../engine/monthly';
import type { SemanticDiff } from '../../engine/versions/semantic-diff';

export type Severity = 'error' | 'warning' | 'info';
export type UiLang = 'sv' | 'en';

export interface Diagnostic {
  message: string;
  severity: Severity;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Stable code from dsl/diagnostics/codes.ts, e.g. 'AVT-C002'. */
  code?: string;
}

export interface LineRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface ExpectationView {
  label: string; // the expectation as written in the file
  expected: string;
  actual: string;
  pass: boolean;
  line: number;
}

/** One step of an example's explanation: the rule it is about, and that rule's line in the policy (its passages are what the step rests on). */
export interface ExampleStepView {
  rule: string;
  title?: string;
  text: string;
  /** the rule's first line in the policy */
  line: number;
  /** the rule quotes its source: the step has a passage to show */
  quoted: boolean;
}

export interface ExampleView {
  id: string;
  title?: string;
  derived: boolean;
  rule?: string;
  pass: boolean;
  line: number;
  expectations: ExpectationView[];
  /** the explanation of the example's evaluation, step by step */
  steps: ExampleStepView[];
  errors: string[];
  /** the example's givens as a scenario, for the simulator's "fill in from an example" */
  scenario: Scenario;
}

export interface AnalyseResult {
  diagnostics: Diagnostic[];
  /** null when the policy has errors and cannot be run */
  examples: ExampleView[] | null;
  outline: PolicyOutline;
  timings: { analyseMs: number; examplesMs: number };
}

/** One care episode, as the scenario form and YAML files hold it. */
export interface Scenario {
  title?: string;
  /**
   * vocabulary id → "YYYY-MM-DD HH:MM" (Swedish local time), or every occurrence in time order when the event
   * happened more than once (a ready notice withdrawn and sent again): the case's history, as the API takes it
   */
  events: Record<string, string | string[]>;
  facts: Record<string, boolean | number | string>;
  evaluationDate?: string;
  whatIf?: Record<string, string>; // tweak id → new value
}

export interface RuleSource {
  title?: string;
  /** each citation, with its own line in the policy (`enligt …`) */
  citations: { heading: string; quote?: string; file: string; line: number }[];
  interpretations: { id: string; title?: string }[];
  line: number;
}

/** A case the engine refused, located: the JSON pointer (`/events/ready_notice_sent/1`) and the message in the UI's language. */
export interface CaseProblem {
  code: string;
  pointer: string;
  message: string;
}

export interface SimulationView {
  ok: boolean;
  errors: string[];
  /** the errors of a refused case (an impossible history: AVT-E013), each at its field */
  problems?: CaseProblem[];
  deadlines: DeadlineResult[];
  payments: PaymentResult[];
  explanation: ExplanationStep[];
  warnings: string[];
  /** why another agreement's rules (the law's) decide payment here, when they do */
  fallback?: string;
  rules: Record<string, RuleSource>;
}

export interface SimulateResult {
  base: SimulationView;
  whatIf?: SimulationView;
  applied: string[];
}

export interface CodeActionView {
  title: string;
  code: string;
  preferred: boolean;
  /** where the diagnostic it fixes starts */
  diagnostic: { startLine: number; startColumn: number };
  edits: (LineRange & { text: string })[];
}

export interface HoverResult {
  markdown: string;
  range: LineRange;
}

export interface FormatResult {
  text: string;
  changed: boolean;
  diagnostics: Diagnostic[];
}

export interface MonthsResult {
  available: boolean;
  /** the open policy has a ladder (monthly rules) */
  applicable?: boolean;
  reason?: string;
  ladders?: string[];
  /** the ladders' worked examples, their monthly averages per municipality */
  examples?: { id: string; title?: string; averages: Record<string, Record<string, number>> }[];
  /** the first ladder's threshold per calendar year: null where the year has no value (its months are undetermined) */
  thresholds?: { year: number; value: number | null; carriedFrom?: number }[];
  result?: EngineMonthsResult;
  /** the same months under the policy with the what-if numbers */
  whatIfResult?: EngineMonthsResult;
  applied?: string[];
}

/** The source panel: the agreement's text, the passages the policy cites, what nobody has decided about. */
export interface SourcePanelView {
  available: boolean;
  /** 'no-source' or 'unknown-source:ID' when not available */
  reason?: string;
  known?: string[];
  source?: string;
  title?: string;
  document?: string;
  text?: string;
  /** text coverage of the policy's own source, per cent */
  percent?: number;
  /** other sources the policy cites with `in "ID"` */
  others: string[];
  passages?: {
    n: number;
    start: number;
    end: number;
    line: number;
    kind: 'cited' | 'marked';
    /** `label`: the kind in the reader's language (`tidsfrist`, `deadline`) */
    citers: { kind: string; label: string; name: string; part?: string; line: number; declStart: number; declEnd: number; reason?: string }[];
  }[];
  /** sentences with a quantity, time, deadline or condition that nothing cites or marks (offsets into `text`) */
  uncovered?: { start: number; end: number; line: number; carries: string[] }[];
  /** policy lines of branches no worked example exercises; `what` in the reader's language */
  unexercised: { line: number; rule: string; what: string }[];
  examplePercent?: number;
}

export interface WorkerTimings {
  timeOrigin: number;
  started: number;
  loaded: number;
  firstAnalysis?: { start: number; end: number };
}

export type RequestMap = {
  analyse: { params: { text: string; ui: UiLang }; result: AnalyseResult };
  complete: { params: { text: string; offset: number; ui: UiLang }; result: CompletionItem[] };
  hover: { params: { text: string; offset: number; ui: UiLang }; result: HoverResult | null };
  definition: { params: { text: string; offset: number }; result: LineRange | null };
  format: { params: { text: string }; result: FormatResult };
  simulate: { params: { text: string; scenario: Scenario; ui?: UiLang }; result: SimulateResult };
  /** quick fixes for the diagnostics on the lines given (dsl/services/quick-fix.ts) */
  codeActions: { params: { text: string; startLine: number; endLine: number; ui: UiLang }; result: CodeActionView[] };
  months: { params: { text: string; input: unknown; whatIf?: Record<string, string>; ui?: UiLang }; result: MonthsResult };
  semanticDiff: { params: { from: string; to: string; ui?: UiLang }; result: SemanticDiff };
  /** Analyse a text ahead of the `analyse` request for it (boot.ts, while Monaco loads); the result is cached. */
  prepare: { params: { text: string }; result: null };
  /** The worker's start-up times in ms on its own clock (`timeOrigin`): evaluation began, modules loaded, first analysis. */
  timings: { params: Record<string, never>; result: WorkerTimings };
  asDraft: { params: { text: string; label: string }; result: { text: string; errors: number } };
  sourceView: { params: { text: string; source?: string; ui?: UiLang }; result: SourcePanelView };
  /** The branches no worked example exercises, for the editor to shade their lines whatever tab is open. */
  unexercised: { params: { text: string; ui?: UiLang }; result: SourcePanelView['unexercised'] };
};

export type RequestKind = keyof RequestMap;

export type WorkerRequest = { [K in RequestKind]: { id: number; kind: K } & RequestMap[K]['params'] }[RequestKind];

export type WorkerResponse =
  | { id: number; kind: RequestKind; ok: true; result: unknown; ms: number }
  | { id: number; kind: RequestKind; ok: false; error: string };
