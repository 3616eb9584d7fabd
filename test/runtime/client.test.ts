import { inspect } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket as NodeWebSocket, type WebSocket } from 'ws';
import { events } from '../../generated/index.js';
import type { ClientEvent, ClientEventMap, InvalidPayload, UnknownEvent } from '../../runtime/client-events.js';
import { GatewayClient, type GatewayClientOptions } from '../../runtime/client.js';
import { GatewayError } from '../../runtime/errors.js';
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

handshake.run();
// #endregion

// #region heartbeat
const heartbeat = suite('heartbeat');

heartbeat('the client pings every pingInterval, reports latency, and the server keeps the connection', async () => {
  await withSocketIo({ pingInterval: 50, pingTimeout: 50 }, {}, async (_peer, client) => {
    const beats = collect(client, 'heartbeat');
    const reconnects = collect(client, 'reconnecting');
    await client.connect();
    // The server drops a client that does not ping within pingInterval + pingTimeout (100 ms).
    await sleep(420);
    assert.ok(beats.length >= 5, `only ${beats.length} heartbeats in 420 ms`);
    assert.type(client.latency, 'number');
    assert.ok((client.latency ?? -1) >= 0);
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
      socket.send('42["ChatMessageCreated",{this is not json');
      socket.send(TYPING_FRAME);
    },
    {},
    async (_peer, client) => {
      const errors = collect(client, 'error');
      const typing = next(client, 'ChatChannelTyping');
      await client.connect();
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

iteration('a consumer that falls behind gets BUFFER_OVERFLOW after the buffered events', async () => {
  await withRaw(
    (socket) => {
      for (let index = 0; index < 4; index++) socket.send(TYPING_FRAME);
    },
    {},
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

redaction('the cookie never shows in inspection, JSON, thrown errors, rejections or error events', async () => {
  // A server that quotes the cookie back in its refusal, which comes instead of 40.
  const peer = await startRaw((socket) => {
    socket.send('0{"sid":"raw-sid","upgrades":[],"pingInterval":25000,"pingTimeout":5000}');
    socket.send(`44${JSON.stringify({ message: `bad cookie: ${COOKIE}` })}`);
  });
  const client = clientOf(peer);
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
