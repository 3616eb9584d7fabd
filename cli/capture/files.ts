/**
 * Finds the capture files under the paths given on the command line: files, and folders walked in a
 * fixed order. What cannot be read takes its place in the list as a problem.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { captureProblem, type CaptureProblem } from './problem.js';

/** A file to read, as the user named it (`display`) and where it is. */
export interface CaptureFile {
  readonly path: string;
  readonly display: string;
  readonly size: number;
}

/**
 * Expands files and folders (recursively, sorted, hidden files skipped) into the files to read, in order;
 * a path that cannot be read, or a folder named on the command line that holds no file, takes its
 * place in the list as a problem.
 */
export async function expandInputs(paths: readonly string[]): Promise<Array<CaptureFile | CaptureProblem>> {
  const found: Array<CaptureFile | CaptureProblem> = [];
  const seen = new Set<string>();
  // Whether the path held anything to read or report.
  const visit = async (display: string): Promise<boolean> => {
    // By real path, so that a link back to a folder above (a loop) is read once, not until paths overflow.
    const real = await realpath(display).catch(() => path.resolve(display));
    if (seen.has(real)) return true;
    seen.add(real);
    const entry = await lookUp(display);
    if (!('folder' in entry)) {
      found.push(entry);
      return true;
    }
    const names = await readdir(entry.folder).catch((error: NodeJS.ErrnoException) => error);
    if (names instanceof Error) {
      found.push(captureProblem(display, undefined, describeFsError(names)));
      return true;
    }
    let held = false;
    // Code-unit order, not locale order, so that every machine reads the files in the same order.
    for (const name of names.filter((name) => !name.startsWith('.')).sort()) held = (await visit(path.join(display, name))) || held;
    return held;
  };
  for (const given of paths) {
    if (!(await visit(given))) found.push(captureProblem(given, undefined, 'no files to read in this folder or its subfolders (hidden files are skipped)'));
  }
  return found;
}

/** The one capture file a command such as replay reads: a folder, or a path that cannot be read, is a problem. */
export async function singleInput(display: string): Promise<CaptureFile | CaptureProblem> {
  const entry = await lookUp(display);
  return 'folder' in entry ? captureProblem(display, undefined, 'is a folder; give one capture file') : entry;
}

/** What is at a path: a file to read, a folder (its absolute path) to look into, or a problem. */
async function lookUp(display: string): Promise<CaptureFile | CaptureProblem | { readonly folder: string }> {
  const absolute = path.resolve(display);
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) return captureProblem(display, undefined, describeFsError(info));
  if (info.isDirectory()) return { folder: absolute };
  if (info.isFile()) return { path: absolute, display, size: info.size };
  return captureProblem(display, undefined, 'not a regular file or folder');
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
    case 'ELOOP':
      return 'symbolic link loop: the link leads back to itself';
    default:
      return `cannot read: ${error.code ?? error.message}`;
  }
}
