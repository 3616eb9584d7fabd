/**
 * The one argument parser of the command line: `--help`, unknown options (with a suggestion), missing
 * values and stray arguments are handled here, the same way for every command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from './suggest.js';

type OptionConfig = NonNullable<ParseArgsConfig['options']>[string];

/** An option as a command declares it: what parseArgs needs, and what `--help` says about it. */
export type OptionSpec = OptionConfig & {
  readonly help: string;
  /** The placeholder of a string option's value in `--help`, such as DIR. */
  readonly value?: string;
};

/** What a command accepts, known without loading the command. */
export interface CommandSpec {
  /** The synopsis after `usage: `, shown by `--help` and after every usage mistake. */
  readonly usage: string;
  /** What the command does, for `--help`. */
  readonly about: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Whether arguments other than options (files, a capture) are accepted. */
  readonly positionals: boolean;
}

const HELP = { help: { type: 'boolean', short: 'h', help: 'print this help and exit' } } as const;

type Config<S extends CommandSpec> = { args: string[]; options: S['options'] & typeof HELP; allowPositionals: S['positionals']; strict: true };

/** What a command's arguments parse into: `values` typed from its options, and `positionals`. */
export type ParsedArgs<S extends CommandSpec> = ReturnType<typeof parseArgs<Config<S>>>;

/** The exit code after `--help`. */
export const EXIT_OK = 0;
/** The exit code of a command line that cannot run. */
export const EXIT_USAGE = 2;

/**
 * Parses a command's arguments. Returns the values and positionals, or the exit code when the command
 * should stop: 0 after printing its help on stdout for `-h` / `--help` (wherever it stands), 2 after
 * printing a mistake and the usage on stderr.
 */
export function parseCommandArgs<const S extends CommandSpec>(spec: S, args: string[]): ParsedArgs<S> | number {
  const options = { ...spec.options, ...HELP };
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) {
    process.stdout.write(helpText(spec));
    return EXIT_OK;
  }
  try {
    return parseArgs<Config<S>>({ args, options, allowPositionals: spec.positionals, strict: true });
  } catch (error) {
    return usageMistake(spec, explain(spec, options, args, tokens) ?? (error as Error).message.split('\n')[0]!);
  }
}

/** Prints `message` and the usage on stderr; returns the exit code for a wrong command line. */
export function usageMistake(spec: CommandSpec, message: string): number {
  process.stderr.write(`${message}\nusage: ${spec.usage}\n`);
  return EXIT_USAGE;
}

/** The usage, what the command does, and each option with what it is for. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries<OptionSpec>({ ...spec.options, ...HELP }).map(([name, option]) => [
    `${option.short === undefined ? '    ' : `-${option.short}, `}--${name}${option.value === undefined ? '' : ` ${option.value}`}`,
    option.help,
  ]);
  const width = Math.max(...rows.map(([flags]) => flags!.length));
  return `usage: ${spec.usage}\n\n${spec.about}\n\noptions:\n${rows.map(([flags, help]) => `  ${flags!.padEnd(width)}  ${help}`).join('\n')}\n`;
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The first mistake in `args` as one line in our words: parseArgs' own messages span lines and name no alternative. */
function explain(spec: CommandSpec, options: Record<string, OptionSpec>, args: string[], tokens: Token[]): string | undefined {
  for (const token of tokens) {
    if (token.kind === 'positional' && !spec.positionals) return `unexpected argument ${JSON.stringify(token.value)}: this command takes options only`;
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name]! : undefined;
    if (option === undefined) {
      // The whole word as typed: `-json` arrives as the short options -j -s -o -n.
      const typed = args[token.index]!.split('=')[0]!;
      const meant = closest(typed.replace(/^-+/, ''), Object.keys(options));
      return `unknown option ${typed}${meant === undefined ? '' : `; did you mean --${meant}?`}`;
    }
    if (option.type === 'boolean' && token.inlineValue) return `${token.rawName} takes no value`;
    if (option.type === 'string' && token.value === undefined) return `${token.rawName} needs a value`;
    if (option.type === 'string' && !token.inlineValue && token.value!.startsWith('-')) {
      return `${token.rawName} needs a value, not ${token.value}; write ${token.rawName}=${token.value} if that is the value`;
    }
  }
  return undefined;
}
