import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket } from 'ws';
import { readCapture, type CapturedFrame } from '../../../cli/replay/capture.js';
import { parseSpeed } from '../../../cli/replay/command.js';
import { checkHandshake } from '../../../cli/replay/handshake.js';
import { buildSchedule } from '../../../cli/replay/schedule.js';
import type { ReplayServer } from '../../../cli/replay/server.js';
import type { ClientEvent } from '../../../runtime/client-events.js';
import { GatewayClient } from '../../../runtime/client.js';
import { GatewayError } from '../../../runtime/errors.js';
import { withReplay } from '../../reliability/replay-peers.js';
import { COOKIE, next, sleep, within } from '../../runtime/peers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SAMPLE = path.join(ROOT, 'generated/samples/session.har');
const CHANNEL_ID = 'd2242862-401c-42f8-9ce2-0c75977475a6';
const T0 = 1_698_277_092;

/** A valid ChatChannelTyping frame, told apart by its user id. */
const typing = (userId: string, trailingNull = false) =>
  `42${JSON.stringify(['ChatChannelTyping', { type: 'ChatChannelTyping', channelId: CHANNEL_ID, userId }, ...(trailingNull ? [null] : [])])}`;
const hello = (pingInterval: number, pingTimeout: number) => `0${JSON.stringify({ sid: 'captured', upgrades: [], pingInterval, pingTimeout })}`;
const received = (time: number | undefined, data: string): CapturedFrame => ({ direction: 'in', data, time });
const sent = (time: number, data: string): CapturedFrame => ({ direction: 'out', data, time });
// Positions are for the start-up lines about invalid frames; these tests look at what is replayed.
const withoutPositions = (frames: readonly CapturedFrame[]): CapturedFrame[] => frames.map(({ direction, data, time }) => ({ direction, data, time }));

/** A capture: the hello, `40`, then `typing` events from `u0`, `u1` ... at `offsets` seconds after the hello. */
function captureOf(offsets: readonly number[], heartbeat = { pingInterval: 25_000, pingTimeout: 5_000 }): CapturedFrame[] {
  return [
    received(T0, hello(heartbeat.pingInterval, heartbeat.pingTimeout)),
    received(T0, '40'),
    ...offsets.map((offset, index) => received(T0 + offset, typing(`u${index}`))),
  ];
}

/** The events a GatewayClient receives from `server` until it has `count` of them; the client is closed after. */
async function receiveWithClient(server: ReplayServer, count: number, ms = 5000): Promise<ClientEvent[]> {
  const client = new GatewayClient({ cookie: COOKIE, url: server.url, reconnect: false });
  const seen: ClientEvent[] = [];
  try {
    const events = client.events();
    await client.connect();
    await within(
      ms,
      (async () => {
        for await (const event of events) if (seen.push(event) === count) return;
      })(),
      `${count} events`,
    );
  } finally {
    await client.close();
  }
  return seen;
}

/** A raw WebSocket to `target` on the server, with every text frame it receives. */
async function rawSocket(server: ReplayServer, target = '/ws/?EIO=3&transport=websocket'): Promise<{ socket: WebSocket; frames: string[] }> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}${target}`);
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(data.toString()));
  await once(socket, 'open');
  return { socket, frames };
}

async function until(condition: () => boolean, what: string, ms = 2000): Promise<void> {
  await within(
    ms,
    (async () => {
      while (!condition()) await sleep(5);
    })(),
    what,
  );
}

const reader = suite('the capture reader');

reader('reads a HAR, merging the messages of several sockets by time, keeping what the server sent', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'replay-'));
  try {
    const file = path.join(dir, 'two.har');
    const socket = (messages: unknown[]) => ({ _resourceType: 'websocket', _webSocketMessages: messages });
    writeFileSync(
      file,
      JSON.stringify({
        log: {
          entries: [
            socket([
              { type: 'receive', time: T0, opcode: 1, data: 'a' },
              { type: 'receive', time: T0 + 2, opcode: 1, data: 'c' },
            ]),
            { request: {} },
            socket([
              { type: 'send', time: T0 + 0.5, opcode: 1, data: 'sent' },
              { type: 'receive', time: T0 + 1, opcode: 1, data: 'b' },
              { type: 'receive', time: T0 + 3, opcode: 2, data: 'AAE=' },
            ]),
          ],
        },
      }),
    );
    const capture = await readCapture(file);
    assert.is(capture.format, 'har');
    // The binary message is kept: the schedule skips it as invalid, or sends it under --verbatim.
    assert.equal(withoutPositions(capture.frames), [received(T0, 'a'), received(T0 + 1, 'b'), received(T0 + 2, 'c'), { direction: 'in', data: Buffer.from([0, 1]), time: T0 + 3 }]);
    assert.equal(capture.frames[3]!.position, { entry: 2, message: 2 });
    assert.equal(capture.problems.shown, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

reader('reads JSON lines: records, JSON strings and bare frames, and says which lines it skipped', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'replay-'));
  try {
    const file = path.join(dir, 'frames.jsonl');
    const lines = [
      JSON.stringify({ direction: 'in', data: '40', time: 1.5 }),
      JSON.stringify({ type: 'send', data: '2' }),
      JSON.stringify(typing('x')),
      '',
      '3',
      '{not json',
      JSON.stringify({ direction: 'sideways', data: '3' }),
      JSON.stringify({ direction: 'in', data: 'AAE=', opcode: 2 }),
    ];
    writeFileSync(file, lines.join('\n'));
    const capture = await readCapture(file);
    assert.is(capture.format, 'jsonl');
    assert.equal(withoutPositions(capture.frames), [
      received(1.5, '40'),
      { direction: 'unknown', data: typing('x'), time: undefined },
      { direction: 'unknown', data: '3', time: undefined },
      { direction: 'in', data: Buffer.from([0, 1]), time: undefined },
    ]);
    assert.equal(capture.problems.shown, [
      { at: { file, line: 6, column: 2 }, message: "unexpected 'n', expected a key or '}'; line skipped", excerpt: '{not json' },
      { at: { file, line: 7 }, message: 'direction "sideways" is none of in, out, receive, send; line skipped' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

reader('gives no frames of a HAR that stops being JSON, and says where it stops', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'replay-'));
  try {
    const file = path.join(dir, 'cut.har');
    const whole = JSON.stringify({ log: { entries: [{ _webSocketMessages: [{ type: 'receive', time: T0, opcode: 1, data: typing('a') }, { type: 'receive', time: T0 + 1, opcode: 1, data: typing('b') }] }] } });
    writeFileSync(file, whole.slice(0, whole.lastIndexOf('ChatChannelTyping')));
    const capture = await readCapture(file);
    assert.equal(capture.frames, []);
    assert.equal(capture.problems.count, 1);
    assert.match(capture.problems.shown[0]!.message, /^the file ends inside a string in log\.entries\[0\]\._webSocketMessages\[1\]\.data \(truncated\?\)$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

reader.run();

const schedule = suite('the schedule');

schedule('keeps only the events the server sent, timed from the hello', () => {
  const frames = [...captureOf([1, 2.5]), sent(T0 + 1.2, '42["ChatChannelTyping",{"channelId":"x"}]'), received(T0 + 1.3, '3')];
  const built = buildSchedule(frames, 1);
  assert.equal(
    built.frames.map((frame) => [frame.delayMs, frame.name]),
    [
      [1000, 'ChatChannelTyping'],
      [2500, 'ChatChannelTyping'],
    ],
  );
  assert.is(built.recordedMs, 2500);
  assert.is(built.skipped, 4);
  assert.ok(built.helloFromCapture);
});

schedule('divides the delays by the speed, and sends everything at once at Infinity', () => {
  assert.equal(buildSchedule(captureOf([1, 2]), 4).frames.map((frame) => frame.delayMs), [250, 500]);
  assert.equal(buildSchedule(captureOf([1, 2]), Infinity).frames.map((frame) => frame.delayMs), [0, 0]);
  assert.throws(() => buildSchedule([], 0), /speed 0 is not a positive number/);
});

schedule("takes the heartbeat from the capture's hello, else the spec's defaults", () => {
  const own = buildSchedule(captureOf([], { pingInterval: 1000, pingTimeout: 300 }), 1);
  assert.equal([own.pingInterval, own.pingTimeout, own.helloFromCapture], [1000, 300, true]);
  const none = buildSchedule([received(undefined, typing('a'))], 1);
  assert.equal([none.pingInterval, none.pingTimeout, none.helloFromCapture], [25_000, 5_000, false]);
});

schedule('keeps the order of frames without times or with times that go back', () => {
  const frames = [received(T0, typing('a')), received(undefined, typing('b')), received(T0 + 2, typing('c')), received(T0 + 1, typing('d'))];
  assert.equal(buildSchedule(frames, 1).frames.map((frame) => frame.delayMs), [0, 0, 2000, 2000]);
});

schedule.run();

const handshake = suite('the handshake');

const handshakeCases: { given: string; want: string | undefined }[] = [
  { given: '/ws/?jwt=undefined&EIO=3&transport=websocket&guildedClientId=x', want: undefined },
  { given: '/socket.io/?EIO=3&transport=websocket', want: undefined },
  { given: '/other/?EIO=3&transport=websocket', want: 'Bad request' },
  { given: '/ws/?EIO=4&transport=websocket', want: 'Unsupported protocol version' },
  { given: '/ws/?transport=websocket', want: 'Unsupported protocol version' },
  { given: '/ws/?EIO=3&transport=polling', want: 'Transport unknown' },
  { given: '/ws/?EIO=3&transport=websocket&sid=abc', want: 'Session ID unknown' },
];
for (const { given, want } of handshakeCases) {
  handshake(`${given} is ${want === undefined ? 'accepted' : `refused with 400 ${want}`}`, () => {
    const refusal = checkHandshake(given);
    assert.is(refusal?.message, want);
    if (refusal) assert.is(refusal.status, 400);
  });
}

handshake('parses --speed: a positive number, or max for as fast as possible; 0 is no speed', () => {
  assert.equal(['2', '0.5', 'max', '0', '-1', 'fast', ''].map(parseSpeed), [2, 0.5, Infinity, undefined, undefined, undefined, undefined]);
});

handshake.run();

const gateway = suite('the replay server, to GatewayClient');

gateway('delivers every event of the sample capture typed and in order, after the hello and 40', async () => {
  const built = buildSchedule((await readCapture(SAMPLE)).frames, Infinity);
  await withReplay(built, async (server, log) => {
    const events = await receiveWithClient(server, built.frames.length);
    assert.equal(
      events.map((event) => (event.name === 'unknownEvent' ? event.payload.name : event.name)),
      built.frames.map((frame) => frame.name),
    );
    assert.not.ok(events.some((event) => event.name === 'invalidPayload'));
    const created = events.find((event) => event.name === 'ChatMessageCreated');
    assert.ok(created?.name === 'ChatMessageCreated' && created.payload.message.content.document.nodes.length > 0);
    await until(() => log.some((event) => event.kind === 'disconnect'), 'the disconnect');
    assert.equal(
      log.map((event) => event.kind),
      ['connect', 'finished', 'disconnect'],
    );
    const disconnect = log.at(-1);
    assert.ok(disconnect?.kind === 'disconnect' && disconnect.code === 1000 && disconnect.sent === built.frames.length);
  });
});

gateway('sends the heartbeat values of the capture and answers every ping, so a pinging client stays', async () => {
  await withReplay(buildSchedule(captureOf([0], { pingInterval: 40, pingTimeout: 60 }), 1), async (server) => {
    const client = new GatewayClient({ cookie: COOKIE, url: server.url, reconnect: false });
    try {
      const greeting = next(client, 'hello');
      await client.connect();
      const { upgrades, pingInterval, pingTimeout } = await greeting;
      assert.equal({ upgrades, pingInterval, pingTimeout }, { upgrades: [], pingInterval: 40, pingTimeout: 60 });
      await next(client, 'heartbeat');
      await next(client, 'heartbeat');
      // Well past pingInterval + pingTimeout: the server has not dropped a client that pings.
      await sleep(250);
      assert.is(client.status, 'ready');
    } finally {
      await client.close();
    }
  });
});

gateway('refuses another path with 400, which GatewayClient reports as a rejected handshake', async () => {
  await withReplay(buildSchedule(captureOf([0]), 1), async (server, log) => {
    const client = new GatewayClient({ cookie: COOKIE, url: server.url.replace('/ws/', '/gateway/'), reconnect: false });
    const error = await client.connect().then(
      () => assert.unreachable('connected'),
      (reason: unknown) => reason,
    );
    assert.instance(error, GatewayError);
    assert.is((error as GatewayError).code, 'HANDSHAKE_REJECTED');
    assert.is((error as GatewayError).status, 400);
    assert.is(log[0]?.kind, 'refused');
  });
});

gateway.run();

const socketIo = suite('the replay server, to socket.io-client 2');

interface SocketIoClient {
  on(name: string, listener: (...args: unknown[]) => void): void;
  close(): void;
}
const io = createRequire(import.meta.url)('socket.io-client') as (url: string, options: object) => SocketIoClient;

socketIo('delivers the same events through socket.on(name)', async () => {
  const built = buildSchedule((await readCapture(SAMPLE)).frames, Infinity);
  await withReplay(built, async (server) => {
    const socket = io(`http://127.0.0.1:${server.port}`, { path: '/ws', transports: ['websocket'], reconnection: false });
    try {
      const names: string[] = [];
      const payloads: unknown[] = [];
      for (const name of new Set(built.frames.map((frame) => frame.name))) {
        socket.on(name, (payload) => {
          names.push(name);
          payloads.push(payload);
        });
      }
      await until(() => names.length === built.frames.length, 'every event');
      assert.equal(names, built.frames.map((frame) => frame.name));
      assert.is((payloads[0] as { type: string }).type, names[0]);
    } finally {
      socket.close();
    }
  });
});

socketIo.run();

const protocol = suite('the replay server, to a raw WebSocket');

protocol('closes a client that stops pinging within pingInterval + pingTimeout', async () => {
  await withReplay(buildSchedule(captureOf([], { pingInterval: 100, pingTimeout: 100 }), 1), async (server, log) => {
    const { socket, frames } = await rawSocket(server);
    const opened = performance.now();
    const [code] = (await within(1000, once(socket, 'close'), 'the close')) as [number];
    const elapsed = performance.now() - opened;
    assert.ok(elapsed >= 150 && elapsed < 500, `closed after ${Math.round(elapsed)} ms`);
    // engine.io 3 closes without a status code.
    assert.is(code, 1005);
    assert.match(frames[0] ?? '', /^0\{"sid":"[\w-]{20}","upgrades":\[\],"pingInterval":100,"pingTimeout":100\}$/);
    assert.is(frames[1], '40');
    await until(() => log.some((event) => event.kind === 'disconnect'), 'the disconnect');
    const disconnect = log.find((event) => event.kind === 'disconnect');
    assert.ok(disconnect?.kind === 'disconnect' && disconnect.reason.startsWith('ping timeout'));
  });
});

protocol('answers 2probe with 3probe, refuses other namespaces with 44, and reports commands', async () => {
  await withReplay(buildSchedule(captureOf([]), 1), async (server, log) => {
    const { socket, frames } = await rawSocket(server);
    try {
      socket.send('2probe');
      socket.send('2');
      socket.send('40/team,');
      socket.send('42["ChatChannelTyping",{"channelId":"x"}]');
      await until(() => frames.length === 5, 'three answers');
      assert.equal(frames.slice(2), ['3probe', '3', '44/team,"Invalid namespace"']);
      await until(() => log.some((event) => event.kind === 'command'), 'the command');
      assert.equal(log.find((event) => event.kind === 'command'), { kind: 'command', client: 1, frame: '42["ChatChannelTyping",{"channelId":"x"}]' });
    } finally {
      socket.terminate();
    }
  });
});

protocol('closes on a frame that is not an engine.io packet, as engine.io does', async () => {
  await withReplay(buildSchedule(captureOf([]), 1), async (server, log) => {
    const { socket } = await rawSocket(server);
    socket.send('hello');
    await within(1000, once(socket, 'close'), 'the close');
    await until(() => log.some((event) => event.kind === 'disconnect'), 'the disconnect');
    assert.match(JSON.stringify(log.at(-1)), /parse error/);
  });
});

protocol('refuses an upgrade with EIO=4 with HTTP 400', async () => {
  await withReplay(buildSchedule(captureOf([]), 1), async (server) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws/?EIO=4&transport=websocket`);
    socket.on('error', () => undefined);
    const [, response] = (await within(1000, once(socket, 'unexpected-response'), 'the response')) as [unknown, { statusCode: number }];
    assert.is(response.statusCode, 400);
    socket.terminate();
  });
});

protocol.run();

const speed = suite('--speed');

/** Milliseconds from the first to the last of three events 300 ms apart in the capture, replayed at `speed`. */
async function span(speedValue: number): Promise<number> {
  let elapsed = 0;
  await withReplay(buildSchedule(captureOf([0, 0.3, 0.6]), speedValue), async (server) => {
    const { socket, frames } = await rawSocket(server);
    try {
      let first = 0;
      await until(() => {
        if (first === 0 && frames.length >= 3) first = performance.now();
        return frames.length === 5;
      }, 'three events');
      elapsed = performance.now() - first;
    } finally {
      socket.terminate();
    }
  });
  return elapsed;
}

speed('scales the recorded pace: 4x takes about a quarter of 1x, and max is immediate', async () => {
  const normal = await span(1);
  const fast = await span(4);
  const max = await span(Infinity);
  assert.ok(normal >= 500 && normal < 900, `1x took ${Math.round(normal)} ms for 600 ms of capture`);
  assert.ok(normal / fast > 2.5 && normal / fast < 8, `1x took ${Math.round(normal)} ms, 4x ${Math.round(fast)} ms`);
  assert.ok(max < 50, `max took ${Math.round(max)} ms`);
});

speed.run();

const command = suite('the replay command');

/** Starts `guilded-gateway replay` as a child process. */
function startCommand(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'replay', ...args], { cwd: ROOT });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return { child, output: () => stdout };
}

command('prints the url, each client coming and going, and stops on SIGINT with exit 0', async () => {
  const { child, output } = startCommand([path.relative(ROOT, SAMPLE), '--port', '0', '--speed', 'max']);
  try {
    await until(() => /listening on ws:\/\/127\.0\.0\.1:\d+\/ws\//.test(output()), 'the url', 10_000);
    const url = /listening on (ws:\/\/\S+)/.exec(output())![1]!;
    assert.match(output(), /^replaying generated\/samples\/session\.har: \d+ events recorded over 1:\d\d\.\d, as fast as possible$/m);
    assert.match(output(), /heartbeat: pingInterval 25000 ms, pingTimeout 5000 ms \(from the capture's hello\)/);
    const client = new GatewayClient({ cookie: COOKIE, url, reconnect: false });
    await client.connect();
    await client.close();
    await until(() => output().includes('client 1 disconnected'), 'the disconnect line');
    assert.match(output(), /client 1 connected to \/ws\/ \(sid [\w-]{20}\)/);
    assert.match(output(), /client 1 disconnected: closed by the client with 1000/);
    assert.not.match(output(), /SECRET/);
    child.kill('SIGINT');
    const [code] = (await within(5000, once(child, 'exit'), 'the exit')) as [number];
    assert.is(code, 0);
    assert.match(output(), /stopped\n$/);
  } finally {
    child.kill('SIGKILL');
  }
});

for (const value of ['fast', '0']) {
  command(`refuses --speed ${value} with exit 2, naming what it takes, and the usage`, async () => {
    const { child, output } = startCommand([path.relative(ROOT, SAMPLE), '--speed', value]);
    try {
      const [code] = (await within(10_000, once(child, 'exit'), 'the exit')) as [number];
      assert.is(code, 2);
      assert.is(output(), `--speed "${value}" is not a positive number (2: twice the recorded pace) or max (all at once)\nusage: guilded-gateway replay <capture> [--port N] [--speed X] [--host ADDRESS] [--verbatim]\n`);
    } finally {
      // A replay that took the value would serve until stopped.
      child.kill('SIGKILL');
    }
  });
}

command('--help offers a positive number or max for --speed, and 0 no longer', async () => {
  const { child, output } = startCommand(['--help']);
  await within(10_000, once(child, 'exit'), 'the exit');
  assert.match(output(), /--speed X +a positive number: X times the recorded pace \(default: 1; 2 is twice as fast\); max: all at once\n/);
  assert.not.match(output(), /\b0 or max/);
});

command.run();
