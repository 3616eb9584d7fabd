/**
 * What `import 'guilded-gateway'` costs a bot at start-up: the built package (dist/, as installed),
 * imported in a fresh Node process, timed inside that process so that Node's own start is left out.
 * Baseline: importing `ws` alone, the one dependency the client cannot do without.
 */
import { execFileSync } from 'node:child_process';
import { builtPackage } from './built-package.js';
import { median } from './harness.js';
import { bounded, times, type Row } from './report.js';

const ROOT = new URL('../', import.meta.url).pathname;
const MAX_MS = 60;
const RUNS = 9;

/** Milliseconds one fresh process takes to import `specifier`. */
function importMs(specifier: string): number {
  const script = `const start = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - start);`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

/** The import-time figure; builds dist/ first, so that what is timed is what a user installs. */
export async function importTime(): Promise<Row[]> {
  const entry = builtPackage('runtime/index.js');
  const own: number[] = [];
  const ws: number[] = [];
  // Interleaved, so that a busy moment of the machine falls on both.
  for (let i = 0; i < RUNS; i++) {
    own.push(importMs(entry));
    ws.push(importMs('ws'));
  }
  const ms = median(own);
  const baseline = median(ws);
  return [
    bounded(
      {
        figure: "import('guilded-gateway'), a fresh process, built package",
        baseline: `import('ws') alone (the client loads it at connect): ${baseline.toFixed(1)} ms`,
        measured: `${ms.toFixed(1)} ms (${times(ms / baseline)} of ws; median of ${RUNS})`,
      },
      ms,
      { max: MAX_MS },
      (value) => `${value.toFixed(0)} ms`,
    ),
  ];
}
