// A bot with no 'error' listener, run as its own process by unheard-errors.test.ts: argv[2] is the
// gateway url, argv[3] a listener name to add an 'error' listener for (or nothing). It prints "done".
import { GatewayClient } from '../../runtime/index.js';
import { COOKIE } from './peers.js';

const [url, withListener] = process.argv.slice(2);
const client = new GatewayClient({ cookie: COOKIE, url: url!, reconnect: false });
if (withListener === 'error') client.on('error', () => undefined);
client.on('ChatChannelTyping', () => {
  throw new Error(`handler failed with ${COOKIE}`);
});
await client.connect();
// Invalid in the default warn mode: reported, and still sent.
client.send('ChatChannelTyping', { channelId: 42 } as never);
await new Promise((resolve) => client.on('ChatMessageDeleted', resolve));
await client.close();
console.log('done');
