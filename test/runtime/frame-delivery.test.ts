/**
 * What a user of the default `ws` socket sees of the fast path: frames through ws's own 'message'
 * event, a 'frame' tap that can come and go, and listeners that change while an event is delivered.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { WebSocket } from 'ws';
import type { GatewayError } from '../../runtime/errors.js';
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE, greet, next, startRaw, within, type RawPeer } from './peers.js';

const TYPING = { type: 'ChatChannelTyping', channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6', userId: 'AnzVjdzd' } as const;
const TYPING_FRAME = `42${JSON.stringify(['ChatChannelTyping', TYPING])}`;

const delivery = suite('frame delivery');

/** A ready client of the default `ws` factory, connected to a raw peer; `body` gets the peer's socket. */
async function withClient(body: (socket: WebSocket, client: GatewayClient) => Promise<void>): Promise<void> {
  let connected: (socket: WebSocket) => void = () => undefined;
  const socketOf = new Promise<WebSocket>((resolve) => (connected = resolve));
  const peer: RawPeer = await startRaw((socket) => {
    greet(socket, { pingInterval: 25_000, pingTimeout: 5_000 });
    connected(socket);
  });
  const client = new GatewayClient({ cookie: COOKIE, url: peer.url, reconnect: false, validation: 'strict' });
  try {
    await within(2000, client.connect(), 'the connection');
    await body(await socketOf, client);
  } finally {
    await client.close();
    await peer.close();
  }
}

delivery("a 'frame' listener added while connected gets each text frame as sent, and none once removed", () =>
  withClient(async (socket, client) => {
    const frames: string[] = [];
    const tap = (frame: string): void => void frames.push(frame);
    client.on('frame', tap);
    socket.send(TYPING_FRAME);
    await next(client, 'ChatChannelTyping');
    client.off('frame', tap);
    socket.send(TYPING_FRAME);
    await next(client, 'ChatChannelTyping');
    assert.equal(frames, [TYPING_FRAME]);
  }),
);

delivery('a listener added during an event gets the next one; a once listener gets only the first', () =>
  withClient(async (socket, client) => {
    const calls: string[] = [];
    const late = (): void => void calls.push('late');
    client.once('ChatChannelTyping', () => {
      calls.push('once');
      client.on('ChatChannelTyping', late);
    });
    socket.send(TYPING_FRAME);
    socket.send(TYPING_FRAME);
    const last = next(client, 'ChatChannelTyping');
    socket.send(TYPING_FRAME);
    await last;
    assert.equal(calls, ['once', 'late', 'late']);
  }),
);

delivery('a binary frame is reported and dropped, and text frames keep coming', () =>
  withClient(async (socket, client) => {
    const error = next(client, 'error');
    socket.send(Buffer.from(TYPING_FRAME), { binary: true });
    assert.match((await error as GatewayError).message, 'binary frame of');
    socket.send(TYPING_FRAME);
    assert.equal(await next(client, 'ChatChannelTyping'), TYPING);
  }),
);

delivery.run();
