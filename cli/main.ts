#!/usr/bin/env node
/**
 * The `guilded-gateway` command line. Each command lives in its own module and is loaded only
 * when run, so `validate` never pays for the generator's dependencies.
 */
import { EXIT_OK, EXIT_USAGE, helpText, parseCommandArgs, usageMistake, type CommandSpec } from './arguments.js';
import { COMMANDS, type CommandName } from './commands.js';
import { packageVersion } from './package.js';
import { closest } from './suggest.js';

type Module = { run(args: string[]): Promise<number> };

const LOADERS: Record<CommandName, () => Promise<Module>> = {
  generate: () => import('./generate-command.js'),
  diff: () => import('./diff/command.js'),
  validate: () => import('./validate/command.js'),
  infer: () => import('./infer/command.js'),
  replay: () => import('./replay/command.js'),
  publish: () => import('./publish/command.js'),
  demo: () => import('./demo/command.js'),
};

const NAMES = Object.keys(COMMANDS) as CommandName[];
const width = Math.max(...NAMES.map((name) => name.length));

const MAIN: CommandSpec = {
  usage: 'guilded-gateway <command> [options]',
  about: [
    'commands:',
    ...NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`),
    '',
    'guilded-gateway <command> --help (or guilded-gateway help <command>) describes a command.',
  ].join('\n'),
  options: { version: { type: 'boolean', short: 'v', default: false, help: 'print the version and exit' } },
  positionals: false,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    process.stderr.write(helpText(MAIN));
    return EXIT_USAGE;
  }
  if (name === 'help') return args[0] === undefined ? main(['--help']) : main([args[0], '--help']);
  if (name.startsWith('-')) {
    const parsed = parseCommandArgs(MAIN, argv);
    if (typeof parsed === 'number') return parsed;
    if (!parsed.values.version) return usageMistake(MAIN, 'no command');
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    const meant = closest(name, [...NAMES, 'help']);
    process.stderr.write(`unknown command "${name}"${meant === undefined ? '' : `; did you mean ${meant}?`}\n${helpText(MAIN)}`);
    return EXIT_USAGE;
  }
  const command = name as CommandName;
  // Checked here before loading, and again by the command to use them: --help and usage mistakes need none of its dependencies.
  const parsed = parseCommandArgs(COMMANDS[command], args);
  if (typeof parsed === 'number') return parsed;
  return (await LOADERS[command]()).run(args);
}

// A reader that goes away (`| head`) ends the output, not the run: the command finishes and exits with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
