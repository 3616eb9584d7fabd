/**
 * What every capture reader hands to whoever checks or studies the frames: one frame at a time, with
 * where it came from. Readers update one cursor in place, so that a frame costs no allocation here.
 */

/** Which way a frame travelled: `in` from the server, `out` from the client, `unknown` for bare frame text. */
export type Direction = 'in' | 'out' | 'unknown';

/** Where a reader is: a line of a line-based file, or a message of a HAR entry. Mutated as the reader advances. */
export interface Cursor {
  readonly file: string;
  /** 1-based line of a JSON-lines or text file; 0 in a HAR. */
  line: number;
  /** 0-based index into the HAR's `log.entries`; -1 outside a HAR. */
  entry: number;
  /** 0-based index into that entry's `_webSocketMessages`; -1 outside a HAR. */
  message: number;
}

/** A frozen copy of a cursor, kept in a report: `{ file, line }` or `{ file, entry, message }`. */
export type Location =
  | { readonly file: string; readonly line: number }
  | { readonly file: string; readonly entry: number; readonly message: number };

/** Where a problem with the input itself sits; only the fields that apply are present. */
export interface InputPosition {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Byte offset, for binary files that have no lines. */
  readonly offset?: number;
  readonly entry?: number;
  readonly message?: number;
}

/** A file that could not be read as a capture, or a part of one that could not. */
export interface InputProblem {
  readonly at: InputPosition;
  /** Lowercase; says what was wrong and, where it helps, what to do. */
  readonly message: string;
  /** The text at the problem as it reads in the file (one line, redacted, `…` where cut), when there is text to show. */
  readonly excerpt?: string;
}

/** Receives the frames of every input. `data` is a string for a text frame, bytes for a binary one. */
export interface FrameSink {
  frame(data: string | Uint8Array, direction: Direction, at: Cursor): void;
}

/** A new cursor at the start of `file`. */
export function startCursor(file: string): Cursor {
  return { file, line: 0, entry: -1, message: -1 };
}

/** Copies a cursor for keeping. */
export function locate(at: Cursor): Location {
  return at.entry >= 0 ? { file: at.file, entry: at.entry, message: at.message } : { file: at.file, line: at.line };
}

/** `file:12`, or `file entry 3 message 17` for a HAR. */
export function formatLocation(at: Location | InputPosition): string {
  if ('entry' in at && at.entry !== undefined) {
    return `${at.file} entry ${at.entry} message ${at.message ?? '?'}`;
  }
  if ('line' in at && at.line !== undefined) {
    return 'column' in at && at.column !== undefined ? `${at.file}:${at.line}:${at.column}` : `${at.file}:${at.line}`;
  }
  if ('offset' in at && at.offset !== undefined) return `${at.file} at byte ${at.offset}`;
  return at.file;
}

/** An input problem as one line, the same in every command's output: `file:3:17: message: excerpt`. */
export function formatInputProblem(problem: InputProblem): string {
  return `${formatLocation(problem.at)}: ${problem.message}${problem.excerpt === undefined ? '' : `: ${problem.excerpt}`}`;
}
