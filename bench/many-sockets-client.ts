/**
 * One side of the many-sockets figure, run as a child process so that its time and RSS are its own:
 * - `sessions`: one GatewaySessions with the user socket and `<teams>` team sockets, all connected at
 *   once, each receiving the replay's burst of `<events>` events, then closed;
 * - `socket.io-client`: `<teams>` socket.io-client@2 connections one after the other, each connecting,
 *   receiving the same burst and closing.
 * It prints `{"wallMs", "cpuMs", "sockets", "rssBytesPerSocket"}` and then must exit by itself: it never
 * calls process.exit, so a timer or socket left behind keeps it alive and the parent fails the row.
 *
 * Usage: node --import tsx bench/many-sockets-client.ts <sessions|socket.io-client> <url> <teams> <events>
 */
import { createRequire } from 'node:module';
import { GatewaySessions } from '../runtime/sessions.js';
import { mixFrames } from './frames.js';

/** What one side measured. */
export interface ManySocketsResult {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly sockets: number;
  /** RSS while every socket is open and has its burst, over the RSS before the first, per socket. */
  readonly rssBytesPerSocket: number;
}

interface SocketIoClientSocket {
  on(event: string, listener: (...args: unknown[]) => void): void;
  close(): void;
}

/** How long after the result a child still alive says what keeps it alive; unref'd, so it keeps nothing alive itself. */
const REPORT_HANDLES_MS = 3000;
const COOKIE = 'hmac_signed_session=bench';

const [kind, url, teamsText, eventsText] = process.argv.slice(2);
if (url === undefined || teamsText === undefined || eventsText === undefined) {
  throw new Error('usage: many-sockets-client.ts <sessions|socket.io-client> <url> <teams> <events>');
}
const teams = Number(teamsText);
const events = Number(eventsText);
const names = [...new Set(mixFrames(events).map((frame) => frame.name))];

/** Resolves once `count` calls of the returned listener have come. */
function counter(count: number): { listener: () => void; done: Promise<void> } {
  let seen = 0;
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((settle) => (resolve = settle));
  return { listener: () => void (++seen === count && resolve()), done };
}

/** `teamCount` team sockets and the user socket, all at once; resolves with the RSS once every burst is in. */
async function sessions(teamCount: number): Promise<number> {
  const gateway = new GatewaySessions({ cookie: COOKIE, url: url as string, reconnect: false });
  const { listener, done } = counter((teamCount + 1) * events);
  for (const name of names) gateway.on(name as 'ChatChannelTyping', listener);
  await Promise.all([gateway.connect(), ...Array.from({ length: teamCount }, (_, i) => gateway.openTeam(`team-${i}`))]);
  await done;
  const rss = process.memoryUsage().rss;
  await gateway.close();
  return rss;
}

/** `count` socket.io-client connections one after the other; resolves with the highest RSS once a burst is in. */
async function sequential(count: number): Promise<number> {
  const io = createRequire(import.meta.url)('socket.io-client') as (url: string, options: object) => SocketIoClientSocket;
  const { origin, pathname } = new URL((url as string).replace(/^ws/, 'http'));
  let rss = 0;
  for (let i = 0; i < count; i++) {
    const { listener, done } = counter(events);
    const socket = io(origin, { path: pathname.replace(/\/$/, ''), transports: ['websocket'], reconnection: false, forceNew: true });
    for (const name of names) socket.on(name, listener);
    await done;
    rss = Math.max(rss, process.memoryUsage().rss);
    socket.close();
  }
  return rss;
}

const run = kind === 'sessions' ? sessions : kind === 'socket.io-client' ? sequential : undefined;
if (run === undefined) throw new Error(`unknown kind ${kind}`);
// One socket first: it loads and compiles what every later one shares (ws, the decoder, the validators).
await run(kind === 'sessions' ? 0 : 1);
const before = process.memoryUsage().rss;
const startCpu = process.cpuUsage();
const started = performance.now();
const peakRss = await run(teams);
const wallMs = performance.now() - started;
const { user, system } = process.cpuUsage(startCpu);
const sockets = kind === 'sessions' ? teams + 1 : teams;
const result: ManySocketsResult = { wallMs, cpuMs: (user + system) / 1000, sockets, rssBytesPerSocket: (peakRss - before) / sockets };
process.stdout.write(`${JSON.stringify(result)}\n`);
// Its stdio pipes (PipeWrap) are the parent's and end with it; anything else is left behind.
const leftBehind = (): string[] => process.getActiveResourcesInfo().filter((resource) => resource !== 'PipeWrap');
setTimeout(() => process.stderr.write(`still alive after closing every socket: ${leftBehind().join(', ')}\n`), REPORT_HANDLES_MS).unref();
