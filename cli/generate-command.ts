/**
 * `guilded-gateway generate [--check | --watch | --record-release] [--spec DIR] [--out DIR]`, a spec
 * author's command. The installed package leaves the generator and its libraries (ts-morph,
 * json-schema-to-typescript, ajv) out, so the generator is loaded only once the arguments are known to be
 * right, and its absence is said in one line.
 */
import path from 'node:path';
import { parseCommandArgs, usageMistake } from './arguments.js';
import { COMMANDS } from './commands.js';
import { packageVersion } from './package.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const NOT_INSTALLED =
  'guilded-gateway generate: the generator is not part of the installed package; run it from a checkout of the repository: npm ci && npm run generate\n';

/** Loads a generator module, or says in one line that the installed package has none; undefined then. */
async function load<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    // The generator's own file, or a library it imports, is not installed.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(NOT_INSTALLED);
    return undefined;
  }
}

/** Generates (or with --check compares, or with --watch keeps regenerating) `--out` from `--spec`; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.generate, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const modes = (['check', 'watch', 'record-release'] as const).filter((mode) => values[mode]);
  if (modes.length > 1) return usageMistake(COMMANDS.generate, `${modes.map((mode) => `--${mode}`).join(' and ')}: choose one`);
  const specDir = path.resolve(values.spec);
  const outDir = path.resolve(values.out);
  if (values.watch) {
    const watcher = await load(() => import('../generator/watch.js'));
    if (!watcher) return EXIT_FAILED;
    const stop = new AbortController();
    process.once('SIGINT', () => stop.abort());
    await new watcher.SpecWatcher({ specDir, outDir }).watch(stop.signal);
    process.stdout.write('stopped\n');
    return EXIT_OK;
  }
  const generator = await load(() => import('../generator/cli.js'));
  if (!generator) return EXIT_FAILED;
  if (values['record-release']) {
    const { recordRelease } = await import('../generator/diff/record-release.js');
    const recorded = await recordRelease(specDir, packageVersion());
    process.stdout.write(`recorded the spec as released ${packageVersion()} in ${path.relative(process.cwd(), recorded).split(path.sep).join('/')}/\n`);
  }
  return generator.runGenerate({ check: values.check, specDir, outDir });
}
