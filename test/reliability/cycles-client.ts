// The client of client-cycles.test.ts, in a process of its own so that its handles and heap are its own.
// Runs connect/drop cycles until the reconnect attempts run out, then prints what is left behind.
// The start is taken after warm-up cycles of another client: over the first 100 the JIT and V8's caches
// grow the 8 MB heap by about 0.8 MB; the growth levels off near 1.5 MB by 6,000 cycles (12,000 give the same).
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE } from '../runtime/peers.js';

const [url = '', warmUp = '0', cycles = '0'] = process.argv.slice(2);
const resources = (): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
};
const heap = (): number => {
  // Twice: the first pass can leave garbage that finalizers free for the second.
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

/** A client whose connect() runs `count` cycles: the first attempt and count - 1 reconnects. */
function cyclingClient(count: number): GatewayClient {
  return new GatewayClient({
    cookie: COOKIE,
    url,
    reconnect: { initialDelayMs: 0, maxDelayMs: 0, maxAttempts: count - 1 },
  });
}
// Sockets close on the next turns of the event loop.
const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 50));

await cyclingClient(Number(warmUp))
  .connect()
  .catch(() => {});
await settle();
const client = cyclingClient(Number(cycles));
let hellos = 0;
client.on('hello', () => hellos++);
const listenersBefore = client.listenerCount();
const resourcesBefore = resources();
const heapBefore = heap();

const failure = await client.connect().then(
  () => 'connected',
  (error: Error) => error.message,
);
await settle();
console.log(
  JSON.stringify({
    hellos,
    failure,
    status: client.status,
    listeners: [listenersBefore, client.listenerCount()],
    resources: [resourcesBefore, resources()],
    heap: [heapBefore, heap()],
  }),
);
