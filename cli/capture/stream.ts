/** Reads one capture in its format, streamed: HAR, JSON lines and frame text alike hand on records. */
import type { Format } from './detect.js';
import type { CaptureFile } from './files.js';
import { readHar } from './har.js';
import { readLines } from './lines.js';
import type { CaptureProblem } from './problem.js';
import type { CaptureRecord } from './record.js';
import type { Redactor } from './redact.js';

/** Where a reader's records and problems go. */
export interface CaptureHandlers {
  /** Redacts the text shown in problems; learns the cookie and authorization values of a HAR's headers. */
  readonly redactor: Redactor;
  /** Called with each frame, in the order of the file, as soon as it is read. */
  record(record: CaptureRecord): void;
  /** Called with a number of frames that were checked without a record each (validate's workers), for the file's count. */
  counted?(frames: number): void;
  /** Called with each part of the file that could not be read, and why. */
  problem(problem: CaptureProblem): void;
  /** Called with the size of each chunk read, for a progress bar. */
  advance?(bytes: number): void;
}

/** How a capture is read: streamCapture, or a reader that does some formats its own way. */
export type CaptureReader = (file: CaptureFile, format: Format, handlers: CaptureHandlers) => Promise<boolean>;

/**
 * Reads `file` in `format`, in memory that does not grow with the file. Resolves to whether the file
 * was a capture to its end: false when it stopped being one (a HAR that stops being JSON, or has no
 * `log.entries`; a read that failed), after the records before that point were handed on.
 */
export function streamCapture(file: CaptureFile, format: Format, handlers: CaptureHandlers): Promise<boolean> {
  return format === 'har' ? readHar(file, handlers) : readLines(file, handlers);
}
