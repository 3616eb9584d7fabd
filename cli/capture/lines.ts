/**
 * JSON lines and frame text, read line by line so that memory stays flat whatever the file's size.
 * Each line says what it is by its first character, so the two formats share one reader:
 * - `"42[\"ChatMessageCreated\",{...}]"`: a frame as a JSON string, direction unknown;
 * - `{"direction": "in", "data": "42[...]", "time": 1.5}`: a frame with its direction (`in`/`out`, or
 *   HAR's `receive`/`send`, also under HAR's key `type`, so that `jq -c '.log.entries[]._webSocketMessages[]?'`
 *   output reads as is; its `opcode` follows the rule of opcodes.ts);
 * - `42["ChatMessageCreated",{...}]`, `2`, `0{...}`: a raw frame, direction unknown.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CaptureFile } from './files.js';
import { jsonLineProblem } from './json-problem.js';
import { isMessageOpcode, messageData } from './opcodes.js';
import { captureProblem } from './problem.js';
import type { Direction } from './record.js';
import type { CaptureHandlers } from './stream.js';

const DIRECTIONS = new Map<unknown, Direction>([
  ['in', 'in'],
  ['receive', 'in'],
  ['out', 'out'],
  ['send', 'out'],
]);
const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;
const BOM = 0xfeff;

/** Reads a JSON-lines or frame-text file, one frame a line; see streamCapture. */
export async function readLines(file: CaptureFile, handlers: CaptureHandlers): Promise<boolean> {
  let line = 0;
  let complete = true;
  const stream = createReadStream(file.path);
  const { advance } = handlers;
  if (advance) stream.on('data', (chunk) => advance(chunk.length));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  // A 'line' listener, not `for await`: a promise per line would cost more than reading the line.
  lines.on('line', (text) => {
    line++;
    readLine(text, file.display, line, handlers);
  });
  await new Promise<void>((resolve) => {
    lines.once('close', resolve);
    stream.once('error', (error) => {
      complete = false;
      handlers.problem(captureProblem(file.display, { line: line + 1 }, `read failed: ${error.message}`));
      lines.close();
    });
    // readline re-emits the stream's error; the listener above has reported it.
    lines.on('error', () => undefined);
  });
  return complete;
}

/** Hands on one line's frame, or reports why the line holds none. */
function readLine(text: string, file: string, line: number, handlers: CaptureHandlers): void {
  // JSON.parse refuses a BOM, and an editor counts columns after it.
  const content = line === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
  let start = 0;
  while (start < content.length && isBlank(content.charCodeAt(start))) start++;
  if (start === content.length) return;
  const first = content.charCodeAt(start);
  if (first !== OPEN_BRACE && first !== QUOTE) {
    const end = isBlank(content.charCodeAt(content.length - 1)) ? content.trimEnd().length : content.length;
    const data = start === 0 && end === content.length ? content : content.slice(start, end);
    handlers.record({ file, position: { line }, direction: 'unknown', time: undefined, data });
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    handlers.problem(jsonLineProblem(content, file, line, handlers.redactor, error as Error));
    return;
  }
  if (typeof value === 'string') {
    handlers.record({ file, position: { line }, direction: 'unknown', time: undefined, data: value });
    return;
  }
  // A line that opens with { and parses is an object.
  readRecord(value as Record<string, unknown>, file, line, handlers);
}

function readRecord(record: Record<string, unknown>, file: string, line: number, handlers: CaptureHandlers): void {
  const { data, opcode, time } = record;
  if (!isMessageOpcode(opcode)) return;
  const said = record['direction'] ?? record['type'];
  const direction = said === undefined ? 'unknown' : DIRECTIONS.get(said);
  if (direction === undefined) {
    handlers.problem(captureProblem(file, { line }, `direction ${JSON.stringify(said)} is none of in, out, receive, send; line skipped`));
    return;
  }
  if (typeof data !== 'string') {
    handlers.problem(captureProblem(file, { line }, 'no "data" string holding the frame; line skipped'));
    return;
  }
  handlers.record({ file, position: { line }, direction, time: typeof time === 'number' ? time : undefined, data: messageData(opcode, data) });
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}
