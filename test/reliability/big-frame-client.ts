// The client of client-big-frame.test.ts, in a process of its own so that the memory it reports is its own.
// Prints what the teardown said and how far its resident memory rose above the baseline.
import type { ClientEventMap } from '../../runtime/client-events.js';
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE } from '../runtime/peers.js';

const [url = ''] = process.argv.slice(2);
const client = new GatewayClient({
  cookie: COOKIE,
  url,
  reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 },
});
// Loaded before the baseline, as the first connect would.
await import('ws');
globalThis.gc?.();
const baseline = process.memoryUsage.rss();

const reconnecting = new Promise<ClientEventMap['reconnecting']>((resolve) => client.once('reconnecting', resolve));
const reopened = new Promise<void>((resolve) => client.on('open', ({ reconnected }) => reconnected && resolve()));
const typing = new Promise<unknown>((resolve) => client.once('ChatChannelTyping', resolve));
await client.connect();
const { error } = await reconnecting;
await reopened;
await typing;
// maxRSS is the peak over the whole process, in KiB: at least the peak of this case.
const peakGrowth = process.resourceUsage().maxRSS * 1024 - baseline;
await client.close();
console.log(
  JSON.stringify({
    code: error.code,
    closeCode: error.closeCode,
    consequence: error.consequence,
    message: error.message,
    peakGrowth,
  }),
);
