/**
 * What every capture reader hands on: one record per frame, in the order of the file, saying where in
 * the file it sits, which way it travelled, when, and the frame itself.
 */

/** Which way a frame travelled: `in` from the server, `out` from the client, `unknown` for bare frame text. */
export type Direction = 'in' | 'out' | 'unknown';

/**
 * Where a record sits: a line (from 1) of a JSON-lines or frame-text file, or a message of a HAR:
 * `log.entries[entry]._webSocketMessages[message]`, both from 0.
 */
export type RecordPosition = { readonly line: number } | { readonly entry: number; readonly message: number };

/** One frame of a capture. */
export interface CaptureRecord {
  /** The file as the user named it. */
  readonly file: string;
  readonly position: RecordPosition;
  readonly direction: Direction;
  /** When it travelled, in seconds (since the epoch in a HAR); undefined when the capture gives no time. */
  readonly time: number | undefined;
  /** A text frame as written; a binary frame's bytes (see opcodes.ts). */
  readonly data: string | Uint8Array;
}

/** A record's place, kept in a report: `{ file, line }` or `{ file, entry, message }`. */
export type Location = { readonly file: string; readonly line: number } | { readonly file: string; readonly entry: number; readonly message: number };

/** The place of `record`, as a report keeps it. */
export function locate(record: CaptureRecord): Location {
  return { file: record.file, ...record.position };
}
