/**
 * HAR exports, streamed. Chrome (and Edge, HTTP Toolkit, mitmproxy, Proxyman) keep a WebSocket's
 * messages in its entry as `_webSocketMessages: [{ type: 'send' | 'receive', time, opcode, data }]`.
 * Firefox's HAR export holds no WebSocket messages at all (its HarBuilder writes none).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { CaptureFile } from './files.js';
import { jsonDocumentProblem } from './json-problem.js';
import { JsonScanner } from './json-scanner.js';
import { isMessageOpcode, messageData } from './opcodes.js';
import { captureProblem } from './problem.js';
import type { Direction } from './record.js';
import type { CaptureHandlers } from './stream.js';

const MESSAGES = '_webSocketMessages';
const DIRECTIONS = new Map<unknown, Direction>([
  ['receive', 'in'],
  ['send', 'out'],
]);
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

/** A JSON document without the array of entries a HAR has. */
const NOT_A_HAR = 'not a HAR: there is no log.entries array';
/** A HAR without WebSocket messages, and why that happens. */
const NO_WEBSOCKET_MESSAGES =
  'no WebSocket messages in this HAR: Firefox leaves them out of its HAR exports; export from Chrome or Edge, or save the frames as JSON lines';

/** Reads a HAR, handing on each WebSocket message's frame as soon as it is complete; see streamCapture. */
export async function readHar(file: CaptureFile, handlers: CaptureHandlers): Promise<boolean> {
  let messages = 0;
  const scanner = new JsonScanner([MESSAGES, 'headers', 'cookies'], (key, value, index) => {
    if (key !== MESSAGES) {
      rememberSecret(key, value, handlers);
      return;
    }
    const entry = scanner.indexUnder('entries');
    // Only an entry's messages are a socket's; an array elsewhere (a tool's own key) has no entry to name.
    if (entry === -1) {
      outside++;
      return;
    }
    messages++;
    readMessage(value, file.display, entry, index, handlers);
  });
  let outside = 0;
  scanner.onNotArray = (key, kind, at) => {
    if (key !== MESSAGES) return;
    const entry = scanner.indexUnder('entries');
    handlers.problem(captureProblem(file.display, at, `${MESSAGES} is ${kind}, not an array of messages${entry === -1 ? '' : ` (entry ${entry})`}; skipped`));
  };

  const decoder = new StringDecoder('utf8');
  const stream = createReadStream(file.path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      handlers.advance?.(chunk.length);
      // Stop at the first syntax error: nothing after it can be placed in the document.
      if (!scanner.write(decoder.write(chunk))) break;
    }
  } catch (error) {
    handlers.problem(captureProblem(file.display, undefined, `read failed: ${(error as Error).message}`));
    return false;
  } finally {
    stream.destroy();
  }
  if (scanner.write(decoder.end())) scanner.end();

  const error = scanner.error;
  if (outside > 0) handlers.problem(captureProblem(file.display, undefined, `${outside} WebSocket messages outside log.entries[]: no socket to place them in; skipped`));
  if (error) handlers.problem(jsonDocumentProblem(file.display, error, handlers.redactor));
  else if (!scanner.opened('log.entries[]')) handlers.problem(captureProblem(file.display, undefined, NOT_A_HAR));
  else if (messages === 0) handlers.problem(captureProblem(file.display, undefined, NO_WEBSOCKET_MESSAGES));
  return error === undefined && scanner.opened('log.entries[]');
}

function readMessage(value: unknown, file: string, entry: number, message: number, handlers: CaptureHandlers): void {
  const position = { entry, message };
  if (typeof value !== 'object' || value === null) {
    handlers.problem(captureProblem(file, position, 'a WebSocket message that is not an object; skipped'));
    return;
  }
  const { type, time, opcode, data } = value as Record<string, unknown>;
  if (!isMessageOpcode(opcode)) return;
  if (typeof data !== 'string') {
    handlers.problem(captureProblem(file, position, 'a WebSocket message without a "data" string; skipped'));
    return;
  }
  handlers.record({ file, position, direction: DIRECTIONS.get(type) ?? 'unknown', time: typeof time === 'number' ? time : undefined, data: messageData(opcode, data) });
}

/** Remembers cookie and authorization values from headers and cookies, so that no report shows them. */
function rememberSecret(key: string, value: unknown, handlers: CaptureHandlers): void {
  if (typeof value !== 'object' || value === null) return;
  const { name, value: text } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof text !== 'string') return;
  if (key === 'cookies') handlers.redactor.addHeader(`${name}=${text}`);
  else if (SECRET_HEADERS.has(name.toLowerCase())) handlers.redactor.addHeader(text);
}
