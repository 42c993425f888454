// Scenarios as YAML files and as a shareable link (#...&s=<base64url JSON>).
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { Scenario } from './protocol';

export interface ScenarioFile extends Scenario {
  agreement?: string;
  version?: string;
}

export function scenarioToYaml(s: ScenarioFile): string {
  const doc: Record<string, unknown> = {};
  if (s.title) doc.title = s.title;
  if (s.agreement) doc.agreement = s.agreement;
  if (s.version) doc.version = s.version;
  doc.events = s.events;
  if (Object.keys(s.facts).length) doc.facts = s.facts;
  if (s.evaluationDate) doc.evaluationDate = s.evaluationDate;
  if (s.whatIf && Object.keys(s.whatIf).length) doc.whatIf = s.whatIf;
  return `# Avtal scenario: one care episode (times are Swedish local time)\n${stringifyYaml(doc)}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a scenario file; throws a readable Error for a file that is not one. */
export function scenarioFromYaml(text: string): ScenarioFile {
  const doc: unknown = parseYaml(text);
  if (!isRecord(doc)) throw new Error('expected a mapping with events and facts');
  return normalise(doc);
}

function normalise(doc: Record<string, unknown>): ScenarioFile {
  const events: Record<string, string> = {};
  if (isRecord(doc.events)) for (const [k, v] of Object.entries(doc.events)) if (v !== null && v !== undefined) events[k] = v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : String(v);
  const facts: Record<string, boolean | number | string> = {};
  if (isRecord(doc.facts)) for (const [k, v] of Object.entries(doc.facts)) if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') facts[k] = v;
  const whatIf: Record<string, string> = {};
  if (isRecord(doc.whatIf)) for (const [k, v] of Object.entries(doc.whatIf)) whatIf[k] = String(v);
  return {
    title: typeof doc.title === 'string' ? doc.title : undefined,
    agreement: typeof doc.agreement === 'string' ? doc.agreement : undefined,
    version: doc.version !== undefined ? String(doc.version) : undefined,
    events, facts,
    evaluationDate: doc.evaluationDate ? String(doc.evaluationDate) : undefined,
    whatIf,
  };
}

function b64url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeScenario(s: Scenario): string {
  return b64url(JSON.stringify({ e: s.events, f: s.facts, d: s.evaluationDate, w: s.whatIf }));
}

export function decodeScenario(code: string): Scenario | undefined {
  try {
    const o = JSON.parse(unb64url(code)) as { e?: unknown; f?: unknown; d?: unknown; w?: unknown };
    return normalise({ events: o.e, facts: o.f, evaluationDate: o.d, whatIf: o.w });
  } catch {
    return undefined;
  }
}

export { readHash, writeHash } from './hash';
