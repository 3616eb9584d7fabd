import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Config<O extends Options> = { args: string[]; allowPositionals: true; options: O & typeof HELP };

const EXIT_OK = 0;
const EXIT_USAGE = 2;

/**
 * Parses a command's arguments, adding `--help`. Returns the values and positionals, or the exit code
 * when the command should stop: 0 after printing the usage for `--help`, 2 after printing a mistake with it.
 */
export function parseCommandArgs<const O extends Options>(
  args: string[],
  options: O,
  usage: string,
): ReturnType<typeof parseArgs<Config<O>>> | number {
  let parsed;
  try {
    parsed = parseArgs<Config<O>>({ args, allowPositionals: true, options: { ...options, ...HELP } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}`);
    return EXIT_USAGE;
  }
  // The values' type follows the caller's options generically; help is the one this helper adds.
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(usage);
    return EXIT_OK;
  }
  return parsed;
}
