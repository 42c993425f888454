import { caseSchema } from '../../engine/case/schema';
import { out } from '../io';
import type { Command } from './index';

export const schema: Command = {
  summary: 'print the JSON Schema of a care episode',
  usage: 'Usage: avtal schema\n\nPrints the JSON Schema (draft-07) that `avtal eval` and the HTTP API validate a case against.',
  options: {},
  run() {
    out(JSON.stringify(caseSchema, null, 2));
    return 0;
  },
};
