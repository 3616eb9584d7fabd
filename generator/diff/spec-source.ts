/**
 * The two sides of `diff`: a spec folder as it is, or a git revision's spec folder, written by
 * `git show` into a temporary folder so that both sides are read by the same loader.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const git = promisify(execFile);

/** A side that cannot be read; its message is one line for the user. */
export class SpecSourceError extends Error {
  override readonly name = 'SpecSourceError';
}

/** A spec folder to load, how its files are named in messages, and what to remove afterwards. */
export interface SpecSource {
  readonly dir: string;
  /** Replaces the folder's name in every file name shown: `spec`, `spec/released/0.1.0`, `main:spec`. */
  readonly shown: string;
  readonly cleanup: () => Promise<void>;
}

const nothing = async () => {};
/** A folder as the user would type it, from where they stand. */
export const shownFolder = (dir: string): string => (path.relative(process.cwd(), dir) || '.').split(path.sep).join('/');

async function run(args: string[], cwd: string): Promise<string | undefined> {
  try {
    return (await git('git', args, { cwd, maxBuffer: 256 << 20, encoding: 'utf8' })).stdout;
  } catch {
    return undefined;
  }
}

/**
 * `given` as a spec folder when it is one, else as a git revision of the repository around
 * `specDir`, whose spec folder (at the same place in the tree) is copied out.
 */
export async function openSpecSource(given: string, specDir: string): Promise<SpecSource> {
  if ((await stat(given).catch(() => undefined))?.isDirectory()) return { dir: path.resolve(given), shown: shownFolder(given), cleanup: nothing };
  const root = (await run(['rev-parse', '--show-toplevel'], process.cwd()))?.trim();
  if (root === undefined) throw new SpecSourceError(`"${given}" is not a folder, and this is not a git repository to read a revision from`);
  if ((await run(['rev-parse', '--verify', '--quiet', `${given}^{commit}`], root)) === undefined) {
    throw new SpecSourceError(`"${given}" is neither a folder nor a git revision (a branch, a tag or a commit such as HEAD~3)`);
  }
  const inTree = path.relative(root, path.resolve(specDir)).split(path.sep).join('/');
  const listed = await run(['ls-tree', '-r', '-z', '--name-only', given, '--', `${inTree}/`], root);
  // reference/ is never read: only the spec files are copied.
  const files = (listed ?? '').split('\0').filter((file) => file !== '' && !file.startsWith(`${inTree}/reference/`));
  if (files.length === 0) throw new SpecSourceError(`revision ${given} has no ${inTree}/ folder`);
  const temp = await mkdtemp(path.join(tmpdir(), 'gg-diff-'));
  const dir = path.join(temp, path.basename(inTree));
  for (const file of files) {
    const text = await run(['show', `${given}:${file}`], root);
    const target = path.join(dir, file.slice(inTree.length + 1));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text ?? '');
  }
  return { dir, shown: `${given}:${inTree}`, cleanup: () => rm(temp, { recursive: true, force: true }) };
}
