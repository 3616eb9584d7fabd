/** `guilded-gateway validate <files or folders...> [--json] [--fail-on invalid|unknown|never] [--jobs N]`. */
import { availableParallelism } from 'node:os';
import { ProblemLog } from '../capture/problem-log.js';
import { readInputs } from '../capture/read-inputs.js';
import { Redactor } from '../capture/redact.js';
import { streamCapture, type CaptureReader } from '../capture/stream.js';
import { Checker } from './check.js';
import { checkInParallel, PARALLEL_MIN_BYTES } from './parallel-inputs.js';
import { renderReport } from './render.js';
import { buildReport, FAIL_ON, type FailOn, type Report } from './report.js';
import { parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';

const MAX_JOBS = 64;

/** Validates captures against the spec; resolves to the exit code (see README.md, "Exit codes"). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.validate, args);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) {
    return usageMistake(COMMANDS.validate, `--fail-on ${JSON.stringify(values['fail-on'])} is none of ${FAIL_ON.join(', ')}`);
  }
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS) {
    return usageMistake(COMMANDS.validate, `--jobs ${JSON.stringify(values.jobs)} is not a whole number from 1 to ${MAX_JOBS}`);
  }
  if (positionals.length === 0) return usageMistake(COMMANDS.validate, 'no files or folders to validate');

  const report = await validate(positionals, failOn, jobs);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return report.result.exitCode;
}

/** The report over `paths`, read on `jobs` threads; files under `parallelFrom` bytes are read on the main thread only. */
export async function validate(paths: readonly string[], failOn: FailOn, jobs: number, parallelFrom = PARALLEL_MIN_BYTES): Promise<Report> {
  const redactor = new Redactor();
  const checker = new Checker(redactor);
  const problems = new ProblemLog();
  const check = (read: CaptureReader) => readInputs(paths, (record) => checker.check(record), redactor, problems, read);
  const files = jobs > 1 ? await checkInParallel(checker, jobs, check, parallelFrom) : await check(streamCapture);
  return buildReport(checker, files, problems, failOn);
}
