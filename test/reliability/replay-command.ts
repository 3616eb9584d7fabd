/** `guilded-gateway replay` as a child process, for the cases that read its start-up lines and log. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running replay command: its output so far (stdout and stderr apart), its url once printed, and a stop. */
export interface ReplayCommand {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Sends SIGINT and resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `guilded-gateway replay <args>` and resolves with the ws url it prints, once it listens. */
export async function startReplayCommand(args: readonly string[]): Promise<ReplayCommand & { url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'replay', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /listening on (ws:\/\/\S+)/.exec(stdout);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`replay exited with ${code}: ${stderr}`)));
  });
  return {
    child,
    url,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}
