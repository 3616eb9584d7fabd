/**
 * The floor of the `validate` figure, run as a child the way `validate` runs: read a JSON-lines file
 * with readline and `JSON.parse` each line, nothing else.
 *
 * Usage: node --import tsx bench/validate-floor.ts <file>
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: validate-floor.ts <file>');
let lines = 0;
let sink: unknown;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  sink = JSON.parse(line);
  lines++;
}
process.stdout.write(`${JSON.stringify({ lines, kept: typeof sink })}\n`);
