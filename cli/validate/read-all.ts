/** Reads every input named on the command line into one sink: shared by `validate` and `infer`. */
import type { FrameSink, InputProblem } from './frames.js';
import { detectFormat, expandInputs, streamInputFrames, type Format } from './inputs.js';
import { startProgress } from './progress.js';
import type { Redactor } from './redact.js';

const MAX_INPUT_PROBLEMS_SHOWN = 100;

/** One input file as read. */
export interface FileSummary {
  readonly file: string;
  /** Null when the file could not be read as any format. */
  readonly format: Format | null;
  readonly frames: number;
  readonly problems: number;
}

/** Keeps the first input problems and counts all of them. */
export class ProblemLog {
  count = 0;
  readonly shown: InputProblem[] = [];

  /** Records one problem. */
  add(problem: InputProblem): void {
    this.count++;
    if (this.shown.length < MAX_INPUT_PROBLEMS_SHOWN) this.shown.push(problem);
  }
}

/**
 * Expands `paths`, reads each file in the format its content shows, and hands every frame to `sink`.
 * A file that cannot be read is a problem in `problems`, and the next file is read all the same.
 */
export async function readInputs(
  paths: readonly string[],
  sink: FrameSink & { readonly frames: number },
  redactor: Redactor,
  problems: ProblemLog,
): Promise<FileSummary[]> {
  const inputs = await expandInputs(paths);
  const summaries: FileSummary[] = [];
  const progress = startProgress(inputs.reduce((total, input) => total + ('size' in input ? input.size : 0), 0));
  try {
    for (const file of inputs) {
      if ('message' in file) {
        problems.add(file);
        summaries.push({ file: file.at.file, format: null, frames: 0, problems: 1 });
        continue;
      }
      progress.file(file.display);
      const framesBefore = sink.frames;
      const problemsBefore = problems.count;
      const format = await detectFormat(file);
      if (typeof format === 'object') {
        problems.add(format);
        progress.advance(file.size);
      } else {
        await streamInputFrames(file, format, { sink, redactor, problem: (problem) => problems.add(problem), advance: progress.advance });
      }
      summaries.push({
        file: file.display,
        format: typeof format === 'object' ? null : format,
        frames: sink.frames - framesBefore,
        problems: problems.count - problemsBefore,
      });
    }
  } finally {
    progress.stop();
  }
  return summaries;
}
