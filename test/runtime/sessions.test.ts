import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewaySessions, type EventOrigin } from '../../runtime/sessions.js';
import { COOKIE, sleep, startSocketIo, within, type SocketIoPeer } from './peers.js';

const TYPING = {
  type: 'ChatChannelTyping',
  channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6',
  userId: 'AnzVjdzd',
} as const;

/** Runs `body` with a socket.io server and sessions on it, closing both whatever happens. */
async function withSessions(
  serverOptions: Parameters<typeof startSocketIo>[0],
  body: (peer: SocketIoPeer, sessions: GatewaySessions) => Promise<void>,
): Promise<void> {
  const peer = await startSocketIo(serverOptions);
  const sessions = new GatewaySessions({
    cookie: COOKIE,
    url: peer.url,
    reconnect: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 5 },
  });
  try {
    await body(peer, sessions);
  } finally {
    await sessions.close();
    await peer.close();
  }
}

const sessions = suite('user and team sockets');

sessions('a team socket is the same url plus teamId, with the same guildedClientId', async () => {
  await withSessions({}, async (peer, sessions) => {
    await sessions.connect();
    const team = await sessions.openTeam('team-1');
    const user = (await peer.nextConnection(0)).handshake.query;
    const teamQuery = (await peer.nextConnection(1)).handshake.query;
    assert.not.ok('teamId' in user);
    assert.is(teamQuery['teamId'], 'team-1');
    assert.is(teamQuery['guildedClientId'], user['guildedClientId']);
    assert.is(team, sessions.teams.get('team-1'));
    assert.is(await sessions.openTeam('team-1'), team, 'opening a team twice gives the same socket');
  });
});

sessions('every event is tagged with the socket it came from', async () => {
  await withSessions({}, async (peer, sessions) => {
    const origins: string[] = [];
    const both = new Promise<void>((resolve) =>
      sessions.on('ChatChannelTyping', (payload, origin: EventOrigin) => {
        assert.equal(payload, TYPING);
        if (origins.push(origin.socket) === 2) resolve();
      }),
    );
    await sessions.connect();
    await sessions.openTeam('team-1');
    (await peer.nextConnection(0)).emit('ChatChannelTyping', TYPING);
    (await peer.nextConnection(1)).emit('ChatChannelTyping', TYPING);
    await within(2000, both, 'both events');
    assert.equal(origins.sort(), ['team-1', 'user']);
  });
});

sessions('each socket keeps its own heartbeat', async () => {
  await withSessions({ pingInterval: 50, pingTimeout: 50 }, async (_peer, sessions) => {
    const beats = new Map<string, number>();
    sessions.on('heartbeat', (_beat, origin) => beats.set(origin.socket, (beats.get(origin.socket) ?? 0) + 1));
    const reconnects: string[] = [];
    sessions.on('reconnecting', (_event, origin) => reconnects.push(origin.socket));
    await sessions.connect();
    await sessions.openTeam('team-1');
    await sleep(300);
    assert.ok((beats.get('user') ?? 0) >= 3, `user socket beat ${beats.get('user') ?? 0} times`);
    assert.ok((beats.get('team-1') ?? 0) >= 3, `team socket beat ${beats.get('team-1') ?? 0} times`);
    assert.equal(reconnects, []);
  });
});

sessions('a socket forwards only the events someone listens to, and stops when the last listener goes', async () => {
  await withSessions({}, async (_peer, sessions) => {
    const user = sessions.user;
    const before = user.listenerCount();
    const listener = (): void => {};
    sessions.on('ChatChannelTyping', listener);
    sessions.on('ChatChannelTyping', listener);
    assert.is(user.listenerCount('ChatChannelTyping'), 1, 'one forwarder for any number of listeners');
    const team = await sessions.openTeam('team-1');
    assert.is(team.listenerCount('ChatChannelTyping'), 1, 'a socket opened later gets the forwarder too');
    sessions.off('ChatChannelTyping', listener);
    sessions.off('ChatChannelTyping', listener);
    assert.is(user.listenerCount(), before);
    assert.is(team.listenerCount(), 0);
    sessions.once('ChatChannelTyping', listener);
    assert.is(user.listenerCount('ChatChannelTyping'), 1);
  });
});

sessions('closeTeam closes only that socket, and close() closes them all', async () => {
  await withSessions({}, async (_peer, sessions) => {
    await sessions.connect();
    const one = await sessions.openTeam('team-1');
    const two = await sessions.openTeam('team-2');
    await sessions.closeTeam('team-1');
    assert.is(one.status, 'closed');
    assert.is(two.status, 'ready');
    assert.is(sessions.user.status, 'ready');
    assert.equal([...sessions.teams.keys()], ['team-2']);
    await sessions.close();
    assert.is(two.status, 'closed');
    assert.is(sessions.user.status, 'closed');
  });
});

sessions('a listener that throws is reported as an error event from its socket', async () => {
  await withSessions({}, async (peer, sessions) => {
    const errors: Array<[string, string]> = [];
    sessions.on('error', (error, origin) => errors.push([error.code, origin.socket]));
    sessions.on('ChatChannelTyping', () => {
      throw new Error('boom');
    });
    const delivered = new Promise<void>((resolve) => sessions.on('ChatChannelTyping', () => resolve()));
    await sessions.connect();
    (await peer.nextConnection(0)).emit('ChatChannelTyping', TYPING);
    await within(2000, delivered, 'the event');
    assert.equal(errors, [['LISTENER_ERROR', 'user']]);
  });
});

sessions.run();
