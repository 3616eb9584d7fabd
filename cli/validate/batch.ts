/**
 * A worker's share of `validate`: a batch of whole lines judged frame by frame. Frames that leave
 * nothing to keep but a count are counted; every other line goes back as text, for the main thread to
 * read again in the order of the file, so that caps, redaction and first-seen order stay its own.
 */
import { forEachLine, readLine } from '../capture/lines.js';
import { Redactor } from '../capture/redact.js';
import type { CaptureHandlers } from '../capture/stream.js';
import { countedAs, judge } from './check.js';

/** Whole lines of a JSON-lines or frame-text file; `bytes` is transferred to the worker, not copied. */
export interface LineBatch {
  readonly file: string;
  /** The number of the batch's first line in the file, from 1. */
  readonly firstLine: number;
  readonly bytes: ArrayBuffer;
}

/** What a batch held: counts by `countedAs` key, and the lines to read again, by number and text. */
export interface BatchResult {
  readonly counted: Array<[key: string, frames: number]>;
  readonly lineNumbers: number[];
  readonly lines: string[];
}

/** Judges every line of `batch`. */
export function judgeBatch(batch: LineBatch): BatchResult {
  const counts = new Map<string, number>();
  const lineNumbers: number[] = [];
  const lines: string[] = [];
  let again = false;
  const handlers: CaptureHandlers = {
    // Only to build problems that are thrown away: the main thread rebuilds them with its own redactor.
    redactor: new Redactor(),
    record: (record) => {
      const key = countedAs(judge(record));
      if (key === undefined) again = true;
      else counts.set(key, (counts.get(key) ?? 0) + 1);
    },
    problem: () => {
      again = true;
    },
  };
  forEachLine(Buffer.from(batch.bytes).toString('utf8'), batch.firstLine, (text, lineNumber) => {
    again = false;
    readLine(text, batch.file, lineNumber, handlers);
    if (!again) return;
    lineNumbers.push(lineNumber);
    lines.push(text);
  });
  return { counted: [...counts], lineNumbers, lines };
}
