/** `guilded-gateway diff [<old>] [<new>]`: loads both sides with the spec's own loader, compares, prints. */
import { formatProblem, SpecError } from '../load/diagnostics.js';
import { loadSpec } from '../load/load-spec.js';
import type { Spec } from '../load/model.js';
import { diffSpecs, type SpecDiff } from './diff-specs.js';
import { releasedSpec } from './released.js';
import { renderJson, renderMarkdown, renderText, type Sides } from './render.js';
import { openSpecSource, shownFolder, SpecSourceError, type SpecSource } from './spec-source.js';

export type FailOn = 'breaking' | 'any' | 'never';
export type DiffFormat = 'text' | 'json' | 'markdown';

export interface DiffOptions {
  /** What the user named: none (the released spec against --spec), an old side, or an old and a new side. */
  readonly sides: readonly string[];
  /** The working tree's spec folder. */
  readonly specDir: string;
  readonly format: DiffFormat;
  readonly failOn: FailOn;
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** Whether the diff fails under `failOn`. */
const fails = (diff: SpecDiff, failOn: FailOn): boolean =>
  failOn === 'any' ? diff.changes.length > 0 : failOn === 'breaking' && diff.counts.breaking > 0;

/** A side's spec; its problems are said as the loader says them, under a line naming the side. */
async function load(source: SpecSource, role: 'old' | 'new', err: NodeJS.WritableStream): Promise<Spec | undefined> {
  try {
    // A diff reads what each side means; how a spec should be written is generate's to say.
    return await loadSpec(source.dir, source.shown, { currentRules: false });
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    const count = error.problems.length === 1 ? '1 problem' : `${error.problems.length} problems`;
    err.write(`the ${role} spec (${source.shown}) has ${count}; nothing was compared:\n${error.problems.map(formatProblem).join('\n')}\n`);
    return undefined;
  }
}

/** The old side's name: what the user typed, or the released copy when they typed nothing. */
async function oldSide(options: DiffOptions): Promise<string> {
  if (options.sides[0] !== undefined) return options.sides[0];
  const released = await releasedSpec(options.specDir);
  if (!released) throw new SpecSourceError(`${shownFolder(options.specDir)}/released/ holds no released spec: name the old side, as in guilded-gateway diff main`);
  return released.dir;
}

/** Runs the comparison; resolves to the exit code. */
export async function runDiff(options: DiffOptions, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const opened: SpecSource[] = [];
  const open = async (given: string) => {
    const source = await openSpecSource(given, options.specDir);
    opened.push(source);
    return source;
  };
  try {
    let old: SpecSource;
    let now: SpecSource;
    try {
      old = await open(await oldSide(options));
      now = await open(options.sides[1] ?? options.specDir);
    } catch (error) {
      if (!(error instanceof SpecSourceError)) throw error;
      err.write(`${error.message}\n`);
      return EXIT_USAGE;
    }
    const [before, after] = await Promise.all([load(old, 'old', err), load(now, 'new', err)]);
    if (!before || !after) return EXIT_FAILED;
    const diff = diffSpecs(before, after);
    const sides: Sides = { old: old.shown, new: now.shown };
    out.write(options.format === 'json' ? renderJson(diff, sides) : options.format === 'markdown' ? renderMarkdown(diff, sides) : renderText(diff, sides));
    return fails(diff, options.failOn) ? EXIT_FAILED : EXIT_OK;
  } finally {
    await Promise.all(opened.map((source) => source.cleanup()));
  }
}
