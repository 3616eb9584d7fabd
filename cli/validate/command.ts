/** `guilded-gateway validate <files or folders...> [--json] [--fail-on invalid|unknown|never] [--jobs N]`. */
import { availableParallelism } from 'node:os';
import { ProblemLog } from '../capture/problem-log.js';
import { readInputs } from '../capture/read-inputs.js';
import { Redactor } from '../capture/redact.js';
import { streamCapture, type CaptureReader } from '../capture/stream.js';
import { Checker } from './check.js';
import { readLinesInParallel } from './parallel-lines.js';
import { renderReport } from './render.js';
import { buildReport, FAIL_ON, type FailOn } from './report.js';
import { parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';
import { JudgePool } from './worker-pool.js';

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

  const redactor = new Redactor();
  const checker = new Checker(redactor);
  const problems = new ProblemLog();
  // The main thread is one of the jobs: it reads, merges and judges its share.
  const pool = jobs > 1 ? new JudgePool(jobs - 1) : undefined;
  // HAR files are one JSON document each, read by one streaming scanner: they stay on the main thread.
  const read: CaptureReader = pool
    ? (file, format, handlers) => (format === 'har' ? streamCapture(file, format, handlers) : readLinesInParallel(file, handlers, pool, checker))
    : streamCapture;
  let files;
  try {
    files = await readInputs(positionals, (record) => checker.check(record), redactor, problems, read);
  } finally {
    await pool?.close();
  }
  const report = buildReport(checker, files, problems, failOn);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return report.result.exitCode;
}
