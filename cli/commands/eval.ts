import { createReadStream } from 'node:fs';
import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../../engine/api';
import { PolicySet } from '../../engine/registry/policy-set';
import { err, lang, loadPolicies, out, t, whyUnreadable } from '../io';
import type { Command } from './index';
import { jsonProblem } from '../../dsl/messages';

/** One item of a batch: a case, or the reason its line is not one. */
type Item = { raw: unknown; at: { index: number } | { line: number } } | { bad: ReturnType<typeof jsonProblem>; at: { line: number } };

/** The cases of a whole input: one JSON object, a JSON array of them, or NDJSON (one per line; blank lines skipped). */
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
    const item = lineItem(lines[i], i + 1);
    if (item) items.push(item);
  }
  return { items };
}

/** One NDJSON line as an item; undefined for a blank line. */
function lineItem(text: string, line: number): Item | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  try {
    return { raw: JSON.parse(s), at: { line } };
  } catch (e) {
    return { bad: jsonProblem(s, e), at: { line } };
  }
}

/** The input a line at a time, as it arrives (or the rest of it whole). A byte-order mark at its start is dropped. */
class Lines {
  private buffer = '';
  private done = false;
  private started = false;
  private readonly chunks: AsyncIterator<string>;
  /** the number of the line last returned (1-based) */
  line = 0;

  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding('utf8');
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  }

  /** Whether the next line is at hand without waiting for more input. */
  get ready(): boolean {
    return this.buffer.includes('\n') || this.done;
  }

  private async more(): Promise<void> {
    const c = await this.chunks.next();
    if (c.done) this.done = true;
    else {
      this.buffer += !this.started && c.value.charCodeAt(0) === 0xfeff ? c.value.slice(1) : c.value;
      this.started = true;
    }
  }

  async next(): Promise<string | undefined> {
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0 || (this.done && this.buffer !== '')) {
        const end = nl >= 0 ? nl : this.buffer.length;
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        this.line++;
        return text;
      }
      if (this.done) return undefined;
      await this.more();
    }
  }

  async rest(): Promise<string> {
    while (!this.done) await this.more();
    const text = this.buffer;
    this.buffer = '';
    return text;
  }
}

const isObject = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);

/**
 * The policies the cases read so far can reach: loaded for the first case, and again, with the union, when a case
 * names a county or an agreement not seen before — once one is unknown every file is loaded (so that the error
 * names every known one), and nothing more is needed.
 */
class PoliciesForCases {
  private set: PolicySet | undefined;
  private complete = false;
  private readonly counties = new Set<string>();
  private readonly agreements = new Set<string>();

  constructor(private readonly dir: string | undefined, private readonly noDrafts: boolean) {}

  /** Notes the county and agreement a case names; whether either is new. */
  want(c: unknown): boolean {
    let grew = false;
    if (isObject(c)) {
      if (typeof c.county === 'string' && !this.counties.has(c.county)) grew = !!this.counties.add(c.county);
      if (typeof c.agreement === 'string' && !this.agreements.has(c.agreement)) grew = !!this.agreements.add(c.agreement);
    }
    return grew;
  }

  /** The set for a case; undefined, after saying why, when the policies cannot be read. */
  for(c: unknown): PolicySet | undefined {
    const grew = this.want(c);
    if (this.set && (this.complete || !grew)) return this.set;
    const set = loadPolicies(this.dir, 'eval', { counties: this.counties, agreements: this.agreements, noDrafts: this.noDrafts });
    if (!set) return undefined;
    const counties = new Set(set.counties());
    this.complete = [...this.counties].some((c) => c !== PolicySet.NATIONAL && !counties.has(c)) || [...this.agreements].some((a) => !set.has(a));
    this.set = set;
    return set;
  }
}

/** Writes to standard output, waiting while its buffer is full: a long stream of answers is written in constant memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

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
  async run(values) {
    if (!values.case) {
      err(`${t('cli.eval.caseRequired')}\n\n${this.usage}`);
      return 2;
    }
    const path = values.case as string;
    const county = values.county as string | undefined;
    const withCounty = (raw: unknown) => (county && isObject(raw) ? { ...raw, county } : raw);
    const options: EvaluateCaseOptions = { on: values.on as string | undefined, version: values.version as string | undefined, explain: !values['no-explain'], lang: lang() };
    // Only the agreements the cases can reach are parsed and compiled.
    const policies = new PoliciesForCases(values.policies as string | undefined, values.version === undefined);
    const cannotRead = (e: unknown) => {
      err(`avtal eval: ${t('cli.cannotRead', { path, why: whyUnreadable(e) })}`);
      return 1;
    };

    // A batch: one answer line per case, written as a block when the input has nothing more at hand.
    let failed = 0;
    let block = '';
    const answer = (item: Item): boolean => {
      let line: string;
      if ('bad' in item) {
        line = JSON.stringify({ ok: false, ...item.at, error: { kind: 'invalid-case', errors: [{ code: 'AVT-E001', pointer: '', message: t('cli.eval.lineNotJson', { line: item.at.line, detail: item.bad }) }] } });
        failed++;
      } else {
        const raw = withCounty(item.raw);
        const set = policies.for(raw);
        if (!set) return false;
        const answer: EvaluationAnswer = evaluateCase(set, raw, options);
        if (answer.ok) line = JSON.stringify(answer);
        else {
          failed++;
          line = JSON.stringify({ ok: false, ...item.at, error: answer.error });
        }
      }
      block += line + '\n';
      return true;
    };
    // NDJSON is read and answered a line at a time, as it arrives: a first line that is a case on its own, followed
    // by another. Anything else — one case (over one or many lines), a JSON array — is read whole.
    const lines = new Lines(path === '-' ? process.stdin : createReadStream(path));
    let first: Item | undefined;
    let second: Item | undefined;
    let whole: { single: unknown } | { items: Item[] } | undefined;
    try {
      let text: string | undefined;
      while ((text = await lines.next()) !== undefined && text.trim() === '');
      if (text !== undefined && !text.trimStart().startsWith('[')) first = lineItem(text, lines.line);
      if (first && 'raw' in first) while ((text = await lines.next()) !== undefined && !(second = lineItem(text, lines.line)));
      if (!first || 'bad' in first || !second) {
        // The lines before the first were blank: the whole text keeps their count, for the lines' numbers.
        const all = `${'\n'.repeat(Math.max(0, lines.line - 1))}${text ?? ''}\n${await lines.rest()}`;
        whole = first && 'raw' in first && !second ? { single: first.raw } : itemsOf(all);
      }
    } catch (e) {
      return cannotRead(e);
    }
    if (whole) return await evaluateWhole(whole);
    if (!first || !second) return 1; // (never: a batch has its first two cases)

    for (const item of [first, second]) if (!answer(item)) return 2;
    try {
      for (;;) {
        if (!lines.ready || block.length > 65_536) {
          await write(block);
          block = '';
        }
        const text = await lines.next();
        if (text === undefined) break;
        const item = lineItem(text, lines.line);
        if (item && !answer(item)) return 2;
      }
    } catch (e) {
      await write(block);
      return cannotRead(e);
    }
    await write(block);
    return failed > 0 ? 1 : 0;

    /** One case (printed as one JSON document), or a batch read whole (one NDJSON line per case). */
    async function evaluateWhole(input: { single: unknown } | { items: Item[] }): Promise<number> {
      if ('items' in input && input.items.length > 0 && input.items.every((i) => 'bad' in i)) {
        err(t('cli.eval.notJsonNorNdjson', { file: path, line: input.items[0].at.line, detail: (input.items[0] as { bad: ReturnType<typeof jsonProblem> }).bad }));
        return 1;
      }
      if ('single' in input) {
        const raw = withCounty(input.single);
        const set = policies.for(raw);
        if (!set) return 2;
        const result = evaluateCase(set, raw, options);
        if (!result.ok) {
          for (const e of result.error.errors) err(`${path}${e.pointer ? `#${e.pointer}` : ''}: ${e.code} ${e.message}`);
          return 1;
        }
        out(JSON.stringify(result.result, null, 2));
        return 0;
      }
      // Every case's agreement is known before the first is evaluated: the policies are loaded once.
      for (const item of input.items) if ('raw' in item) policies.want(withCounty(item.raw));
      if (input.items.length === 0 && !policies.for(undefined)) return 2;
      for (const item of input.items) if (!answer(item)) return 2;
      await write(block);
      return failed > 0 ? 1 : 0;
    }
  },
};
