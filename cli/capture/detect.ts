/**
 * Tells a capture's format from its first bytes, whatever its extension says, and refuses what is no
 * capture (empty, compressed, binary, other text) with the place that shows it.
 */
import { open } from 'node:fs/promises';
import { describeFsError, type CaptureFile } from './files.js';
import { captureProblem, type CaptureProblem, type Position } from './problem.js';

/** A Chrome (or compatible) HAR export; JSON lines, one frame or `{direction, data}` a line; frame text, one a line. */
export type Format = 'har' | 'jsonl' | 'text';

// Enough to see past a BOM and leading blank lines, and to catch most binary files.
const SAMPLE_SIZE = 64 * 1024;

/** Tells a file's format from its first bytes; a problem when it is none of them (empty, binary, other text). */
export async function detectFormat(file: CaptureFile): Promise<Format | CaptureProblem> {
  const problem = (position: Position | undefined, message: string) => captureProblem(file.display, position, message);
  let sample: Buffer;
  try {
    const handle = await open(file.path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(SAMPLE_SIZE, file.size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      sample = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return problem(undefined, describeFsError(error as NodeJS.ErrnoException));
  }
  if (sample.length === 0) return problem(undefined, 'empty file: no frames to read');
  if (sample[0] === 0x1f && sample[1] === 0x8b) return problem({ offset: 0 }, 'gzip-compressed file: decompress it first (gunzip)');
  if (sample[0] === 0x50 && sample[1] === 0x4b) return problem({ offset: 0 }, 'zip archive: extract the capture first');
  const nul = sample.indexOf(0);
  if (nul !== -1) return problem({ offset: nul }, 'binary file: NUL byte; a capture is text (HAR, JSON lines or frame text)');
  const badByte = firstInvalidUtf8(sample);
  if (badByte !== -1) return problem({ offset: badByte }, 'not UTF-8 text: invalid byte; a capture is UTF-8 text');

  const text = sample.toString('utf8');
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = start;
  for (; start < text.length && /\s/.test(text[start]!); start++) {
    if (text[start] === '\n') {
      line++;
      lineStart = start + 1;
    }
  }
  if (start === text.length) {
    return problem(undefined, file.size > sample.length ? `no content in the first ${SAMPLE_SIZE} bytes` : 'empty file: only whitespace');
  }
  const first = text[start]!;
  if (first === '{') return /^\{\s*"log"\s*:/.test(text.slice(start, start + 4096)) ? 'har' : 'jsonl';
  if (first === '"') return 'jsonl';
  if (first >= '0' && first <= '9') return 'text';
  return problem(
    { line, column: start - lineStart + 1 },
    `not a HAR, JSON lines or frame text: it starts with ${JSON.stringify(first)}; a HAR starts with {"log", a frame with a digit`,
  );
}

/**
 * The offset of the first byte that is not UTF-8, or -1. A sequence cut off by the end of the sample
 * is not counted: the sample ends wherever 64 KB do.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return -1;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}
