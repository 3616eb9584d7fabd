/** Runs the command line as a child process and reads its peak RSS, as bench/measured-child.ts does. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const USAGE = fileURLToPath(new URL('../../bench/exit-usage.ts', import.meta.url));

/** How a command run ended: its exit code, its output, and its peak resident memory in MB. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakRssMb: number;
}

/** Runs `guilded-gateway <args>` from the repository's root with the exit-usage hook. */
export async function runCli(args: readonly string[], options: { readonly uid?: number; readonly gid?: number } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', USAGE, 'cli/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  let usage = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdio[3]!.on('data', (chunk: Buffer) => (usage += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  const maxRssKb = usage === '' ? Number.NaN : (JSON.parse(usage) as { maxRssKb: number }).maxRssKb;
  return { code, stdout, stderr, peakRssMb: maxRssKb / 1024 };
}
