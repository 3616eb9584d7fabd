/**
 * One side of the `har-scan` figure, run as a child so that its peak RSS is its own: stream a HAR and
 * take out what `validate` takes out (each element of `_webSocketMessages`, the request and response
 * `headers` and `cookies`), with the parser named, or only read and decode the file (`read`, the floor).
 * Prints how many elements it took out and the characters of their `data`, which every parser must agree
 * on (`read` prints the characters of the whole file). Each library runs with the options its README
 * gives for speed.
 *
 * Usage: node --import tsx bench/har-scan-child.ts <read | hand-written | @streamparser/json | stream-json> <file>
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { JSONParser } from '@streamparser/json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { JsonScanner } from '../cli/capture/json-scanner.js';

/** What a side took out of the HAR. */
interface Taken {
  elements: number;
  dataChars: number;
}

const WATCHED = ['_webSocketMessages', 'headers', 'cookies'];

function take(taken: Taken, value: unknown): void {
  taken.elements++;
  const data = (value as { data?: unknown }).data;
  if (typeof data === 'string') taken.dataChars += data.length;
}

async function read(file: string, taken: Taken): Promise<void> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) taken.dataChars += decoder.write(chunk).length;
  taken.dataChars += decoder.end().length;
}

async function handWritten(file: string, taken: Taken): Promise<void> {
  const scanner = new JsonScanner(WATCHED, (_key, value) => take(taken, value));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (!scanner.write(decoder.write(chunk))) break;
  }
  if (!scanner.write(decoder.end()) || !scanner.end()) throw new Error(scanner.error?.message);
}

async function streamparser(file: string, taken: Taken): Promise<void> {
  // keepStack: false, or every element taken out stays in its parent array until the end; a string
  // buffer, or each string is built by concatenation (three times slower here).
  const json = new JSONParser({
    paths: ['$.log.entries.*._webSocketMessages.*', ...['request', 'response'].flatMap((side) => [`$.log.entries.*.${side}.headers.*`, `$.log.entries.*.${side}.cookies.*`])],
    keepStack: false,
    stringBufferSize: 64 * 1024,
  });
  json.onValue = ({ value }) => take(taken, value);
  // It decodes UTF-8 itself.
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) json.write(chunk);
  // It ends itself after the root value; end() then would throw.
  if (!json.isEnded) json.end();
}

async function streamJson(file: string, taken: Taken): Promise<void> {
  // log.entries[i]._webSocketMessages[j] and log.entries[i].(request|response).(headers|cookies)[j];
  // packed values only, with no token per piece of a string.
  const watched = (stack: readonly unknown[]): boolean =>
    (stack.length === 5 && stack[3] === '_webSocketMessages') || (stack.length === 6 && (stack[4] === 'headers' || stack[4] === 'cookies'));
  // pipeline() destroys every stream on an error, so the loop below rejects rather than waits.
  const values = pipeline(createReadStream(file), pick.withParserAsStream({ filter: watched, streamValues: false }), streamValues.asStream(), () => undefined);
  for await (const { value } of values as AsyncIterable<{ value: unknown }>) take(taken, value);
}

const SIDES: Record<string, (file: string, taken: Taken) => Promise<void>> = {
  read,
  'hand-written': handWritten,
  '@streamparser/json': streamparser,
  'stream-json': streamJson,
};

const [side, file] = process.argv.slice(2);
const run = side === undefined ? undefined : SIDES[side];
if (run === undefined || file === undefined) throw new Error(`usage: har-scan-child.ts <${Object.keys(SIDES).join(' | ')}> <file>`);
const taken: Taken = { elements: 0, dataChars: 0 };
await run(file, taken);
process.stdout.write(`${JSON.stringify(taken)}\n`);
