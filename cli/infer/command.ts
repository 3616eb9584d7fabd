/** `guilded-gateway infer <files...> [--write DIR]`: proposes spec additions for what validate found unknown. */
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import { formatProblem } from '../capture/problem.js';
import { ProblemLog } from '../capture/problem-log.js';
import { readInputs } from '../capture/read-inputs.js';
import { Redactor } from '../capture/redact.js';
import { Collector } from './collect.js';
import { eventsDocument, newFieldsComment, newFieldsData, styled, toText, unproposable } from './to-yaml.js';
import { EXIT_OK, EXIT_USAGE, parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';
import { packageRoot } from '../package.js';

const EXIT_FAILED = 1;
const NEW_FIELDS_FILE = 'new-fields.yaml';
const NEW_FIELDS_HEADER =
  '# New fields of events the spec already has, inferred by guilded-gateway infer.\n# Add each where its `add` says (spec/events/ or spec/objects/); in a pointer, * is any array element or id key.\n';

/**
 * Prints (or, with --write, saves) a proposed events file for the unknown events in the captures, and
 * the new fields of known events. Resolves to 0, 1 when some input could not be read, 2 on bad usage.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.infer, args);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return usageMistake(COMMANDS.infer, 'no files or folders to read');
  const target = values.write === undefined ? undefined : path.resolve(values.write);
  const resolvedTarget = target === undefined ? undefined : await resolveExisting(target);
  if (resolvedTarget !== undefined && (await specFolders()).some((spec) => isInside(resolvedTarget, spec))) {
    process.stderr.write(`--write ${values.write}: refusing to write inside spec/; write elsewhere, review, then move what you keep\n`);
    return EXIT_USAGE;
  }

  const redactor = new Redactor();
  const collector = new Collector(redactor);
  const problems = new ProblemLog();
  await readInputs(positionals, (record) => collector.study(record), redactor, problems);
  for (const problem of problems.shown) process.stderr.write(`${formatProblem(problem)}\n`);
  if (problems.count > problems.shown.length) process.stderr.write(`... and ${problems.count - problems.shown.length} more input problems\n`);

  const notes = [
    ...unproposable([...collector.unknownEvents.values()]).map((name) => `${JSON.stringify(name)} is not a name the spec can hold as a key; not proposed.`),
    ...[...collector.unknownCommands].map(
      ([name, count]) => `sent command ${name} (${count} ${count === 1 ? 'frame' : 'frames'}) is unknown; commands go in spec/commands.yaml by hand.`,
    ),
  ];
  process.stdout.write(target === undefined ? proposalText(collector, notes) : await writeProposal(collector, notes, target));
  return problems.count > 0 ? EXIT_FAILED : EXIT_OK;
}

/** The events file, then the new fields of known events and the notes as comments: what infer prints. */
function proposalText(collector: Collector, notes: readonly string[]): string {
  const document = eventsDocument([...collector.unknownEvents.values()]);
  const comment = newFieldsComment([...collector.knownEvents.values()]);
  return [
    document ? toText(document) : '# No unknown events: every event name in these files is in the spec.\n',
    ...(comment ? [`\n${comment}`] : []),
    ...(notes.length > 0 ? [`\n${notes.map((note) => `# ${note}`).join('\n')}\n`] : []),
  ].join('');
}

/** Writes one events file per unknown event and new-fields.yaml into `target`; returns what to print. */
async function writeProposal(collector: Collector, notes: readonly string[], target: string): Promise<string> {
  await mkdir(target, { recursive: true });
  const written: string[] = [];
  for (const event of collector.unknownEvents.values()) {
    const document = eventsDocument([event]);
    if (!document) continue;
    const file = path.join(target, `${event.name}.yaml`);
    await writeFile(file, toText(document));
    written.push(file);
  }
  const fields = newFieldsData([...collector.knownEvents.values()]);
  if (Object.keys(fields).length > 0) {
    const file = path.join(target, NEW_FIELDS_FILE);
    await writeFile(file, NEW_FIELDS_HEADER + toText(styled(new Document(fields))));
    written.push(file);
  }
  const lines = written.length > 0 ? written.map((file) => `wrote ${displayPath(file)}`) : ['nothing unknown: no proposal written'];
  return `${[...lines, ...notes].join('\n')}\n`;
}

/** A path relative to the working folder when it lies inside it, absolute otherwise. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/**
 * The spec folders a proposal must not be written into: the package's own (found from this file, in
 * the sources or in dist/) and the one in the working folder. Symlinks resolved.
 */
async function specFolders(): Promise<string[]> {
  return Promise.all([path.join(packageRoot(), 'spec'), path.resolve('spec')].map(resolveExisting));
}

/** `target` with symlinks resolved in the part of it that exists, so a new folder under a link into spec/ is caught too. */
async function resolveExisting(target: string): Promise<string> {
  let existing = target;
  let rest = '';
  for (;;) {
    const resolved = await realpath(existing).catch(() => undefined);
    if (resolved !== undefined) return path.join(resolved, rest);
    const parent = path.dirname(existing);
    if (parent === existing) return target;
    rest = path.join(path.basename(existing), rest);
    existing = parent;
  }
}

/** Whether `target` is `dir` or lies under it. */
function isInside(target: string, dir: string): boolean {
  return target === dir || target.startsWith(dir + path.sep);
}
