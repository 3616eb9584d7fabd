// Errors nobody listens for are printed, one line each on stderr, as Node makes an unhandled 'error' loud.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { greet, startRaw } from './peers.js';

const run = promisify(execFile);
const BOT = new URL('./unheard-bot.ts', import.meta.url).pathname;
const TYPING = '42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"d2242862-401c-42f8-9ce2-0c75977475a6","userId":"AnzVjdzd"}]';
const DELETED = '42["ChatMessageDeleted",{"type":"ChatMessageDeleted","channelId":"d2242862-401c-42f8-9ce2-0c75977475a6","message":{"id":"b7d6c0a1-1d4e-4a43-9b57-6d27d1d7c6a0"}}]';

/** Runs the bot against a gateway that sends a typing event, a frame that is not JSON, then, once the bot's command arrives, an event that ends the bot. */
async function runBot(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const peer = await startRaw((socket) => {
    greet(socket, { pingInterval: 25_000, pingTimeout: 5_000 });
    socket.send(TYPING);
    socket.send('42["ChatChannelTyping",{not json');
    socket.on('message', (data) => {
      if (String(data).startsWith('42')) socket.send(DELETED);
    });
  });
  try {
    return await run(process.execPath, ['--import', 'tsx', BOT, peer.url, ...args], { timeout: 20_000 });
  } finally {
    await peer.close();
  }
}

const unheard = suite("errors with no 'error' listener");

unheard('each one is one line on stderr with its code; a listener error adds its stack; the cookie never shows', async () => {
  const { stdout, stderr } = await runBot();
  assert.is(stdout, 'done\n');
  const lines = stderr.split('\n').filter((line) => line.startsWith('guilded-gateway: '));
  assert.equal(
    lines.map((line) => line.split(':')[1]!.trim()),
    ['LISTENER_ERROR', 'INVALID_FRAME', 'INVALID_COMMAND'],
    stderr,
  );
  assert.match(lines[0]!, /a listener for ChatChannelTyping threw: handler failed with \[redacted/);
  assert.match(lines[0]!, /no 'error' listener: add one/);
  assert.match(stderr, /at .*unheard-bot\.ts:\d+/, 'the handler stack points at the bot');
  assert.match(lines[2]!, /\/channelId/);
  assert.not.match(stderr, /SECRET/);
});

unheard("nothing is printed when an 'error' listener is there", async () => {
  const { stdout, stderr } = await runBot('error');
  assert.is(stdout, 'done\n');
  assert.is(stderr, '');
});

unheard.run();
