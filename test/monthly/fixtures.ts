// Shared helpers for the monthly tests: the bundled policies and a small English fixture policy.
import { readFileSync } from 'node:fs';
import { analyze, hasErrors } from '../../dsl';
import { compile, type CompiledPolicy } from '../../engine/compiler/compile';
import { loadPolicySet } from '../../engine/registry/node';

export const policies = loadPolicySet('policies');

export function compiledVersion(agreement: string, on: string): CompiledPolicy {
  const s = policies.select(agreement, on);
  if (!s.ok) throw new Error(`${agreement} on ${on}: ${s.error.message}`);
  return s.version.compiled!;
}

export function compileText(text: string): CompiledPolicy {
  const a = analyze(text);
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(errors)) throw new Error(errors.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`).join('\n'));
  return compile(a.program!);
}

export const fixtureText = readFileSync('test/cases/monthly/ladder-en.avtal', 'utf8');
export const fixture = compileText(fixtureText);

/** A JSON Lines episode. */
export function episode(id: string, municipality: string, ready: string, discharged: string | undefined, facts: Record<string, unknown> = { coordination_case: true }): string {
  const events: Record<string, string> = { ready_notice_sent: ready };
  if (discharged) events.discharged = discharged;
  return JSON.stringify({ id, municipality, events, facts });
}
