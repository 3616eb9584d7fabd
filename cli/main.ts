#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `usage: guilded-gateway <command> [options]

commands:
  generate [--check] [--spec DIR] [--out DIR]   turn spec/ into generated/; --check compares instead of writing
`;

/** The `guilded-gateway` command line; each command loads only what it needs. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate': {
      const { values } = parseArgs({
        args: rest,
        options: {
          check: { type: 'boolean', default: false },
          spec: { type: 'string', default: 'spec' },
          out: { type: 'string', default: 'generated' },
        },
      });
      const { runGenerate } = await import('../generator/cli.js');
      return runGenerate({ check: values.check, specDir: path.resolve(values.spec), outDir: path.resolve(values.out) });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}`);
      return 1;
  }
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
