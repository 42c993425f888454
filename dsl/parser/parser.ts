// The grammar: a pure Chevrotain CstParser (no actions), error recovery on, so the editor always gets a tree.
// Each alternative of an OR that is more than one token has a rule of its own.
import { CstParser, type IToken } from 'chevrotain';
import {
  allTokens, T, Identifier, StringLiteral, DateLiteral, TimeLiteral, NumberLiteral,
  LParen, RParen, Comma, Colon, Plus, Minus, GreaterEq, LessEq, NotEq, Greater, Less, Equals,
} from '../tokens/tokens';

class AvtalParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: 'full' });
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
    this.OR([
      { ALT: () => this.SUBRULE(this.countyClause) },
      { ALT: () => this.SUBRULE(this.versionClause) },
      { ALT: () => this.SUBRULE(this.validClause) },
      { ALT: () => this.SUBRULE(this.sourceClause) },
      { ALT: () => this.SUBRULE(this.fallbackClause) },
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
    this.OR([{ ALT: () => this.CONSUME(T.Published) }, { ALT: () => this.CONSUME(T.Draft) }]);
  });

  validClause = this.RULE('validClause', () => {
    this.CONSUME(T.Valid);
    this.CONSUME(T.From);
    this.CONSUME(DateLiteral);
    this.OR([{ ALT: () => this.SUBRULE(this.validTo) }, { ALT: () => this.CONSUME(T.UntilFurtherNotice) }]);
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
    this.OR([
      { ALT: () => this.SUBRULE(this.interpretationDecl) },
      { ALT: () => this.SUBRULE(this.cutoffDecl) },
      { ALT: () => this.SUBRULE(this.deadlineDecl) },
      { ALT: () => this.SUBRULE(this.paymentDecl) },
      { ALT: () => this.SUBRULE(this.parameterDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
    ]);
  });

  interpretationDecl = this.RULE('interpretationDecl', () => {
    this.CONSUME(T.Interpretation);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.citeClause) }, { ALT: () => this.SUBRULE(this.decisionClause) }]));
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
    this.OR([{ ALT: () => this.CONSUME(T.Before) }, { ALT: () => this.CONSUME(T.After) }]);
    this.MANY(() => this.OR2([{ ALT: () => this.SUBRULE(this.citeClause) }, { ALT: () => this.SUBRULE(this.seeClause) }]));
  });

  deadlineDecl = this.RULE('deadlineDecl', () => {
    this.CONSUME(T.Deadline);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(StringLiteral));
    this.MANY(() => this.SUBRULE(this.deadlineClause));
  });

  deadlineClause = this.RULE('deadlineClause', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.whenClause) },
      { ALT: () => this.SUBRULE(this.withinClause) },
    ]);
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
    this.OR([
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.seeClause) },
      { ALT: () => this.SUBRULE(this.fromClause) },
      { ALT: () => this.SUBRULE(this.dayOneClause) },
      { ALT: () => this.SUBRULE(this.graceClause) },
      { ALT: () => this.SUBRULE(this.requiresClause) },
      { ALT: () => this.SUBRULE(this.exemptClause) },
      { ALT: () => this.SUBRULE(this.toClause) },
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
    this.OR([{ ALT: () => this.CONSUME(T.SameDay) }, { ALT: () => this.CONSUME(T.NextDay) }]);
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

  toClause = this.RULE('toClause', () => {
    this.CONSUME(T.To);
    this.CONSUME(Identifier);
    this.OR([{ ALT: () => this.CONSUME(T.Inclusive) }, { ALT: () => this.CONSUME(T.Exclusive) }]);
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
    this.OR([
      { ALT: () => this.SUBRULE(this.citeClause) },
      { ALT: () => this.SUBRULE(this.assumeClause) },
      { ALT: () => this.SUBRULE(this.givenClause) },
      { ALT: () => this.SUBRULE(this.expectClause) },
    ]);
  });

  assumeClause = this.RULE('assumeClause', () => {
    this.CONSUME(T.Assume);
    this.CONSUME(StringLiteral);
  });

  givenClause = this.RULE('givenClause', () => {
    this.CONSUME(T.Given);
    this.CONSUME(Identifier);
    this.OR([
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
    this.OR([
      { ALT: () => this.SUBRULE(this.expectFirstPayable) },
      { ALT: () => this.CONSUME(T.NoPayment) },
      { ALT: () => this.SUBRULE(this.expectBillable) },
      { ALT: () => this.SUBRULE(this.expectAmount) },
      { ALT: () => this.SUBRULE(this.expectGrace) },
      { ALT: () => this.SUBRULE(this.expectDayOne) },
      { ALT: () => this.SUBRULE(this.expectDeadline) },
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

  expectDeadline = this.RULE('expectDeadline', () => {
    this.CONSUME(Identifier);
    this.OR([
      { ALT: () => this.CONSUME(T.Met) },
      { ALT: () => this.CONSUME(T.Missed) },
      { ALT: () => this.CONSUME(T.Pending) },
      { ALT: () => this.CONSUME(T.NotApplicable) },
    ]);
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
    this.OR([
      { ALT: () => this.CONSUME(T.Minutes) },
      { ALT: () => this.CONSUME(T.Hours) },
      { ALT: () => this.SUBRULE(this.dayUnit) },
    ]);
  });

  dayUnit = this.RULE('dayUnit', () => {
    this.OR([
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
    this.OR([{ ALT: () => this.SUBRULE(this.negation) }, { ALT: () => this.SUBRULE(this.comparison) }]);
  });

  negation = this.RULE('negation', () => {
    this.CONSUME(T.Not);
    this.SUBRULE(this.notExpr);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.relationalTail) },
        { ALT: () => this.SUBRULE(this.isTail) },
        { ALT: () => this.SUBRULE(this.cutoffTail) },
      ]),
    );
  });

  relationalTail = this.RULE('relationalTail', () => {
    this.OR([
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
    this.OR([{ ALT: () => this.CONSUME(T.Before) }, { ALT: () => this.CONSUME(T.After) }]);
    this.SUBRULE(this.atom);
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.atom, { LABEL: 'operands' });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Plus, { LABEL: 'operators' }) }, { ALT: () => this.CONSUME(Minus, { LABEL: 'operators' }) }]);
      this.SUBRULE2(this.atom, { LABEL: 'operands' });
    });
  });

  atom = this.RULE('atom', () => {
    this.OR([
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
    this.OR([
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
    this.OPTION(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.durationUnit) }, { ALT: () => this.CONSUME(T.Currency) }]),
    );
  });
}

/** One parser instance, reused: Chevrotain parsers are built once and fed new input. */
export const parser = new AvtalParser();
export type { IToken };
