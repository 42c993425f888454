// The command-line tool: one verb per file in cli/commands, a shared argument parser, no stack traces.
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { err, out } from './io';

const USAGE = `avtal — care agreements as executable, testable, reviewable policy files

Usage: avtal <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`).join('\n')}

Run \`avtal <command> --help\` for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    out(USAGE);
    return verb ? 0 : 2;
  }
  const command = COMMANDS[verb];
  if (!command) {
    err(`avtal: unknown command '${verb}'\n\n${USAGE}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    err(`avtal ${verb}: ${(e as Error).message}\n\n${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    out(command.usage);
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (e) {
    // A bug of ours, never a user's mistake: say so plainly, without a stack trace unless asked.
    err(`avtal ${verb}: internal error: ${(e as Error).message}${process.env.AVTAL_DEBUG ? `\n${(e as Error).stack}` : ' (set AVTAL_DEBUG=1 for details)'}`);
    return 70;
  }
}
