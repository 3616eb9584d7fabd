/** Worker threads that judge line batches, started as the first batches arrive and stopped by `close`. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Plugin } from 'esbuild';
import type { BatchResult, LineBatch } from './batch.js';

// A small young generation keeps each worker's heap, and so the process's RSS, flat (issue 14: under 150 MB).
const LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4 };

interface Waiting {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Promise<Worker>;
  readonly waiting: Waiting[];
  /** Batches given and not answered yet, including those waiting for the worker to start. */
  queued: number;
}

// Batches a worker holds before it counts as busy and the main thread judges the next one itself.
const QUEUE_DEPTH = 4;

/** Up to `size` workers, each batch given to the least busy; each answers its batches in the order it was given them. */
export class JudgePool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  #closing = false;

  constructor(size: number) {
    this.size = size;
  }

  /** Whether a worker has room for a batch, or one more can start: when not, the caller does the work itself. */
  hasRoom(): boolean {
    return this.#slots.length < this.size || this.#slots.some((slot) => slot.queued < QUEUE_DEPTH);
  }

  /** Judges `batch` on a worker; its bytes move to the worker and are unusable here afterwards. */
  judge(batch: LineBatch): Promise<BatchResult> {
    const idlest = this.#slots.reduce<Slot | undefined>((best, slot) => (best === undefined || slot.queued < best.queued ? slot : best), undefined);
    const slot = idlest === undefined || (idlest.queued > 0 && this.#slots.length < this.size) ? this.#start() : idlest;
    slot.queued++;
    // Every batch of a slot waits on the same promise, so they reach the worker in the order given.
    const answer = slot.worker.then(
      (worker) =>
        new Promise<BatchResult>((resolve, reject) => {
          slot.waiting.push({ resolve, reject });
          worker.postMessage(batch, [batch.bytes]);
        }),
    );
    return answer.finally(() => slot.queued--);
  }

  /** Stops every worker; the process can then exit by itself. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.allSettled(this.#slots.map(async (slot) => (await slot.worker).terminate()));
  }

  #start(): Slot {
    const waiting: Waiting[] = [];
    const fail = (error: Error) => {
      for (const pending of waiting.splice(0)) pending.reject(error);
    };
    const worker = startWorker().then((started) => {
      started.on('message', (result: BatchResult) => waiting.shift()?.resolve(result));
      started.on('error', fail);
      started.on('exit', (code) => {
        if (!this.#closing) fail(new Error(`a validate worker stopped (exit ${code}); run again with --jobs 1`));
      });
      return started;
    });
    const slot: Slot = { worker, waiting, queued: 0 };
    this.#slots.push(slot);
    return slot;
  }
}

/**
 * The worker entry next to this module: validate-worker.js when built. Under tsx (the repository's own
 * runs) a worker would not inherit the `--import tsx` loader, and registering it in each worker costs
 * each a loader thread (peak RSS 180 MB against 105 MB built, 50 MB capture, two workers): the entry is
 * bundled once with esbuild instead, which the repository has installed as tsx's own dependency.
 */
async function workerSource(): Promise<URL | string> {
  const here = fileURLToPath(import.meta.url);
  const entry = new URL(`./validate-worker${path.extname(here)}`, import.meta.url);
  if (path.extname(here) === '.js') return entry;
  const { build } = await import('esbuild');
  // A CommonJS bundle has no import.meta: each module's own URL is written in (report-loader.ts finds files by it).
  const ownUrl: Plugin = {
    name: 'own-import-meta-url',
    setup(plugins) {
      plugins.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (file) => ({
        contents: (await readFile(file.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file.path).href)),
        loader: file.path.endsWith('ts') ? 'ts' : 'js',
      }));
    },
  };
  const bundle = await build({ entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent', plugins: [ownUrl] });
  return bundle.outputFiles[0]!.text;
}

let source: Promise<URL | string> | undefined;

async function startWorker(): Promise<Worker> {
  const entry = await (source ??= workerSource());
  // Without the parent's flags, which a worker needs none of: an `--import` of TypeScript would fail in it,
  // and `--input-type=module` would read the CommonJS bundle as a module.
  return new Worker(entry, { eval: typeof entry === 'string', execArgv: [], resourceLimits: LIMITS });
}
