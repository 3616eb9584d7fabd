/**
 * `npm run build:browser`: dist/browser/guilded-gateway.js, the client as one minified ES module for
 * browsers, and what it weighs. The package does not ship it (bundlers take the package's own ESM and
 * its `browser` field); it shows what a browser bundle of the client costs.
 */
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { buildBrowserBundle } from './browser-bundle.js';

const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, 'dist/browser/guilded-gateway.js');
// Inputs below this share of the bundle are summed on one line.
const LISTED_SHARE = 0.01;

/** One line per input that weighs at least LISTED_SHARE of the bundle, largest first. */
function breakdown(metafile: Metafile, bytes: number): string[] {
  const inputs = Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs));
  const sorted = inputs.map(([input, { bytesInOutput }]) => ({ input, bytesInOutput })).sort((a, b) => b.bytesInOutput - a.bytesInOutput);
  const listed = sorted.filter((entry) => entry.bytesInOutput >= bytes * LISTED_SHARE);
  const rest = sorted.slice(listed.length);
  const line = (bytesInOutput: number, what: string): string =>
    `  ${bytesInOutput.toLocaleString('en-US').padStart(11)}  ${((bytesInOutput / bytes) * 100).toFixed(1).padStart(5)}%  ${what}`;
  return [
    ...listed.map((entry) => line(entry.bytesInOutput, entry.input)),
    line(rest.reduce((sum, entry) => sum + entry.bytesInOutput, 0), `${rest.length} other inputs`),
  ];
}

try {
  const bundle = await buildBrowserBundle(file);
  const lines = [
    `${path.relative(process.cwd(), file)}: ${bundle.bytes.toLocaleString('en-US')} bytes minified, ${bundle.gzipBytes.toLocaleString('en-US')} bytes gzipped`,
    ...breakdown(bundle.metafile, bundle.bytes),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  // esbuild's errors each name a file and line; print them without its stack.
  const errors = (error as { errors?: { text: string; location: { file: string; line: number } | null }[] }).errors;
  const messages = errors?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text)) ?? [(error as Error).message];
  process.stderr.write(`build:browser failed: ${messages.join('; ')}\n`);
  process.exitCode = 1;
}
