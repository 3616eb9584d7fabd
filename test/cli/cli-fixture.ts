/** Frames built from the spec's own examples, temp folders, and command runs with their output captured. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What a finished child process printed, and its exit code. */
export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx <script> ...args` to its end, with stdout and stderr collected. */
export async function runTsx(script: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...args], { cwd: options.cwd ?? repoRoot, env: options.env ?? process.env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

type Entries = Record<string, { examples?: unknown[] }>;

const eventFiles = readdirSync(path.join(repoRoot, 'spec/events')).filter((name) => name.endsWith('.yaml'));
const eventEntries: Entries = Object.assign(
  {},
  ...eventFiles.map((name) => (parse(readFileSync(path.join(repoRoot, 'spec/events', name), 'utf8')) as { events: Entries }).events),
);
const commandEntries = (parse(readFileSync(path.join(repoRoot, 'spec/commands.yaml'), 'utf8')) as { commands: Entries }).commands;

/** A deep copy of the spec's first example of an event. */
export function eventExample(name: string): Record<string, unknown> {
  const example = eventEntries[name]?.examples?.[0];
  if (example === undefined) throw new Error(`spec/events has no example of ${name}`);
  return structuredClone(example) as Record<string, unknown>;
}

/** A deep copy of the spec's first example of a command. */
export function commandExample(name: string): Record<string, unknown> {
  const example = commandEntries[name]?.examples?.[0];
  if (example === undefined) throw new Error(`spec/commands.yaml has no example of ${name}`);
  return structuredClone(example) as Record<string, unknown>;
}

/** Every event example of the spec, as received frames. */
export function allEventFrames(): string[] {
  return Object.entries(eventEntries).flatMap(([name, entry]) => (entry.examples ?? []).map((example) => frame(name, example)));
}

/** A socket.io event frame: `42["Name",payload]`, or `42["Name"]`. */
export function frame(name: string, payload?: unknown): string {
  return `42${JSON.stringify(payload === undefined ? [name] : [name, payload])}`;
}

/** The hello the spec documents, as an open frame. */
export const HELLO = '0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":5000}';

/** A Chrome HAR with one WebSocket entry holding `messages`, and an HTTP entry before it. */
export function har(messages: Array<{ type: 'send' | 'receive'; data: string; opcode?: number }>, cookie = 'hmac_signed_session=s3cr3t-session-value'): string {
  return JSON.stringify(
    {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [],
        entries: [
          {
            request: { method: 'GET', url: 'https://www.guilded.gg/api/me', headers: [{ name: 'Cookie', value: cookie }], cookies: [] },
            response: { status: 200, headers: [], content: { size: 2, mimeType: 'application/json', text: '{}' } },
          },
          {
            _resourceType: 'websocket',
            request: {
              method: 'GET',
              url: 'wss://www.guilded.gg/ws/?jwt=undefined&EIO=3&transport=websocket',
              headers: [{ name: 'Cookie', value: cookie }, { name: 'Authorization', value: 'Bearer tok-abcdefgh' }],
              cookies: [{ name: 'hmac_signed_session', value: cookie.split('=')[1] }],
            },
            response: { status: 101, headers: [] },
            _webSocketMessages: messages.map((message, i) => ({ time: 1700000000 + i / 10, opcode: 1, ...message })),
          },
        ],
      },
    },
    null,
    2,
  );
}

/** A temp folder with `files` written in it; `cleanup` removes it. */
export function tempFolder(files: Record<string, string | Buffer> = {}): { dir: string; file: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-cli-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return { dir, file: (name) => path.join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a command module's `run` with stdout and stderr captured. */
export async function capture(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}
