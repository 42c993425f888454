// The command-line tool: one verb per file in cli/commands, a shared argument parser, no stack traces.
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands';
import { err, out, setLang, t } from './io';
import { hasMessage, isMsgLang } from '../dsl/messages/render';

/** A command's summary or usage (dsl/messages/cli-usage.ts, in the CLI's language), or the command's own text. */
const own = (name: string, part: 'summary' | 'usage', text: string): string => (hasMessage(`cli.${name}.${part}`) ? t(`cli.${name}.${part}`) : text);

/** The list of commands, each with its summary (every command's module loaded). */
const usage = async () => `avtal — ${t('cli.tagline')}

${t('cli.usage')}

${t('cli.commands')}
${(await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(9)} ${own(name, 'summary', (await load()).summary)}`))).join('\n')}

${t('cli.commandHelp')}`;

/** `--lang sv|en` anywhere among the arguments (every command takes it), or undefined. */
function langArg(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') return argv[i + 1] ?? '';
    if (argv[i].startsWith('--lang=')) return argv[i].slice(7);
  }
  return undefined;
}

/** A parseArgs error in the CLI's language: an unknown option, an option without its value or with one it does not take. */
function argumentError(verb: string, e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1];
  if (option && e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli.unknownOption', { verb, option });
  if (option && e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return t(/argument missing/.test(e.message) ? 'cli.optionNeedsValue' : 'cli.optionTakesNoValue', { verb, option });
  return `avtal ${verb}: ${e.message}`;
}

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  // The messages' language first, so that every message below is in it; Swedish by default.
  const wanted = langArg(argv);
  setLang(isMsgLang(wanted) ? wanted : 'sv');
  if (wanted !== undefined && !isMsgLang(wanted)) {
    err(t('cli.badLang', { verb: verb ?? '', lang: wanted }));
    return 2;
  }
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help' || verb.startsWith('--lang')) {
    out(await usage());
    return verb && !verb.startsWith('--lang') ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (!load) {
    err(`${t('cli.unknownCommand', { verb })}\n\n${await usage()}`);
    return 2;
  }
  const command = await load();
  const commandUsage = own(verb, 'usage', command.usage);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    // `--lang` is every command's: the messages' language (for fmt also the keywords' language it prints)
    parsed = parseArgs({ args: rest, options: { lang: { type: 'string' }, ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    err(`${argumentError(verb, e as Error & { code?: string })}\n\n${commandUsage}`);
    return 2;
  }
  if (parsed.values.help) {
    out(commandUsage);
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (e) {
    // A bug of ours, never a user's mistake: say so plainly, without a stack trace unless asked.
    err(`${t('cli.internal', { verb, detail: (e as Error).message })}${process.env.AVTAL_DEBUG ? `\n${(e as Error).stack}` : t('cli.internalHint')}`);
    return 70;
  }
}
