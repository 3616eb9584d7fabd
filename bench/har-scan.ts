/**
 * The HAR scanner against the maintained streaming JSON parsers (issue 13, item 5): each streams a
 * generated HAR (500 MB by default, in the temp folder, deleted afterwards) and takes out what
 * `validate` takes out, in a child of its own; throughput (MB per second of CPU time) and peak RSS of
 * each, against a floor that only reads and decodes the file. cli/capture/json-scanner.ts says at its
 * top what this decided.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mixFrames } from './frames.js';
import { measuredChild, type ChildUsage } from './measured-child.js';
import { bounded, times, type Row } from './report.js';

const CHILD = new URL('./har-scan-child.ts', import.meta.url).pathname;
const LIBRARIES = ['@streamparser/json', 'stream-json'] as const;
const MESSAGES_PER_SOCKET = 1000;
// The hand-written scanner is kept while it stays measurably faster than the faster library (1.27x
// when it was decided): a lead under this is within what a shared machine's noise can give either way.
const MIN_LEAD = 1.15;
const MAX_RSS_MB = 150;

/** Options of `harScan`. */
export interface HarScanOptions {
  /** The HAR's size in MB. Default 500. */
  readonly megabytes?: number;
  /** Runs of each side, interleaved; the fastest run of each counts. Default 2. */
  readonly rounds?: number;
}

/**
 * Writes `megabytes` of a HAR as Chrome exports it (indented by 2): pairs of an HTTP entry, with a
 * cookie and a JSON body, and a WebSocket entry holding the mix as `_webSocketMessages`.
 */
export async function writeHar(path: string, megabytes: number): Promise<number> {
  const frames = mixFrames();
  const cookie = 'hmac_signed_session=bench-session-value';
  const headers = [
    { name: 'Cookie', value: cookie },
    { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' },
  ];
  const http = {
    request: { method: 'GET', url: 'https://www.guilded.gg/api/me', headers, cookies: [{ name: 'hmac_signed_session', value: 'bench-session-value' }] },
    response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: JSON.stringify({ user: frames.slice(0, 8).map((frame) => frame.json) }) } },
  };
  const socket = {
    _resourceType: 'websocket',
    request: { method: 'GET', url: 'wss://www.guilded.gg/ws/?jwt=undefined&EIO=3&transport=websocket', headers, cookies: [] },
    response: { status: 101, headers: [{ name: 'Upgrade', value: 'websocket' }] },
    _webSocketMessages: Array.from({ length: MESSAGES_PER_SOCKET }, (_, i) => ({
      type: i % 10 === 9 ? 'send' : 'receive',
      time: 1700000000 + i / 10,
      opcode: 1,
      data: frames[i % frames.length]!.frame,
    })),
  };
  // An entry sits 6 spaces in: log, entries, the entry.
  const indented = (value: unknown): string => JSON.stringify(value, null, 2).replaceAll('\n', '\n      ');
  const [head, tail] = JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries: ['@'] } }, null, 2).split('"@"') as [string, string];
  const pair = `${indented(http)},\n      ${indented(socket)}`;
  const out = createWriteStream(path);
  let written = 0;
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
    written += Buffer.byteLength(text);
  };
  await write(head);
  await write(pair);
  while (written < megabytes * 1e6) await write(`,\n      ${pair}`);
  await write(tail);
  out.end();
  await once(out, 'finish');
  return written;
}

/** The figure: MB/s and peak RSS of the hand-written scanner and of each library, and the floor's MB/s. */
export async function harScan(options: HarScanOptions = {}): Promise<Row[]> {
  const { megabytes = 500, rounds = 2 } = options;
  const path = join(tmpdir(), `guilded-gateway-bench-${process.pid}.har`);
  try {
    await writeHar(path, megabytes);
    const { size } = await stat(path);
    const sides = ['read', 'hand-written', ...LIBRARIES];
    const runs = new Map<string, ChildUsage[]>(sides.map((side) => [side, []]));
    for (let round = 0; round < rounds; round++) {
      for (const side of sides) runs.get(side)!.push(await measuredChild([CHILD, side, path]));
    }
    const [floor, ours] = [runs.get('read')!, runs.get('hand-written')!];
    // Each must take out exactly what the hand-written scanner did, or the race is not the same.
    for (const name of LIBRARIES) {
      const taken = runs.get(name)![0]!.stdout;
      if (taken !== ours[0]!.stdout) throw new Error(`har-scan: ${name} took out ${taken}, the hand-written scanner ${ours[0]!.stdout}`);
    }
    // In CPU time: the machine is shared, and its other work would otherwise decide the ratio.
    const mbPerS = (side: readonly ChildUsage[]): number => size / 1e6 / (Math.min(...side.map((run) => run.cpuMs)) / 1000);
    const peakMb = (side: readonly ChildUsage[]): number => Math.max(...side.map((run) => run.maxRssKb)) / 1024;
    const libraries = LIBRARIES.map((name) => ({ name, speed: mbPerS(runs.get(name)!), peak: peakMb(runs.get(name)!) }));
    const speed = mbPerS(ours);
    const fastest = libraries.reduce((best, library) => (library.speed > best.speed ? library : best));
    const figure = `HAR scan over a ${megabytes} MB Chrome HAR`;
    return [
      bounded(
        {
          figure: `${figure}, throughput in CPU time, hand-written scanner against the faster library`,
          baseline: `${libraries.map((library) => `${library.name}: ${library.speed.toFixed(0)} MB/s`).join('; ')}; read + decode only: ${mbPerS(floor).toFixed(0)} MB/s`,
          measured: `${speed.toFixed(0)} MB/s = ${times(speed / fastest.speed)} ${fastest.name}`,
        },
        speed / fastest.speed,
        { min: MIN_LEAD },
        (value) => `${times(value)} the faster library`,
      ),
      bounded(
        {
          figure: `${figure}, hand-written scanner's peak RSS`,
          baseline: libraries.map((library) => `${library.name}: ${library.peak.toFixed(0)} MB`).join('; '),
          measured: `${peakMb(ours).toFixed(0)} MB (read + decode only: ${peakMb(floor).toFixed(0)} MB)`,
        },
        peakMb(ours),
        { max: MAX_RSS_MB },
        (value) => `${value.toFixed(0)} MB`,
      ),
    ];
  } finally {
    await rm(path, { force: true });
  }
}
