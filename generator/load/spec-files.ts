import path from 'node:path';
import { filesBelow } from '../files-below.js';

export type FileKind = 'sources' | 'connection' | 'commands' | 'objects' | 'events' | 'sample-session';

/** One file the generator reads, by kind; `relative` is `/`-separated, from the spec folder. */
export interface SpecFileEntry {
  readonly kind: FileKind;
  readonly relative: string;
}

/** A file under the spec folder that is not read, and why. */
export interface UnreadFile {
  readonly relative: string;
  readonly reason: string;
}

/** What the spec folder holds: the files to read in a stable order, the single files that are missing, and what is not read. */
export interface SpecFolder {
  readonly read: readonly SpecFileEntry[];
  readonly missing: readonly string[];
  readonly unread: readonly UnreadFile[];
}

const SINGLE_FILES = ['sources', 'connection', 'commands'] as const;
/** Read when present: without it (a small test spec) there is no sample capture. */
const OPTIONAL_FILES = ['sample-session'] as const;
const FOLDERS = ['objects', 'events'] as const;
const YAML = /\.ya?ml$/;

/** Why a file the generator does not read is there by mistake, in the words of spec/README.md. */
function unreadReason(relative: string): string {
  const [top, ...rest] = relative.split('/');
  if (rest.length === 0) {
    return YAML.test(relative)
      ? 'not read: the top of spec/ holds only sources, connection, commands and sample-session; events go in events/, objects in objects/'
      : 'not read: spec/ holds YAML spec files, README.md and reference/; move this file out of spec/, or into spec/reference/ if the spec cites it';
  }
  if ((FOLDERS as readonly string[]).includes(top!)) return `not read: only .yaml and .yml files under ${top}/ are spec files`;
  return 'not read: the folders of spec/ are events/, objects/, reference/ and released/';
}

/**
 * Sorts what is under `specDir` into the files the generator reads and the files it does not.
 * Read: sources, connection, commands and (when present) sample-session (`.yaml` or `.yml`) at the top, and every `.yaml` or `.yml`
 * file below events/ and objects/, subfolders included. Expected and not read: README.md files and
 * reference/, the material the spec cites, and released/. Everything else is reported, so that nothing is dropped silently.
 */
export async function listSpecFolder(specDir: string): Promise<SpecFolder> {
  const all = await filesBelow(specDir);
  const read: SpecFileEntry[] = [];
  const missing: string[] = [];
  const unread: UnreadFile[] = [];
  const claimed = new Set<string>();

  for (const kind of [...SINGLE_FILES, ...OPTIONAL_FILES]) {
    const found = all.filter((file) => file === `${kind}.yaml` || file === `${kind}.yml`);
    if (found.length > 0) read.push({ kind, relative: found[0]! });
    else if ((SINGLE_FILES as readonly string[]).includes(kind)) missing.push(`${kind}.yaml`);
    for (const other of found.slice(1)) unread.push({ relative: other, reason: `not read: spec/${found[0]} is read instead; keep one of the two` });
    for (const file of found) claimed.add(file);
  }
  for (const kind of FOLDERS) {
    for (const file of all.filter((candidate) => candidate.startsWith(`${kind}/`) && YAML.test(candidate))) {
      read.push({ kind, relative: file });
      claimed.add(file);
    }
  }
  for (const file of all) {
    // released/ holds copies of the spec as released, which diff and generated/CHANGES.md compare with.
    const expected = file.startsWith('reference/') || file.startsWith('released/') || path.posix.basename(file) === 'README.md';
    if (!claimed.has(file) && !expected) unread.push({ relative: file, reason: unreadReason(file) });
  }
  return { read, missing, unread };
}
