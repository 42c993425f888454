// The case JSON Schema, generated from the shared vocabulary. Published by `avtal schema` and the HTTP API.
import { EVENTS, FACTS } from '../../dsl/builtins/vocabulary';

const instant = {
  type: 'string',
  description: 'ISO 8601 with offset (2019-01-07T11:00:00+01:00) or Swedish local time without offset (2019-01-07T11:00 or 2019-01-07 11:00)',
  // Month 01-12, day 01-31, hour 00-23, minute 00-59: 2019-13-45T99:99 is refused by the schema itself (a day
  // the month does not have, 2023-02-30, is refused when the time is read: AVT-E001 with the field's pointer).
  pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[T ]([01]\\d|2[0-3]):[0-5]\\d',
};

function factSchema(f: (typeof FACTS)[number]): Record<string, unknown> {
  switch (f.type) {
    case 'boolean': return { type: 'boolean', description: `${f.description} (sv: ${f.sv})` };
    case 'count': return { type: 'integer', minimum: 0, maximum: 150, description: `${f.description} (sv: ${f.sv})` };
    case 'date': return { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: `${f.description} (sv: ${f.sv})` };
    case 'text': return { type: 'string', maxLength: 200, description: `${f.description} (sv: ${f.sv})` };
    case 'enum': return { enum: (f.values ?? []).map((v) => v.id), description: `${f.description} (sv: ${f.sv})` };
  }
}

export const caseSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://avtal.example/schemas/case.json',
  title: 'Avtal care episode',
  description: 'One care episode: where it happens, the timestamps of the discharge process and the facts the rules need.',
  type: 'object',
  additionalProperties: false,
  required: ['county'],
  properties: {
    id: { type: 'string', maxLength: 200, description: 'your identifier of the episode, echoed in the result' },
    county: { type: 'string', minLength: 1, maxLength: 60, description: 'the county whose agreement applies, e.g. varmland' },
    agreement: { type: 'string', maxLength: 60, description: 'the agreement id, when a county has more than one' },
    municipality: { type: 'string', maxLength: 200, description: 'the municipality responsible for the patient' },
    careType: { enum: ['somatic', 'psychiatric'], description: 'somatic (default) or psychiatric inpatient care' },
    events: {
      type: 'object',
      additionalProperties: false,
      description: 'timestamps of the process events that have happened: the episode as a history (an event that recurs, such as a ready notice withdrawn and sent again, is given as an array in time order)',
      properties: Object.fromEntries(EVENTS.map((e) => [e.id, e.history?.once
        ? { ...instant, description: `${e.description} (sv: ${e.sv}); at most once` }
        : {
          description: `${e.description} (sv: ${e.sv}): one time, or every occurrence in time order`,
          oneOf: [instant, { type: 'array', items: instant, minItems: 1, maxItems: 100 }],
        }])),
    },
    facts: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(FACTS.filter((f) => f.id !== 'care_type' && f.id !== 'municipality' && f.id !== 'evaluation_date').map((f) => [f.id, factSchema(f)])),
    },
    evaluationDate: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'count billable days up to this date (inclusive) when the patient is still in hospital' },
  },
} as const;

export interface CaseInput {
  id?: string;
  county: string;
  agreement?: string;
  municipality?: string;
  careType?: 'somatic' | 'psychiatric';
  /** One time per event, or every occurrence in time order (events that occur at most once take one time). */
  events?: Partial<Record<string, string | string[]>>;
  facts?: Partial<Record<string, boolean | number | string>>;
  evaluationDate?: string;
}
