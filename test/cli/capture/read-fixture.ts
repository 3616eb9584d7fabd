/** Reads a capture file the way the commands do, keeping every record and problem, for the reader tests. */
import * as assert from 'uvu/assert';
import { detectFormat } from '../../../cli/capture/detect.js';
import { singleInput } from '../../../cli/capture/files.js';
import type { CaptureProblem } from '../../../cli/capture/problem.js';
import type { CaptureRecord } from '../../../cli/capture/record.js';
import { Redactor } from '../../../cli/capture/redact.js';
import { streamCapture } from '../../../cli/capture/stream.js';

/** What reading a file gave: its records and problems in order, and whether it was a capture to its end. */
export interface Read {
  readonly records: CaptureRecord[];
  readonly problems: CaptureProblem[];
  readonly complete: boolean;
}

/** Reads `file` in the format its content shows. */
export async function read(file: string): Promise<Read> {
  const input = await singleInput(file);
  assert.ok(!('message' in input), `${file} is readable`);
  const format = await detectFormat(input);
  assert.type(format, 'string', `${file} is a capture`);
  const records: CaptureRecord[] = [];
  const problems: CaptureProblem[] = [];
  const complete = await streamCapture(input, format as Exclude<typeof format, CaptureProblem>, {
    redactor: new Redactor(),
    record: (record) => records.push(record),
    problem: (problem) => problems.push(problem),
  });
  return { records, problems, complete };
}
