/** Worker threads that judge line batches, started as the first batches arrive and stopped by `close`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { BatchResult, LineBatch } from './batch.js';

// A small young generation keeps each worker's heap, and so the process's RSS, flat (issue 14: under 150 MB).
const LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4 };

interface Waiting {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly waiting: Waiting[];
}

/** `size` workers, given batches in turn; each answers its batches in the order it was given them. */
export class JudgePool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  #next = 0;
  #closing = false;

  constructor(size: number) {
    this.size = size;
  }

  /** Judges `batch` on a worker; its bytes move to the worker and are unusable here afterwards. */
  judge(batch: LineBatch): Promise<BatchResult> {
    const slot = this.#slots[this.#next % this.size] ?? this.#start();
    this.#next++;
    return new Promise((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.worker.postMessage(batch, [batch.bytes]);
    });
  }

  /** Stops every worker; the process can then exit by itself. */
  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #start(): Slot {
    const slot: Slot = { worker: startWorker(), waiting: [] };
    const fail = (error: Error) => {
      for (const waiting of slot.waiting.splice(0)) waiting.reject(error);
    };
    slot.worker.on('message', (result: BatchResult) => slot.waiting.shift()?.resolve(result));
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!this.#closing) fail(new Error(`a validate worker stopped (exit ${code}); run again with --jobs 1`));
    });
    this.#slots.push(slot);
    return slot;
  }
}

/** The worker entry next to this module: validate-worker.js when built, validate-worker.ts under tsx. */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const entry = new URL(`./validate-worker${path.extname(here)}`, import.meta.url);
  if (path.extname(here) === '.js') return new Worker(entry, { resourceLimits: LIMITS });
  // A worker does not inherit the parent's `--import tsx`: it registers tsx before importing its entry.
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(source, { eval: true, resourceLimits: LIMITS });
}
