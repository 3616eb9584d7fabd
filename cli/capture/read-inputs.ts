/** Reads every input named on the command line, file after file: how `validate` and `infer` read. */
import { detectFormat, type Format } from './detect.js';
import { expandInputs } from './files.js';
import type { CaptureProblem } from './problem.js';
import type { ProblemLog } from './problem-log.js';
import { startProgress } from './progress.js';
import type { CaptureRecord } from './record.js';
import type { Redactor } from './redact.js';
import { streamCapture, type CaptureReader } from './stream.js';

/** One input file as read. */
export interface FileSummary {
  readonly file: string;
  /** Null when the file could not be read as any format. */
  readonly format: Format | null;
  readonly frames: number;
  readonly problems: number;
}

/**
 * Expands `paths`, reads each file in the format its content shows, and hands every record to
 * `onRecord`, drawing a progress bar for large inputs. A file that cannot be read is a problem in
 * `problems`, and the next file is read all the same. `read` reads each file (by default streamCapture).
 */
export async function readInputs(
  paths: readonly string[],
  onRecord: (record: CaptureRecord) => void,
  redactor: Redactor,
  problems: ProblemLog,
  read: CaptureReader = streamCapture,
): Promise<FileSummary[]> {
  const inputs = await expandInputs(paths);
  const summaries: FileSummary[] = [];
  const progress = startProgress(inputs.reduce((total, input) => total + ('size' in input ? input.size : 0), 0));
  let frames = 0;
  const handlers = {
    redactor,
    record: (record: CaptureRecord) => {
      frames++;
      onRecord(record);
    },
    counted: (count: number) => {
      frames += count;
    },
    problem: (problem: CaptureProblem) => problems.add(problem),
    advance: progress.advance,
  };
  try {
    for (const file of inputs) {
      if ('message' in file) {
        problems.add(file);
        summaries.push({ file: file.at.file, format: null, frames: 0, problems: 1 });
        continue;
      }
      progress.file(file.display);
      const framesBefore = frames;
      const problemsBefore = problems.count;
      const format = await detectFormat(file);
      if (typeof format === 'object') {
        problems.add(format);
        progress.advance(file.size);
      } else {
        await read(file, format, handlers);
      }
      summaries.push({
        file: file.display,
        format: typeof format === 'object' ? null : format,
        frames: frames - framesBefore,
        problems: problems.count - problemsBefore,
      });
    }
  } finally {
    progress.stop();
  }
  return summaries;
}
