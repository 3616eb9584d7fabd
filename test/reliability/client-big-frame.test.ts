import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket as NodeWebSocket } from 'ws';
import { GatewayClient, type GatewayClientOptions } from '../../runtime/client.js';
import { COOKIE, next } from '../runtime/peers.js';
import { runChild } from './child-process.js';
import { collect } from './clients.js';
import { figure } from './figures.js';
import { accept, CONNECT, hello, startHostileGateway, type ServerSocket } from './hostile-gateway.js';

const MB = 1_000_000;
const MiB = 1024 * 1024;
const CHANNEL_ID = 'd2242862-401c-42f8-9ce2-0c75977475a6';

/** A ChatChannelTyping frame of exactly `bytes` bytes, padded in its userId. */
function typingFrame(bytes: number): string {
  const bare = `42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"${CHANNEL_ID}","userId":""}]`;
  return bare.replace('"userId":""', `"userId":"${'u'.repeat(bytes - bare.length)}"`);
}

/** Streams one text frame announcing `bytes` bytes, 64 KiB at a time, no faster than the socket drains; returns the bytes written. */
async function streamFrame(server: ServerSocket, bytes: number): Promise<number> {
  const head = Buffer.from('42["ChatChannelTyping",{"filler":"');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  server.announce(bytes);
  server.write(head);
  let written = head.length;
  while (written + chunk.length < bytes && !server.socket.destroyed) {
    written += chunk.length;
    if (!server.write(chunk)) await server.drained();
  }
  return written;
}

const big = suite('a gateway that sends a frame too large to hold');

big(
  'a single 100 MB frame: refused at the 16 MiB default before it is read, closed with 1009, memory bounded, then a reconnect',
  async () => {
    let streamed: Promise<number> | undefined;
    let first: ServerSocket | undefined;
    const gateway = await startHostileGateway((request, socket) => {
      const server = accept(request, socket);
      server.send(hello());
      server.send(CONNECT);
      if (gateway.upgrades === 1) {
        first = server;
        streamed = streamFrame(server, 100 * MB);
      } else server.send(typingFrame(200));
    });
    try {
      const seen = await runChild<{
        code: string;
        closeCode: number;
        consequence: string;
        message: string;
        peakGrowth: number;
      }>('./big-frame-client.ts', [gateway.url]);
      assert.equal([seen.code, seen.closeCode, seen.consequence], ['FRAME_TOO_LARGE', 1009, 'reconnect']);
      assert.match(
        seen.message,
        /^a frame over 16777216 bytes \(the maxFrameBytes option\) was refused unread, closing with 1009; reconnecting in \d+ ms/,
      );
      const written = await (streamed ?? Promise.reject(new Error('no first connection')));
      assert.ok(written < 100 * MB, 'the gateway could not push the whole frame');
      // Reading the frame would take 100 MB and more; a third of that leaves room for what GC timing
      // and socket reads add to RSS on a loaded machine (16.2 MiB was seen under CI's load).
      assert.ok(
        seen.peakGrowth < 32 * MiB,
        `the client's resident memory rose ${(seen.peakGrowth / MiB).toFixed(1)} MiB`,
      );
      assert.is(gateway.upgrades, 2);
      figure(
        'a 100 MB frame',
        `refused at 16 MiB; the gateway wrote ${(written / MiB).toFixed(1)} MiB before the link was cut and read close ${first?.closeCode ?? '(none: the reset came first)'}; ` +
          `client peak RSS +${(seen.peakGrowth / MiB).toFixed(1)} MiB; 1 reconnect`,
      );
    } finally {
      await gateway.close();
    }
  },
);

const WEBSOCKETS: Array<{ which: string; option: Partial<GatewayClientOptions> }> = [
  { which: 'the default ws', option: {} },
  { which: 'a WebSocket class', option: { WebSocket: NodeWebSocket } },
];

for (const { which, option } of WEBSOCKETS) {
  big(
    `maxFrameBytes sets the limit of ${which}: a frame of exactly that many bytes is delivered, one byte more is refused`,
    async () => {
      const limit = 64 * 1024;
      const gateway = await startHostileGateway((request, socket) => {
        const server = accept(request, socket);
        server.send(hello());
        server.send(CONNECT);
        server.send(typingFrame(limit));
        server.send(typingFrame(limit + 1));
      });
      const client = new GatewayClient({
        cookie: COOKIE,
        url: gateway.url,
        maxFrameBytes: limit,
        reconnect: false,
        ...option,
      });
      try {
        const typed = collect(client, 'ChatChannelTyping');
        const errors = collect(client, 'error');
        const closed = next(client, 'close');
        await client.connect();
        assert.is((await closed).code, 1009);
        const [, delivered] = JSON.parse(typingFrame(limit).slice(2)) as [string, unknown];
        assert.equal(typed, [delivered], 'the frame at the limit, whole');
        assert.equal(
          errors.map((error) => [error.code, error.closeCode, error.consequence]),
          [['FRAME_TOO_LARGE', 1009, 'stop']],
        );
        assert.match(
          errors[0]?.message ?? '',
          'a frame over 65536 bytes (the maxFrameBytes option) was refused unread',
        );
      } finally {
        await client.close();
        await gateway.close();
      }
    },
  );
}

big('maxFrameBytes that is not a positive whole number is refused when the client is made', () => {
  for (const maxFrameBytes of [0, -1, 1.5, Number.NaN]) {
    assert.throws(
      () => new GatewayClient({ cookie: COOKIE, maxFrameBytes }),
      /the maxFrameBytes option .* is not a positive whole number of bytes/,
    );
  }
});

big.run();
