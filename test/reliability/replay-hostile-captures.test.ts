/**
 * Issue 12, "The replay server against hostile captures": a capture whose frames are not valid
 * protocol (a truncated last frame, an unknown packet type, a binary message) is replayed without
 * them, one start-up line each; `--verbatim` sends them as recorded. And `--host`.
 */
import { once } from 'node:events';
import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { WebSocket } from 'ws';
import { startReplayCommand } from './replay-command.js';

const io = createRequire(import.meta.url)('socket.io-client') as (url: string, options: object) => SocketIoClient;
interface SocketIoClient {
  on(event: string, listener: (...args: unknown[]) => void): void;
  close(): void;
}

const TYPING = (user: string) => `42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"d2242862-401c-42f8-9ce2-0c75977475a6","userId":"${user}"}]`;
const TRUNCATED = '42["ChatMessageCreated",{"type":"ChatMessageCreated","channelId":';
const UNKNOWN_TYPE = '9nonsense';
const lines = [
  { direction: 'in', data: TYPING('a'), time: 1 },
  { direction: 'in', data: UNKNOWN_TYPE, time: 1.1 },
  { direction: 'in', data: 'AAE=', opcode: 2, time: 1.2 },
  { direction: 'in', data: TYPING('b'), time: 1.3 },
  { direction: 'in', data: TRUNCATED, time: 1.4 },
];

const test = suite('the replay server against hostile captures');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-replay-hostile-'));
const file = path.join(dir, 'hostile.jsonl');
writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('by default the invalid frames are skipped, one line each, and socket.io-client@2 gets the rest without a throw', async () => {
  const replay = await startReplayCommand([file, '--speed', 'max']);
  try {
    assert.equal(replay.stderr().trim().split('\n'), [
      `${file}:2: not a valid frame: unknown engine.io packet type "9" in "9nonsense"; skipped (--verbatim sends it as recorded)`,
      `${file}:3: not a valid frame: a binary frame (opcode 2): the gateway sends text only; skipped (--verbatim sends it as recorded)`,
      `${file}:5: not a valid frame: event "ChatMessageCreated" has no valid json array in "42[\\"ChatMessageCreated\\",{\\"type\\":\\"ChatMes…"; skipped (--verbatim sends it as recorded)`,
    ]);
    const client = io(replay.url.replace(/^ws:/, 'http:').replace(/\/ws\/$/, ''), { path: '/ws', transports: ['websocket'] });
    const users: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('ChatChannelTyping', (payload) => {
        if (users.push((payload as { userId: string }).userId) === 2) resolve();
      });
      client.on('error', reject);
    });
    client.close();
    assert.equal(users, ['a', 'b']);
  } finally {
    assert.is(await replay.stop(), 0);
  }
});

test('--verbatim sends every frame as recorded: the unknown type, the binary bytes and the truncated JSON', async () => {
  const replay = await startReplayCommand([file, '--speed', 'max', '--verbatim']);
  try {
    assert.match(replay.stderr(), /:5: not a valid frame: .*; sent as recorded \(--verbatim\)\n$/);
    const socket = new WebSocket(`${replay.url}?EIO=3&transport=websocket`);
    const frames: Array<string | Buffer> = [];
    socket.on('message', (data: Buffer, isBinary) => frames.push(isBinary ? data : data.toString()));
    await new Promise<void>((resolve) => socket.on('message', () => frames.at(-1) === TRUNCATED && resolve()));
    socket.terminate();
    assert.equal(frames.slice(2), [TYPING('a'), UNKNOWN_TYPE, Buffer.from([0, 1]), TYPING('b'), TRUNCATED]);
  } finally {
    assert.is(await replay.stop(), 0);
  }
});

test('--host 0.0.0.0 listens there and warns that a capture holds private messages', async () => {
  const replay = await startReplayCommand([file, '--speed', 'max', '--host', '0.0.0.0']);
  try {
    assert.match(replay.stderr(), /^warning: listening on 0\.0\.0\.0, not 127\.0\.0\.1: whoever reaches this port gets the whole capture, and a capture holds private messages$/m);
    const socket = new WebSocket(`${replay.url}?EIO=3&transport=websocket`);
    await once(socket, 'open');
    socket.terminate();
  } finally {
    assert.is(await replay.stop(), 0);
  }
});

test.run();
