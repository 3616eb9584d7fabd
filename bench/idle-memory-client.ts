/**
 * The idle-memory child, run with `--expose-gc`: opens connections to the peer, lets them settle, and
 * prints the heap each one holds as `{"heapBytesPerConnection": ...}`.
 *
 * GatewayClient comes from `entry`, the built package's (what a bot runs): the source, run through tsx,
 * holds more per client (esbuild's keepNames gives every arrow function a name property).
 *
 * Usage: node --expose-gc --import tsx bench/idle-memory-client.ts <GatewayClient|socket.io-client> <url> <connections> <entry>
 */
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

interface SocketIoClientSocket {
  once(event: 'connect', listener: () => void): void;
  close(): void;
}

const SETTLE_MS = 500;
const [kind, url, countText, entry] = process.argv.slice(2);
if (url === undefined || countText === undefined || entry === undefined) throw new Error('usage: idle-memory-client.ts <kind> <url> <connections> <entry>');
const { GatewayClient } = (await import(entry)) as typeof import('../runtime/index.js');
const count = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

async function open(): Promise<() => void> {
  if (kind === 'GatewayClient') {
    const client = new GatewayClient({ cookie: 'hmac_signed_session=bench', url: url as string, reconnect: false });
    await client.connect();
    return () => void client.close();
  }
  const io = createRequire(import.meta.url)('socket.io-client') as (url: string, options: object) => SocketIoClientSocket;
  const { origin, pathname } = new URL((url as string).replace(/^ws/, 'http'));
  const socket = io(origin, { path: pathname.replace(/\/$/, ''), transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  return () => socket.close();
}

async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  await sleep(SETTLE_MS);
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage();
}

// One connection first, closed again: it loads the modules (ws) that every later one shares.
(await open())();
const before = await settledMemory();
const closers = [];
for (let i = 0; i < count; i++) closers.push(await open());
const after = await settledMemory();
process.stdout.write(
  `${JSON.stringify({
    heapBytesPerConnection: (after.heapUsed - before.heapUsed) / count,
  })}\n`,
);
for (const close of closers) close();
process.exit(0);
