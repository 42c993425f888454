import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../../engine/api';
import { err, lang, loadPolicies, out, readInput, t } from '../io';
import type { Command } from './index';

/** One item of a batch: a case, or the reason its line is not one. */
type Item = { raw: unknown; at: { index: number } | { line: number } } | { bad: string; at: { line: number } };

/** The cases of an input: one JSON object, a JSON array of them, or NDJSON (one per line; blank lines skipped). */
function itemsOf(text: string): { single: unknown } | { items: Item[] } {
  try {
    const whole: unknown = JSON.parse(text);
    if (Array.isArray(whole)) return { items: whole.map((raw, index) => ({ raw, at: { index } })) };
    return { single: whole };
  } catch {
    // not one JSON value: NDJSON, read line by line below
  }
  const items: Item[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    try {
      items.push({ raw: JSON.parse(line), at: { line: i + 1 } });
    } catch (e) {
      items.push({ bad: (e as Error).message, at: { line: i + 1 } });
    }
  }
  return { items };
}

const isObject = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);

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
    const input = itemsOf(read.text);
    const county = values.county as string | undefined;
    const withCounty = (raw: unknown) => (county && isObject(raw) ? { ...raw, county } : raw);
    const cases = 'single' in input ? [withCounty(input.single)] : input.items.map((i) => ('raw' in i ? withCounty(i.raw) : undefined));
    if ('items' in input && input.items.length > 0 && input.items.every((i) => 'bad' in i)) {
      err(t('cli.eval.notJsonNorNdjson', { file: values.case as string, line: input.items[0].at.line, detail: (input.items[0] as { bad: string }).bad }));
      return 1;
    }
    // Only the agreements these cases can reach are parsed and compiled.
    const counties = new Set<string>();
    const agreements = new Set<string>();
    for (const c of cases) {
      if (!isObject(c)) continue;
      if (typeof c.county === 'string') counties.add(c.county);
      if (typeof c.agreement === 'string') agreements.add(c.agreement);
    }
    const set = loadPolicies(values.policies as string | undefined, 'eval', { counties, agreements, noDrafts: values.version === undefined });
    if (!set) return 2;
    const options: EvaluateCaseOptions = { on: values.on as string | undefined, version: values.version as string | undefined, explain: !values['no-explain'], lang: lang() };

    if ('single' in input) {
      const answer = evaluateCase(set, cases[0], options);
      if (!answer.ok) {
        for (const e of answer.error.errors) err(`${values.case}${e.pointer ? `#${e.pointer}` : ''}: ${e.code} ${e.message}`);
        return 1;
      }
      out(JSON.stringify(answer.result, null, 2));
      return 0;
    }
    // A batch: one line per case, written in blocks as they are computed.
    let failed = 0;
    let block = '';
    for (let i = 0; i < input.items.length; i++) {
      const item = input.items[i];
      let line: string;
      if ('bad' in item) {
        line = JSON.stringify({ ok: false, ...item.at, error: { kind: 'invalid-case', errors: [{ code: 'AVT-E001', pointer: '', message: `invalid case: line ${item.at.line} is not JSON: ${item.bad}` }] } });
        failed++;
      } else {
        const answer: EvaluationAnswer = evaluateCase(set, cases[i], options);
        if (answer.ok) line = JSON.stringify(answer);
        else {
          failed++;
          line = JSON.stringify({ ok: false, ...item.at, error: answer.error });
        }
      }
      block += line + '\n';
      if (block.length > 65_536) {
        process.stdout.write(block);
        block = '';
      }
    }
    if (block) process.stdout.write(block);
    return failed > 0 ? 1 : 0;
  },
};
