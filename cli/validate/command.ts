/** `guilded-gateway validate <files or folders...> [--json] [--fail-on invalid|unknown|never]`. */
import { ProblemLog } from '../capture/problem-log.js';
import { readInputs } from '../capture/read-inputs.js';
import { Redactor } from '../capture/redact.js';
import { Checker } from './check.js';
import { renderReport } from './render.js';
import { buildReport, FAIL_ON, type FailOn } from './report.js';
import { parseCommandArgs, usageMistake } from '../arguments.js';
import { COMMANDS } from '../commands.js';

/** Validates captures against the spec; resolves to the exit code (see README.md, "Exit codes"). */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(COMMANDS.validate, args);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) {
    return usageMistake(COMMANDS.validate, `--fail-on ${JSON.stringify(values['fail-on'])} is none of ${FAIL_ON.join(', ')}`);
  }
  if (positionals.length === 0) return usageMistake(COMMANDS.validate, 'no files or folders to validate');

  const redactor = new Redactor();
  const checker = new Checker(redactor);
  const problems = new ProblemLog();
  const files = await readInputs(positionals, (record) => checker.check(record), redactor, problems);
  const report = buildReport(checker, files, problems, failOn);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
  return report.result.exitCode;
}
