import { caseSchema } from '../../engine/case/schema';
import { out, t } from '../io';
import type { Command } from './index';

export const schema: Command = {
  get summary() {
    return t('cli.schema.summary');
  },
  get usage() {
    return t('cli.schema.usage');
  },
  options: {},
  run() {
    out(JSON.stringify(caseSchema, null, 2));
    return 0;
  },
};
