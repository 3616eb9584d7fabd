// The README's order: `await client.connect()`, then `for await (const event of client)`. The replay
// gateway sends the whole sample session at once after `40`, so most of it arrives in the same socket
// reads as `40`, before the code after `await` runs; the iterator must still get every event.
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readCapture } from '../../cli/replay/capture.js';
import { buildSchedule } from '../../cli/replay/schedule.js';
import { startReplay } from '../../cli/replay/server.js';
import { GatewayClient } from '../../runtime/index.js';
import { within } from './peers.js';

const RUNS = 100;
const SAMPLE = path.join(import.meta.dirname, '../../generated/samples/session.har');
const schedule = buildSchedule((await readCapture(SAMPLE)).frames, Infinity);

/** The names a `for await` loop started right after `await connect()` sees, until it has `count` of them. */
async function iterateAfterConnect(url: string, count: number): Promise<string[]> {
  const client = new GatewayClient({ cookie: 'hmac_signed_session=test', url, reconnect: false });
  const names: string[] = [];
  try {
    await client.connect();
    for await (const event of client) {
      if (names.push(event.name === 'unknownEvent' ? event.payload.name : event.name) === count) break;
    }
  } finally {
    await client.close();
  }
  return names;
}

const afterConnect = suite('for await after await connect()');

afterConnect(`gets every event of the sample session, in order, in ${RUNS} runs at full speed`, async () => {
  const replay = await startReplay({ schedule });
  try {
    const expected = schedule.frames.map((frame) => frame.name);
    for (let run = 0; run < RUNS; run++) {
      const names = await within(5_000, iterateAfterConnect(replay.url, expected.length), `run ${run + 1} to receive ${expected.length} events`);
      assert.equal(names, expected, `run ${run + 1}`);
    }
  } finally {
    await replay.close();
  }
});

afterConnect('an iterator created later starts from then: what came before went to listeners only', async () => {
  const replay = await startReplay({ schedule });
  const client = new GatewayClient({ cookie: 'hmac_signed_session=test', url: replay.url, reconnect: false });
  try {
    let heard = 0;
    client.on('ChatMessageCreated', () => heard++);
    await client.connect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = client.events();
    await client.close();
    const seen: string[] = [];
    for await (const event of late) seen.push(event.name);
    assert.ok(heard > 0, 'the listener heard the session');
    assert.equal(seen, []);
  } finally {
    await replay.close();
  }
});

afterConnect.run();
