import type { ParseArgsConfig } from 'node:util';

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> | number;
}

/**
 * Each command's module, loaded when that command runs (the usage loads them all): `avtal eval` does not load the
 * formatter, the diffs, the exporter or the YAML reader, which are a good part of the CLI's code.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check')).check,
  fmt: async () => (await import('./fmt')).fmt,
  test: async () => (await import('./test')).test,
  eval: async () => (await import('./eval')).evalCommand,
  schema: async () => (await import('./schema')).schema,
  explain: async () => (await import('./explain')).explain,
  lock: async () => (await import('./lock')).lock,
  diff: async () => (await import('./diff')).diff,
  export: async () => (await import('./export')).exportCommand,
  months: async () => (await import('./months')).months,
  coverage: async () => (await import('./coverage')).coverage,
  source: async () => (await import('./source')).source,
};
