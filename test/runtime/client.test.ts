import { inspect } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket as NodeWebSocket, type WebSocket } from 'ws';
import { events } from '../../generated/index.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import type { ClientEvent, ClientEventMap, InvalidPayload, UnknownEvent, UnknownFields } from '../../runtime/client-events.js';
import { GatewayClient, type GatewayClientOptions } from '../../runtime/client.js';
import { GatewayError } from '../../runtime/errors.js';
import type { WebSocketLike } from '../../runtime/websocket.js';
import {
  COOKIE,
  greet,
  next,
  refusedPort,
  sleep,
  startRaw,
  startSocketIo,
  within,
  type RawPeer,
  type ServerSocket,
  type SocketIoPeer,
} from './peers.js';

const CHANNEL_ID = 'd2242862-401c-42f8-9ce2-0c75977475a6';
const TYPING = { type: 'ChatChannelTyping', channelId: CHANNEL_ID, userId: 'AnzVjdzd' } as const;
const TYPING_FRAME = `42${JSON.stringify(['ChatChannelTyping', TYPING])}`;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FAST_RECONNECT = { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 5 };
const spec = await loadSpec(new URL('../../spec/', import.meta.url).pathname);

function clientOf(peer: { url: string }, options: Partial<GatewayClientOptions> = {}): GatewayClient {
  return new GatewayClient({ cookie: COOKIE, url: peer.url, reconnect: FAST_RECONNECT, ...options });
}

/** Runs `body` with a socket.io server and a client, closing both whatever happens. */
async function withSocketIo(
  serverOptions: Parameters<typeof startSocketIo>[0],
  clientOptions: Partial<GatewayClientOptions>,
  body: (peer: SocketIoPeer, client: GatewayClient) => Promise<void>,
): Promise<void> {
  const peer = await startSocketIo(serverOptions);
  const client = clientOf(peer, clientOptions);
  try {
    await body(peer, client);
  } finally {
    await client.close();
    await peer.close();
  }
}

/** Runs `body` with a raw server that greets each client, then hands the socket to `onGreeted`. */
async function withRaw(
  onGreeted: (socket: WebSocket) => void,
  clientOptions: Partial<GatewayClientOptions>,
  body: (peer: RawPeer, client: GatewayClient) => Promise<void>,
): Promise<void> {
  const peer = await startRaw((socket) => {
    greet(socket, { pingInterval: 25_000, pingTimeout: 5_000 });
    onGreeted(socket);
  });
  const client = clientOf(peer, clientOptions);
  try {
    await body(peer, client);
  } finally {
    await client.close();
    await peer.close();
  }
}

function collect<K extends keyof ClientEventMap>(client: GatewayClient, name: K): Array<ClientEventMap[K]> {
  const seen: Array<ClientEventMap[K]> = [];
  client.on(name, (payload) => seen.push(payload));
  return seen;
}

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => assert.unreachable('the promise resolved'),
    (reason: unknown) => reason,
  );
  assert.instance(error, GatewayError);
  return error as GatewayError;
}

// Compile-only: never called, these lines fail the type check if the client's typing loosens.
export function typeChecks(client: GatewayClient): void {
  client.on('ChatChannelTyping', (payload) => payload.channelId satisfies string);
  client.on('error', (error) => error.consequence satisfies 'reconnect' | 'stop' | 'drop' | 'continue');
  // @ts-expect-error an event the spec does not have
  client.on('ChatChannelTypo', () => {});
  // @ts-expect-error the payload of ChatChannelTyping has no such field
  client.on('ChatChannelTyping', (payload) => payload.channelID);
  // @ts-expect-error logout is sent bare
  client.send('logout', {});
  // @ts-expect-error ChatChannelTyping needs its payload
  client.send('ChatChannelTyping');
  // @ts-expect-error a misspelled field is a compile error
  client.send('ChatChannelTyping', { channelID: CHANNEL_ID });
}

// #region handshake
const handshake = suite('handshake with a socket.io 2.x server');

handshake('connect resolves once the hello and 40 arrived, and the server sees the query and the cookie', async () => {
  await withSocketIo({}, {}, async (peer, client) => {
    const hello = next(client, 'hello');
    await client.connect();
    assert.is(client.status, 'ready');
    assert.is((await hello).sid, client.sid);
    const { query, headers } = (await peer.nextConnection(0)).handshake;
    assert.is(query['jwt'], 'undefined');
    assert.is(query['EIO'], '3');
    assert.is(query['transport'], 'websocket');
    assert.is(query['guildedClientId'], client.guildedClientId);
    assert.match(client.guildedClientId, UUID_V4);
    assert.not.ok('teamId' in query);
    assert.not.ok('deviceType' in query);
    assert.is(headers['cookie'], COOKIE);
  });
});

handshake('each client makes its own guildedClientId unless one is given', async () => {
  const a = new GatewayClient({ cookie: COOKIE });
  const b = new GatewayClient({ cookie: COOKIE });
  const c = new GatewayClient({ cookie: COOKIE, guildedClientId: 'given' });
  assert.is.not(a.guildedClientId, b.guildedClientId);
  assert.is(c.guildedClientId, 'given');
  assert.ok(a.url.startsWith('wss://www.guilded.gg/ws/?jwt=undefined&EIO=3&transport=websocket&guildedClientId='));
});

handshake('an injected WebSocket class is constructed with the url and the cookie header', async () => {
  const made: Array<{ url: string; cookie: string | undefined }> = [];
  class CountingWebSocket extends NodeWebSocket {
    constructor(url: string, options: { headers: Record<string, string> }) {
      super(url, options);
      made.push({ url, cookie: options.headers['cookie'] });
    }
  }
  await withSocketIo({}, { WebSocket: CountingWebSocket }, async (_peer, client) => {
    await client.connect();
    assert.equal(made, [{ url: client.url, cookie: COOKIE }]);
  });
});

handshake('a team client sends teamId and deviceType in the query', async () => {
  await withSocketIo({}, { teamId: 'team-1', deviceType: 'web' }, async (peer, client) => {
    await client.connect();
    const { query } = (await peer.nextConnection(0)).handshake;
    assert.is(query['teamId'], 'team-1');
    assert.is(query['deviceType'], 'web');
    assert.is(client.teamId, 'team-1');
  });
});

handshake('an event the server emits reaches the typed listener', async () => {
  await withSocketIo({}, {}, async (peer, client) => {
    await client.connect();
    const typing = next(client, 'ChatChannelTyping');
    (await peer.nextConnection(0)).emit('ChatChannelTyping', TYPING);
    assert.equal(await typing, TYPING);
  });
});

handshake("send reaches the server's handler", async () => {
  await withSocketIo({}, {}, async (peer, client) => {
    await client.connect();
    const connection = await peer.nextConnection(0);
    const received = new Promise<unknown[]>((resolve) =>
      connection.on('ChatChannelTyping', (...args) => resolve(args)),
    );
    client.send('ChatChannelTyping', { channelId: CHANNEL_ID });
    assert.equal(await within(2000, received, 'the command'), [{ channelId: CHANNEL_ID }]);
  });
});

handshake('logout goes out as a bare 42["logout"]', async () => {
  await withSocketIo({}, {}, async (peer, client) => {
    await client.connect();
    const connection = await peer.nextConnection(0);
    const received = new Promise<unknown[]>((resolve) => connection.on('logout', (...args) => resolve(args)));
    client.send('logout');
    assert.equal(await within(2000, received, 'logout'), []);
  });
});

handshake('a 44 "unauthorized" rejects connect with CONNECT_REFUSED and does not reconnect', async () => {
  const middleware = (_socket: ServerSocket, accept: (error?: Error) => void): void =>
    accept(new Error('unauthorized'));
  await withSocketIo({ middleware }, {}, async (_peer, client) => {
    const reconnects = collect(client, 'reconnecting');
    const error = await rejection(client.connect());
    assert.is(error.code, 'CONNECT_REFUSED');
    assert.is(error.consequence, 'stop');
    assert.match(error.message, '"unauthorized"');
    assert.is(client.status, 'closed');
    assert.is(reconnects.length, 0);
  });
});

handshake(
  'a refused upgrade (http 400, as Guilded answers a bad guildedClientId) rejects connect naming the status',
  async () => {
    const allowRequest: NonNullable<Parameters<typeof startSocketIo>[0]>['allowRequest'] = (request, callback) => {
      const id = new URL(request.url ?? '/', 'http://localhost').searchParams.get('guildedClientId');
      callback(id === 'the-expected-id' ? null : 3, id === 'the-expected-id');
    };
    await withSocketIo({ allowRequest }, {}, async (_peer, client) => {
      const error = await rejection(client.connect());
      assert.is(error.code, 'HANDSHAKE_REJECTED');
      assert.is(error.status, 400);
      assert.is(error.consequence, 'stop');
      assert.match(error.message, 'http 400');
    });
  },
);

handshake('the userAgent and headers options arrive on the upgrade request, userAgent over a user-agent in headers', async () => {
  const userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
  const headers = { 'X-Client-Version': '1.2', 'User-Agent': 'not this one', Origin: 'https://www.guilded.gg' };
  await withSocketIo({}, { userAgent, headers }, async (peer, client) => {
    await client.connect();
    const seen = (await peer.nextConnection(0)).handshake.headers;
    assert.is(seen['user-agent'], userAgent);
    assert.is(seen['x-client-version'], '1.2');
    assert.is(seen['origin'], 'https://www.guilded.gg');
    assert.is(seen['cookie'], COOKIE);
  });
});

handshake('a cookie in the headers option is refused with a TypeError naming the cookie option', () => {
  assert.throws(
    () => new GatewayClient({ cookie: COOKIE, headers: { Cookie: COOKIE } }),
    (error: unknown) =>
      error instanceof TypeError && /pass it as the cookie option/.test(error.message) && !error.message.includes('SECRET'),
  );
});

handshake('with an injected WebSocket or createWebSocket the cookie may be left out, and none is sent', async () => {
  const injections: Array<Partial<GatewayClientOptions>> = [
    { WebSocket: NodeWebSocket },
    { createWebSocket: (url, headers) => new NodeWebSocket(url, { headers }) },
  ];
  for (const injection of injections) {
    const peer = await startSocketIo();
    const client = new GatewayClient({ url: peer.url, reconnect: false, ...injection });
    try {
      await client.connect();
      assert.is(client.status, 'ready');
      assert.not.ok('cookie' in (await peer.nextConnection(0)).handshake.headers);
    } finally {
      await client.close();
      await peer.close();
    }
  }
});

handshake('with the default WebSocket the cookie is required; an empty one is refused whatever the WebSocket', () => {
  const refused = (options: GatewayClientOptions, message: RegExp): void =>
    assert.throws(() => new GatewayClient(options), (error: unknown) => error instanceof TypeError && message.test(error.message));
  refused({}, /^the cookie option is missing; only a WebSocket or createWebSocket option/);
  refused({ cookie: ' ' }, /^the cookie option is empty/);
  refused({ cookie: '', WebSocket: NodeWebSocket }, /^the cookie option is empty/);
});

handshake.run();
// #endregion

// #region heartbeat
const heartbeat = suite('heartbeat');

heartbeat('the client pings every pingInterval, reports latency, and the server keeps the connection', async () => {
  // The server drops a client that does not ping within pingInterval + pingTimeout (450 ms); twelve
  // beats 50 ms apart outlast that, and the slack keeps a loaded machine from failing the test.
  await withSocketIo({ pingInterval: 50, pingTimeout: 400 }, {}, async (_peer, client) => {
    const reconnects = collect(client, 'reconnecting');
    let beats = 0;
    const twelveBeats = new Promise<void>((resolve) =>
      client.on('heartbeat', () => {
        if (++beats === 12) resolve();
      }),
    );
    await client.connect();
    let deadline: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_resolve, reject) => {
      deadline = setTimeout(() => reject(new Error(`only ${beats} heartbeats in 10 s`)), 10_000);
    });
    await Promise.race([twelveBeats, stalled]).finally(() => clearTimeout(deadline));
    assert.type(client.ping, 'number');
    assert.ok((client.ping ?? -1) >= 0);
    assert.is(reconnects.length, 0);
    assert.is(client.status, 'ready');
  });
});

heartbeat('a mute server is found dead within pingInterval + pingTimeout and the client reconnects', async () => {
  const peer = await startRaw((socket) => greet(socket, { pingInterval: 50, pingTimeout: 50 }));
  const client = clientOf(peer);
  try {
    const hello = next(client, 'hello');
    const reconnecting = next(client, 'reconnecting');
    await client.connect();
    await hello;
    const helloAt = performance.now();
    const { error } = await reconnecting;
    const elapsed = performance.now() - helloAt;
    assert.is(error.code, 'HEARTBEAT_TIMEOUT');
    assert.is(error.consequence, 'reconnect');
    assert.ok(elapsed >= 95 && elapsed < 160, `found dead after ${elapsed.toFixed(0)} ms`);
    assert.equal(await next(client, 'open'), { sid: 'raw-sid', reconnected: true });
  } finally {
    await client.close();
    await peer.close();
  }
});

heartbeat('a server ping is answered with a pong carrying its data', async () => {
  let pong: Promise<string> | undefined;
  await withRaw(
    (socket) => {
      pong = new Promise((resolve) => socket.on('message', (data) => resolve(String(data))));
      socket.send('2probe');
    },
    {},
    async (_peer, client) => {
      await client.connect();
      assert.is(await within(2000, pong ?? Promise.reject(new Error('no connection')), 'the pong'), '3probe');
    },
  );
});

heartbeat('ping is undefined until the first pong, then the round trip the heartbeat event reported', async () => {
  await withSocketIo({ pingInterval: 20, pingTimeout: 1000 }, {}, async (_peer, client) => {
    assert.is(client.ping, undefined);
    const beat = next(client, 'heartbeat');
    await client.connect();
    const { ping } = await beat;
    assert.ok(ping >= 0, `a round trip of ${ping} ms`);
    assert.is(client.ping, ping);
    assert.is(client.toJSON()['ping'], ping);
  });
});

heartbeat.run();
// #endregion

// #region drops and reconnects
const drops = suite('drops and reconnects');

const DROPS: Array<[string, (socket: ServerSocket) => void, { code: string; closeCode?: number }]> = [
  ['socket.disconnect() sends 41', (socket) => socket.disconnect(), { code: 'NAMESPACE_DISCONNECTED' }],
  [
    'closing the engine.io connection closes with 1005',
    (socket) => socket.conn.close(),
    { code: 'CONNECTION_CLOSED', closeCode: 1005 },
  ],
  [
    'destroying the TCP socket closes with 1006',
    (socket) => socket.conn.transport.socket._socket.destroy(),
    { code: 'CONNECTION_CLOSED', closeCode: 1006 },
  ],
];

for (const [how, drop, want] of DROPS) {
  drops(`${how}; the client reconnects and receives events again`, async () => {
    await withSocketIo({}, {}, async (peer, client) => {
      await client.connect();
      const reconnecting = next(client, 'reconnecting');
      const reopened = next(client, 'open');
      drop(await peer.nextConnection(0));
      const { error, attempt } = await reconnecting;
      assert.is(error.code, want.code);
      if (want.closeCode !== undefined) assert.is(error.closeCode, want.closeCode);
      assert.is(attempt, 1);
      assert.is((await reopened).reconnected, true);
      const typing = next(client, 'ChatChannelTyping');
      (await peer.nextConnection(1)).emit('ChatChannelTyping', TYPING);
      assert.equal(await typing, TYPING);
    });
  });
}

drops('a WebSocket factory that throws makes connect reject with CONNECTION_FAILED, nothing unhandled', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): number => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const client = new GatewayClient({
      createWebSocket: () => {
        throw new SyntaxError("Failed to construct 'WebSocket'");
      },
    });
    const error = await rejection(client.connect());
    assert.is(error.code, 'CONNECTION_FAILED');
    assert.match(error.message, "could not open a websocket to ws");
    assert.match(error.message, "Failed to construct 'WebSocket'");
    assert.is(client.status, 'closed');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

drops('a refused port is retried with backoff, then connect rejects without an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): number => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const port = await refusedPort();
  const client = new GatewayClient({
    cookie: COOKIE,
    url: `ws://127.0.0.1:${port}/ws/`,
    reconnect: { initialDelayMs: 4, maxDelayMs: 10, maxAttempts: 3 },
  });
  try {
    const reconnects = collect(client, 'reconnecting');
    const error = await rejection(client.connect());
    assert.is(error.code, 'CONNECTION_FAILED');
    assert.is(error.consequence, 'stop');
    assert.match(error.message, 'ECONNREFUSED');
    assert.match(error.message, 'gave up after 3 reconnect attempts');
    assert.equal(
      reconnects.map((event) => event.attempt),
      [1, 2, 3],
    );
    reconnects.forEach((event, index) =>
      assert.ok(event.delayMs < [4, 8, 10][index]!, `delay ${event.delayMs} over its cap`),
    );
    await sleep(20);
    assert.equal(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await client.close();
  }
});

drops('with reconnect: false the first drop ends the session', async () => {
  await withSocketIo({}, { reconnect: false }, async (peer, client) => {
    await client.connect();
    const errors = collect(client, 'error');
    const closed = next(client, 'close');
    (await peer.nextConnection(0)).conn.close();
    assert.is((await closed).code, 1005);
    assert.is(client.status, 'closed');
    assert.is(errors[0]?.consequence, 'stop');
    assert.match(errors[0]?.message ?? '', 'reconnect is off');
  });
});

drops('close() ends the session with 1000 and no reconnect follows', async () => {
  let serverSaw: Promise<number> | undefined;
  await withRaw(
    (socket) => {
      serverSaw = new Promise((resolve) => socket.on('close', (code) => resolve(code)));
    },
    {},
    async (peer, client) => {
      const reconnects = collect(client, 'reconnecting');
      const closed = next(client, 'close');
      await client.connect();
      await client.close();
      assert.equal(await closed, { code: 1000, reason: 'closed by the client' });
      assert.is(await within(2000, serverSaw ?? Promise.reject(new Error('no connection')), 'the close'), 1000);
      await sleep(30);
      assert.is(reconnects.length, 0);
      assert.is(peer.server.clients.size, 0);
      assert.is(client.status, 'closed');
    },
  );
});

drops('a client closed while it waits to reconnect rejects its pending connect', async () => {
  const port = await refusedPort();
  const client = new GatewayClient({
    cookie: COOKIE,
    url: `ws://127.0.0.1:${port}/ws/`,
    reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3 },
  });
  const connecting = client.connect();
  await next(client, 'reconnecting');
  await client.close();
  const error = await rejection(connecting);
  assert.is(error.code, 'CLIENT_CLOSED');
});

drops('1,000 reconnect cycles leave no listener, timer or socket behind', async () => {
  const count = (kind: string): number => process.getActiveResourcesInfo().filter((active) => active === kind).length;
  const timersBefore = count('Timeout');
  const socketsBefore = count('TCPSocketWrap');
  const peer = await startRaw((socket) => {
    greet(socket, { pingInterval: 1000, pingTimeout: 1000 });
    socket.close();
  });
  const client = clientOf(peer, { reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 3 } });
  const listenersBefore = client.listenerCount();
  let opened = 0;
  try {
    const done = new Promise<void>((resolve) => {
      client.on('open', () => {
        opened++;
        if (opened === 1000) resolve();
      });
    });
    await client.connect();
    await within(15_000, done, '1,000 reconnects');
  } finally {
    await client.close();
    await peer.close();
  }
  assert.is(opened, 1000);
  assert.is(client.listenerCount(), listenersBefore + 1, 'only the test listener remains');
  assert.ok(count('Timeout') <= timersBefore, `${count('Timeout') - timersBefore} timers left behind`);
  assert.ok(count('TCPSocketWrap') <= socketsBefore, `${count('TCPSocketWrap') - socketsBefore} sockets left behind`);
});

drops.run();
// #endregion

// #region frames
const frames = suite('frames from a raw server');

frames('garbage frames are reported and dropped, and later events still arrive', async () => {
  const garbage: Array<string | Buffer> = [
    '',
    'x',
    '9',
    '4',
    '47',
    '42',
    '42[',
    '42{}',
    '42[null]',
    '42[{"a":1}]',
    '42["ChatChannelTyping",',
    '43[]',
    '0{',
    '0[]',
    '0{"sid":1}',
    '45-1["x",{"_placeholder":true,"num":0}]',
    '44{',
    Buffer.from([0x04, 0x01, 0x02]),
  ];
  await withRaw(
    (socket) => {
      for (const frame of garbage) socket.send(frame);
      // Valid frames the client ignores.
      socket.send('6');
      socket.send('431[]');
      socket.send('40/other,');
      socket.send(TYPING_FRAME);
    },
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      const typing = next(client, 'ChatChannelTyping');
      await client.connect();
      assert.equal(await typing, TYPING);
      assert.is(errors.length, garbage.length);
      for (const error of errors) {
        assert.is(error.code, 'INVALID_FRAME');
        assert.is(error.consequence, 'drop');
      }
      assert.is(client.status, 'ready');
    },
  );
});

frames('an event nobody listens to is not parsed', async () => {
  await withRaw(
    (socket) => {
      // Sent when the client asks, after the tick that follows 40: until then connect() keeps every
      // event for a first iterator, so parses it.
      socket.on('message', () => {
        socket.send('42["ChatMessageCreated",{this is not json');
        socket.send(TYPING_FRAME);
      });
    },
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      const typing = next(client, 'ChatChannelTyping');
      await client.connect();
      await new Promise((resolve) => setTimeout(resolve, 1));
      client.send('ChatChannelTyping', { channelId: TYPING.channelId });
      await typing;
      assert.equal(errors, []);
    },
  );
});

frames('a 10 MB frame is delivered whole', async () => {
  const filler = 'x'.repeat(10 * 1024 * 1024);
  await withRaw(
    (socket) => socket.send(`42${JSON.stringify(['ChatChannelTyping', { ...TYPING, filler }])}`),
    {},
    async (_peer, client) => {
      const typing = next(client, 'ChatChannelTyping', 5000);
      await client.connect();
      const payload = (await typing) as unknown as { filler: string };
      assert.is(payload.filler.length, filler.length);
    },
  );
});

frames('unknown names (numeric ones too) arrive as unknownEvent, and the 2023 trailing null is accepted', async () => {
  await withRaw(
    (socket) => {
      socket.send('42["SomethingNew",{"a":1}]');
      socket.send('42[17,{"b":2}]');
      socket.send(`42${JSON.stringify(['ChatChannelTyping', TYPING, null])}`);
    },
    {},
    async (_peer, client) => {
      const unknown: UnknownEvent[] = collect(client, 'unknownEvent');
      const typing = next(client, 'ChatChannelTyping');
      await client.connect();
      assert.equal(await typing, TYPING);
      assert.equal(unknown, [
        { name: 'SomethingNew', payload: { a: 1 } },
        { name: '17', payload: { b: 2 } },
      ]);
    },
  );
});

frames('a listened event arrives whatever the shape of its frame', async () => {
  const payload = JSON.stringify(TYPING);
  const shapes = [
    TYPING_FRAME,
    `42["ChatChannelTyping",${payload},null]`,
    `42[ "ChatChannelTyping" , ${payload} ]`,
    `42["Chat\\u0043hannelTyping",${payload}]`,
    `427["ChatChannelTyping",${payload}]`,
  ];
  await withRaw(
    (socket) => {
      for (const frame of shapes) socket.send(frame);
      socket.send(`42["ChatChannelHidden",{"type":"ChatChannelHidden","channelId":"${CHANNEL_ID}"}]`);
    },
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      const typing = collect(client, 'ChatChannelTyping');
      const last = next(client, 'ChatChannelHidden');
      await client.connect();
      await last;
      assert.equal(typing, shapes.map(() => TYPING));
      assert.equal(errors, []);
    },
  );
});

frames('a listened event with invalid json is reported once and dropped', async () => {
  await withRaw(
    (socket) => {
      socket.send('42["ChatChannelTyping",{oops}]');
      socket.send(TYPING_FRAME);
    },
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      const typing = collect(client, 'ChatChannelTyping');
      const delivered = next(client, 'ChatChannelTyping');
      await client.connect();
      await delivered;
      assert.is(errors.length, 1);
      assert.is(errors[0]?.code, 'INVALID_FRAME');
      assert.match(errors[0]?.message ?? '', 'ChatChannelTyping');
      assert.equal(typing, [TYPING]);
    },
  );
});

frames('a name one character away from a listened one reaches unknownEvent, not that listener', async () => {
  const near = ['ChatChannelTypinG', 'XhatChannelTyping', 'ChatChannel_yping'];
  await withRaw(
    (socket) => {
      for (const name of near) socket.send(`42${JSON.stringify([name, TYPING])}`);
      socket.send(TYPING_FRAME);
    },
    {},
    async (_peer, client) => {
      const unknown: UnknownEvent[] = collect(client, 'unknownEvent');
      const typing = collect(client, 'ChatChannelTyping');
      const delivered = next(client, 'ChatChannelTyping');
      await client.connect();
      await delivered;
      assert.equal(typing, [TYPING]);
      assert.equal(
        unknown.map((event) => event.name),
        near,
      );
    },
  );
});

frames('another wire spelling of an event reaches the listener of its canonical name', async () => {
  const alias = Object.keys(events).find((wire) => events[wire]?.name !== wire);
  if (alias === undefined) return;
  const canonical = events[alias]!.name;
  await withRaw(
    (socket) => socket.send(`42${JSON.stringify([alias, { type: alias }])}`),
    { validation: 'off' },
    async (_peer, client) => {
      const delivered = next(client, canonical);
      await client.connect();
      assert.equal(await delivered, { type: alias });
    },
  );
});

frames.run();
// #endregion

// #region validation
const validation = suite('validation');

const INVALID_TYPING = { type: 'ChatChannelTyping', channelId: 5 };

async function deliveries(
  mode: GatewayClientOptions['validation'],
): Promise<{ typed: unknown[]; invalid: InvalidPayload[] }> {
  let typed: unknown[] = [];
  let invalid: InvalidPayload[] = [];
  await withRaw(
    (socket) => {
      socket.send(`42${JSON.stringify(['ChatChannelTyping', INVALID_TYPING])}`);
      socket.send(TYPING_FRAME);
    },
    mode === undefined ? {} : { validation: mode },
    async (_peer, client) => {
      typed = collect(client, 'ChatChannelTyping');
      invalid = collect(client, 'invalidPayload');
      const last = new Promise<void>((resolve) =>
        client.on('ChatChannelTyping', (payload) => payload.userId && resolve()),
      );
      await client.connect();
      await within(2000, last, 'the valid event');
    },
  );
  return { typed, invalid };
}

validation(
  'strict turns an invalid payload into invalidPayload with JSON pointers, instead of the typed event',
  async () => {
    const { typed, invalid } = await deliveries('strict');
    assert.equal(typed, [TYPING]);
    assert.is(invalid.length, 1);
    assert.is(invalid[0]?.name, 'ChatChannelTyping');
    assert.equal(invalid[0]?.payload, INVALID_TYPING);
    assert.equal(invalid[0]?.errors.map((error) => error.pointer).sort(), ['/channelId', '/userId']);
  },
);

validation('warn (the default) delivers an invalid payload and reports it', async () => {
  const { typed, invalid } = await deliveries(undefined);
  assert.equal(typed, [INVALID_TYPING, TYPING]);
  assert.is(invalid.length, 1);
});

validation('off delivers everything and reports nothing', async () => {
  const { typed, invalid } = await deliveries('off');
  assert.equal(typed, [INVALID_TYPING, TYPING]);
  assert.equal(invalid, []);
});

validation('strict refuses to send an invalid command; warn sends it and reports', async () => {
  let received: Promise<string> | undefined;
  await withRaw(
    (socket) => {
      received = new Promise((resolve) => socket.on('message', (data) => resolve(String(data))));
    },
    { validation: 'strict' },
    async (_peer, client) => {
      await client.connect();
      const error = (() => {
        try {
          client.send('ChatChannelTyping', { channelId: 'not a uuid' });
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      assert.instance(error, GatewayError);
      assert.is((error as GatewayError).code, 'INVALID_COMMAND');
      assert.is((error as GatewayError).consequence, 'drop');
      client.send('ChatChannelTyping', { channelId: CHANNEL_ID });
      assert.is(
        await within(2000, received ?? Promise.reject(new Error('no connection')), 'the command'),
        `42["ChatChannelTyping",{"channelId":"${CHANNEL_ID}"}]`,
      );
    },
  );
  await withRaw(
    (socket) => {
      received = new Promise((resolve) => socket.on('message', (data) => resolve(String(data))));
    },
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      await client.connect();
      client.send('ChatChannelTyping', { channelId: 'not a uuid' });
      assert.is(
        await within(2000, received ?? Promise.reject(new Error('no connection')), 'the command'),
        '42["ChatChannelTyping",{"channelId":"not a uuid"}]',
      );
      assert.is(errors[0]?.code, 'INVALID_COMMAND');
      assert.is(errors[0]?.consequence, 'continue');
    },
  );
});

const CREATED = spec.events.find((event) => event.name === 'ChatMessageCreated')!.examples[0] as {
  message: Record<string, unknown>;
};
const DRIFTED = { ...CREATED, brandNew: 1, message: { ...CREATED.message, 'a/b~c': true } };

/** What a client in `mode` reports and delivers for DRIFTED, then for the spec's own example. */
async function drift(
  mode: GatewayClientOptions['validation'],
): Promise<{ reports: UnknownFields[]; delivered: unknown[]; iterated: string[] }> {
  let reports: UnknownFields[] = [];
  let delivered: unknown[] = [];
  const iterated: string[] = [];
  await withRaw(
    (socket) => {
      socket.send(`42${JSON.stringify(['ChatMessageCreated', DRIFTED])}`);
      socket.send(`42${JSON.stringify(['ChatMessageCreated', CREATED])}`);
    },
    mode === undefined ? {} : { validation: mode },
    async (_peer, client) => {
      reports = collect(client, 'unknownFields');
      delivered = collect(client, 'ChatMessageCreated');
      const iterate = (async () => {
        for await (const event of client) if (iterated.push(event.name) === 2) return;
      })();
      await client.connect();
      await within(2000, iterate, 'both events');
    },
  );
  return { reports, delivered, iterated };
}

validation('fields the spec lacks are reported as unknownFields by JSON pointer, and the event is still delivered', async () => {
  for (const mode of [undefined, 'strict'] as const) {
    const { reports, delivered, iterated } = await drift(mode);
    assert.is(reports.length, 1, `validation ${mode ?? 'warn'}`);
    assert.is(reports[0]?.name, 'ChatMessageCreated');
    assert.equal(reports[0]?.payload, DRIFTED);
    assert.equal([...(reports[0]?.fields ?? [])].sort(), ['/brandNew', '/message/a~1b~0c']);
    assert.equal(delivered, [DRIFTED, CREATED]);
    assert.equal(iterated, ['ChatMessageCreated', 'ChatMessageCreated'], 'iterators get the events, not the report');
  }
});

validation('validation off reports no unknown fields', async () => {
  const { reports, delivered } = await drift('off');
  assert.equal(reports, []);
  assert.equal(delivered, [DRIFTED, CREATED]);
});

validation('an invalid payload with unknown fields is reported both ways', async () => {
  const both = { ...TYPING, channelId: 5, brandNew: 1 };
  await withRaw(
    (socket) => socket.send(`42${JSON.stringify(['ChatChannelTyping', both])}`),
    {},
    async (_peer, client) => {
      const invalid = collect(client, 'invalidPayload');
      const delivered = collect(client, 'ChatChannelTyping');
      const reports = next(client, 'unknownFields');
      await client.connect();
      assert.equal((await reports).fields, ['/brandNew']);
      assert.equal(delivered, [both]);
      assert.equal(
        invalid.map(({ errors }) => errors.map((error) => error.pointer)),
        [['/channelId']],
      );
    },
  );
});

validation('send before the connection is ready throws NOT_CONNECTED', () => {
  const client = new GatewayClient({ cookie: COOKIE });
  assert.throws(
    () => client.send('logout'),
    (error: unknown) => error instanceof GatewayError && error.code === 'NOT_CONNECTED',
  );
});

validation('a listener that throws is reported as LISTENER_ERROR and the other listeners still run', async () => {
  await withRaw(
    (socket) => socket.send(TYPING_FRAME),
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      client.on('ChatChannelTyping', () => {
        throw new Error('boom');
      });
      const typing = next(client, 'ChatChannelTyping');
      await client.connect();
      await typing;
      assert.is(errors[0]?.code, 'LISTENER_ERROR');
      assert.match(errors[0]?.message ?? '', 'boom');
    },
  );
});

validation.run();
// #endregion

// #region iteration
const iteration = suite('async iteration');

iteration('for await yields events in order and ends when the client closes', async () => {
  await withRaw(
    (socket) => {
      socket.send(TYPING_FRAME);
      socket.send('42["SomethingNew",{"a":1}]');
      socket.send(TYPING_FRAME);
    },
    {},
    async (_peer, client) => {
      const seen: ClientEvent[] = [];
      const iterate = (async () => {
        for await (const event of client) {
          seen.push(event);
          if (seen.length === 3) void client.close();
        }
      })();
      await client.connect();
      await within(2000, iterate, 'the iterator to end');
      assert.equal(
        seen.map((event) => event.name),
        ['ChatChannelTyping', 'unknownEvent', 'ChatChannelTyping'],
      );
    },
  );
});

/** A `ws` socket without pause() and resume(), as a browser's WebSocket is. */
function cannotPause(url: string, headers: Record<string, string>): WebSocketLike {
  const socket = new NodeWebSocket(url, { headers });
  return {
    get readyState() {
      return socket.readyState;
    },
    send: (data) => socket.send(data),
    close: (code) => socket.close(code),
    addEventListener: (type, listener) => socket.addEventListener(type, listener as () => void),
    removeEventListener: (type, listener) => socket.removeEventListener(type, listener as () => void),
  };
}

iteration('a consumer that falls behind a socket that cannot pause gets BUFFER_OVERFLOW after the buffered events', async () => {
  await withRaw(
    (socket) => {
      for (let index = 0; index < 4; index++) socket.send(TYPING_FRAME);
    },
    { createWebSocket: cannotPause },
    async (_peer, client) => {
      const iterator = client.events({ bufferSize: 2 });
      let count = 0;
      const all = new Promise<void>((resolve) => client.on('ChatChannelTyping', () => ++count === 4 && resolve()));
      await client.connect();
      await within(2000, all, 'four events');
      assert.is((await iterator.next()).done, false);
      assert.is((await iterator.next()).done, false);
      const error = await rejection(iterator.next());
      assert.is(error.code, 'BUFFER_OVERFLOW');
      assert.is((await iterator.next()).done, true);
    },
  );
});

iteration.run();
// #endregion

// #region redaction
const redaction = suite('cookie redaction');

function assertNoSecret(value: unknown, where: string): void {
  const text = typeof value === 'string' ? value : inspect(value, { showHidden: true, depth: Infinity });
  assert.not.match(text, 'SECRET', `the cookie shows in ${where}`);
  assert.not.match(JSON.stringify(value) ?? '', 'SECRET', `the cookie shows in JSON of ${where}`);
}

redaction('the cookie and headers never show in inspection, JSON, thrown errors, rejections or error events', async () => {
  // A server that quotes the cookie back in its refusal, which comes instead of 40.
  const peer = await startRaw((socket) => {
    socket.send('0{"sid":"raw-sid","upgrades":[],"pingInterval":25000,"pingTimeout":5000}');
    socket.send(`44${JSON.stringify({ message: `bad cookie: ${COOKIE}` })}`);
  });
  const client = clientOf(peer, { headers: { authorization: 'Bearer SECRET-bearer-0123456789' } });
  try {
    const errors = collect(client, 'error');
    const closes: unknown[] = [];
    client.on('close', (event) => closes.push(event));
    assertNoSecret(client, 'the idle client');
    const error = await rejection(client.connect());
    assert.match(error.message, '[redacted]');
    assertNoSecret(error, 'the rejection');
    assertNoSecret(error.stack, 'the stack');
    assertNoSecret(errors, 'the error events');
    assertNoSecret(closes, 'the close event');
    assertNoSecret(client, 'the closed client');
    assertNoSecret(String(client), 'String(client)');
    try {
      client.send('logout');
    } catch (thrown) {
      assertNoSecret(thrown, 'a thrown error');
    }
  } finally {
    await client.close();
    await peer.close();
  }
});

redaction('a failed connection does not leak the cookie either', async () => {
  const port = await refusedPort();
  const client = new GatewayClient({
    cookie: COOKIE,
    url: `ws://127.0.0.1:${port}/ws/`,
    reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 },
  });
  const reconnects = collect(client, 'reconnecting');
  const error = await rejection(client.connect());
  assertNoSecret(error, 'the rejection');
  assertNoSecret(reconnects, 'the reconnecting events');
  assertNoSecret(client, 'the client');
});

redaction.run();
// #endregion

// #region debug
const debug = suite('debug lines');

/** Asserts that `lines` match `patterns` one for one, in order. */
function assertLines(lines: readonly string[], patterns: readonly RegExp[]): void {
  assert.is(lines.length, patterns.length, `got these lines:\n${lines.join('\n')}`);
  patterns.forEach((pattern, index) => assert.match(lines[index] ?? '', pattern, `line ${index + 1}`));
}

debug('a session in words: connecting, hello, heartbeats, a drop, the reconnect and a refusal, never the cookie', async () => {
  let connections = 0;
  // The second connection is refused with a reason that quotes the cookie back.
  const middleware = (_socket: ServerSocket, accept: (error?: Error) => void): void =>
    accept(++connections === 1 ? undefined : new Error(`bad cookie: ${COOKIE}`));
  await withSocketIo({ pingInterval: 20, pingTimeout: 1000, middleware }, {}, async (peer, client) => {
    const lines = collect(client, 'debug');
    const errors = collect(client, 'error');
    const beat = next(client, 'heartbeat');
    await client.connect();
    await beat;
    const closed = next(client, 'close');
    (await peer.nextConnection(0)).conn.close();
    await closed;

    assert.ok(lines.includes('heartbeat: ping (2) sent'));
    assert.ok(lines.some((line) => /^heartbeat: pong \(3\) after \d+\.\d ms$/.test(line)));
    const connecting = /^connecting to ws:\/\/127\.0\.0\.1:\d+\/ws\/\?jwt=undefined&EIO=3&transport=websocket&guildedClientId=[0-9a-f-]{36}/;
    assertLines(
      lines.filter((line) => !line.startsWith('heartbeat: ')),
      [
        new RegExp(`${connecting.source}, sending headers cookie; waiting up to 20000 ms for the hello and 40$`),
        /^hello \(0\): sid \S+, pingInterval 20 ms, pingTimeout 1000 ms; pinging every 20 ms$/,
        /^ready \(40\): events flow$/,
        /^connection ended with 1005: the server closed the connection with 1005; reconnecting in \d ms \(attempt 1 of 5\)$/,
        new RegExp(`${connecting.source} \\(reconnect attempt 1\\), sending headers cookie;`),
        /^hello \(0\): sid \S+, pingInterval 20 ms/,
        /^connection ended with 1000: the server refused the connection with 44 "bad cookie: \[redacted\]", check the cookie; the session ended$/,
      ],
    );
    assert.is(errors.at(-1)?.code, 'CONNECT_REFUSED');
    assert.not.match(lines.join('\n'), 'SECRET');
  });
});

debug('a handshake timeout is told with its limit, and the retry with its delay; header values stay out', async () => {
  const peer = await startRaw(() => {});
  const client = clientOf(peer, {
    handshakeTimeoutMs: 20,
    reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 },
    userAgent: 'Mozilla/5.0',
    headers: { authorization: 'Bearer SECRET-bearer-0123456789' },
  });
  try {
    const lines = collect(client, 'debug');
    const error = await rejection(client.connect());
    assert.is(error.code, 'HANDSHAKE_TIMEOUT');
    assertLines(lines, [
      /^connecting to ws:.*, sending headers authorization, user-agent, cookie; waiting up to 20 ms for the hello and 40$/,
      /^connection ended with 4000: the upgrade succeeded but no engine\.io hello \(0\) followed within 20 ms of opening the socket; reconnecting in 0 ms \(attempt 1 of 1\)$/,
      /^connecting to ws:.* \(reconnect attempt 1\), sending headers authorization, user-agent, cookie;/,
      /^connection ended with 4000: the upgrade succeeded but no engine\.io hello \(0\) followed within 20 ms of opening the socket; the session ended, gave up after 1 reconnect attempts$/,
    ]);
    assert.not.match(lines.join('\n'), 'SECRET');
    assert.not.match(lines.join('\n'), 'Mozilla');
  } finally {
    await client.close();
    await peer.close();
  }
});

debug('close() is told as the end of the session with 1000', async () => {
  await withRaw(
    () => {},
    {},
    async (_peer, client) => {
      const lines = collect(client, 'debug');
      await client.connect();
      await client.close();
      assert.is(lines.at(-1), 'connection ended with 1000: closed by the client; the session ended');
    },
  );
});

debug.run();
// #endregion
