/**
 * A progress bar on stderr for large inputs. Readers only add to a byte count; a timer draws the bar,
 * so that the per-chunk cost is one addition. It is redrawn with a carriage return and padding, no
 * escape sequences, so there is no colour or cursor control for NO_COLOR to turn off.
 */

/** Inputs smaller than this finish before a bar would help. */
export const PROGRESS_THRESHOLD = 20 * 1024 * 1024;
const REDRAW_MS = 200;
const BAR_WIDTH = 30;
const MB = 1024 * 1024;

/** Counts bytes read and, when shown, draws them against the total. */
export interface Progress {
  /** The file being read now, named on the bar. */
  file(name: string): void;
  /** `bytes` more have been read. */
  advance(bytes: number): void;
  /** Erases the bar. */
  stop(): void;
}

const SILENT: Progress = { file: () => undefined, advance: () => undefined, stop: () => undefined };

/**
 * A bar when `stream` is a terminal that can redraw a line (TERM is not `dumb`) and there are more than
 * PROGRESS_THRESHOLD bytes to read; otherwise nothing.
 */
export function startProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  if (!stream.isTTY || env['TERM'] === 'dumb' || totalBytes <= PROGRESS_THRESHOLD) return SILENT;
  let done = 0;
  let current = '';
  const width = () => Math.max(20, (stream.columns ?? 80) - 1);
  const draw = () => {
    const share = Math.min(1, done / totalBytes);
    const filled = Math.round(share * BAR_WIDTH);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${(done / MB).toFixed(0)}/${(totalBytes / MB).toFixed(0)} MB  ${current}`;
    stream.write(`\r${line.slice(0, width()).padEnd(width())}`);
  };
  const timer = setInterval(draw, REDRAW_MS);
  // The bar must never keep the process alive on its own.
  timer.unref();
  return {
    file: (name) => {
      current = name;
    },
    advance: (bytes) => {
      done += bytes;
    },
    stop: () => {
      clearInterval(timer);
      stream.write(`\r${' '.repeat(width())}\r`);
    },
  };
}
