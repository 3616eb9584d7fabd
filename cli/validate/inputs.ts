/**
 * Finds the capture files under the paths given on the command line and tells their format from
 * their first bytes, whatever their extension says.
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FrameSink, InputProblem } from './frames.js';
import { readHar } from './har.js';
import { readLines } from './lines.js';
import type { Redactor } from './redact.js';

/** A Chrome (or compatible) HAR export; JSON lines, one frame or `{direction, data}` a line; frame text, one a line. */
export type Format = 'har' | 'jsonl' | 'text';

/** A file to read, as the user named it (`display`) and where it is. */
export interface InputFile {
  readonly path: string;
  readonly display: string;
  readonly size: number;
}

/** What a reader needs besides the file: where frames and problems go, and what to report progress to. */
export interface ReadContext {
  readonly sink: FrameSink;
  readonly redactor: Redactor;
  problem(problem: InputProblem): void;
  /** Called with the size of each chunk read, for the progress bar. */
  advance(bytes: number): void;
}

// Enough to see past a BOM and leading blank lines, and to catch most binary files.
const SAMPLE_SIZE = 64 * 1024;

/**
 * Expands files and folders (recursively, sorted, hidden files skipped) into the files to read, in order;
 * a path that cannot be read, or a folder named on the command line that holds no file, takes its
 * place in the list as a problem.
 */
export async function expandInputs(paths: readonly string[]): Promise<Array<InputFile | InputProblem>> {
  const found: Array<InputFile | InputProblem> = [];
  const seen = new Set<string>();
  // Whether the path held anything to read or report.
  const visit = async (display: string): Promise<boolean> => {
    if (seen.has(path.resolve(display))) return true;
    seen.add(path.resolve(display));
    const entry = await lookUp(display);
    if (!('folder' in entry)) {
      found.push(entry);
      return true;
    }
    const names = await readdir(entry.folder).catch((error: NodeJS.ErrnoException) => error);
    if (names instanceof Error) {
      found.push({ at: { file: display }, message: describeFsError(names) });
      return true;
    }
    let held = false;
    // Code-unit order, not locale order, so that every machine reads the files in the same order.
    for (const name of names.filter((name) => !name.startsWith('.')).sort()) held = (await visit(path.join(display, name))) || held;
    return held;
  };
  for (const given of paths) {
    if (!(await visit(given))) found.push({ at: { file: given }, message: 'no files to read in this folder or its subfolders (hidden files are skipped)' });
  }
  return found;
}

/** The one capture file a command such as replay reads: a folder, or a path that cannot be read, is a problem. */
export async function singleInput(display: string): Promise<InputFile | InputProblem> {
  const entry = await lookUp(display);
  return 'folder' in entry ? { at: { file: display }, message: 'is a folder; give one capture file' } : entry;
}

/** What is at a path: a file to read, a folder (its absolute path) to look into, or a problem. */
async function lookUp(display: string): Promise<InputFile | InputProblem | { readonly folder: string }> {
  const absolute = path.resolve(display);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) return { at: { file: display }, message: describeFsError(info) };
  if (info.isDirectory()) return { folder: absolute };
  if (info.isFile()) return { path: absolute, display, size: info.size };
  return { at: { file: display }, message: 'not a regular file or folder' };
}

/** Tells a file's format from its first bytes; a problem when it is none of them (empty, binary, other text). */
export async function detectFormat(file: InputFile): Promise<Format | InputProblem> {
  const at = { file: file.display };
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
    return { at, message: describeFsError(error as NodeJS.ErrnoException) };
  }
  if (sample.length === 0) return { at, message: 'empty file: no frames to read' };
  if (sample[0] === 0x1f && sample[1] === 0x8b) return { at: { ...at, offset: 0 }, message: 'gzip-compressed file: decompress it first (gunzip)' };
  if (sample[0] === 0x50 && sample[1] === 0x4b) return { at: { ...at, offset: 0 }, message: 'zip archive: extract the capture first' };
  const nul = sample.indexOf(0);
  if (nul !== -1) return { at: { ...at, offset: nul }, message: 'binary file: NUL byte; a capture is text (HAR, JSON lines or frame text)' };
  const badByte = firstInvalidUtf8(sample);
  if (badByte !== -1) return { at: { ...at, offset: badByte }, message: 'not UTF-8 text: invalid byte; a capture is UTF-8 text' };

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
    return { at, message: file.size > sample.length ? `no content in the first ${SAMPLE_SIZE} bytes` : 'empty file: only whitespace' };
  }
  const first = text[start]!;
  if (first === '{') return /^\{\s*"log"\s*:/.test(text.slice(start, start + 4096)) ? 'har' : 'jsonl';
  if (first === '"') return 'jsonl';
  if (first >= '0' && first <= '9') return 'text';
  return {
    at: { ...at, line, column: start - lineStart + 1 },
    message: `not a HAR, JSON lines or frame text: it starts with ${JSON.stringify(first)}; a HAR starts with {"log", a frame with a digit`,
  };
}

/** Reads one capture in its format and hands every frame to `context.sink`. */
export function streamInputFrames(file: InputFile, format: Format, context: ReadContext): Promise<void> {
  return format === 'har' ? readHar(file, context) : readLines(file, context);
}

/** A file system error in a few words: `no such file or folder`, `permission denied` ... */
export function describeFsError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `cannot read: ${error.code ?? error.message}`;
  }
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
