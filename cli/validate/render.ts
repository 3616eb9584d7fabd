/** The readable report: sections that are empty are left out, and every line names where to look. */
import { formatPlace, formatProblem } from '../capture/problem.js';
import { plural, type NameReport, type Report } from './report.js';

const count = (value: number) => value.toLocaleString('en-US');

/** `event ChatChannelTyping` or `command ChatChannelTyping`: the same name can be both. */
const label = (name: NameReport) => (name.kind === 'hello' ? 'hello' : `${name.kind} ${name.name}`);

/** Renders the report for a terminal or a log. */
export function renderReport(report: Report): string {
  const out: string[] = [];
  const { summary } = report;
  out.push(`guilded-gateway validate: ${plural(report.files.length, 'file')}, ${plural(summary.frames, 'frame')}`);

  if (report.files.length > 1 || report.files.some((file) => file.problems > 0)) {
    section(out, 'files');
    const width = Math.max(...report.files.map((file) => file.file.length));
    for (const file of report.files) {
      const problems = file.problems > 0 ? `   ${plural(file.problems, 'input problem')}` : '';
      out.push(`  ${file.file.padEnd(width)}  ${(file.format ?? '-').padEnd(5)}  ${plural(file.frames, 'frame').padStart(14)}${problems}`);
    }
  }

  if (report.names.length > 0) {
    section(out, 'payloads');
    const width = Math.max(28, ...report.names.map((name) => label(name).length));
    out.push(`  ${''.padEnd(width)}  ${'valid'.padStart(9)}  ${'invalid'.padStart(9)}  unknown fields`);
    for (const name of report.names) {
      out.push(`  ${label(name).padEnd(width)}  ${count(name.valid).padStart(9)}  ${count(name.invalid).padStart(9)}  ${count(name.withUnknownFields).padStart(14)}`);
    }
  }

  const packets = Object.entries(summary.packets).map(([packet, frames]) => `${count(frames)} ${packet}`);
  if (packets.length > 0) out.push('', `other packets: ${packets.join(', ')}`);

  const failing = report.names.filter((name) => name.invalid > 0);
  if (failing.length > 0) {
    section(out, 'invalid payloads');
    for (const name of failing) {
      out.push(`  ${label(name)}: ${plural(name.invalid, 'frame')}`);
      for (const failure of name.failures) {
        const where = formatPlace(failure.at);
        const lines = failure.errors.map((error) => `${error.pointer || '(payload)'}  expected ${error.expected}, found ${error.found}`);
        if (failure.moreErrors > 0) lines.push(`... and ${plural(failure.moreErrors, 'more error')}`);
        if (lines.length === 1) out.push(`    ${where}  ${lines[0]}`);
        else out.push(`    ${where}`, ...lines.map((line) => `      ${line}`));
      }
      if (name.failuresNotShown > 0) out.push(`    ... and ${plural(name.failuresNotShown, 'more frame')}`);
    }
  }

  const withUnknown = report.names.filter((name) => name.unknownFields.length > 0);
  if (withUnknown.length > 0) {
    section(out, 'unknown fields (run `guilded-gateway infer` on the same files to propose their schema)');
    for (const name of withUnknown) {
      out.push(`  ${label(name)}`);
      for (const field of name.unknownFields) out.push(`    ${field.pointer}  in ${plural(field.frames, 'frame')}`);
      if (name.otherUnknownFields > 0) out.push(`    ... and ${plural(name.otherUnknownFields, 'more')}`);
    }
  }

  if (report.unknownNames.length > 0) {
    section(out, 'unknown names');
    for (const name of report.unknownNames) {
      out.push(`  ${name.kind} ${name.name}  ${plural(name.frames, 'frame')}, first at ${formatPlace(name.sample.at)}`, `    ${name.sample.frame}`);
    }
    if (report.unknownNamesNotShown > 0) out.push(`  ... and ${plural(report.unknownNamesNotShown, 'frame')} of other names`);
  }

  if (report.invalidFrames.count > 0) {
    section(out, 'invalid frames');
    for (const frame of report.invalidFrames.shown) out.push(`  ${formatPlace(frame.at)}  ${frame.reason}`);
    const rest = report.invalidFrames.count - report.invalidFrames.shown.length;
    if (rest > 0) out.push(`  ... and ${plural(rest, 'more')}`);
  }

  if (report.inputProblems.count > 0) {
    section(out, 'input problems');
    for (const problem of report.inputProblems.shown) out.push(`  ${formatProblem(problem)}`);
    const rest = report.inputProblems.count - report.inputProblems.shown.length;
    if (rest > 0) out.push(`  ... and ${plural(rest, 'more')}`);
  }

  const { result } = report;
  const verdict = result.reasons.length > 0 ? result.reasons.join(', ') : 'nothing to fail on';
  out.push('', `result: ${verdict}: exit ${result.exitCode} (--fail-on ${result.failOn})`);
  return `${out.join('\n')}\n`;
}

function section(out: string[], title: string): void {
  out.push('', title);
}
