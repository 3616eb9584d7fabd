/** Which inputs `validate --jobs N` reads in parallel, and the workers' lifetime around the reading. */
import type { FileSummary } from '../capture/read-inputs.js';
import { streamCapture, type CaptureReader } from '../capture/stream.js';
import type { Checker } from './check.js';
import { readLinesInParallel } from './parallel-lines.js';
import { JudgePool } from './worker-pool.js';

/**
 * Files smaller than this are read on the main thread: starting a worker and warming its code up costs
 * about as much as it saves over 40 MB (built CLI, two cores: 20 MB 0.45 s alone against 0.55 s with a
 * worker, 50 MB 0.79 s against 0.73 s, medians of 5).
 */
export const PARALLEL_MIN_BYTES = 48 * 1024 * 1024;

/**
 * Runs `check` with a reader that spreads JSON-lines and frame-text files of `minBytes` or more over
 * `jobs` threads: the main thread, which reads, merges and judges its share, and `jobs - 1` workers,
 * stopped when `check` is done. HAR files are one JSON document each, read by one streaming scanner:
 * they stay on the main thread.
 */
export async function checkInParallel(
  checker: Checker,
  jobs: number,
  check: (read: CaptureReader) => Promise<FileSummary[]>,
  minBytes = PARALLEL_MIN_BYTES,
): Promise<FileSummary[]> {
  const pool = new JudgePool(jobs - 1);
  try {
    return await check((file, format, handlers) =>
      format === 'har' || file.size < minBytes ? streamCapture(file, format, handlers) : readLinesInParallel(file, handlers, pool, checker),
    );
  } finally {
    await pool.close();
  }
}
