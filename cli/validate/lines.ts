/**
 * JSON lines and frame text, read line by line so that memory stays flat whatever the file's size.
 * Each line says what it is by its first character, so the two formats share one reader:
 * - `"42[\"ChatMessageCreated\",{...}]"`: a frame as a JSON string, direction unknown;
 * - `{"direction": "in", "data": "42[...]", "time": 1.5}`: a frame with its direction (`in`/`out`, or
 *   HAR's `receive`/`send`, also under HAR's key `type`, so that `jq -c '.log.entries[]._webSocketMessages[]?'`
 *   output reads as is);
 * - `42["ChatMessageCreated",{...}]`, `2`, `0{...}`: a raw frame, direction unknown.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { startCursor, type Cursor, type Direction } from './frames.js';
import type { InputFile, ReadContext } from './inputs.js';
import { jsonLineProblem } from './json-problem.js';

const DIRECTIONS = new Map<unknown, Direction>([
  ['in', 'in'],
  ['receive', 'in'],
  ['out', 'out'],
  ['send', 'out'],
]);
const OPEN_BRACE = 0x7b;
const QUOTE = 0x22;
const BOM = 0xfeff;
const BINARY_OPCODE = 2;

/** Reads a JSON-lines or frame-text file, one frame a line. */
export async function readLines(file: InputFile, context: ReadContext): Promise<void> {
  const at = startCursor(file.display);
  const stream = createReadStream(file.path);
  stream.on('data', (chunk) => context.advance(chunk.length));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  // A 'line' listener, not `for await`: a promise per line would cost more than reading the line.
  lines.on('line', (line) => {
    at.line++;
    readLine(line, at, context);
  });
  await new Promise<void>((resolve) => {
    lines.once('close', resolve);
    stream.once('error', (error) => {
      context.problem({ at: { file: file.display, line: at.line + 1 }, message: `read failed: ${error.message}` });
      lines.close();
    });
    // readline re-emits the stream's error; the listener above has reported it.
    lines.on('error', () => undefined);
  });
}

/** Hands one line's frame to the sink, or reports why the line holds none. */
function readLine(text: string, at: Cursor, context: ReadContext): void {
  // JSON.parse refuses a BOM, and an editor counts columns after it.
  const line = at.line === 1 && text.charCodeAt(0) === BOM ? text.slice(1) : text;
  let start = 0;
  while (start < line.length && isBlank(line.charCodeAt(start))) start++;
  if (start === line.length) return;
  const first = line.charCodeAt(start);
  if (first !== OPEN_BRACE && first !== QUOTE) {
    const end = isBlank(line.charCodeAt(line.length - 1)) ? line.trimEnd().length : line.length;
    context.sink.frame(start === 0 && end === line.length ? line : line.slice(start, end), 'unknown', at);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    context.problem(jsonLineProblem(line, { file: at.file, line: at.line }, context.redactor, error as Error));
    return;
  }
  if (typeof value === 'string') {
    context.sink.frame(value, 'unknown', at);
    return;
  }
  readRecord(value as Record<string, unknown>, at, context);
}

function readRecord(record: Record<string, unknown>, at: Cursor, context: ReadContext): void {
  const { data, opcode } = record;
  const said = record['direction'] ?? record['type'];
  const direction = said === undefined ? 'unknown' : DIRECTIONS.get(said);
  if (direction === undefined) {
    context.problem({ at: { file: at.file, line: at.line }, message: `direction ${JSON.stringify(said)} is none of in, out, receive, send; line skipped` });
    return;
  }
  if (typeof data !== 'string') {
    context.problem({ at: { file: at.file, line: at.line }, message: 'no "data" string holding the frame; line skipped' });
    return;
  }
  // HAR keeps binary messages as base64; the sink reports them as binary frames on a text-only gateway.
  context.sink.frame(opcode === BINARY_OPCODE ? Buffer.from(data, 'base64') : data, direction, at);
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d;
}
