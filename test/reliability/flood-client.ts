// The client of client-flood.test.ts, in a process of its own so that the memory it reports is its own.
// A `for await` loop takes 1 ms per event for the first SLOW events, then runs flat out; it checks that
// every event comes once and in order, and prints how far it fell behind and how much memory it held:
// live (after gc) at the end of the slow phase, and the peak with garbage over the whole run.
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE } from '../runtime/peers.js';

const [url = '', total = '0', slow = '0'] = process.argv.slice(2);
const TOTAL = Number(total);
const SLOW = Number(slow);
const CHANNEL_ID = 'd2242862-401c-42f8-9ce2-0c75977475a6';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const client = new GatewayClient({ cookie: COOKIE, url, reconnect: false });
let received = 0;
let consumed = 0;
let mostBehind = 0;
let pauses = 0;
let peakHeld = 0;
// Memory the process holds in JavaScript: the heap and the buffers outside it.
const held = (): number => {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
client.on('ChatChannelTyping', () => {
  received++;
  mostBehind = Math.max(mostBehind, received - consumed);
  if (received % 500 === 0) peakHeld = Math.max(peakHeld, held());
});
client.on('debug', (line) => {
  if (line.startsWith('backpressure: an event iterator is full')) pauses++;
});
await import('ws');
globalThis.gc?.();
const baseline = held();

await client.connect();
// Tells the gateway to start: the baseline is taken.
client.send('ChatChannelTyping', { channelId: CHANNEL_ID });
let outOfOrder = 0;
let slowGrowth = 0;
for await (const event of client) {
  if (event.name !== 'ChatChannelTyping') continue;
  if (event.payload.userId !== `seq-${consumed}`) outOfOrder++;
  consumed++;
  if (consumed === SLOW) {
    // The loop is as far behind as it gets: what is held now is what backpressure bounds.
    globalThis.gc?.();
    slowGrowth = held() - baseline;
    client.send('ChatChannelTyping', { channelId: CHANNEL_ID });
  }
  if (consumed < SLOW) await sleep(1);
  if (consumed === TOTAL) break;
}
const status = client.status;

await client.close();
console.log(
  JSON.stringify({
    received,
    consumed,
    outOfOrder,
    mostBehind,
    pauses,
    slowGrowth,
    peakGrowth: peakHeld - baseline,
    status,
  }),
);
