/** Clients of the replay suite: plain ws clients, and raw TCP links that speak the upgrade and then misbehave. */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { WebSocket } from 'ws';
import { buildSchedule, type Schedule } from '../../cli/replay/schedule.js';
import { startReplay, type ReplayEvent, type ReplayServer } from '../../cli/replay/server.js';

/** A schedule of `count` ChatChannelTyping events, each padded to about `bytes`, all sent at once. */
export function typingSchedule(count: number, bytes = 200, heartbeat = { pingInterval: 25_000, pingTimeout: 5_000 }): Schedule {
  const frames = Array.from({ length: count }, (_, i) => ({
    direction: 'in' as const,
    time: i / 10,
    data: `42${JSON.stringify(['ChatChannelTyping', { type: 'ChatChannelTyping', channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6', userId: `u${i}`.padEnd(bytes, 'x') }])}`,
  }));
  const hello = { direction: 'in' as const, time: 0, data: `0${JSON.stringify({ sid: 's', upgrades: [], ...heartbeat })}` };
  return buildSchedule([hello, ...frames], Infinity);
}

/** Runs `body` with a replay of `schedule` whose events are collected, closing it whatever happens. */
export async function withReplay(schedule: Schedule, body: (server: ReplayServer, events: ReplayEvent[]) => Promise<void>): Promise<void> {
  const events: ReplayEvent[] = [];
  const server = await startReplay({ schedule, onEvent: (event) => events.push(event) });
  try {
    await body(server, events);
  } finally {
    await server.close();
  }
}

/** Connects a ws client and resolves to the number of events (`42...`) it received once it has `count`. */
export async function receiveEvents(url: string, count: number): Promise<number> {
  const socket = new WebSocket(`${url}?EIO=3&transport=websocket`);
  let events = 0;
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      if (data.toString().startsWith('42') && ++events === count) resolve();
    });
    socket.once('error', reject);
    socket.once('close', () => reject(new Error(`closed after ${events} of ${count} events`)));
  });
  socket.removeAllListeners('close');
  socket.terminate();
  return events;
}

/** A raw TCP link to the replay that has completed the WebSocket upgrade: what it does next is the test's. */
export async function upgradedSocket(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(
    [
      'GET /ws/?EIO=3&transport=websocket HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const [head] = (await once(socket, 'data')) as [Buffer];
  if (!head.toString().startsWith('HTTP/1.1 101')) throw new Error(`no upgrade: ${head.toString().split('\r\n')[0]}`);
  return socket;
}

/** A ws client that has connected and then does nothing of its own (ws answers a close frame). */
export async function openClient(url: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url}?EIO=3&transport=websocket`);
  socket.on('error', () => undefined);
  await once(socket, 'open');
  return socket;
}

/** Resolves when `events` holds a disconnect, and gives it. */
export async function disconnectOf(events: ReplayEvent[], client: number): Promise<Extract<ReplayEvent, { kind: 'disconnect' }>> {
  for (;;) {
    const found = events.find((event) => event.kind === 'disconnect' && event.client === client);
    if (found && found.kind === 'disconnect') return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
