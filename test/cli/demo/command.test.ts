import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { within } from '../../runtime/peers.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LIMIT_MS = 30_000;

const demo = suite('the demo');

demo('replays the sample to GatewayClient, prints typed events and the validation summary, and exits 0', async () => {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'demo'], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  try {
    const [code] = (await within(LIMIT_MS, once(child, 'exit'), 'the demo to finish')) as [number];
    const elapsed = performance.now() - started;
    assert.is(code, 0, stdout + stderr);
    assert.is(stderr, '');
    assert.ok(elapsed < LIMIT_MS, `took ${Math.round(elapsed)} ms`);

    // Typed events, one line each: time, name, a summary from typed fields.
    assert.match(stdout, /^ {2}0:0\d\.\d {2}USER_PRESENCE_MANUALLY_SET {2}presence set to online$/m);
    assert.match(stdout, /^ {2}\d:\d\d\.\d {2}ChatMessageCreated +EdVMVKR4 in d2242862… \(reply\): "@GAPI Testing Account yes, right here:tada:"$/m);
    assert.match(stdout, /^ {2}\d:\d\d\.\d {2}ChatChannelTyping +2d2Wg8Pm is typing in d2242862…$/m);
    // What the spec does not know is flagged.
    assert.match(stdout, /ChatMessageEmbedsUpdated +<< UNKNOWN EVENT, not in the spec; its fields: channelId, /);
    assert.match(stdout, /<< UNKNOWN FIELD \/message\/embeds$/m);
    const [, got, of] = /^(\d+) of (\d+) events in [\d.]+ s: /m.exec(stdout) ?? [];
    assert.ok(got !== undefined && got === of, 'every event arrived');

    // Then the validation summary of the same capture.
    assert.match(stdout, /\$ guilded-gateway validate generated\/samples\/session\.har\n/);
    assert.match(stdout, /unknown names\n {2}event ChatMessageEmbedsUpdated/);
    assert.match(stdout, /result: .*exit 0/);
  } finally {
    child.kill('SIGKILL');
  }
});

demo.run();
