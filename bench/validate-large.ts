/**
 * `validate` over a generated JSON-lines capture of the mix (500 MB by default, in the temp folder,
 * deleted afterwards), against a floor child that only reads and parses each line: the throughput
 * ratio, and validate's peak RSS. What is measured is the built command line (dist/, as installed),
 * with its default --jobs (the number of cores); --jobs 1 is shown beside it.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPackage } from './built-package.js';
import { mixFrames } from './frames.js';
import { median } from './harness.js';
import { measuredChild } from './measured-child.js';
import { bounded, times, type Row } from './report.js';

const ROOT = new URL('../', import.meta.url);
const FLOOR = new URL('./validate-floor.ts', import.meta.url).pathname;
const CLI = new URL('../dist/cli/main.js', import.meta.url).pathname;
const MAX_RSS_MB = 150;

/** Options of `validateLarge`. */
export interface ValidateLargeOptions {
  /** The capture's size in MB. Default 500. */
  readonly megabytes?: number;
  /** Runs of each side, interleaved. Default 3. */
  readonly rounds?: number;
}

/** Writes `megabytes` of the mix as `{"direction":"in","data":"42[...]"}` lines. */
export async function writeCapture(path: string, megabytes: number): Promise<number> {
  const chunk = `${mixFrames()
    .map((frame) => JSON.stringify({ direction: 'in', data: frame.frame }))
    .join('\n')}\n`;
  const out = createWriteStream(path);
  let written = 0;
  while (written < megabytes * 1e6) {
    if (!out.write(chunk)) await once(out, 'drain');
    written += Buffer.byteLength(chunk);
  }
  out.end();
  await once(out, 'finish');
  return written;
}

/** The `validate` figure: throughput ratio against the floor, and peak RSS. */
export async function validateLarge(options: ValidateLargeOptions = {}): Promise<Row[]> {
  const { megabytes = 500, rounds = 3 } = options;
  const figure = `validate over a ${megabytes} MB JSON-lines capture of the mix`;
  if (!existsSync(join(ROOT.pathname, 'cli/validate/command.ts'))) {
    const missing = { baseline: 'readline + JSON.parse per line', measured: 'not available', pass: undefined };
    return [
      { figure: `${figure}, throughput`, ...missing, target: 'at least 1.00x the floor', note: 'not available: cli/validate is missing' },
      { figure: `${figure}, peak RSS`, ...missing, target: `under ${MAX_RSS_MB} MB`, note: 'not available: cli/validate is missing' },
    ];
  }
  builtPackage('cli/main.js');
  const path = join(tmpdir(), `guilded-gateway-bench-${process.pid}.jsonl`);
  try {
    await writeCapture(path, megabytes);
    const { size } = await stat(path);
    const floorMs: number[] = [];
    const validateMs: number[] = [];
    const oneJobMs: number[] = [];
    const rssKb: number[] = [];
    for (let round = 0; round < rounds; round++) {
      floorMs.push((await measuredChild([FLOOR, path])).wallMs);
      const usage = await measuredChild([CLI, 'validate', path, '--fail-on', 'never']);
      validateMs.push(usage.wallMs);
      rssKb.push(usage.maxRssKb);
      oneJobMs.push((await measuredChild([CLI, 'validate', path, '--fail-on', 'never', '--jobs', '1'])).wallMs);
    }
    const mbPerS = (ms: number): number => size / 1e6 / (ms / 1000);
    const floor = mbPerS(median(floorMs));
    const ours = mbPerS(median(validateMs));
    const oneJob = mbPerS(median(oneJobMs));
    const peakMb = Math.max(...rssKb) / 1024;
    return [
      bounded(
        {
          figure: `${figure}, throughput`,
          baseline: `readline + JSON.parse per line: ${floor.toFixed(0)} MB/s`,
          measured: `${ours.toFixed(0)} MB/s = ${times(ours / floor)} the floor (--jobs 1: ${oneJob.toFixed(0)} MB/s = ${times(oneJob / floor)})`,
        },
        ours / floor,
        { min: 1.0 },
        (value) => `${times(value)} the floor`,
      ),
      bounded(
        { figure: `${figure}, peak RSS`, baseline: '', measured: `${peakMb.toFixed(0)} MB` },
        peakMb,
        { max: MAX_RSS_MB },
        (value) => `${value.toFixed(0)} MB`,
      ),
    ];
  } finally {
    await rm(path, { force: true });
  }
}
