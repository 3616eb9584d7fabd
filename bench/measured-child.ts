/** A figure's side run as a child of its own, so that its wall time and peak RSS are its own. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const ROOT = new URL('../', import.meta.url);
const USAGE = new URL('./exit-usage.ts', import.meta.url).pathname;

/** What the exit-usage hook reported, and what the child printed. */
export interface ChildUsage {
  readonly wallMs: number;
  /** User and system CPU time, all threads: unlike the wall clock, it does not count time other processes took. */
  readonly cpuMs: number;
  readonly maxRssKb: number;
  readonly stdout: string;
}

/** Runs `node --import tsx <args>` from the repository's root with the exit-usage hook; rejects on a failed exit. */
export async function measuredChild(args: readonly string[]): Promise<ChildUsage> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', USAGE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const usageLines = createInterface({ input: child.stdio[3] as NodeJS.ReadableStream });
  const usage = new Promise<Omit<ChildUsage, 'stdout'> | undefined>((resolve) => {
    usageLines.once('line', (line) => resolve(JSON.parse(line) as Omit<ChildUsage, 'stdout'>));
    usageLines.once('close', () => resolve(undefined));
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const result = await usage;
  if (code !== 0 || result === undefined) throw new Error(`${args.join(' ')} failed (exit ${code}): ${stderr.trim()}`);
  return { ...result, stdout: stdout.trim() };
}
