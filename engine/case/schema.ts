// The case: its JSON Schema and its TypeScript type from one definition (TypeBox), generated from the shared
// vocabulary. Published by `avtal schema` and the HTTP API; the validator is generated from it ahead of time
// (`npm run gen:validator`, engine/case/schema-validator.js).
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { EVENTS, FACTS, GIVEN_FACTS, type FactEntry } from '../../dsl/builtins/vocabulary';

const datePattern = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

const instant = Type.String({
  description: 'ISO 8601 with offset (2019-01-07T11:00:00+01:00) or Swedish local time without offset (2019-01-07T11:00 or 2019-01-07 11:00)',
  // Month 01-12, day 01-31, hour 00-23, minute 00-59: 2019-13-45T99:99 is refused by the schema itself (a day
  // the month does not have, 2023-02-30, is refused when the time is read: AVT-E001 with the field's pointer).
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[T ]([01]\\d|2[0-3]):[0-5]\\d',
});

/** An enumerated fact's values, as the case gives them (their English ids). */
const enumOf = (f: FactEntry, description: string) => Type.Unsafe<string>({ enum: (f.values ?? []).map((v) => v.id), description });

function factSchema(f: FactEntry): TSchema {
  const description = `${f.description} (sv: ${f.sv})`;
  switch (f.type) {
    case 'boolean': return Type.Boolean({ description });
    case 'count': return Type.Integer({ minimum: 0, maximum: 150, description });
    case 'date': return Type.String({ pattern: datePattern, description });
    case 'text': return Type.String({ maxLength: 200, description });
    case 'enum': return enumOf(f, description);
  }
}

const careType = FACTS.find((f) => f.caseField === 'careType') as FactEntry;

export const CaseSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 200, description: 'your identifier of the episode, echoed in the result' })),
    county: Type.String({ minLength: 1, maxLength: 60, description: 'the county whose agreement applies, e.g. varmland' }),
    agreement: Type.Optional(Type.String({ maxLength: 60, description: 'the agreement id, when a county has more than one' })),
    municipality: Type.Optional(Type.String({ maxLength: 200, description: 'the municipality responsible for the patient' })),
    careType: Type.Optional(Type.Unsafe<'somatic' | 'psychiatric'>({ enum: (careType.values ?? []).map((v) => v.id), description: 'somatic (default) or psychiatric inpatient care' })),
    events: Type.Optional(Type.Object(
      Object.fromEntries(EVENTS.map((e) => [e.id, Type.Optional(e.history?.once
        ? Type.String({ ...instant, description: `${e.description} (sv: ${e.sv}); at most once` })
        // oneOf, not anyOf: a time and a list of times never both match, and ajv says so the clearer way.
        : Type.Unsafe<string | string[]>({ description: `${e.description} (sv: ${e.sv}): one time, or every occurrence in time order`, oneOf: [instant, Type.Array(instant, { minItems: 1, maxItems: 100 })] }))])),
      {
        additionalProperties: false,
        description: 'timestamps of the process events that have happened: the episode as a history (an event that recurs, such as a ready notice withdrawn and sent again, is given as an array in time order)',
      },
    )),
    facts: Type.Optional(Type.Object(
      Object.fromEntries(GIVEN_FACTS.map((f) => [f.id, Type.Optional(Type.Unsafe<boolean | number | string>(factSchema(f)))])),
      { additionalProperties: false },
    )),
    evaluationDate: Type.Optional(Type.String({ pattern: datePattern, description: 'count billable days up to this date (inclusive) when the patient is still in hospital' })),
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://avtal.example/schemas/case.json',
    title: 'Avtal care episode',
    description: 'One care episode: where it happens, the timestamps of the discharge process and the facts the rules need.',
    additionalProperties: false,
  },
);

/** The case as JSON: derived from the schema, never written beside it. */
export type CaseInput = Static<typeof CaseSchema>;

/** The schema as published (plain JSON Schema). */
export const caseSchema: Record<string, unknown> = CaseSchema;
