import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every file below `dir`, as `/`-separated paths relative to it, sorted by code point so that the
 * order is the same on every machine; folders (symbolic links to folders too) are walked. Dot-files
 * and dot-folders are editor and OS state, neither spec input nor generated, so they are not listed.
 */
export async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map(async (entry) => {
        const relative = `${prefix}${entry.name}`;
        const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path.join(dir, relative)).catch(() => undefined))?.isDirectory());
        return isFolder ? filesBelow(dir, `${relative}/`) : [relative];
      }),
  );
  return nested.flat().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
