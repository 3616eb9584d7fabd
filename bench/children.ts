/** Child processes for the figures that must not share this process: each prints JSON lines. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A running child and the JSON lines it prints, one at a time. */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the next JSON line; rejects if the child exits without one. */
  next<T>(): Promise<T>;
  /** Resolves when the child has exited, with its code. */
  readonly exited: Promise<number | null>;
}

/** Starts `node --import tsx <script> ...args` with the given extra node flags. */
export function startChild(script: URL, args: readonly string[], nodeFlags: readonly string[] = []): Child {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script.pathname, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    process: child,
    exited,
    async next<T>(): Promise<T> {
      // Its stdout ends when it exits, so this settles either way.
      const line = await lines.next();
      if (line.done) {
        await exited;
        throw new Error(`${script.pathname.split('/').pop()} ${args.join(' ')} exited without a result: ${stderr.trim() || 'no output'}`);
      }
      return JSON.parse(line.value as string) as T;
    },
  };
}

/** Runs a child to completion and returns its last JSON line. */
export async function runChild<T>(script: URL, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  const child = startChild(script, args, nodeFlags);
  child.process.stdin?.end();
  const result = await child.next<T>();
  await child.exited;
  return result;
}
