import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { DistTranspileError, distGenerated, isShipped, writeDistGenerated } from './dist-generated.js';
import { filesBelow } from './files-below.js';
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

/** Files in `outDir` that differ from what the spec generates, with a unified diff each. */
export async function staleFiles(files: GeneratedFiles, outDir: string): Promise<{ file: string; diff: string }[]> {
  const display = (name: string) => `${shown(outDir)}/${name}`;
  const stale: { file: string; diff: string }[] = [];
  const onDisk = new Set(await filesBelow(outDir));
  for (const [name, wanted] of files) {
    const current = await readFile(path.join(outDir, name), 'utf8').catch(() => undefined);
    if (current !== wanted) {
      const onDiskLabel = `${display(name)} (${current === undefined ? 'missing on disk' : 'on disk'})`;
      stale.push({ file: display(name), diff: createTwoFilesPatch(onDiskLabel, `${display(name)} (from spec/)`, current ?? '', wanted) });
    }
    onDisk.delete(name);
  }
  for (const name of [...onDisk].sort()) {
    const current = await readFile(path.join(outDir, name), 'utf8').catch(() => '');
    stale.push({ file: display(name), diff: createTwoFilesPatch(`${display(name)} (on disk)`, '/dev/null (no longer generated from spec/)', current, '') });
  }
  return stale;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The newest modification time among `names` under `dir`, and the oldest; missing files are skipped. */
async function modificationTimes(dir: string, names: readonly string[]): Promise<{ newest: number; oldest: number }> {
  const times = (await Promise.all(names.map((name) => stat(path.join(dir, name)).then((stats) => stats.mtimeMs, () => undefined)))).filter(
    (time): time is number => time !== undefined,
  );
  return { newest: Math.max(...times), oldest: Math.min(...times) };
}

/** The package's dist/ folder beside the output folder, if it was built. */
async function builtDist(outDir: string): Promise<string | undefined> {
  const dist = path.join(path.dirname(outDir), 'dist');
  return (await stat(dist).catch(() => undefined))?.isDirectory() ? dist : undefined;
}

/** The built dist/ beside `outDir` when its generated/ is older than a generated file it ships (or missing). */
async function staleDist(outDir: string): Promise<string | undefined> {
  const dist = await builtDist(outDir);
  if (!dist) return undefined;
  const built = await filesBelow(path.join(dist, 'generated'));
  const source = await modificationTimes(outDir, (await filesBelow(outDir)).filter(isShipped));
  const output = await modificationTimes(path.join(dist, 'generated'), built);
  return built.length > 0 && source.newest <= output.oldest ? undefined : dist;
}

/**
 * Refreshes dist/generated/ from the generated files when dist/ exists and generated/ just changed or
 * is newer than it; returns the line that says so. Only the modification times are compared otherwise,
 * so that a run with nothing to do transpiles nothing.
 */
export async function refreshDist(outDir: string, files: GeneratedFiles, changed: boolean): Promise<string | undefined> {
  const dist = changed ? await builtDist(outDir) : await staleDist(outDir);
  if (!dist) return undefined;
  const folder = path.join(dist, 'generated');
  const wanted = await distGenerated(files);
  await writeDistGenerated(folder, wanted);
  return `refreshed ${shown(folder)}/ (${plural(wanted.size, 'file')}): the guilded-gateway command and import 'guilded-gateway' now use this spec`;
}

/** Writes `files` to `outDir` and removes what is no longer generated; unchanged files keep their bytes and modification time. */
export async function writeGenerated(files: GeneratedFiles, outDir: string): Promise<{ written: string[]; removed: string[] }> {
  const removed = (await filesBelow(outDir)).filter((name) => !files.has(name));
  for (const name of removed) await rm(path.join(outDir, name));
  const written: string[] = [];
  for (const [name, text] of files) {
    const file = path.join(outDir, name);
    if ((await readFile(file, 'utf8').catch(() => undefined)) === text) continue;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    written.push(name);
  }
  return { written, removed };
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
  const outDir = shown(options.outDir);
  if (options.check) {
    const stale = await staleFiles(files, options.outDir);
    const dist = await staleDist(options.outDir);
    if (dist) err.write(`warning: ${shown(dist)}/ was built before ${outDir}/ changed: run npm run build (the guilded-gateway command and import 'guilded-gateway' load ${shown(dist)}/)\n`);
    if (stale.length === 0) {
      out.write(`${outDir}/ matches the spec (${plural(files.size, 'file')})\n`);
      return 0;
    }
    err.write(`${outDir}/ is stale; run \`npm run generate\` and commit the result. Stale files:\n${stale.map((entry) => `  ${entry.file}`).join('\n')}\n\n`);
    for (const entry of stale) err.write(`${entry.diff}\n`);
    return 1;
  }

  const { written: writtenFiles, removed } = await writeGenerated(files, options.outDir);
  const written = writtenFiles.length;
  const unchanged = files.size - written;
  const gone = removed.length > 0 ? `, ${plural(removed.length, 'file')} no longer generated removed` : '';
  out.write(
    written === 0 && removed.length === 0
      ? `${outDir}/ already matches the spec: nothing to write (${plural(files.size, 'file')} unchanged)\n`
      : `wrote ${plural(written, 'changed file')} to ${outDir}/, ${unchanged} unchanged${gone}\n`,
  );
  try {
    const refreshed = await refreshDist(options.outDir, files, written + removed.length > 0);
    if (refreshed) out.write(`${refreshed}\n`);
  } catch (error) {
    if (!(error instanceof DistTranspileError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
  return 0;
}
