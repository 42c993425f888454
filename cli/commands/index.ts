import type { ParseArgsConfig } from 'node:util';
import { check } from './check';
import { fmt } from './fmt';
import { test } from './test';
import { evalCommand } from './eval';
import { schema } from './schema';
import { explain } from './explain';
import { lock } from './lock';
import { diff } from './diff';
import { exportCommand } from './export';
import { months } from './months';
import { coverage } from './coverage';
import { source } from './source';

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number> | number;
}

export const COMMANDS: Record<string, Command> = { check, fmt, test, eval: evalCommand, schema, explain, lock, diff, export: exportCommand, months, coverage, source };
