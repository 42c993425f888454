// The grammar: a pure Chevrotain CstParser (no actions), error recovery on, so the editor always gets a tree.
// Each alternative of an OR that is more than one token has a rule of its own.
// An OR's alternatives are built once and kept in `alts` (Chevrotain's "caching arrays of alternatives"),
// under the rule's name (a rule's second OR: name + 2); every OR needs a key of its own. A fresh array of
// fresh closures at every OR cost a fifth of the parse: tsx also names each `ALT: () => …` closure through
// Object.defineProperty.
import { CstParser, type DSLMethodOpts, type IOrAlt, type IToken } from 'chevrotain';
import {
  allTokens, T, Identifier, StringLiteral, DateLiteral, TimeLiteral, NumberLiteral, MonthLiteral,
  LParen, RParen, Comma, Colon, Plus, Minus, GreaterEq, LessEq, NotEq, Greater, Less, Equals,
} from '../tokens/tokens';

export class AvtalParser extends CstParser {
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};
  private quantityUnit?: DSLMethodOpts<unknown>;

  /**
   * `validate`: run Chevrotain's grammar checks (ambiguities, left recursion…) while building. They cost about
   * a third of building the parser, which the editor's worker does at every page load, so the shared parser
   * skips them and a test builds one with them on (test/dsl/grammar.test.ts).
   */
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'onlyOffset', skipValidations: !validate });
    this.performSelfAnalysis();
  }

  policy = this.RULE('policy', () => {
    this.SUBRULE(this.header);
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  // ---- header --------------------------------------------------------------------------------
  header = this.RULE('header', () => {
    this.CONSUME(T.Agreement);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.headerClause));
  });

  headerClause = this.RULE('headerClause', () => {
    this.OR(this.alts.headerClause ??= [
      { ALT: () => this.SUBRULE(this.countyClause) },
      { ALT: () => this.SUBRULE(this.versionClause) },
      { ALT: () => this.SUBRULE(this.validClause) },
      { ALT: () => this.SUBRULE(this.sourceClause) },
      { ALT: () => this.SUBRULE(this.fallbackClause) },
      { ALT: () => this.SUBRULE(this.subjectToClause) },
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
    ]);
  });

  countyClause = this.RULE('countyClause', () => {
    this.CONSUME(T.County);
    this.CONSUME(Identifier);
  });

  versionClause = this.RULE('versionClause', () => {
    this.CONSUME(T.Version);
    this.CONSUME(StringLiteral);
    this.OR(this.alts.versionClause ??= [{ ALT: () => this.CONSUME(T.Published) }, { ALT: () => this.CONSUME(T.Draft) }]);
  });

  validClause = this.RULE('validClause', () => {
    this.CONSUME(T.Valid);
    this.CONSUME(T.From);
    this.CONSUME(DateLiteral);
    this.OR(this.alts.validClause ??= [{ ALT: () => this.SUBRULE(this.validTo) }, { ALT: () => this.CONSUME(T.UntilFurtherNotice) }]);
  });

  validTo = this.RULE('validTo', () => {
    this.CONSUME(T.To);
    this.CONSUME(DateLiteral);
  });

  sourceClause = this.RULE('sourceClause', () => {
    this.CONSUME(T.Source);
    this.CONSUME(StringLiteral);
  });

  fallbackClause = this.RULE('fallbackClause', () => {
    this.CONSUME(T.Fallback);
    this.CONSUME(Identifier);
  });

  subjectToClause = this.RULE('subjectToClause', () => {
    this.CONSUME(T.SubjectTo);
    this.CONSUME(Identifier);
  });

  citeClause = this.RULE('citeClause', () => {
    this.CONSUME(T.Cite);
    this.CONSUME(StringLiteral, { LABEL: 'heading' });
    this.OPTION(() => {
      this.CONSUME(T.In);
      this.CONSUME2(StringLiteral, { LABEL: 'file' });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Quote);
      this.CONSUME3(StringLiteral, { LABEL: 'quote' });
    });
  });

  seeClause = this.RULE('seeClause', () => {
    this.CONSUME(T.See);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Identifier) });
  });

  // ---- declarations --------------------------------------------------------------------------
  declaration = this.RULE('declaration', () => {
    this.OR(this.alts.declaration ??= [
      { ALT: () => this.SUBRULE(this.interpretationDecl) },
      { ALT: () => this.SUBRULE(this.cutoffDecl) },
      { ALT: () => this.SUBRULE(this.deadlineDecl) },
      { ALT: () => this.SUBRULE(this.paymentDecl) },
      { ALT: () => this.SUBRULE(this.parameterDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
      { ALT: () => this.SUBRULE(this.computedDecl) },
      { ALT: () => this.SUBRULE(this.measureDecl) },
      { ALT: () => this.SUBRULE(this.ladderDecl) },
      { ALT: () => this.SUBRULE(this.escalationDecl) },
      { ALT: () => this.SUBRULE(this.unencodedDecl) },
    ]);
  });

  interpretationDecl = this.RULE('interpretationDecl', () => {
    this.CONSUME(T.Interpretation);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.OR(this.alts.interpretationDecl ??= [{ ALT: () => this.SUBRULE(this.citeClause) }, { ALT: () => this.SUBRULE(this.decisionClause) }]));
  });

  decisionClause = this.RULE('decisionClause', () => {
    this.CONSUME(T.Decision);
    this.CONSUME(StringLiteral);
  });

  cutoffDecl = this.RULE('cutoffDecl', () => {
    this.CONSUME(T.Cutoff);
    this.CONSUME(Identifier);
    this.CONSUME(T.At);
    this.CONSUME(TimeLiteral, { LABEL: 'time' });
    this.CONSUME(Comma);
    this.CONSUME2(TimeLiteral, { LABEL: 'boundary' });
    this.CONSUME(T.CountsAs);
    this.OR(this.alts.cutoffDecl ??= [{ ALT: () => this.CONSUME(T.Before) }, { ALT: () => this.CONSUME(T.After) }]);
    this.MANY(() => this.OR2(this.alts.cutoffDecl2 ??= [{ ALT: () => this.SUBRULE(this.citeClause) }, { ALT: () => this.SUBRULE(this.seeClause) }]));
  });

  deadlineDecl = this.RULE('deadlineDecl', () => {
    this.CONSUME(T.Deadline);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.deadlineClause));
  });

  deadlineClause = this.RULE('deadlineClause', () => {
    this.OR(this.alts.deadlineClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.whenClause) },
      { ALT: () => this.SUBRULE(this.withinClause) },
      { ALT: () => this.SUBRULE(this.everyClause) },
      { ALT: () => this.SUBRULE(this.windowClause) },
    ]);
  });

  // ---- recurring obligations and time windows (docs/language.md, recurring obligations) -------------------
  // "EVENT every [N] PERIOD [from EXPR]": the event must recur in every period.
  everyClause = this.RULE('everyClause', () => {
    this.CONSUME(Identifier, { LABEL: 'subject' });
    this.CONSUME(T.Every);
    this.OPTION(() => this.CONSUME(NumberLiteral));
    this.SUBRULE(this.periodUnit);
    this.OPTION2(() => {
      this.CONSUME(T.From);
      this.SUBRULE(this.expression, { LABEL: 'start' });
    });
  });

  periodUnit = this.RULE('periodUnit', () => {
    this.OR(this.alts.periodUnit ??= [
      { ALT: () => this.CONSUME(T.CalendarYear) },
      { ALT: () => this.CONSUME(T.CalendarMonth) },
      { ALT: () => this.CONSUME(T.Months) },
      { ALT: () => this.CONSUME(T.Days) },
    ]);
  });

  // "EVENT on DAYS between TIME and TIME": the event must fall in one of the rule's windows.
  windowClause = this.RULE('windowClause', () => {
    this.CONSUME(Identifier, { LABEL: 'subject' });
    this.CONSUME(T.On);
    this.SUBRULE(this.daySet);
    this.CONSUME(T.Between);
    this.CONSUME(TimeLiteral, { LABEL: 'start' });
    this.CONSUME(T.And);
    this.CONSUME2(TimeLiteral, { LABEL: 'end' });
  });

  daySet = this.RULE('daySet', () => {
    this.OR(this.alts.daySet ??= [
      { ALT: () => this.CONSUME(T.Days) },
      { ALT: () => this.CONSUME(T.Weekdays) },
      { ALT: () => this.CONSUME(T.WorkingDays) },
      { ALT: () => this.CONSUME(T.PublicHolidays) },
      { ALT: () => this.CONSUME(T.RedDays) },
      { ALT: () => this.CONSUME(T.DaysOff) },
    ]);
  });

  // ---- escalation procedures ------------------------------------------------------------------
  escalationDecl = this.RULE('escalationDecl', () => {
    this.CONSUME(T.Escalation);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.escalationClause));
  });

  escalationClause = this.RULE('escalationClause', () => {
    this.OR(this.alts.escalationClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.escalationStep) },
    ]);
  });

  escalationStep = this.RULE('escalationStep', () => {
    this.CONSUME(T.Step);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.citeClause));
  });

  // ---- passages deliberately not encoded ------------------------------------------------------
  unencodedDecl = this.RULE('unencodedDecl', () => {
    this.CONSUME(T.Unencoded);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.OR(this.alts.unencodedDecl ??= [{ ALT: () => this.SUBRULE(this.citeClause) }, { ALT: () => this.SUBRULE(this.reasonClause) }]));
  });

  reasonClause = this.RULE('reasonClause', () => {
    this.CONSUME(T.Reason);
    this.OR(this.alts.reasonClause ??= [
      { ALT: () => this.CONSUME(T.NotComputable) },
      { ALT: () => this.CONSUME(T.OutsideScope) },
      { ALT: () => this.CONSUME(T.AppliedElsewhere) },
    ]);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });

  whenClause = this.RULE('whenClause', () => {
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
  });

  withinClause = this.RULE('withinClause', () => {
    this.CONSUME(Identifier, { LABEL: 'subject' });
    this.CONSUME(T.Within);
    this.SUBRULE(this.duration);
    this.CONSUME(T.After);
    this.SUBRULE(this.expression, { LABEL: 'anchor' });
  });

  paymentDecl = this.RULE('paymentDecl', () => {
    this.CONSUME(T.Payment);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.paymentClause));
  });

  paymentClause = this.RULE('paymentClause', () => {
    this.OR(this.alts.paymentClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.fromClause) },
      { ALT: () => this.SUBRULE(this.dayOneClause) },
      { ALT: () => this.SUBRULE(this.graceClause) },
      { ALT: () => this.SUBRULE(this.requiresClause) },
      { ALT: () => this.SUBRULE(this.exemptClause) },
      { ALT: () => this.SUBRULE(this.toClause) },
      { ALT: () => this.SUBRULE(this.withdrawnClause) },
      { ALT: () => this.SUBRULE(this.rateClause) },
    ]);
  });

  fromClause = this.RULE('fromClause', () => {
    this.CONSUME(T.From);
    this.CONSUME(Identifier);
  });

  dayOneClause = this.RULE('dayOneClause', () => {
    this.CONSUME(T.Days);
    this.CONSUME(NumberLiteral);
    this.CONSUME(Colon);
    this.OR(this.alts.dayOneClause ??= [{ ALT: () => this.CONSUME(T.SameDay) }, { ALT: () => this.CONSUME(T.NextDay) }]);
    this.OPTION(() => this.SUBRULE(this.whenClause));
  });

  graceClause = this.RULE('graceClause', () => {
    this.CONSUME(T.Grace);
    this.SUBRULE(this.dayCount);
    this.OPTION(() => this.SUBRULE(this.whenClause));
  });

  requiresClause = this.RULE('requiresClause', () => {
    this.CONSUME(T.Requires);
    this.SUBRULE(this.expression);
  });

  exemptClause = this.RULE('exemptClause', () => {
    this.CONSUME(T.Exempt);
    this.SUBRULE(this.whenClause);
  });

  // "to EVENT [or EVENT]… inclusive|exclusive": the period ends at the first of the events recorded.
  toClause = this.RULE('toClause', () => {
    this.CONSUME(T.To);
    this.CONSUME(Identifier);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.CONSUME2(Identifier);
    });
    this.OR(this.alts.toClause ??= [{ ALT: () => this.CONSUME(T.Inclusive) }, { ALT: () => this.CONSUME(T.Exclusive) }]);
  });

  withdrawnClause = this.RULE('withdrawnClause', () => {
    this.CONSUME(T.WithdrawnBy);
    this.CONSUME(Identifier);
    this.OR(this.alts.withdrawnClause ??= [{ ALT: () => this.CONSUME(T.Inclusive) }, { ALT: () => this.CONSUME(T.Exclusive) }]);
  });

  rateClause = this.RULE('rateClause', () => {
    this.CONSUME(T.Rate);
    this.CONSUME(Identifier);
  });

  parameterDecl = this.RULE('parameterDecl', () => {
    this.CONSUME(T.Parameter);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.citeClause));
    this.MANY2(() => this.SUBRULE(this.valueClause));
    this.OPTION2(() => this.CONSUME(T.CarryForward));
  });

  valueClause = this.RULE('valueClause', () => {
    this.CONSUME(T.Value);
    this.SUBRULE(this.literal);
    this.CONSUME(T.For);
    this.CONSUME(NumberLiteral, { LABEL: 'year' });
    this.MANY(() => this.SUBRULE(this.citeClause));
  });

  exampleDecl = this.RULE('exampleDecl', () => {
    this.CONSUME(T.Example);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.OPTION2(() => this.CONSUME(T.Derived));
    this.CONSUME(T.For);
    this.CONSUME2(Identifier, { LABEL: 'rule' });
    this.MANY(() => this.SUBRULE(this.exampleClause));
  });

  exampleClause = this.RULE('exampleClause', () => {
    this.OR(this.alts.exampleClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.assumeClause) },
      { ALT: () => this.SUBRULE(this.givenClause) },
      { ALT: () => this.SUBRULE(this.expectClause) },
      { ALT: () => this.SUBRULE(this.givenAverage) },
    ]);
  });

  assumeClause = this.RULE('assumeClause', () => {
    this.CONSUME(T.Assume);
    this.CONSUME(StringLiteral);
  });

  givenClause = this.RULE('givenClause', () => {
    this.CONSUME(T.Given);
    this.CONSUME(Identifier);
    this.OR(this.alts.givenClause ??= [
      { ALT: () => this.SUBRULE(this.instantValue) },
      { ALT: () => this.CONSUME(T.Yes) },
      { ALT: () => this.CONSUME(T.No) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME2(Identifier, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(StringLiteral) },
    ]);
  });

  instantValue = this.RULE('instantValue', () => {
    this.CONSUME(DateLiteral);
    this.OPTION(() => this.CONSUME(TimeLiteral));
  });

  expectClause = this.RULE('expectClause', () => {
    this.CONSUME(T.Expect);
    this.OR(this.alts.expectClause ??= [
      { ALT: () => this.SUBRULE(this.expectFirstPayable) },
      { ALT: () => this.CONSUME(T.NoPayment) },
      { ALT: () => this.SUBRULE(this.expectBillable) },
      { ALT: () => this.SUBRULE(this.expectAmount) },
      { ALT: () => this.SUBRULE(this.expectGrace) },
      { ALT: () => this.SUBRULE(this.expectDayOne) },
      { ALT: () => this.SUBRULE(this.expectDeadline) },
      { ALT: () => this.SUBRULE(this.expectComputed) },
      { ALT: () => this.SUBRULE(this.expectStep) },
      { ALT: () => this.SUBRULE(this.expectAction) },
      { ALT: () => this.SUBRULE(this.expectInvoice) },
      { ALT: () => this.CONSUME(T.NoInvoice) },
    ]);
  });

  expectFirstPayable = this.RULE('expectFirstPayable', () => {
    this.CONSUME(T.FirstPayableDay);
    this.CONSUME(DateLiteral);
  });

  expectBillable = this.RULE('expectBillable', () => {
    this.CONSUME(T.BillableDays);
    this.CONSUME(NumberLiteral);
  });

  expectAmount = this.RULE('expectAmount', () => {
    this.CONSUME(T.Amount);
    this.CONSUME(NumberLiteral);
    this.CONSUME(T.Currency);
  });

  expectGrace = this.RULE('expectGrace', () => {
    this.CONSUME(T.Grace);
    this.SUBRULE(this.dayCount);
  });

  expectDayOne = this.RULE('expectDayOne', () => {
    this.CONSUME(T.Days);
    this.CONSUME(NumberLiteral);
    this.CONSUME(Colon);
    this.CONSUME(DateLiteral);
  });

  expectComputed = this.RULE('expectComputed', () => {
    this.CONSUME(Identifier);
    this.CONSUME(DateLiteral);
  });

  computedDecl = this.RULE('computedDecl', () => {
    this.CONSUME(T.Computed);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.computedClause));
  });

  computedClause = this.RULE('computedClause', () => {
    this.OR(this.alts.computedClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.whenClause) },
      { ALT: () => this.SUBRULE(this.computedValue) },
    ]);
  });

  computedValue = this.RULE('computedValue', () => {
    this.CONSUME(T.Value);
    this.SUBRULE(this.expression);
  });

  expectDeadline = this.RULE('expectDeadline', () => {
    this.CONSUME(Identifier);
    this.OR(this.alts.expectDeadline ??= [
      { ALT: () => this.CONSUME(T.Met) },
      { ALT: () => this.CONSUME(T.Missed) },
      { ALT: () => this.CONSUME(T.Pending) },
      { ALT: () => this.CONSUME(T.NotApplicable) },
    ]);
  });

  // ---- monthly measures and escalation ladders (docs/language.md, monthly measures) ---------------------
  measureDecl = this.RULE('measureDecl', () => {
    this.CONSUME(T.Measure);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.measureClause));
  });

  measureClause = this.RULE('measureClause', () => {
    this.OR(this.alts.measureClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.includesClause) },
      { ALT: () => this.SUBRULE(this.fromClause) },
      { ALT: () => this.SUBRULE(this.receivedClause) },
      { ALT: () => this.SUBRULE(this.dayOneClause) },
      { ALT: () => this.SUBRULE(this.toClause) },
      { ALT: () => this.SUBRULE(this.withdrawnClause) },
      { ALT: () => this.SUBRULE(this.monthClause) },
      { ALT: () => this.SUBRULE(this.emptyMonthClause) },
    ]);
  });

  includesClause = this.RULE('includesClause', () => {
    this.CONSUME(T.Includes);
    this.SUBRULE(this.expression);
  });

  receivedClause = this.RULE('receivedClause', () => {
    this.CONSUME(T.Received);
    this.OR(this.alts.receivedClause ??= [{ ALT: () => this.CONSUME(T.SameDay) }, { ALT: () => this.CONSUME(T.NextDay) }]);
    this.OPTION(() => this.SUBRULE(this.whenClause));
  });

  monthClause = this.RULE('monthClause', () => {
    this.CONSUME(T.Months);
    this.CONSUME(Colon);
    this.OR(this.alts.monthClause ??= [{ ALT: () => this.CONSUME(T.Split) }, { ALT: () => this.CONSUME(Identifier) }]);
  });

  emptyMonthClause = this.RULE('emptyMonthClause', () => {
    this.CONSUME(T.EmptyMonth);
    this.CONSUME(Colon);
    this.CONSUME(NumberLiteral);
  });

  ladderDecl = this.RULE('ladderDecl', () => {
    this.CONSUME(T.Ladder);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.CONSUME(T.For);
    this.CONSUME2(Identifier, { LABEL: 'measure' });
    this.MANY(() => this.SUBRULE(this.ladderClause));
  });

  ladderClause = this.RULE('ladderClause', () => {
    this.OR(this.alts.ladderClause ??= [
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.thresholdClause) },
      { ALT: () => this.SUBRULE(this.stepDecl) },
      { ALT: () => this.SUBRULE(this.transitionDecl) },
      { ALT: () => this.SUBRULE(this.invoicedClause) },
      { ALT: () => this.SUBRULE(this.rateClause) },
      { ALT: () => this.SUBRULE(this.versionChangeClause) },
      { ALT: () => this.SUBRULE(this.partialMonthClause) },
    ]);
  });

  partialMonthClause = this.RULE('partialMonthClause', () => {
    this.CONSUME(T.PartlyInForce);
    this.CONSUME(Colon);
    this.OR(this.alts.partialMonthClause ??= [{ ALT: () => this.CONSUME(T.OutsideAgreement) }, { ALT: () => this.CONSUME(T.LastDayVersion) }]);
  });

  versionChangeClause = this.RULE('versionChangeClause', () => {
    this.CONSUME(T.AtVersionChange);
    this.CONSUME(Colon);
    this.OR(this.alts.versionChangeClause ??= [{ ALT: () => this.CONSUME(T.StartAgain) }, { ALT: () => this.CONSUME(T.KeepStep) }]);
  });

  thresholdClause = this.RULE('thresholdClause', () => {
    this.CONSUME(T.Threshold);
    this.OR(this.alts.thresholdClause ??= [{ ALT: () => this.CONSUME(NumberLiteral) }, { ALT: () => this.CONSUME(Identifier) }]);
  });

  stepDecl = this.RULE('stepDecl', () => {
    this.CONSUME(T.Step);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.OPTION2(() => this.SUBRULE(this.stepInvoice));
  });

  stepInvoice = this.RULE('stepInvoice', () => {
    this.CONSUME(T.Invoice);
    this.OPTION(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.monthCondition);
    });
  });

  transitionDecl = this.RULE('transitionDecl', () => {
    this.CONSUME(T.From);
    this.CONSUME(Identifier, { LABEL: 'source' });
    this.CONSUME(T.To);
    this.CONSUME2(Identifier, { LABEL: 'target' });
    this.CONSUME(T.When);
    this.SUBRULE(this.monthCondition);
    this.MANY(() =>
      this.OR(this.alts.transitionDecl ??= [
        { ALT: () => this.SUBRULE(this.actionClause) },
        { ALT: () => this.SUBRULE(this.invoiceMonths) },
        { ALT: () => this.SUBRULE(this.citeClause) },
        { ALT: () => this.SUBRULE(this.seeClause) },
      ]),
    );
  });

  monthCondition = this.RULE('monthCondition', () => {
    this.OPTION(() => this.SUBRULE(this.monthRun));
    this.OR(this.alts.monthCondition ??= [{ ALT: () => this.CONSUME(T.Over) }, { ALT: () => this.CONSUME(T.AtOrUnder) }]);
  });

  monthRun = this.RULE('monthRun', () => {
    this.CONSUME(NumberLiteral);
    this.CONSUME(T.Months);
    this.CONSUME(T.InARow);
  });

  actionClause = this.RULE('actionClause', () => {
    this.CONSUME(T.Action);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
  });

  invoiceMonths = this.RULE('invoiceMonths', () => {
    this.CONSUME(T.Invoice);
    this.CONSUME(NumberLiteral);
    this.CONSUME(T.Months);
  });

  invoicedClause = this.RULE('invoicedClause', () => {
    this.CONSUME(T.Invoiced);
    this.OR(this.alts.invoicedClause ??= [{ ALT: () => this.SUBRULE(this.invoicedEpisodes) }, { ALT: () => this.SUBRULE(this.invoicedDays) }]);
  });

  invoicedEpisodes = this.RULE('invoicedEpisodes', () => {
    this.CONSUME(T.Episodes);
    this.CONSUME(T.Over);
    this.CONSUME(NumberLiteral);
    this.SUBRULE(this.dayUnit);
  });

  invoicedDays = this.RULE('invoicedDays', () => {
    this.CONSUME(T.Days);
    this.CONSUME(T.From);
    this.CONSUME2(T.Days);
    this.CONSUME(NumberLiteral);
  });

  givenAverage = this.RULE('givenAverage', () => {
    this.CONSUME(T.Given);
    this.CONSUME(T.Average);
    this.OPTION(() => this.CONSUME(Identifier, { LABEL: 'municipality' }));
    this.CONSUME(MonthLiteral);
    this.CONSUME(NumberLiteral);
  });

  expectStep = this.RULE('expectStep', () => {
    this.CONSUME(T.Step);
    this.CONSUME(MonthLiteral);
    this.CONSUME(Identifier);
  });

  expectAction = this.RULE('expectAction', () => {
    this.CONSUME(T.Action);
    this.CONSUME(MonthLiteral);
    this.CONSUME(Identifier);
  });

  expectInvoice = this.RULE('expectInvoice', () => {
    this.CONSUME(T.Invoice);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(MonthLiteral) });
  });

  // ---- quantities ----------------------------------------------------------------------------
  duration = this.RULE('duration', () => {
    this.CONSUME(NumberLiteral);
    this.SUBRULE(this.durationUnit);
  });

  dayCount = this.RULE('dayCount', () => {
    this.CONSUME(NumberLiteral);
    this.SUBRULE(this.dayUnit);
  });

  durationUnit = this.RULE('durationUnit', () => {
    this.OR(this.alts.durationUnit ??= [
      { ALT: () => this.CONSUME(T.Minutes) },
      { ALT: () => this.CONSUME(T.Hours) },
      { ALT: () => this.SUBRULE(this.dayUnit) },
    ]);
  });

  dayUnit = this.RULE('dayUnit', () => {
    this.OR(this.alts.dayUnit ??= [
      { ALT: () => this.CONSUME(T.Days) },
      { ALT: () => this.CONSUME(T.CalendarDays) },
      { ALT: () => this.CONSUME(T.Weekdays) },
      { ALT: () => this.CONSUME(T.WorkingDays) },
    ]);
  });

  // ---- expressions ---------------------------------------------------------------------------
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr, { LABEL: 'operands' });
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr, { LABEL: 'operands' });
    });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR(this.alts.notExpr ??= [{ ALT: () => this.SUBRULE(this.negation) }, { ALT: () => this.SUBRULE(this.comparison) }]);
  });

  negation = this.RULE('negation', () => {
    this.CONSUME(T.Not);
    this.SUBRULE(this.notExpr);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.OPTION(() =>
      this.OR(this.alts.comparison ??= [
        { ALT: () => this.SUBRULE(this.relationalTail) },
        { ALT: () => this.SUBRULE(this.isTail) },
        { ALT: () => this.SUBRULE(this.cutoffTail) },
      ]),
    );
  });

  relationalTail = this.RULE('relationalTail', () => {
    this.OR(this.alts.relationalTail ??= [
      { ALT: () => this.CONSUME(GreaterEq) },
      { ALT: () => this.CONSUME(LessEq) },
      { ALT: () => this.CONSUME(NotEq) },
      { ALT: () => this.CONSUME(Greater) },
      { ALT: () => this.CONSUME(Less) },
      { ALT: () => this.CONSUME(Equals) },
    ]);
    this.SUBRULE(this.additive);
  });

  isTail = this.RULE('isTail', () => {
    this.CONSUME(T.Is);
    this.CONSUME(Identifier);
  });

  cutoffTail = this.RULE('cutoffTail', () => {
    this.OR(this.alts.cutoffTail ??= [{ ALT: () => this.CONSUME(T.Before) }, { ALT: () => this.CONSUME(T.After) }]);
    this.SUBRULE(this.atom);
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.atom, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR(this.alts.additive ??= [{ ALT: () => this.CONSUME(Plus, { LABEL: 'operators' }) }, { ALT: () => this.CONSUME(Minus, { LABEL: 'operators' }) }]);
      this.SUBRULE2(this.atom, { LABEL: 'operands' });
    });
  });

  atom = this.RULE('atom', () => {
    this.OR(this.alts.atom ??= [
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
    ]);
  });

  nameOrCall = this.RULE('nameOrCall', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => this.SUBRULE(this.callArguments));
  });

  callArguments = this.RULE('callArguments', () => {
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(RParen);
  });

  parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  literal = this.RULE('literal', () => {
    this.OR(this.alts.literal ??= [
      { ALT: () => this.SUBRULE(this.quantity) },
      { ALT: () => this.SUBRULE(this.instantValue) },
      { ALT: () => this.CONSUME(TimeLiteral) },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(T.Yes) },
      { ALT: () => this.CONSUME(T.No) },
    ]);
  });

  quantity = this.RULE('quantity', () => {
    this.CONSUME(NumberLiteral);
    // A unit followed by ':' or by 'N:' begins the next clause (`when age > 3` then `day 1: next day`).
    this.OPTION(this.quantityUnit ??= {
      GATE: () => this.LA(2).tokenType !== Colon && !(this.LA(2).tokenType === NumberLiteral && this.LA(3).tokenType === Colon),
      DEF: () => this.OR(this.alts.quantity ??= [{ ALT: () => this.SUBRULE(this.durationUnit) }, { ALT: () => this.CONSUME(T.Currency) }]),
    });
  });
}

let shared: AvtalParser | undefined;
/**
 * One parser instance, reused: Chevrotain parsers are built once and fed new input. Built when first asked for:
 * building it is a good part of a command's start (recording the grammar, computing its lookahead), and a run
 * whose policies come parsed from the build's cache (engine/registry/parse-cache.ts) never needs it.
 */
export function sharedParser(): AvtalParser {
  return (shared ??= new AvtalParser());
}
export type { IToken };
