/**
 * The spec as last released, kept in the repository as spec/released/<version>/: a copy of the spec
 * files at that release. A copy rather than a git tag, so that a clean clone (shallow, without tags)
 * generates the same generated/CHANGES.md.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

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
