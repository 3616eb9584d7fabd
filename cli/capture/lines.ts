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
import { StringDecoder } from 'node:string_decoder';
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

/** A line longer than this is no frame: it is stepped over, not kept, so that memory stays flat. */
export const MAX_LINE_LENGTH = 16 * 1024 * 1024;

/** Reads a JSON-lines or frame-text file, one frame a line; see streamCapture. */
export async function readLines(file: CaptureFile, handlers: CaptureHandlers): Promise<boolean> {
  const splitter = new LineSplitter(file.display, handlers);
  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(file.path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      handlers.advance?.(chunk.length);
      splitter.write(decoder.write(chunk));
    }
  } catch (error) {
    handlers.problem(captureProblem(file.display, { line: splitter.line + 1 }, `read failed: ${(error as Error).message}`));
    return false;
  } finally {
    stream.destroy();
  }
  splitter.end(decoder.end());
  return true;
}

/**
 * Cuts text into lines as it arrives (LF or CRLF), holding at most MAX_LINE_LENGTH characters of an
 * unfinished line; a longer one is reported at its line and skipped to its end.
 */
export class LineSplitter {
  /** Lines finished so far; set it before the first write to number lines from a later point of the file. */
  line = 0;
  readonly #file: string;
  readonly #handlers: CaptureHandlers;
  #parts: string[] = [];
  #held = 0;
  // Characters of an overlong line stepped over so far; -1 while the line is within the limit.
  #overlong = -1;

  constructor(file: string, handlers: CaptureHandlers) {
    this.#file = file;
    this.#handlers = handlers;
  }

  write(text: string): void {
    let from = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', from)) {
      this.#take(text.slice(from, newline));
      this.#finish();
      from = newline + 1;
    }
    this.#take(text.slice(from));
  }

  end(text: string): void {
    this.write(text);
    if (this.#held > 0 || this.#overlong >= 0) this.#finish();
  }

  #take(piece: string): void {
    if (piece === '') return;
    if (this.#overlong >= 0) {
      this.#overlong += piece.length;
      return;
    }
    this.#held += piece.length;
    this.#parts.push(piece);
    if (this.#held <= MAX_LINE_LENGTH) return;
    this.#overlong = this.#held;
    this.#parts = [];
    this.#held = 0;
  }

  #finish(): void {
    this.line++;
    if (this.#overlong >= 0) {
      const length = this.#overlong;
      this.#overlong = -1;
      const limit = `${MAX_LINE_LENGTH / (1024 * 1024)} MB`;
      this.#handlers.problem(captureProblem(this.#file, { line: this.line }, `line of ${length} characters, longer than any frame (the limit is ${limit}); line skipped`));
      return;
    }
    const text = this.#parts.length === 1 ? this.#parts[0]! : this.#parts.join('');
    this.#parts = [];
    this.#held = 0;
    readLine(withoutCr(text), this.#file, this.line, this.#handlers);
  }
}

/**
 * Calls `each` with every line of `text`, a block of whole lines (the last may lack its newline),
 * numbered from `firstLine`, without its CR; as LineSplitter cuts them, for text already in memory.
 */
export function forEachLine(text: string, firstLine: number, each: (line: string, lineNumber: number) => void): void {
  let from = 0;
  let lineNumber = firstLine;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', from)) {
    each(withoutCr(text.slice(from, newline)), lineNumber++);
    from = newline + 1;
  }
  if (from < text.length) each(withoutCr(text.slice(from)), lineNumber);
}

const withoutCr = (text: string): string => (text.endsWith('\r') ? text.slice(0, -1) : text);

/** Hands on one line's frame (`text` without its line break), or reports why the line holds none. */
export function readLine(text: string, file: string, line: number, handlers: CaptureHandlers): void {
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
