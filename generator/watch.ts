/**
 * `guilded-gateway generate --watch`: regenerates on every save under the spec folder. One process for
 * the whole session keeps what the first run loaded (the ts-morph project that prints the TypeScript, the
 * compiled meta-schema, the released copy), so a one-field edit costs only the work that edit needs.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { refreshDist, writeGenerated } from './cli.js';
import { DistTranspileError } from './dist-generated.js';
import { diffSpecs } from './diff/diff-specs.js';
import { summaryLine } from './diff/render.js';
import { generateFrom } from './generate.js';
import { SpecError } from './load/diagnostics.js';
import { loadSpec } from './load/load-spec.js';
import type { Spec } from './load/model.js';

export interface WatchOptions {
  readonly specDir: string;
  readonly outDir: string;
  /** How long a burst of saves must be quiet before the run starts, in ms (default 100: an editor's save is a few writes). */
  readonly debounceMs?: number;
  /** Stops watching; `generate --watch` aborts it on Ctrl+C. */
  readonly signal: AbortSignal;
}

/** What one run did, for the bench and the tests. */
export interface RunReport {
  readonly ok: boolean;
  readonly ms: number;
  readonly written: readonly string[];
}

const shown = (dir: string): string => (path.relative(process.cwd(), dir) || '.').split(path.sep).join('/');
const list = (names: readonly string[]) => names.join(', ');
const elapsed = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** A regenerating session over one spec folder; `run` is one regeneration, `watch` reruns it on saves. */
export class SpecWatcher {
  #previous: Spec | undefined;

  constructor(
    readonly options: Omit<WatchOptions, 'signal'>,
    readonly out: NodeJS.WritableStream = process.stdout,
    readonly err: NodeJS.WritableStream = process.stderr,
  ) {}

  /** Loads, generates and writes once, then prints what changed: files written, events added and removed, the spec's changes, the time. */
  async run(): Promise<RunReport> {
    const started = performance.now();
    const { specDir, outDir } = this.options;
    let spec: Spec;
    let written: string[];
    let removed: string[];
    let refreshed: string | undefined;
    try {
      spec = await loadSpec(specDir);
      const files = await generateFrom(spec, specDir);
      ({ written, removed } = await writeGenerated(files, outDir));
      refreshed = await refreshDist(outDir, files, written.length + removed.length > 0);
    } catch (error) {
      if (!(error instanceof SpecError) && !(error instanceof DistTranspileError)) throw error;
      // The message lists every problem as file:line:col; the session goes on to the next save.
      this.err.write(`${error.message}\nwaiting for the next save\n`);
      return { ok: false, ms: performance.now() - started, written: [] };
    }
    const ms = performance.now() - started;
    const lines = [
      written.length + removed.length === 0
        ? `${shown(outDir)}/ already matches the spec (${elapsed(ms)})`
        : `wrote ${written.length === 1 ? '1 file' : `${written.length} files`} to ${shown(outDir)}/ in ${elapsed(ms)}: ${list(written)}${removed.length > 0 ? `; removed ${list(removed)}` : ''}`,
    ];
    if (this.#previous) {
      const before = new Set(this.#previous.events.map((event) => event.name));
      const after = new Set(spec.events.map((event) => event.name));
      const added = [...after].filter((name) => !before.has(name));
      const gone = [...before].filter((name) => !after.has(name));
      if (added.length > 0) lines.push(`  events added: ${list(added)}`);
      if (gone.length > 0) lines.push(`  events removed: ${list(gone)}`);
      const diff = diffSpecs(this.#previous, spec);
      if (diff.changes.length > 0) lines.push(`  since the last run: ${summaryLine(diff)} (guilded-gateway diff lists them)`);
    }
    if (refreshed) lines.push(`  ${refreshed}`);
    this.out.write(`${lines.join('\n')}\n`);
    this.#previous = spec;
    return { ok: true, ms, written };
  }

  /** Runs now, then after every burst of saves until `signal` aborts; resolves once stopped. */
  async watch(signal: AbortSignal, onRun: (report: RunReport) => void = () => {}): Promise<void> {
    const { specDir, debounceMs = 100 } = this.options;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    const rerun = async () => {
      do {
        again = false;
        onRun(await this.run());
      } while (again && !signal.aborted);
      running = undefined;
    };
    const start = () => {
      if (running) again = true;
      else running = rerun();
    };
    const saved = (name: string | null) => {
      // reference/ is never read, and dot-files are editor state.
      if (name !== null && (name.startsWith('reference') || path.basename(name).startsWith('.'))) return;
      clearTimeout(timer);
      timer = setTimeout(start, debounceMs);
    };
    // Watching before the first run: a save while it runs is regenerated after it.
    const watcher: FSWatcher = watch(specDir, { recursive: true }, (_event, name) => saved(name));
    start();
    await running;
    if (!signal.aborted) this.out.write(`watching ${shown(specDir)}/ for saves (Ctrl+C stops)\n`);
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    clearTimeout(timer);
    watcher.close();
    await running;
  }
}
