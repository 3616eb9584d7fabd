/**
 * Issue 12, "Secrets": a capture carrying the session cookie in a request header, a Set-Cookie
 * response header, a URL query and a frame payload. The cookie's value must appear in no output of
 * validate (text and --json), infer (stdout and --write files), replay (its log) or the client's debug lines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayClient } from '../../runtime/client.js';
import { runCli } from './measured-cli.js';
import { startReplayCommand } from './replay-command.js';

const TOKEN = 'TOPSECRET-cookie-4f9a2b7c1d';
const COOKIE = `hmac_signed_session=${TOKEN}`;
const CHANNEL = 'd2242862-401c-42f8-9ce2-0c75977475a6';

const messages = [
  { type: 'receive', time: 1700000000, opcode: 1, data: '0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":5000}' },
  // A known event with a wrong field type and an unknown field, both holding the cookie: validate shows both kinds of value.
  { type: 'receive', time: 1700000001, opcode: 1, data: `42${JSON.stringify(['ChatChannelTyping', { type: 'ChatChannelTyping', channelId: CHANNEL, userId: 7, echoed: COOKIE }])}` },
  // An event the spec lacks, whose sample and example validate and infer print.
  { type: 'receive', time: 1700000002, opcode: 1, data: `42${JSON.stringify(['SessionEcho', { type: 'SessionEcho', cookie: COOKIE, token: TOKEN }])}` },
];
const har = {
  log: {
    version: '1.2',
    entries: [
      {
        request: { method: 'GET', url: `wss://www.guilded.gg/ws/?jwt=undefined&${COOKIE}&EIO=3&transport=websocket`, headers: [{ name: 'Cookie', value: COOKIE }], cookies: [{ name: 'hmac_signed_session', value: TOKEN }] },
        response: { status: 101, headers: [{ name: 'Set-Cookie', value: `${COOKIE}; Path=/; HttpOnly` }], cookies: [] },
        _webSocketMessages: messages,
      },
    ],
  },
};

const test = suite('the session cookie of a capture reaches no output');
const dir = mkdtempSync(path.join(tmpdir(), 'gg-secrets-'));
const file = path.join(dir, 'session.har');
writeFileSync(file, JSON.stringify(har, null, 2));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const leaks = (text: string) => text.includes(TOKEN);

test('validate, as text and as --json', async () => {
  for (const args of [['validate', file], ['validate', '--json', file]]) {
    const run = await runCli(args);
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stdout, /ChatChannelTyping/);
    assert.ok(!leaks(run.stdout + run.stderr), `${args.join(' ')} printed the cookie:\n${run.stdout}`);
  }
});

test('infer, on stdout and in the files of --write', async () => {
  const printed = await runCli(['infer', file]);
  assert.match(printed.stdout, /SessionEcho/);
  assert.ok(!leaks(printed.stdout + printed.stderr), printed.stdout);
  const out = path.join(dir, 'proposed');
  const written = await runCli(['infer', file, '--write', out]);
  assert.is(written.code, 0, written.stderr);
  const files = readdirSync(out);
  assert.ok(files.includes('SessionEcho.yaml'), files.join(', '));
  for (const name of files) assert.ok(!leaks(readFileSync(path.join(out, name), 'utf8')), `${name} holds the cookie`);
  assert.ok(!leaks(written.stdout + written.stderr));
});

test("replay's log, and the debug lines of a GatewayClient it serves", async () => {
  const replay = await startReplayCommand([file, '--speed', 'max']);
  const debug: string[] = [];
  try {
    const client = new GatewayClient({ cookie: 'hmac_signed_session=anything', url: replay.url, reconnect: false });
    client.on('debug', (line) => debug.push(line));
    // The echo is the capture's last event: once it is in, every frame carrying the cookie has been through the client.
    const echoed = new Promise<void>((resolve) => client.on('unknownEvent', (event) => event.name === 'SessionEcho' && resolve()));
    await client.connect();
    await echoed;
    client.send('ChatChannelTyping', { channelId: CHANNEL });
    await client.close();
  } finally {
    await replay.stop();
  }
  assert.ok(debug.length > 0);
  assert.ok(!leaks(debug.join('\n')), debug.join('\n'));
  assert.match(replay.stdout(), /client 1 connected/);
  assert.ok(!leaks(replay.stdout() + replay.stderr()), replay.stdout());
});

test.run();
