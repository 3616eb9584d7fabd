/**
 * `npm run bench`: every performance figure of the issue, each against its baseline measured in the
 * same run, printed as a Markdown table. Exits non-zero only with `--assert` and a missed target.
 *
 * Usage: npm run bench -- [--only <figure>[,<figure>...]] [--assert]
 */
import { cpus, release, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { broker } from './broker.js';
import { endToEnd } from './end-to-end.js';
import { framesOf, meanBytes, mixFrames } from './frames.js';
import { generateCheck } from './generate-check.js';
import { harScan } from './har-scan.js';
import { idleMemory } from './idle-memory.js';
import { importTime } from './import-time.js';
import { manySockets } from './many-sockets.js';
import { isolated } from './micro.js';
import { replayThroughput } from './replay-throughput.js';
import { renderTable, type Row } from './report.js';
import { validateLarge } from './validate-large.js';
import { watchFigure } from './watch.js';

/** Every figure by the name `--only` takes, in the order they run. */
const FIGURES: Record<string, () => Promise<Row[]>> = {
  'dispatch-mix': () => isolated('dispatch-mix'),
  'dispatch-typing': () => isolated('dispatch-typing'),
  'validate-chat': () => isolated('validate-chat'),
  unlistened: () => isolated('unlistened'),
  'end-to-end': endToEnd,
  'validate-large': validateLarge,
  'har-scan': harScan,
  'generate-check': generateCheck,
  watch: watchFigure,
  'idle-memory': idleMemory,
  'import-time': importTime,
  broker,
  'many-sockets': manySockets,
  'replay-throughput': replayThroughput,
};

/** The frames' sizes, as the README's table is headed. */
export function frameSizes(): string {
  const size = (bytes: number): string => (bytes < 10_000 ? `${bytes.toFixed(0)} B` : `${(bytes / 1024).toFixed(1)} KB`);
  const kinds = (['typing', 'chat', 'team'] as const).map((kind) => `${kind} ${size(meanBytes(framesOf(kind, 4)))}`);
  return `frames: ${kinds.join(', ')}; the 70/28/2 mix ${size(meanBytes(mixFrames()))} on average`;
}

/** The machine, as the README's table is headed. */
export function machine(): string {
  const cores = cpus();
  return `${cores[0]?.model.trim() ?? 'unknown cpu'}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Linux ${release()}; Node ${process.version} (V8 ${process.versions.v8})`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, assert: { type: 'boolean', default: false } },
  });
  const only = (values.only ?? []).flatMap((list) => list.split(',')).filter(Boolean);
  const unknown = only.filter((name) => !Object.hasOwn(FIGURES, name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown figure ${unknown.join(', ')}; the figures are ${Object.keys(FIGURES).join(', ')}\n`);
    return 2;
  }
  const started = performance.now();
  const rows: Row[] = [];
  for (const [name, run] of Object.entries(FIGURES)) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stderr.write(`${name}...\n`);
    try {
      rows.push(...(await run()));
    } catch (error) {
      // One broken figure is a missed row with its reason; the rest of the table still prints.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      rows.push({ figure: name, baseline: '', measured: 'no figure', target: 'a figure', pass: false, note: `failed: ${reason}` });
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `${machine()}; ${new Date().toISOString().slice(0, 10)}, ${seconds} s\n${frameSizes()}\n\n${renderTable(rows)}`,
  );
  const missed = rows.filter((row) => row.pass === false);
  if (missed.length > 0) process.stdout.write(`\n${missed.length} target(s) missed.\n`);
  return values.assert && missed.length > 0 ? 1 : 0;
}

// Children may hold timers or sockets for a moment longer; the table is the result.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
