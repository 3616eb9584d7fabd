/**
 * The spec as last released, kept in the repository as spec/released/<version>/: a copy of the spec
 * files at that release. A copy rather than a git tag, so that a clean clone (shallow, without tags)
 * generates the same generated/CHANGES.md.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { filesBelow } from '../files-below.js';
import { loadSpec } from '../load/load-spec.js';
import type { Spec } from '../load/model.js';

/** The folder below the spec folder that holds released copies. */
export const RELEASED_FOLDER = 'released';

/** A released copy of the spec. */
export interface ReleasedSpec {
  readonly version: string;
  readonly dir: string;
}

const VERSION = /^\d+\.\d+\.\d+$/;
const byVersion = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
};

/** The newest copy under `specDir`/released/, or undefined when there is none (a small test spec). */
export async function releasedSpec(specDir: string): Promise<ReleasedSpec | undefined> {
  const root = path.join(specDir, RELEASED_FOLDER);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const versions = entries.filter((entry) => entry.isDirectory() && VERSION.test(entry.name)).map((entry) => entry.name).sort(byVersion);
  const version = versions.at(-1);
  return version === undefined ? undefined : { version, dir: path.join(root, version) };
}

/** A released copy, loaded. */
export interface LoadedRelease {
  readonly version: string;
  /** The copy's folder as messages name it: `spec/released/0.1.0`. */
  readonly shown: string;
  readonly spec: Spec;
}

let cached: { key: string; release: LoadedRelease } | undefined;

/**
 * The newest released copy under `specDir`, loaded by the spec's loader. A copy does not change between
 * two runs of `generate --watch`, so it is loaded again only when a file of it was written since.
 */
export async function loadReleased(specDir: string): Promise<LoadedRelease | undefined> {
  const found = await releasedSpec(specDir);
  if (!found) return undefined;
  const files = await filesBelow(found.dir);
  const times = await Promise.all(files.map((file) => stat(path.join(found.dir, file)).then((stats) => `${file}@${stats.mtimeMs}:${stats.size}`)));
  const key = `${found.dir}\n${times.join('\n')}`;
  if (cached?.key !== key) {
    const shown = `${path.basename(path.resolve(specDir))}/${RELEASED_FOLDER}/${found.version}`;
    cached = { key, release: { version: found.version, shown, spec: await loadSpec(found.dir, shown, { currentRules: false }) } };
  }
  return cached.release;
}
