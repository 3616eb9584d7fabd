/**
 * The report of a validate run as plain data: what `--json` prints (its shape is documented in
 * README.md, "--json", and only grows), and what the readable output is drawn from.
 */
import type { ProblemLog } from '../capture/problem-log.js';
import type { FileSummary } from '../capture/read-inputs.js';
import type { Location } from '../capture/record.js';
import type { PacketName } from '../frames/classify.js';
import type { Checker, InvalidFrame, PayloadFailure } from './check.js';

/** What makes the exit code non-zero: invalid payloads, frames and inputs; those and anything unknown; nothing. */
export type FailOn = 'invalid' | 'unknown' | 'never';

/** The values `--fail-on` accepts. */
export const FAIL_ON: readonly FailOn[] = ['invalid', 'unknown', 'never'];

/** The exit code when the policy finds nothing to fail on. */
export const EXIT_OK = 0;
/** The exit code when it does. */
export const EXIT_FAILED = 1;

/** The counts and failures of one name. */
export interface NameReport {
  readonly kind: 'event' | 'command' | 'hello';
  readonly name: string;
  readonly valid: number;
  readonly invalid: number;
  readonly withUnknownFields: number;
  readonly failures: readonly PayloadFailure[];
  readonly failuresNotShown: number;
  readonly unknownFields: ReadonlyArray<{ readonly pointer: string; readonly frames: number }>;
  readonly otherUnknownFields: number;
}

/**
 * An input problem as `--json` writes it: a CaptureProblem, whose place has the fields that apply,
 * typed as a reader of the JSON sees it (README.md, "--json").
 */
export interface ReportedProblem {
  readonly at: {
    readonly file: string;
    readonly line?: number;
    readonly column?: number;
    readonly offset?: number;
    readonly entry?: number;
    readonly message?: number;
  };
  readonly message: string;
  readonly excerpt?: string;
}

/** The whole report; `version` changes only if a field changes meaning or goes away. */
export interface Report {
  readonly version: 1;
  readonly files: readonly FileSummary[];
  readonly summary: {
    readonly frames: number;
    /** Payloads (events, commands, hello) that match the spec, unknown fields or not. */
    readonly valid: number;
    readonly invalid: number;
    readonly withUnknownFields: number;
    /** Frames whose event or command name the spec does not know. */
    readonly unknownNames: number;
    readonly invalidFrames: number;
    readonly inputProblems: number;
    /** Frames without a payload to check, by packet: ping, pong, connect ... */
    readonly packets: Readonly<Partial<Record<PacketName, number>>>;
  };
  readonly names: readonly NameReport[];
  readonly unknownNames: ReadonlyArray<{
    readonly kind: 'event' | 'command';
    readonly name: string;
    readonly frames: number;
    readonly sample: { readonly at: Location; readonly frame: string };
  }>;
  readonly unknownNamesNotShown: number;
  readonly invalidFrames: { readonly count: number; readonly shown: readonly InvalidFrame[] };
  readonly inputProblems: { readonly count: number; readonly shown: readonly ReportedProblem[] };
  readonly result: {
    readonly failOn: FailOn;
    readonly exitCode: number;
    /** Why the run failed, in words; empty when it did not. */
    readonly reasons: readonly string[];
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Gathers what the checker found into the report, and decides the exit code under `failOn`. */
export function buildReport(checker: Checker, files: readonly FileSummary[], problems: ProblemLog, failOn: FailOn): Report {
  const tallies = [
    ...(checker.hello.valid + checker.hello.invalid > 0 ? [checker.hello] : []),
    ...[...checker.events.values()].sort(byName),
    ...[...checker.commands.values()].sort(byName),
  ];
  const names: NameReport[] = tallies.map((tally) => ({
    kind: tally.kind,
    name: tally.name,
    valid: tally.valid,
    invalid: tally.invalid,
    withUnknownFields: tally.withUnknownFields,
    failures: tally.failures,
    failuresNotShown: tally.failuresNotShown,
    unknownFields: [...tally.unknownFields]
      .map(([pointer, frames]) => ({ pointer, frames }))
      .sort((a, b) => b.frames - a.frames || (a.pointer < b.pointer ? -1 : 1)),
    otherUnknownFields: tally.otherUnknownFields,
  }));
  const unknownNames = [...checker.unknown.values()]
    .map(({ kind, name, count, sample }) => ({ kind, name, frames: count, sample }))
    .sort((a, b) => b.frames - a.frames || byName(a, b));
  const sum = (pick: (name: NameReport) => number) => names.reduce((total, name) => total + pick(name), 0);
  const summary = {
    frames: checker.frames,
    valid: sum((name) => name.valid),
    invalid: sum((name) => name.invalid),
    withUnknownFields: sum((name) => name.withUnknownFields),
    unknownNames: unknownNames.reduce((total, name) => total + name.frames, 0) + checker.unknownNotShown,
    invalidFrames: checker.invalidFrames,
    inputProblems: problems.count,
    packets: Object.fromEntries([...checker.packets].sort(([a], [b]) => (a < b ? -1 : 1))),
  };

  const reasons: string[] = [];
  if (failOn !== 'never') {
    if (summary.invalid > 0) reasons.push(plural(summary.invalid, 'invalid payload'));
    if (summary.invalidFrames > 0) reasons.push(plural(summary.invalidFrames, 'invalid frame'));
    if (summary.inputProblems > 0) reasons.push(plural(summary.inputProblems, 'input problem'));
  }
  if (failOn === 'unknown') {
    if (summary.unknownNames > 0) reasons.push(plural(summary.unknownNames, 'frame', 'frames') + ' of unknown names');
    if (summary.withUnknownFields > 0) reasons.push(plural(summary.withUnknownFields, 'payload') + ' with unknown fields');
  }
  return {
    version: 1,
    files,
    summary,
    names,
    unknownNames,
    unknownNamesNotShown: checker.unknownNotShown,
    invalidFrames: { count: checker.invalidFrames, shown: checker.invalidShown },
    inputProblems: { count: problems.count, shown: problems.shown },
    result: { failOn, exitCode: reasons.length > 0 ? EXIT_FAILED : EXIT_OK, reasons },
  };
}

/** `1 frame`, `2 frames`, with thousands separators. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
