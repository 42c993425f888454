// A worker thread with its own copy of the policy set. It evaluates contiguous shares of a JSON array of
// cases (the text is parsed here, once per batch, not in the main thread), answering each share with its
// JSON in UTF-8; or groups of lines of an NDJSON body (decoded and split here), answered as NDJSON; or
// computes a diff of two versions. All of these would otherwise hold the main thread for a long time.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateCase, type EvaluateCaseOptions, type EvaluationAnswer } from '../engine/api';
import { loadPolicySet } from '../engine/registry/load';
import { diffVersions } from '../engine/versions';
import type { MsgLang } from '../dsl/messages/render';
import { answersJson, groupAnswers } from './answers';

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
  | { id: number; ok: false; problem: 'json'; message: string }
  | { id: number; ok: false; problem: 'not-array' }
  | { id: number; ok: false; problem: 'too-many'; count: number }
  | { id: number; ok: false; problem: 'lost'; message: string }
  | { id: number; ok: false; problem: 'diff'; code: string; message: string };

const { policiesDir } = workerData as { policiesDir: string };
let generation = -1;
const encoder = new TextEncoder();
let set = loadPolicySet(policiesDir);
// The batches being worked on (several requests may be in flight): their parsed cases, or why they have none.
const kept = new Map<number, { cases?: unknown[]; problem?: BatchReply }>();

parentPort!.on('message', (job: BatchJob | DiffJob | LinesJob) => {
  if (job.generation !== generation) {
    if (generation !== -1) set = loadPolicySet(policiesDir);
    generation = job.generation;
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
    return { problem: { id: job.id, ok: false, problem: 'json', message: (e as Error).message } };
  }
  if (!Array.isArray(cases)) return { problem: { id: job.id, ok: false, problem: 'not-array' } };
  if (cases.length > job.max) return { problem: { id: job.id, ok: false, problem: 'too-many', count: cases.length } };
  return { cases };
}
