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

/** Every occurrence of an event as the scenario holds it (one time, or a list): [] when not recorded. */
export function eventTimes(v: string | readonly string[] | undefined): string[] {
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : [...v]).filter((x) => x.trim() !== '');
}

/**
 * Records an event's occurrences: none deletes it, one is a time, more are a list in time order (as the case
 * schema wants them; "YYYY-MM-DD HH:MM" sorts as text in time order). Single times stay strings, so links and
 * files without a history look as they always did.
 */
export function setEventTimes(events: Record<string, string | string[]>, id: string, times: readonly string[]): void {
  const sorted = times.filter((x) => x.trim() !== '').sort((a, b) => a.replace('T', ' ').localeCompare(b.replace('T', ' ')));
  if (sorted.length === 0) delete events[id];
  else events[id] = sorted.length === 1 ? sorted[0] : sorted;
}

/** A copy of the events whose lists are copies too. */
export const copyEvents = (events: Record<string, string | string[]>): Record<string, string | string[]> =>
  Object.fromEntries(Object.entries(events).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]]));

const timeText = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : String(v));

function normalise(doc: Record<string, unknown>): ScenarioFile {
  const events: Record<string, string | string[]> = {};
  // an event is one time, or (a history) a list of times; old files and links hold only single times
  if (isRecord(doc.events)) {
    for (const [k, v] of Object.entries(doc.events)) {
      if (Array.isArray(v)) setEventTimes(events, k, v.filter((x) => x !== null && x !== undefined).map(timeText));
      else if (v !== null && v !== undefined) events[k] = timeText(v);
    }
  }
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
