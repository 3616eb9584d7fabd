/**
 * One end-to-end client, run as a child process so that `process.cpuUsage()` is its CPU alone. For each
 * `drain` line on stdin it opens a new connection to the peer, listens to every spec event, receives
 * the whole backlog, closes, and prints `{"cpuNsPerEvent": ..., "wallMs": ...}`: the CPU it used from
 * the first event to the last. The process stays up between drains, so that its JIT stays warm, and
 * the parent can alternate clients drain by drain.
 *
 * Usage: node --import tsx bench/end-to-end-client.ts <socket.io-client|off|warn> <url> <events>
 */
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { GatewayClient } from '../runtime/client.js';
import { ALL_EVENTS } from './micro.js';

/** What one drain measured. */
export interface Drain {
  readonly cpuNsPerEvent: number;
  readonly wallMs: number;
}

interface SocketIoClientSocket {
  on(event: string, listener: (...args: unknown[]) => void): void;
  close(): void;
}

const [kind, url, countText] = process.argv.slice(2);
if (url === undefined || countText === undefined) throw new Error('usage: end-to-end-client.ts <kind> <url> <events>');
const count = Number(countText);

let received = 0;
let startCpu: NodeJS.CpuUsage | undefined;
let startWall = 0;
let sink: unknown;
let finish: (drain: Drain) => void = () => undefined;

function onEvent(payload: unknown): void {
  sink = payload;
  received++;
  if (received === 1) {
    startCpu = process.cpuUsage();
    startWall = performance.now();
  } else if (received === count) {
    const { user, system } = process.cpuUsage(startCpu);
    finish({ cpuNsPerEvent: ((user + system) * 1000) / (count - 1), wallMs: performance.now() - startWall });
  }
}

/** Opens a connection, and resolves with the drain and a function that closes the connection. */
let open: () => Promise<() => Promise<void>>;

if (kind === 'socket.io-client') {
  const io = createRequire(import.meta.url)('socket.io-client') as (url: string, options: object) => SocketIoClientSocket;
  const { origin, pathname } = new URL(url.replace(/^ws/, 'http'));
  open = async () => {
    const socket = io(origin, { path: pathname.replace(/\/$/, ''), transports: ['websocket'], reconnection: false, forceNew: true });
    for (const name of ALL_EVENTS) socket.on(name, onEvent);
    return async () => socket.close();
  };
} else if (kind === 'off' || kind === 'warn') {
  const client = new GatewayClient({ cookie: 'hmac_signed_session=bench', url, validation: kind, reconnect: false });
  for (const name of ALL_EVENTS) client.on(name, onEvent);
  client.on('invalidPayload', (invalid) => {
    process.stderr.write(`a bench payload is invalid: ${invalid.name} ${JSON.stringify(invalid.errors)}\n`);
    process.exit(1);
  });
  open = async () => {
    await client.connect();
    return () => client.close();
  };
} else {
  throw new Error(`unknown client kind ${kind}`);
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'drain') continue;
  received = 0;
  const drained = new Promise<Drain>((resolve) => (finish = resolve));
  const close = await open();
  const drain = await drained;
  await close();
  process.stdout.write(`${JSON.stringify({ ...drain, kept: typeof sink })}\n`);
}
process.exit(0);
