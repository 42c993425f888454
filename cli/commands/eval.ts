import { evaluateCase } from '../../engine/api';
import { loadPolicySet } from '../../engine/registry/node';
import { defaultPoliciesDir, err, lang, out, readInput, t } from '../io';
import type { Command } from './index';

export const evalCommand: Command = {
  get summary() {
    return t('cli.eval.summary');
  },
  get usage() {
    return t('cli.eval.usage');
  },
  options: {
    case: { type: 'string' }, county: { type: 'string' }, on: { type: 'string' }, version: { type: 'string' },
    policies: { type: 'string' }, 'no-explain': { type: 'boolean' },
  },
  run(values) {
    if (!values.case) {
      err(`${t('cli.eval.caseRequired')}\n\n${this.usage}`);
      return 2;
    }
    const read = readInput(values.case as string);
    if (!read.ok) {
      err(`avtal eval: ${read.message}`);
      return 1;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(read.text);
    } catch (e) {
      err(t('cli.notJson', { verb: 'eval', file: values.case as string, detail: (e as Error).message }));
      return 1;
    }
    if (values.county && raw && typeof raw === 'object' && !Array.isArray(raw)) raw = { ...raw, county: values.county };
    const set = loadPolicySet((values.policies as string | undefined) ?? defaultPoliciesDir());
    const answer = evaluateCase(set, raw, { on: values.on as string | undefined, version: values.version as string | undefined, explain: !values['no-explain'], lang: lang() });
    if (!answer.ok) {
      for (const e of answer.error.errors) err(`${values.case}${e.pointer ? `#${e.pointer}` : ''}: ${e.code} ${e.message}`);
      return 1;
    }
    out(JSON.stringify(answer.result, null, 2));
    return 0;
  },
};
