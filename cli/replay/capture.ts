/**
 * Reads a capture for replay, with the time of every frame: a HAR export (Chrome's `_webSocketMessages`)
 * or JSON lines. cli/validate has streaming readers for the same formats, but they hand on frames without
 * their times, and replay needs the times for its pace. What cannot be read is reported as validate
 * reports it, in the same words and places.
 */
import { readFile } from 'node:fs/promises';
import type { InputProblem } from '../validate/frames.js';
import { NO_WEBSOCKET_MESSAGES, NOT_A_HAR, readHar as locateHarProblems } from '../validate/har.js';
import type { Direction } from '../validate/frames.js';
import { jsonLineProblem } from '../validate/json-problem.js';
import { Redactor } from '../validate/redact.js';


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
  /** What was skipped, where and why. */
  readonly problems: readonly InputProblem[];
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
 * Problems name the file as `display`. Throws only when the file cannot be read.
 */
export async function readCapture(file: string, display = file): Promise<Capture> {
  let text = await readFile(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A HAR opens with its `log` key; anything else is read line by line.
  if (!/^\s*\{\s*"log"\s*:/.test(text)) return readLines(text, display);
  const document = parseJson(text);
  if (document === undefined) return { format: 'har', frames: [], problems: await harProblems(file, display) };
  const log = isObject(document) ? document['log'] : undefined;
  const entries = isObject(log) ? log['entries'] : undefined;
  if (!Array.isArray(entries)) return { format: 'har', frames: [], problems: [{ at: { file: display }, message: NOT_A_HAR }] };
  return readHar(entries, display);
}

/** Why a HAR is not JSON, found by validate's own HAR reader, which places and redacts it as validate does. */
async function harProblems(file: string, display: string): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  const context = { sink: { frame: () => undefined }, redactor: new Redactor(), problem: (problem: InputProblem) => problems.push(problem), advance: () => undefined };
  await locateHarProblems({ path: file, display, size: 0 }, context);
  return problems;
}

function readHar(entries: readonly unknown[], file: string): Capture {
  const problems: InputProblem[] = [];
  const frames: CapturedFrame[] = [];
  let sockets = 0;
  entries.forEach((entry: unknown, entryIndex) => {
    const messages = isObject(entry) ? entry['_webSocketMessages'] : undefined;
    if (!Array.isArray(messages)) return;
    sockets++;
    messages.forEach((message: unknown, messageIndex) => {
      const skip = (why: string) => void problems.push({ at: { file, entry: entryIndex, message: messageIndex }, message: why });
      if (!isObject(message)) return skip('a WebSocket message that is not an object; skipped');
      const { type, time, opcode, data } = message;
      // Chrome also records binary messages (base64) and protocol errors: neither is gateway text.
      if (opcode !== undefined && opcode !== TEXT_OPCODE) return skip(`opcode ${String(opcode)} is not a text frame; skipped`);
      if (typeof data !== 'string') return skip('a WebSocket message without a "data" string; skipped');
      frames.push({ direction: DIRECTIONS.get(type) ?? 'unknown', data, time: typeof time === 'number' ? time : undefined });
    });
  });
  if (sockets === 0) problems.push({ at: { file }, message: NO_WEBSOCKET_MESSAGES });
  // Several sockets (user and team sockets) interleave by time; sort is stable, so equal times keep their order.
  if (sockets > 1 && frames.every((frame) => frame.time !== undefined)) frames.sort((a, b) => a.time! - b.time!);
  return { format: 'har', frames, problems };
}

function readLines(text: string, file: string): Capture {
  const problems: InputProblem[] = [];
  const frames: CapturedFrame[] = [];
  const redactor = new Redactor();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const at = { file, line: index + 1 };
    const skip = (why: string) => void problems.push({ at, message: `${why}; line skipped` });
    if (!line.startsWith('{') && !line.startsWith('"')) {
      frames.push({ direction: 'unknown', data: line, time: undefined });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push(jsonLineProblem(raw, at, redactor, error as Error));
      return;
    }
    if (typeof value === 'string') {
      frames.push({ direction: 'unknown', data: value, time: undefined });
      return;
    }
    // A line that opens with { and parses is an object.
    const record = value as Record<string, unknown>;
    const said = record['direction'] ?? record['type'];
    const direction = said === undefined ? 'unknown' : DIRECTIONS.get(said);
    if (direction === undefined) return skip(`direction ${JSON.stringify(said)} is none of in, out, receive, send`);
    const { data, time, opcode } = record;
    if (opcode !== undefined && opcode !== TEXT_OPCODE) return skip(`opcode ${String(opcode)} is not a text frame`);
    if (typeof data !== 'string') return skip('no "data" string holding the frame');
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
