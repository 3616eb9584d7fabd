import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { generate, type GeneratedFiles } from './generate.js';
import { SpecError } from './load/diagnostics.js';

export interface GenerateOptions {
  /** The spec folder (default: ./spec). */
  specDir: string;
  /** The output folder (default: ./generated). */
  outDir: string;
  /** Compare instead of writing; report stale files with a diff. */
  check: boolean;
}

/** A folder as the user typed it, relative to where they stand. */
const shown = (dir: string): string => (path.relative(process.cwd(), dir) || '.').split(path.sep).join('/');

/** Every file under `dir` as a `/`-separated relative path; dot-files and dot-folders are not generated, so not listed. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`])),
  );
  return nested.flat();
}

/** Files in `outDir` that differ from what the spec generates, with a unified diff each. */
export async function staleFiles(files: GeneratedFiles, outDir: string): Promise<{ file: string; diff: string }[]> {
  const display = (name: string) => `${shown(outDir)}/${name}`;
  const stale: { file: string; diff: string }[] = [];
  const onDisk = new Set(await listFiles(outDir));
  for (const [name, wanted] of files) {
    const current = await readFile(path.join(outDir, name), 'utf8').catch(() => undefined);
    if (current !== wanted) {
      stale.push({ file: display(name), diff: createTwoFilesPatch(`a/${display(name)}`, `b/${display(name)}`, current ?? '', wanted, current === undefined ? 'missing' : 'committed', 'generated from spec/') });
    }
    onDisk.delete(name);
  }
  for (const name of [...onDisk].sort()) {
    const current = await readFile(path.join(outDir, name), 'utf8').catch(() => '');
    stale.push({ file: display(name), diff: createTwoFilesPatch(`a/${display(name)}`, '/dev/null', current, '', 'committed', 'no longer generated') });
  }
  return stale;
}

/** `guilded-gateway generate [--check]`: returns the process exit code. */
export async function runGenerate(options: GenerateOptions, out = process.stdout, err = process.stderr): Promise<number> {
  let files: GeneratedFiles;
  try {
    files = await generate(options.specDir);
  } catch (error) {
    if (error instanceof SpecError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (options.check) {
    const stale = await staleFiles(files, options.outDir);
    if (stale.length === 0) {
      out.write(`${shown(options.outDir)}/ matches the spec (${files.size} files)\n`);
      return 0;
    }
    err.write(`${shown(options.outDir)}/ is stale; run \`npm run generate\` and commit the result. Stale files:\n${stale.map((entry) => `  ${entry.file}`).join('\n')}\n\n`);
    for (const entry of stale) err.write(`${entry.diff}\n`);
    return 1;
  }
  for (const name of await listFiles(options.outDir)) {
    if (!files.has(name)) await rm(path.join(options.outDir, name));
  }
  for (const [name, text] of files) {
    await mkdir(path.dirname(path.join(options.outDir, name)), { recursive: true });
    await writeFile(path.join(options.outDir, name), text);
  }
  out.write(`wrote ${files.size} files to ${shown(options.outDir)}/\n`);
  return 0;
}
