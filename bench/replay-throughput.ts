/**
 * Replay server throughput: `guilded-gateway replay <capture> --speed max` (as fast as possible) in a
 * child, serving a capture of 20,000 mix events written to the temp folder (and deleted), to 10 raw
 * `ws` clients at once in another child, which count the event frames they receive. Against a plain `ws`
 * server in a child sending the same frames with the same backpressure rule (bench/replay-throughput-ws.ts).
 * One unmeasured round warms both up; rounds alternate the two, and the median of their ratios counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { runChild, startChild } from './children.js';
import { median } from './harness.js';
import type { Delivery } from './replay-throughput-clients.js';
import { replayFrames } from './replay-throughput-frames.js';
import { bounded, times, type Row } from './report.js';

const ROOT = new URL('../', import.meta.url).pathname;
const CLIENTS = new URL('./replay-throughput-clients.ts', import.meta.url);
const WS_SERVER = new URL('./replay-throughput-ws.ts', import.meta.url);
const CLIENT_COUNT = 10;
const EVENTS = 20_000;
const ROUNDS = 3;
/** Medians of 0.83x to 1.10x in four runs: the replay's bookkeeping per frame is small; below 0.7x something per frame got slower. */
const MIN_RATIO = 0.7;

/** Writes the capture the replay command reads: the hello, `40` and the events, as JSON lines. */
function writeCapture(dir: string): string {
  const file = path.join(dir, 'burst.jsonl');
  const hello = `0${JSON.stringify({ sid: 'bench', upgrades: [], pingInterval: 25_000, pingTimeout: 5_000 })}`;
  const lines = [hello, '40', ...replayFrames(EVENTS)].map((data) => JSON.stringify({ direction: 'in', data, time: 0 }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Starts `guilded-gateway replay` and resolves with it once it prints its url. */
async function startReplayCommand(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'replay', file, '--port', '0', '--speed', 'max'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Every line is read, so that the log of clients coming and going never fills the pipe.
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = /^listening on (ws:\/\/\S+)/.exec(line)?.[1];
    if (url !== undefined) return { child, url };
  }
  throw new Error(`guilded-gateway replay exited without listening: ${stderr.trim() || 'no output'}`);
}

/** Events a second the clients received from `url`. */
async function deliver(url: string): Promise<number> {
  const { events, wallMs } = await runChild<Delivery>(CLIENTS, [url, String(CLIENT_COUNT), String(EVENTS)]);
  if (events !== CLIENT_COUNT * EVENTS) throw new Error(`the clients received ${events} of ${CLIENT_COUNT * EVENTS} events`);
  return events / (wallMs / 1000);
}

/** The replay-throughput figure. */
export async function replayThroughput(): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-replay-'));
  const wsServer = startChild(WS_SERVER, [String(EVENTS)]);
  let replay: ChildProcess | undefined;
  try {
    const started = await startReplayCommand(writeCapture(dir));
    replay = started.child;
    const urls = { replay: started.url, ws: (await wsServer.next<{ url: string }>()).url };
    await deliver(urls.replay);
    await deliver(urls.ws);
    const rates = { replay: [] as number[], ws: [] as number[] };
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating who goes first puts both under the same load of the shared machine.
      const order = round % 2 === 0 ? (['replay', 'ws'] as const) : (['ws', 'replay'] as const);
      for (const kind of order) rates[kind].push(await deliver(urls[kind]));
      ratios.push((rates.replay.at(-1) as number) / (rates.ws.at(-1) as number));
    }
    const perSecond = (values: readonly number[]): string =>
      `${(median(values) / 1000).toFixed(0)}k events/s (${(Math.min(...values) / 1000).toFixed(0)}k to ${(Math.max(...values) / 1000).toFixed(0)}k)`;
    const ratio = median(ratios);
    return [
      bounded(
        {
          figure: `replay server throughput, --speed max, ${EVENTS / 1000}k mix events to each of ${CLIENT_COUNT} ws clients at once`,
          baseline: `plain ws server, same frames, same backpressure rule: ${perSecond(rates.ws)}`,
          measured: `${perSecond(rates.replay)}, ${times(ratio)} ws (rounds ${ratios.map(times).join(', ')})`,
        },
        ratio,
        { min: MIN_RATIO },
        (value) => `${times(value)} ws`,
      ),
    ];
  } finally {
    if (replay !== undefined && replay.exitCode === null) {
      replay.kill('SIGINT');
      await once(replay, 'exit');
    }
    wsServer.process.stdin?.end();
    await wsServer.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
