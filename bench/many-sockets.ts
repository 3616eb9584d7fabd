/**
 * Many sockets: one GatewaySessions with the user socket and 200 team sockets against the replay server
 * (in a child of its own), all connected at once, each receiving a burst of 100 mix events, then closed;
 * against 200 socket.io-client@2 connections made one after the other, each receiving the same burst.
 * Each side runs in a fresh child that must exit by itself once it has closed everything: one that a
 * timer or socket keeps alive is killed, and its row fails with what kept it alive. Rounds alternate
 * the two sides; the median of the rounds' ratios of wall time counts.
 */
import { startChild } from './children.js';
import { median } from './harness.js';
import type { ManySocketsResult } from './many-sockets-client.js';
import { bounded, times, type Row } from './report.js';

const SERVER = new URL('./many-sockets-server.ts', import.meta.url);
const CLIENT = new URL('./many-sockets-client.ts', import.meta.url);
const TEAMS = 200;
const EVENTS = 100;
const ROUNDS = 5;
const KINDS = ['sessions', 'socket.io-client'] as const;
/** Concurrent connections on loopback must not be slower than sequential ones: the point of GatewaySessions. */
const MAX_RATIO = 1;
/** Measured 120 to 170 KB: mostly the burst itself (100 mix events are 79 KB) held until the GC frees it, then the socket. */
const MAX_RSS_KB = 256;
/** Far past a child's own exit (well under a second): past it, something keeps the child alive. */
const EXIT_WITHIN_MS = 10_000;

/** One side's result, and what kept it alive if it did not exit by itself. */
interface Run extends ManySocketsResult {
  readonly leftAlive?: string;
}

async function measure(kind: string, url: string): Promise<Run> {
  const child = startChild(CLIENT, [kind, url, String(TEAMS), String(EVENTS)]);
  let stderr = '';
  child.process.stderr?.on('data', (chunk: string) => (stderr += chunk));
  child.process.stdin?.end();
  const result = await child.next<ManySocketsResult>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const exitedByItself = await Promise.race([
    child.exited.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), EXIT_WITHIN_MS))),
  ]);
  clearTimeout(timer);
  if (exitedByItself) return result;
  child.process.kill('SIGKILL');
  await child.exited;
  return { ...result, leftAlive: stderr.trim() || 'killed after closing every socket' };
}

/** The many-sockets figures: time against sequential socket.io-client, RSS per socket, and a clean exit. */
export async function manySockets(): Promise<Row[]> {
  const server = startChild(SERVER, [String(EVENTS)]);
  try {
    const { url } = await server.next<{ url: string }>();
    const runs = new Map<string, Run[]>(KINDS.map((kind) => [kind, []]));
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measured = new Map<string, Run>();
      for (let i = 0; i < KINDS.length; i++) {
        const kind = KINDS[(round + i) % KINDS.length] as string;
        const run = await measure(kind, url);
        measured.set(kind, run);
        runs.get(kind)?.push(run);
      }
      const [ours, theirs] = [measured.get('sessions') as Run, measured.get('socket.io-client') as Run];
      ratios.push(ours.wallMs / theirs.wallMs);
      cpuRatios.push(ours.cpuMs / theirs.cpuMs);
    }
    const ours = runs.get('sessions') as Run[];
    const theirs = runs.get('socket.io-client') as Run[];
    const ms = (values: readonly number[]): string => `${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)} to ${Math.max(...values).toFixed(0)})`;
    const rssKb = ours.map((run) => run.rssBytesPerSocket / 1024);
    const leftAlive = [...ours, ...theirs].find((run) => run.leftAlive !== undefined)?.leftAlive;
    const ratio = median(ratios);
    const scope = `${TEAMS} team sockets + the user socket, ${EVENTS} events each`;
    return [
      bounded(
        {
          figure: `many sockets: GatewaySessions, ${scope}, connect -> burst -> close`,
          baseline: `${TEAMS} sequential socket.io-client@2 connections, same burst: ${ms(theirs.map((run) => run.wallMs))}`,
          // CPU time beside it: the wall clock of a shared machine also counts the other processes' time.
          measured: `${ms(ours.map((run) => run.wallMs))}, ${times(ratio)} sequential (rounds ${ratios.map(times).join(', ')}); CPU ${times(median(cpuRatios))}`,
        },
        ratio,
        { max: MAX_RATIO },
        (value) => `${times(value)} sequential`,
      ),
      bounded(
        {
          figure: `many sockets: RSS per socket, ${scope}`,
          baseline: "the child's RSS after one warm-up socket",
          measured: `${median(rssKb).toFixed(0)} KB (${Math.min(...rssKb).toFixed(0)} to ${Math.max(...rssKb).toFixed(0)})`,
        },
        median(rssKb),
        { max: MAX_RSS_KB },
        (value) => `${value.toFixed(0)} KB`,
      ),
      {
        figure: 'many sockets: nothing left behind after close (the child exits by itself, no process.exit)',
        baseline: `socket.io-client@2 run: ${theirs.every((run) => run.leftAlive === undefined) ? 'exits by itself' : 'kept alive'}`,
        measured: leftAlive === undefined ? `exits by itself, ${ours.length + theirs.length} of ${ours.length + theirs.length} runs` : `kept alive: ${leftAlive}`,
        target: `exits within ${EXIT_WITHIN_MS / 1000} s`,
        pass: leftAlive === undefined,
        note: leftAlive === undefined ? undefined : 'a timer or socket outlives close()',
      },
    ];
  } finally {
    server.process.stdin?.end();
    await server.exited;
  }
}
