/**
 * `guilded-gateway generate [--check] [--spec DIR] [--out DIR]`, a spec author's command. The installed
 * package leaves the generator and its libraries (ts-morph, json-schema-to-typescript, ajv) out, so the
 * generator is loaded only once the arguments are known to be right, and its absence is said in one line.
 */
import path from 'node:path';
import { parseCommandArgs } from './arguments.js';
import { COMMANDS } from './commands.js';

const EXIT_FAILED = 1;
const NOT_INSTALLED =
  'guilded-gateway generate: the generator is not part of the installed package; run it from a checkout of the repository: npm ci && npm run generate\n';

/** Generates (or with --check compares) `--out` from `--spec`; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.generate, args);
  if (typeof parsed === 'number') return parsed;
  let generator: typeof import('../generator/cli.js');
  try {
    generator = await import('../generator/cli.js');
  } catch (error) {
    // The generator's own file, or a library it imports, is not installed.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(NOT_INSTALLED);
    return EXIT_FAILED;
  }
  const { values } = parsed;
  return generator.runGenerate({ check: values.check, specDir: path.resolve(values.spec), outDir: path.resolve(values.out) });
}
