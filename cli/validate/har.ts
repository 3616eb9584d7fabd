/**
 * HAR exports, streamed. Chrome (and Edge, HTTP Toolkit, mitmproxy, Proxyman) keep a WebSocket's
 * messages in its entry as `_webSocketMessages: [{ type: 'send' | 'receive', time, opcode, data }]`.
 * Firefox's HAR export holds no WebSocket messages at all (its HarBuilder writes none).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { startCursor, type Cursor, type Direction } from './frames.js';
import type { InputFile, ReadContext } from './inputs.js';
import { jsonDocumentProblem } from './json-problem.js';
import { JsonScanner } from './json-scanner.js';

const MESSAGES = '_webSocketMessages';
const DIRECTIONS = new Map<unknown, Direction>([
  ['receive', 'in'],
  ['send', 'out'],
]);
const TEXT_OPCODE = 1;
const BINARY_OPCODE = 2;
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

/** A JSON document without the array of entries a HAR has. */
export const NOT_A_HAR = 'not a HAR: there is no log.entries array';
/** A HAR without WebSocket messages, and why that happens. */
export const NO_WEBSOCKET_MESSAGES =
  'no WebSocket messages in this HAR: Firefox leaves them out of its HAR exports; export from Chrome or Edge, or save the frames as JSON lines';

/** Reads a HAR, handing each WebSocket message's frame to the sink as soon as it is complete. */
export async function readHar(file: InputFile, context: ReadContext): Promise<void> {
  const at = startCursor(file.display);
  let messages = 0;
  const scanner = new JsonScanner([MESSAGES, 'headers', 'cookies'], (key, value, index) => {
    if (key !== MESSAGES) {
      rememberSecret(key, value, context);
      return;
    }
    messages++;
    at.entry = scanner.indexUnder('entries');
    at.message = index;
    readMessage(value, at, context);
  });

  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(file.path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      context.advance(chunk.length);
      // Stop at the first syntax error: nothing after it can be placed in the document.
      if (!scanner.write(decoder.write(chunk))) break;
    }
  } catch (error) {
    context.problem({ at: { file: file.display }, message: `read failed: ${(error as Error).message}` });
    return;
  } finally {
    stream.destroy();
  }
  if (scanner.write(decoder.end())) scanner.end();

  const error = scanner.error;
  if (error) context.problem(jsonDocumentProblem(file.display, error, context.redactor));
  else if (!scanner.opened('log.entries[]')) context.problem({ at: { file: file.display }, message: NOT_A_HAR });
  else if (messages === 0) context.problem({ at: { file: file.display }, message: NO_WEBSOCKET_MESSAGES });
}

function readMessage(value: unknown, at: Cursor, context: ReadContext): void {
  const where = { file: at.file, entry: at.entry, message: at.message };
  if (typeof value !== 'object' || value === null) {
    context.problem({ at: where, message: 'a WebSocket message that is not an object; skipped' });
    return;
  }
  const { type, opcode, data } = value as Record<string, unknown>;
  // Chrome also records protocol errors and some tools control frames: neither is gateway traffic.
  if (opcode !== undefined && opcode !== TEXT_OPCODE && opcode !== BINARY_OPCODE) return;
  if (typeof data !== 'string') {
    context.problem({ at: where, message: 'a WebSocket message without a "data" string; skipped' });
    return;
  }
  const direction = DIRECTIONS.get(type) ?? 'unknown';
  // Chrome writes a binary message's data as base64; the sink reports it as a binary frame on a text-only gateway.
  context.sink.frame(opcode === BINARY_OPCODE ? Buffer.from(data, 'base64') : data, direction, at);
}

/** Remembers cookie and authorization values from headers and cookies, so that no report shows them. */
function rememberSecret(key: string, value: unknown, context: ReadContext): void {
  if (typeof value !== 'object' || value === null) return;
  const { name, value: text } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof text !== 'string') return;
  if (key === 'cookies') context.redactor.addHeader(`${name}=${text}`);
  else if (SECRET_HEADERS.has(name.toLowerCase())) context.redactor.addHeader(text);
}
