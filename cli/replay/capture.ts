/**
 * Reads a capture for replay through cli/capture, streamed: of its records, replay keeps the text
 * frames the server sent, with their times, which set the pace. Memory grows with those frames, not
 * with the file: what the client sent is counted and dropped as it streams past.
 */
import { stat } from 'node:fs/promises';
import { detectFormat, type Format } from '../capture/detect.js';
import { ProblemLog } from '../capture/problem-log.js';
import type { CaptureRecord, Direction, RecordPosition } from '../capture/record.js';
import { Redactor } from '../capture/redact.js';
import { streamCapture } from '../capture/stream.js';

/** One frame of a capture: text, or a binary message's bytes. */
export interface CapturedFrame {
  readonly direction: Direction;
  readonly data: string | Uint8Array;
  /** Where it sits in the capture, for the line that says why it is not replayed. */
  readonly position?: RecordPosition;
  /** When it travelled, in seconds (since the epoch in a HAR); undefined when the capture has no time for it. */
  readonly time: number | undefined;
}

/** A capture as replay reads it: the server's frames in order, and what could not be read. */
export interface Capture {
  /** Null when the file is no capture. */
  readonly format: Format | null;
  /** The frames the server sent (direction `in` or unknown): the only ones a schedule replays or times by. */
  readonly frames: readonly CapturedFrame[];
  /** What was skipped, where and why. */
  readonly problems: ProblemLog;
}

/**
 * Reads `file`, in the format its content shows; problems name it as `display`. A capture that stops
 * being one (a HAR that is not JSON to its end) gives no frames, as a capture that cannot be read.
 * Throws only when the file cannot be read at all.
 */
export async function readCapture(file: string, display = file): Promise<Capture> {
  const input = { path: file, display, size: (await stat(file)).size };
  const problems = new ProblemLog();
  const format = await detectFormat(input);
  if (typeof format === 'object') {
    problems.add(format);
    return { format: null, frames: [], problems };
  }
  const frames: CapturedFrame[] = [];
  const sockets = new Set<number>();
  let allTimed = true;
  const keep = (record: CaptureRecord): void => {
    const { position, direction, time, data } = record;
    if ('entry' in position) sockets.add(position.entry);
    if (time === undefined) allTimed = false;
    if (direction !== 'out') frames.push({ direction, data, time, position });
  };
  const complete = await streamCapture(input, format, { redactor: new Redactor(), record: keep, problem: (problem) => problems.add(problem) });
  if (!complete) return { format, frames: [], problems };
  // Several sockets (user and team sockets) interleave by time; sort is stable, so equal times keep their order.
  if (sockets.size > 1 && allTimed) frames.sort((a, b) => a.time! - b.time!);
  return { format, frames, problems };
}
