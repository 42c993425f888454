// The AST: the language's own small tree, with a source range on every node. Every later stage —
// checker, formatter, compiler, editor services, diff — reads this, never the CST.
import type { Range } from '../diagnostics';
import type { Lang } from '../builtins/keywords';

export interface Node {
  range: Range;
}

export interface Name extends Node {
  text: string;
}

export interface Str extends Node {
  value: string; // unescaped
}

export interface Citation extends Node {
  heading: Str;
  file?: Str;
  quote?: Str;
}

export interface Comment extends Node {
  text: string; // including the leading #
}

export type Status = 'published' | 'draft';

export interface Header extends Node {
  kind: 'Header';
  id: Name;
  title?: Str;
  county?: Name;
  version?: Str;
  status?: Status;
  validFrom?: DateValue;
  validTo?: DateValue | 'until-further-notice';
  source?: Str;
  fallback?: Name;
  /** `subject to LAW`: the law's payment conditions bind this agreement's payment rules. */
  subjectTo?: Name;
  cites: Citation[];
  see: Name[];
}

export interface DateValue extends Node {
  iso: string; // YYYY-MM-DD as written
}

export interface Interpretation extends Node {
  kind: 'Interpretation';
  id: Name;
  title?: Str;
  cites: Citation[];
  decision?: Str;
}

export interface Cutoff extends Node {
  kind: 'Cutoff';
  id: Name;
  time: TimeLit;
  boundary: TimeLit;
  countsAs: 'before' | 'after';
  cites: Citation[];
  see: Name[];
}

export type DayUnit = 'days' | 'calendar-days' | 'weekdays' | 'working-days';
export type DurationUnit = 'minutes' | 'hours' | DayUnit;

export interface Deadline extends Node {
  kind: 'Deadline';
  id: Name;
  title?: Str;
  cites: Citation[];
  see: Name[];
  when?: Expr;
  subject?: Name; // the event that must happen
  within?: DurationLit;
  anchor?: Expr; // the instant the time is counted from
  /** "EVENT every [N] PERIOD [from EXPR]": a recurring obligation instead of `within`. */
  every?: Recurrence;
  /** "EVENT on DAYS between TIME and TIME", one or more: the event must fall in one of them. */
  windows?: TimeWindow[];
}

export type PeriodUnit = 'calendar-years' | 'calendar-months' | 'months' | 'days';

export interface Recurrence extends Node {
  n: number; // every n periods; 1 when not written
  unit: PeriodUnit;
  start?: Expr; // the instant the obligation starts, an instant expression
}

export type DaySet = 'days' | 'weekdays' | 'working-days' | 'public-holidays' | 'red-days' | 'days-off';

export interface TimeWindow extends Node {
  subject?: Name; // the event the window is about, as written in this window
  days: DaySet;
  start: TimeLit; // inclusive
  end: TimeLit; // exclusive
}

/** An ordered escalation procedure: the steps a dispute goes through, first to last. */
export interface Escalation extends Node {
  kind: 'Escalation';
  id: Name;
  title?: Str;
  cites: Citation[];
  see: Name[];
  steps: EscalationStep[];
}

export interface EscalationStep extends Node {
  id: Name;
  title?: Str;
  cites: Citation[];
}

export interface Conditional<T> extends Node {
  value: T;
  when?: Expr;
}

export interface DayCount extends Node {
  n: number;
  unit: DayUnit;
}

export interface Payment extends Node {
  kind: 'Payment';
  id: Name;
  title?: Str;
  cites: Citation[];
  see: Name[];
  from?: Name; // anchor event
  dayOne: Conditional<'same-day' | 'next-day'>[];
  grace: Conditional<DayCount>[];
  requires: Expr[];
  exempt: Expr[];
  to?: PeriodEnd;
  withdrawn?: Withdrawal;
  rate?: Name;
}

/** "to EVENT [or EVENT]… inclusive|exclusive": the stay ends at the first of the events recorded. */
export interface PeriodEnd extends Node {
  event: Name;
  /** the other events that end the stay (`or EVENT`), in the order written */
  others: Name[];
  inclusive: boolean;
}

/** "withdrawn by EVENT inclusive|exclusive": the event ends the period its anchor opened. */
export interface Withdrawal extends Node {
  event: Name;
  inclusive: boolean;
}

export interface ParameterValue extends Node {
  year: number;
  value: Literal;
  cites: Citation[];
}

export interface Parameter extends Node {
  kind: 'Parameter';
  id: Name;
  title?: Str;
  cites: Citation[];
  values: ParameterValue[];
  /** `carry forward`: a year without a value takes the latest earlier year's value. */
  carryForward?: Node;
}

export type GivenValue =
  | { kind: 'instant'; date: string; time?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'string'; value: string };

export interface Given extends Node {
  name: Name;
  value: GivenValue;
}

/** A deadline's outcome: what a worked example expects and what the evaluator reports (declared once, here). */
export const DEADLINE_STATUSES = ['met', 'missed', 'pending', 'not-applicable'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export type Expectation = Node &
  (
    | { kind: 'first-payable-day'; date: string }
    | { kind: 'no-payment' }
    | { kind: 'billable-days'; n: number }
    | { kind: 'amount'; value: number }
    | { kind: 'grace'; count: DayCount }
    | { kind: 'day-one'; date: string }
    | { kind: 'deadline'; deadline: Name; status: DeadlineStatus }
    | { kind: 'computed'; computed: Name; date: string }
    | { kind: 'step'; month: string; step: Name }
    | { kind: 'action'; month: string; action: Name }
    | { kind: 'invoice'; months: string[] }
    | { kind: 'no-invoice' }
  );

/** A month's average given in a monthly worked example (`given average 2025-01 3.25`). */
export interface GivenAverage extends Node {
  municipality?: Name;
  month: string; // YYYY-MM
  value: number;
  text: string;
}

export interface Example extends Node {
  kind: 'Example';
  id: Name;
  title?: Str;
  derived: boolean;
  rule?: Name;
  cites: Citation[];
  assumptions: Str[];
  givens: Given[];
  averages?: GivenAverage[]; // monthly examples only
  expects: Expectation[];
}

// ---- monthly measures and escalation ladders ---------------------------------------------------

/** Which month an episode's days belong to: the month of an event's day, or split per calendar month. */
export type MonthAssignment = Node & ({ mode: 'event'; event: Name } | { mode: 'split' });

export interface Measure extends Node {
  kind: 'Measure';
  id: Name;
  title?: Str;
  cites: Citation[];
  see: Name[];
  includes: Expr[]; // every condition must hold for an episode to count
  from?: Name; // anchor event
  received: Conditional<'same-day' | 'next-day'>[]; // the day the anchor counts as received
  dayOne: Conditional<'same-day' | 'next-day'>[]; // day 1, relative to the received day
  to?: PeriodEnd;
  withdrawn?: Withdrawal;
  month?: MonthAssignment;
  emptyMonth?: NumberLit;
}

/** `[N months in a row] over|at or under`: counted since the ladder entered its current step. */
export interface MonthCondition extends Node {
  run: number;
  runRange?: Range;
  side: 'over' | 'at-or-under';
}

export interface LadderStep extends Node {
  id: Name;
  title?: Str;
  invoice?: Node & { when?: MonthCondition }; // every month spent in this step is invoiced (when the condition holds)
}

export interface LadderAction extends Node {
  id: Name;
  title?: Str;
}

export interface LadderTransition extends Node {
  from: Name;
  to: Name;
  when: MonthCondition;
  actions: LadderAction[];
  invoiceMonths?: Node & { n: number }; // this month and the n-1 before it
  cites: Citation[];
  see: Name[];
}

export type Threshold = Node & ({ kind: 'number'; value: number; text: string } | { kind: 'parameter'; name: Name });

export interface Ladder extends Node {
  kind: 'Ladder';
  id: Name;
  title?: Str;
  measure?: Name;
  cites: Citation[];
  see: Name[];
  threshold?: Threshold;
  steps: LadderStep[];
  transitions: LadderTransition[];
  invoicedEpisodesOver?: Node & { value: number; text: string; unit: DayUnit };
  invoicedFromDay?: Node & { n: number };
  rate?: Name;
  /** `at a change of version: start again | keep the step` */
  versionChange?: Node & { value: 'start-again' | 'keep-step' };
  /** `a month partly in force: outside the agreement | under the version in force on its last day` */
  partialMonth?: Node & { value: 'outside' | 'last-day' };
}

/** A date the agreement computes from the case (an estimated discharge date, how long medicines last). */
export interface Computed extends Node {
  kind: 'Computed';
  id: Name;
  title?: Str;
  cites: Citation[];
  see: Name[];
  when?: Expr;
  value?: Expr;
}

export type UnencodedReason = 'not-computable' | 'outside-scope' | 'applied-elsewhere';

/** A passage of the source deliberately not encoded: its citations, the reason and an explanation. */
export interface Unencoded extends Node {
  kind: 'Unencoded';
  id: Name;
  title?: Str;
  cites: Citation[];
  reason?: Node & { value: UnencodedReason; explanation?: Str };
}

export type Declaration = Interpretation | Cutoff | Deadline | Payment | Parameter | Example | Measure | Ladder | Escalation | Computed | Unencoded;

export interface Policy extends Node {
  kind: 'Policy';
  lang: Lang;
  header?: Header;
  declarations: Declaration[];
  comments: Comment[];
  /** Every keyword with its spelling's language, for the mixed-language check. */
  keywords: { name: string; image: string; range: Range }[];
}

// ---- expressions ------------------------------------------------------------------------------

export interface NumberLit extends Node {
  kind: 'Number';
  value: number;
  text: string;
}
export interface DurationLit extends Node {
  kind: 'Duration';
  value: number;
  unit: DurationUnit;
}
export interface MoneyLit extends Node {
  kind: 'Money';
  value: number;
}
export interface DateLit extends Node {
  kind: 'Date';
  iso: string;
}
export interface InstantLit extends Node {
  kind: 'Instant';
  date: string;
  time: string;
}
export interface TimeLit extends Node {
  kind: 'Time';
  text: string; // HH:MM
  minutes: number; // minutes after midnight
}
export interface StringLit extends Node {
  kind: 'String';
  value: string;
}
export interface BoolLit extends Node {
  kind: 'Bool';
  value: boolean;
}
export type Literal = NumberLit | DurationLit | MoneyLit | DateLit | InstantLit | TimeLit | StringLit | BoolLit;

export interface NameRef extends Node {
  kind: 'NameRef';
  name: string;
}
export interface Call extends Node {
  kind: 'Call';
  fn: Name;
  args: Expr[];
}
export type ArithOp = '+' | '-';
export interface Arith extends Node {
  kind: 'Arith';
  op: ArithOp;
  left: Expr;
  right: Expr;
}
export type RelOp = '>=' | '<=' | '!=' | '>' | '<' | '=';
export interface Compare extends Node {
  kind: 'Compare';
  op: RelOp;
  left: Expr;
  right: Expr;
}
export interface IsTest extends Node {
  kind: 'Is';
  subject: Expr;
  value: Name;
}
export interface CutoffTest extends Node {
  kind: 'CutoffTest';
  side: 'before' | 'after';
  subject: Expr;
  cutoff: Expr; // must name a declared cutoff
}
export interface Logical extends Node {
  kind: 'And' | 'Or';
  operands: Expr[];
}
export interface Not extends Node {
  kind: 'Not';
  operand: Expr;
}

export type Expr = Literal | NameRef | Call | Arith | Compare | IsTest | CutoffTest | Logical | Not;

export const isRule = (d: Declaration): d is Deadline | Payment => d.kind === 'Deadline' || d.kind === 'Payment';
