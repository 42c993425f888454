// A worker thread with its own copy of the policy set. It evaluates contiguous shares of a JSON array of
// cases (the text is parsed here, once per batch, not in the main thread), answering each share with its
// JSON in UTF-8; or groups of lines of an NDJSON body (decoded and split here), answered as NDJSON; or
// computes a diff of two versions, or a monthly ladder. All of these would otherwise hold the main thread for a
// long time. The set is built from the sources the main thread loaded (never read from the disk here), so a
// worker serves exactly the set in use, last good files included.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../engine/api';
import { monthsInForce } from '../engine/months';
import { evaluateMonths, type MonthsInput, type MonthsOptions } from '../engine/monthly';
import { PolicySet, type PolicySource } from '../engine/registry/policy-set';
import { diffVersions } from '../engine/versions';
import type { MsgLang } from '../dsl/messages/render';
import { jsonProblem } from '../dsl/messages/json';
import { answersJson, groupAnswers } from './answers';
import { ANSWER_MAX } from './limits';

/** The set in use changed: build it again from these sources before the next job. */
export interface PoliciesJob {
  type: 'policies';
  generation: number;
  sources: readonly PolicySource[];
}

/** A monthly ladder of one version (chosen in the main thread), answered as the JSON of the result with `extra` merged in. */
export interface MonthsJob {
  type: 'months';
  id: number;
  generation: number;
  agreement: string;
  version: string;
  input: MonthsInput;
  options: MonthsOptions;
  extra: Record<string, unknown>;
  /** the answer's most bytes (server/limits.ts ANSWER_MAX unless the app was given another) */
  maxBytes?: number;
}

export interface DiffJob {
  type: 'diff';
  id: number;
  generation: number;
  agreement: string;
  from: string;
  to: string;
  behaviour: boolean;
  lang?: MsgLang;
}

/**
 * One share (`part` of `parts`) of a batch. A worker gets several shares of one batch, in order: the first
 * carries the body's text, which is parsed once and kept for the others (same `batch`) until the `last` one.
 */
export interface BatchJob {
  type: 'batch';
  id: number;
  generation: number;
  batch: number;
  text?: string;
  part: number;
  parts: number;
  last: boolean;
  max: number;
  options: EvaluateCaseOptions;
}

/** A group of whole lines of an NDJSON body (from `groups`), answered as NDJSON: a line each, errors included. */
export interface LinesJob {
  type: 'lines';
  id: number;
  generation: number;
  first: number;
  bytes: Uint8Array;
  options: EvaluateCaseOptions;
}

export type BatchReply =
  | { id: number; ok: true; json: string } // a diff
  | { id: number; ok: true; bytes: Uint8Array } // a share of a batch: the answers' JSON (without brackets) in UTF-8; or an NDJSON group's answers
  | { id: number; ok: false; problem: 'json'; detail: ReturnType<typeof jsonProblem> }
  | { id: number; ok: false; problem: 'not-array' }
  | { id: number; ok: false; problem: 'too-many'; count: number }
  | { id: number; ok: false; problem: 'lost'; message: string }
  | { id: number; ok: false; problem: 'diff'; code: string; message: string }
  | { id: number; ok: false; problem: 'too-large'; size: number };

const start = workerData as { generation: number; sources: PolicySource[] };
let generation = start.generation;
const encoder = new TextEncoder();
let set = new PolicySet(start.sources);
// The batches being worked on (several requests may be in flight): their parsed cases, or why they have none.
const kept = new Map<number, { cases?: unknown[]; problem?: BatchReply }>();

parentPort!.on('message', (job: BatchJob | DiffJob | LinesJob | MonthsJob | PoliciesJob) => {
  if (job.type === 'policies') {
    if (job.generation !== generation) set = new PolicySet(job.sources as PolicySource[]);
    generation = job.generation;
    return;
  }
  if (job.type === 'months' && job.version === '') {
    // Each month under the version in force for it (engine/months.ts).
    const r = monthsInForce(set, job.agreement, job.input, job.options);
    if (!r) return parentPort!.postMessage({ id: job.id, ok: false, problem: 'lost', message: `${job.agreement} has no published version with a ladder` } satisfies BatchReply);
    const info = set.versionsOf(job.agreement).find((x) => x.info.version === r.version)?.info;
    const bytes = encoder.encode(JSON.stringify({ ...r, ...job.extra, version: info }));
    if (bytes.length > (job.maxBytes ?? ANSWER_MAX)) return parentPort!.postMessage({ id: job.id, ok: false, problem: 'too-large', size: bytes.length } satisfies BatchReply);
    return parentPort!.postMessage({ id: job.id, ok: true, bytes } satisfies BatchReply, [bytes.buffer as ArrayBuffer]);
  }
  if (job.type === 'months') {
    const v = set.versionsOf(job.agreement).find((x) => x.info.version === job.version);
    if (!v?.compiled) return parentPort!.postMessage({ id: job.id, ok: false, problem: 'lost', message: `version ${job.version} of ${job.agreement} is gone` } satisfies BatchReply);
    const bytes = encoder.encode(JSON.stringify({ ...evaluateMonths(v.compiled, job.input, job.options), ...job.extra }));
    if (bytes.length > (job.maxBytes ?? ANSWER_MAX)) return parentPort!.postMessage({ id: job.id, ok: false, problem: 'too-large', size: bytes.length } satisfies BatchReply);
    return parentPort!.postMessage({ id: job.id, ok: true, bytes } satisfies BatchReply, [bytes.buffer as ArrayBuffer]);
  }
  if (job.type === 'diff') {
    const d = diffVersions(set, job.agreement, job.from, job.to, { behaviour: job.behaviour, lang: job.lang });
    const reply: BatchReply = d.ok ? { id: job.id, ok: true, json: JSON.stringify({ semantic: d.semantic, behavioural: d.behavioural }) } : { id: job.id, ok: false, problem: 'diff', code: d.error.code, message: d.error.message };
    return parentPort!.postMessage(reply);
  }
  if (job.type === 'lines') {
    const bytes = encoder.encode(groupAnswers(job, set, job.options));
    return parentPort!.postMessage({ id: job.id, ok: true, bytes } satisfies BatchReply, [bytes.buffer as ArrayBuffer]);
  }
  let parsed = kept.get(job.batch);
  if (!parsed) kept.set(job.batch, (parsed = parseBatch(job)));
  const { cases, problem } = parsed;
  if (job.last) kept.delete(job.batch);
  if (problem) return parentPort!.postMessage({ ...problem, id: job.id });
  const from = Math.floor((cases!.length * job.part) / job.parts);
  const to = Math.floor((cases!.length * (job.part + 1)) / job.parts);
  const out = new Array<EvaluationAnswer>(to - from);
  for (let i = from; i < to; i++) out[i - from] = evaluateCase(set, cases![i], job.options);
  // Encoded here, in parallel with the other workers, and handed over without a copy.
  const bytes = encoder.encode(answersJson(out));
  parentPort!.postMessage({ id: job.id, ok: true, bytes } satisfies BatchReply, [bytes.buffer as ArrayBuffer]);
});

function parseBatch(job: BatchJob): { cases?: unknown[]; problem?: BatchReply } {
  let cases: unknown;
  try {
    cases = JSON.parse(job.text ?? '');
  } catch (e) {
    return { problem: { id: job.id, ok: false, problem: 'json', detail: jsonProblem(job.text ?? '', e) } };
  }
  if (!Array.isArray(cases)) return { problem: { id: job.id, ok: false, problem: 'not-array' } };
  if (cases.length > job.max) return { problem: { id: job.id, ok: false, problem: 'too-many', count: cases.length } };
  return { cases };
}
