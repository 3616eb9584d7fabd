/**
 * `guilded-gateway diff [<old>] [<new>]`, a spec author's command. Like generate, it runs the generator's
 * loader, which the installed package leaves out: its absence is said in one line.
 */
import path from 'node:path';
import { parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';

const FAIL_ON = ['breaking', 'any', 'never'] as const;
const EXIT_FAILED = 1;
const NOT_INSTALLED =
  'guilded-gateway diff: the generator is not part of the installed package; run it from a checkout of the repository: npm ci && npx guilded-gateway diff main\n';

/** Compares the two sides; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.diff, args);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const failOn = values['fail-on'] as (typeof FAIL_ON)[number];
  if (!FAIL_ON.includes(failOn)) return usageMistake(COMMANDS.diff, `--fail-on ${JSON.stringify(values['fail-on'])} is none of ${FAIL_ON.join(', ')}`);
  if (values.json && values.markdown) return usageMistake(COMMANDS.diff, '--json and --markdown: choose one');
  if (positionals.length > 2) return usageMistake(COMMANDS.diff, `${positionals.length} sides to compare: give at most two, <old> and <new>`);
  let diff: typeof import('../../generator/diff/run-diff.js');
  try {
    diff = await import('../../generator/diff/run-diff.js');
  } catch (error) {
    // The generator's own file, or a library it imports, is not installed.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(NOT_INSTALLED);
    return EXIT_FAILED;
  }
  return diff.runDiff({
    sides: positionals,
    specDir: path.resolve(values.spec),
    format: values.json ? 'json' : values.markdown ? 'markdown' : 'text',
    failOn,
  });
}
