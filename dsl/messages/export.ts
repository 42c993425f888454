// The export's part of the message catalogue (engine/export): why a rule is left out of an export to another
// rule engine (AVT-X002, and `notExported[].reason` in the exported document). Expressions are printed as the
// policy writes them.
import type { Message } from './types';

export const EXPORT_MESSAGES = {
  'export.parameterInCondition': { sv: 'parametern {name} läses i ett villkor, och ett sådant villkor exporteras inte', en: 'parameter {name} in a condition is not exported' },
  'export.noValue': { sv: '{expr} har inget motsvarande värde i json-rules-engine', en: '{expr} has no json-rules-engine value' },
  'export.twoConstants': { sv: 'en jämförelse mellan två konstanter', en: 'a comparison of two constants' },
  'export.notYesNo': { sv: '{name} är varken en ja/nej-uppgift eller en händelse', en: '{name} is not a yes/no fact or an event' },
  'export.constantCondition': { sv: 'ett villkor som är en konstant', en: 'a constant condition' },
  'export.isNeedsEnum': { sv: '{expr}: bara en uppgift med uppräknade värden kan prövas med `{keyword}`', en: '{expr}: only an enumerated fact can be tested with `{keyword}`' },
  'export.notAValue': { sv: '{value} är inget värde för {fact}', en: '{value} is not a value of {fact}' },
  'export.cutoffUndeclared': { sv: 'brytpunkten är inte deklarerad', en: 'the cutoff is not declared' },
  'export.isConstant': { sv: '{expr} är en konstant', en: '{expr} is a constant' },
  'export.notCondition': { sv: '{expr} är inget villkor', en: '{expr} is not a condition' },
  'export.noCondition': { sv: '{expr} har inget motsvarande villkor i json-rules-engine', en: '{expr} has no json-rules-engine condition' },
  'export.constantAnchor': { sv: 'en tidsfrist som räknas från en fast tidpunkt', en: 'a deadline counted from a constant instant' },
  'export.formNotTranslated': { sv: '{kind:term} {form} har ännu ingen översättning till json-rules-engine', en: 'the {form} form of a {kind} has no json-rules-engine translation yet' },
  // the forms of a rule named by their clause (the AST field): "en tidsfrist med tidsfönster"
  'export.form.windows': { sv: 'med tidsfönster', en: 'windows' },
  'export.form.every': { sv: 'som återkommer (varje)', en: 'every' },
  'export.form.other': { sv: 'med klausulen {name}', en: '{name}' },
  'export.onlyWithin': { sv: 'bara formen `HÄNDELSE inom N ENHET efter TIDPUNKT` exporteras', en: 'only the form `EVENT within N UNIT after INSTANT` is exported' },
  'export.subjectNotEvent': { sv: 'det som ska ske är ingen händelse', en: 'the subject is not an event' },
  'export.noUnconditional': { sv: 'ingen klausul utan villkor för {what}', en: 'no unconditional {what} clause' },
  'export.notEvent': { sv: '{name} är ingen händelse', en: '{name} is not an event' },
  'export.fromTo': { sv: 'från och till måste ange händelser', en: 'from and to must name events' },
  'export.lawNotGiven': {
    sv: 'regeln är bunden av villkoren i {law} (lyder under), och de gavs inte till exporten',
    en: 'the rule is bound by the conditions of {law} (subject to), and they were not given to the export',
  },
  'export.lawCondition': { sv: 'villkoren i {agreement} {version}, {rule} (lyder under): {reason}', en: 'the conditions of {agreement} {version}, {rule} (subject to): {reason}' },
  'export.computedNoValue': { sv: 'ett beräknat datum utan värde', en: 'a computed date without a value' },
} satisfies Record<string, Message>;
