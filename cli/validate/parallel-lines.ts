/**
 * `validate --jobs N` over a JSON-lines or frame-text file: the main thread reads the file, cuts it
 * into batches of whole lines for the workers, and merges their answers in the order of the file,
 * so that the report is the one readLines gives. Memory stays flat: a bounded number of batches is
 * in flight, and a line too long for a batch is read on the main thread, as readLines reads it.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { CaptureFile } from '../capture/files.js';
import { LineSplitter, readLine } from '../capture/lines.js';
import { captureProblem } from '../capture/problem.js';
import type { CaptureHandlers } from '../capture/stream.js';
import { judgeBatch, type BatchResult } from './batch.js';
import type { Checker } from './check.js';
import type { JudgePool } from './worker-pool.js';

/**
 * The size of a read, and so of a batch. Under 128 KB, a batch's text is no large object, which only a full GC frees: 256 KB
 * batches raised peak RSS from 111 MB to 152 MB over the 500 MB capture (two workers).
 */
export const BATCH_BYTES = 64 * 1024;
// A line that has not ended after this many bytes is read on the main thread, streamed.
const LONG_LINE_BYTES = 4 * BATCH_BYTES;
// Batches per thread sent before the oldest answer is awaited: enough that the main thread rarely waits
// (6 against 2: 0.62x against 0.60x the floor, median of 5 interleaved runs, each run faster).
const IN_FLIGHT_PER_THREAD = 6;
const NEWLINE = 0x0a;

/** Reads `file` as readLines does, the frames judged by `pool`'s workers (by the main thread when all are busy) and counted in `checker`. */
export async function readLinesInParallel(file: CaptureFile, handlers: CaptureHandlers, pool: JudgePool, checker: Checker): Promise<boolean> {
  const stream = createReadStream(file.path, { highWaterMark: BATCH_BYTES });
  const threads = pool.size + 1;
  const inFlight: Array<Promise<BatchResult>> = [];
  // Lines of the batches sent so far.
  let lines = 0;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let long: { readonly splitter: LineSplitter; readonly decoder: StringDecoder } | undefined;

  const merge = (result: BatchResult) => {
    checker.addCounted(result.counted);
    handlers.counted?.(result.counted.reduce((total, [, frames]) => total + frames, 0));
    for (let i = 0; i < result.lines.length; i++) readLine(result.lines[i]!, file.display, result.lineNumbers[i]!, handlers);
  };
  const drain = async () => {
    while (inFlight.length > 0) merge(await inFlight.shift()!);
  };
  const hold = (piece: Buffer) => {
    if (piece.length === 0) return;
    held.push(piece);
    heldBytes += piece.length;
  };
  // The held bytes and `piece` as a batch in an ArrayBuffer of its own, which can be transferred.
  const send = async (piece: Buffer) => {
    const batch = Buffer.allocUnsafeSlow(heldBytes + piece.length);
    let at = 0;
    for (const part of [...held, piece]) at += part.copy(batch, at);
    held = [];
    heldBytes = 0;
    const firstLine = lines + 1;
    lines += countNewlines(batch);
    if (inFlight.length >= threads * IN_FLIGHT_PER_THREAD) merge(await inFlight.shift()!);
    const bytes = batch.buffer as ArrayBuffer;
    // The main thread judges a batch whenever every worker is busy.
    if (!pool.hasRoom()) {
      inFlight.push(Promise.resolve(judgeBatch({ file: file.display, firstLine, bytes })));
      return;
    }
    const judged = pool.judge({ file: file.display, firstLine, bytes });
    // Awaited in turn below; when a worker fails, the answers after the first failed one are never awaited.
    judged.catch(() => undefined);
    inFlight.push(judged);
  };
  const startLongLine = async () => {
    await drain();
    long = { splitter: new LineSplitter(file.display, handlers), decoder: new StringDecoder('utf8') };
    long.splitter.line = lines;
    for (const part of held) long.splitter.write(long.decoder.write(part));
    held = [];
    heldBytes = 0;
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      handlers.advance?.(chunk.length);
      let rest = chunk;
      if (long) {
        const newline = chunk.indexOf(NEWLINE);
        const end = newline === -1 ? chunk.length : newline + 1;
        long.splitter.write(long.decoder.write(chunk.subarray(0, end)));
        if (newline === -1) continue;
        lines = long.splitter.line;
        long = undefined;
        rest = chunk.subarray(end);
      }
      const last = rest.lastIndexOf(NEWLINE);
      if (last === -1) {
        hold(rest);
        if (heldBytes > LONG_LINE_BYTES) await startLongLine();
        continue;
      }
      await send(rest.subarray(0, last + 1));
      hold(rest.subarray(last + 1));
    }
  } catch (error) {
    // Only a failed read is the file's problem; a worker that failed is the run's.
    if (stream.errored !== error) throw error;
    await drain();
    handlers.problem(captureProblem(file.display, { line: (long ? long.splitter.line : lines) + 1 }, `read failed: ${(error as Error).message}`));
    return false;
  } finally {
    stream.destroy();
  }
  if (long) long.splitter.end(long.decoder.end());
  else if (heldBytes > 0) await send(Buffer.alloc(0));
  await drain();
  return true;
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
