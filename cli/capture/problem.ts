/**
 * The one error type of the capture layer: a file that could not be read as a capture, or a part of one
 * that could not, at its file and position. It is data, not an exception: bad input is reported and the
 * reading goes on where it can. Its shape is what `validate --json` prints (README.md, "--json").
 */
import type { RecordPosition } from './record.js';

/**
 * Where in a file: a record's position, a line and column of its text (a JSON line, a HAR's syntax, the
 * start of a file that is no capture), or a byte offset (a binary file, which has no lines).
 */
export type Position = RecordPosition | { readonly line: number; readonly column: number } | { readonly offset: number };

/** A file as the user named it, and the position in it when the place is not the whole file. */
export type Place = { readonly file: string } | ({ readonly file: string } & Position);

/** What could not be read, where, and why. */
export interface CaptureProblem {
  readonly at: Place;
  /** Lowercase; says what was wrong and, where it helps, what to do. */
  readonly message: string;
  /** The text at the problem as it reads in the file (one line, redacted, `…` where cut), when there is text to show. */
  readonly excerpt?: string;
}

/** A problem in `file`, at `position` (undefined: the whole file), with the text there when there is some to show. */
export function captureProblem(file: string, position: Position | undefined, message: string, excerpt?: string): CaptureProblem {
  const at = position === undefined ? { file } : { file, ...position };
  return excerpt === undefined ? { at, message } : { at, message, excerpt };
}

/** `file:12`, `file:12:3`, `file entry 3 message 17` for a HAR message, `file at byte 8`, or `file`. */
export function formatPlace(place: Place): string {
  if ('entry' in place) return `${place.file} entry ${place.entry} message ${place.message}`;
  if ('offset' in place) return `${place.file} at byte ${place.offset}`;
  if (!('line' in place)) return place.file;
  return 'column' in place ? `${place.file}:${place.line}:${place.column}` : `${place.file}:${place.line}`;
}

/** A problem as one line, the same in every command's output: `file:3:17: message: excerpt`. */
export function formatProblem(problem: CaptureProblem): string {
  return `${formatPlace(problem.at)}: ${problem.message}${problem.excerpt === undefined ? '' : `: ${problem.excerpt}`}`;
}
