/** `npm run generate -- --check` over the full spec: the median wall time of three runs, each a fresh process. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { median } from './harness.js';
import { bounded, type Row } from './report.js';

const ROOT = new URL('../', import.meta.url).pathname;
const MAX_SECONDS = 2;

async function timeCheck(): Promise<{ seconds: number; code: number | null }> {
  const start = performance.now();
  const child = spawn('npm', ['run', '--silent', 'generate', '--', '--check'], { cwd: ROOT, stdio: 'ignore' });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { seconds: (performance.now() - start) / 1000, code };
}

/** The generate --check figure. */
export async function generateCheck(runs = 3): Promise<Row[]> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await timeCheck());
  const seconds = median(results.map((result) => result.seconds));
  const failed = results.find((result) => result.code !== 0);
  const row = bounded(
    {
      figure: 'npm run generate -- --check, full spec',
      baseline: '',
      measured: `${seconds.toFixed(2)} s (median of ${runs})`,
    },
    seconds,
    { max: MAX_SECONDS },
    (value) => `${value.toFixed(2)} s`,
  );
  // A mismatch still times the whole check, but the reader should know generated/ is stale.
  return [failed ? { ...row, note: `${row.note ? `${row.note}; ` : ''}--check exited ${failed.code}: generated/ differs from the spec` } : row];
}
