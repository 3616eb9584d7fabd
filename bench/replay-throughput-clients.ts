/**
 * The clients of the replay-throughput figure, in a child process of their own: `<clients>` raw `ws`
 * connections opened at once, each counting the event frames (`42...`) it receives until it has
 * `<events>`. Prints `{"events", "wallMs"}`: every event of every client, and the time from opening the
 * first connection to the last event.
 *
 * Usage: node --import tsx bench/replay-throughput-clients.ts <url> <clients> <events>
 */
import { WebSocket } from 'ws';

/** What the clients measured. */
export interface Delivery {
  readonly events: number;
  readonly wallMs: number;
}

/** Far past a delivery's length (about a second): a server that stalls fails the figure instead of hanging the bench. */
const GIVE_UP_MS = 60_000;
const DIGIT_4 = 0x34;
const DIGIT_2 = 0x32;

const [url, clientsText, eventsText] = process.argv.slice(2);
if (url === undefined || clientsText === undefined || eventsText === undefined) {
  throw new Error('usage: replay-throughput-clients.ts <url> <clients> <events>');
}
const events = Number(eventsText);

/** Connects, and resolves once `events` event frames have come; the frames are counted, never decoded. */
function receive(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = 0;
    socket.on('message', (data: Buffer) => {
      if (data[0] === DIGIT_4 && data[1] === DIGIT_2 && ++received === events) resolve(received);
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`closed after ${received} of ${events} events`)));
  });
}

setTimeout(() => {
  process.stderr.write(`gave up after ${GIVE_UP_MS / 1000} s: the server stopped sending\n`);
  process.exit(1);
}, GIVE_UP_MS).unref();
const started = performance.now();
const sockets = Array.from({ length: Number(clientsText) }, () => new WebSocket(`${url}?EIO=3&transport=websocket`));
const counts = await Promise.all(sockets.map(receive));
const wallMs = performance.now() - started;
for (const socket of sockets) {
  socket.removeAllListeners('close');
  socket.terminate();
}
const delivery: Delivery = { events: counts.reduce((sum, count) => sum + count, 0), wallMs };
process.stdout.write(`${JSON.stringify(delivery)}\n`);
