/**
 * Reads a capture for replay, with the time of every frame: a HAR export (Chrome's `_webSocketMessages`)
 * or JSON lines. cli/validate has streaming readers for the same formats, but they hand on frames without
 * their times, and replay needs the times for its pace.
 */
import { readFile } from 'node:fs/promises';

/** Which way a frame travelled: `in` from the server, `out` from the client, `unknown` when the capture does not say. */
export type Direction = 'in' | 'out' | 'unknown';

/** One text frame of a capture. */
export interface CapturedFrame {
  readonly direction: Direction;
  readonly data: string;
  /** When it travelled, in seconds (since the epoch in a HAR); undefined when the capture has no time for it. */
  readonly time: number | undefined;
}

/** A capture as read: its text frames in order, and what was skipped. */
export interface Capture {
  readonly format: 'har' | 'jsonl';
  readonly frames: readonly CapturedFrame[];
  /** Lowercase, each saying where and why something was skipped. */
  readonly problems: readonly string[];
}

const DIRECTIONS = new Map<unknown, Direction>([
  ['in', 'in'],
  ['receive', 'in'],
  ['out', 'out'],
  ['send', 'out'],
]);
const TEXT_OPCODE = 1;

/**
 * Reads `file`: a HAR when it is one JSON document with `log.entries`, otherwise JSON lines, where each
 * line is `{"direction" (or HAR's "type"), "data", "time"}`, a frame as a JSON string, or a bare frame.
 * Throws only when the file cannot be read.
 */
export async function readCapture(file: string): Promise<Capture> {
  let text = await readFile(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A HAR opens with its `log` key; anything else is read line by line.
  if (!/^\s*\{\s*"log"\s*:/.test(text)) return readLines(text);
  const document = parseJson(text);
  const log = isObject(document) ? document['log'] : undefined;
  const entries = isObject(log) ? log['entries'] : undefined;
  if (!Array.isArray(entries)) return { format: 'har', frames: [], problems: ['not a HAR: invalid json, or no log.entries array'] };
  return readHar(entries);
}

function readHar(entries: readonly unknown[]): Capture {
  const problems: string[] = [];
  const frames: CapturedFrame[] = [];
  let sockets = 0;
  entries.forEach((entry: unknown, entryIndex) => {
    const messages = isObject(entry) ? entry['_webSocketMessages'] : undefined;
    if (!Array.isArray(messages)) return;
    sockets++;
    messages.forEach((message: unknown, messageIndex) => {
      const where = `entry ${entryIndex} message ${messageIndex}`;
      if (!isObject(message)) return void problems.push(`${where}: not an object; skipped`);
      const { type, time, opcode, data } = message;
      // Chrome also records binary messages (base64) and protocol errors: neither is gateway text.
      if (opcode !== undefined && opcode !== TEXT_OPCODE) return void problems.push(`${where}: opcode ${String(opcode)} is not a text frame; skipped`);
      if (typeof data !== 'string') return void problems.push(`${where}: no "data" string; skipped`);
      frames.push({ direction: DIRECTIONS.get(type) ?? 'unknown', data, time: typeof time === 'number' ? time : undefined });
    });
  });
  if (sockets === 0) problems.push('no WebSocket messages in this HAR: Firefox and Safari leave them out; export from Chrome or Edge');
  // Several sockets (user and team sockets) interleave by time; sort is stable, so equal times keep their order.
  if (sockets > 1 && frames.every((frame) => frame.time !== undefined)) frames.sort((a, b) => a.time! - b.time!);
  return { format: 'har', frames, problems };
}

function readLines(text: string): Capture {
  const problems: string[] = [];
  const frames: CapturedFrame[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `line ${index + 1}`;
    if (!line.startsWith('{') && !line.startsWith('"')) {
      frames.push({ direction: 'unknown', data: line, time: undefined });
      return;
    }
    const value = parseJson(line);
    if (typeof value === 'string') {
      frames.push({ direction: 'unknown', data: value, time: undefined });
      return;
    }
    if (!isObject(value)) return void problems.push(`${where}: invalid json; skipped`);
    const said = value['direction'] ?? value['type'];
    const direction = said === undefined ? 'unknown' : DIRECTIONS.get(said);
    if (direction === undefined) return void problems.push(`${where}: direction ${JSON.stringify(said)} is none of in, out, receive, send; skipped`);
    const { data, time, opcode } = value;
    if (opcode !== undefined && opcode !== TEXT_OPCODE) return void problems.push(`${where}: opcode ${String(opcode)} is not a text frame; skipped`);
    if (typeof data !== 'string') return void problems.push(`${where}: no "data" string; skipped`);
    frames.push({ direction, data, time: typeof time === 'number' ? time : undefined });
  });
  return { format: 'jsonl', frames, problems };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
