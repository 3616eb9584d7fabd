// The README's bot example, run as a newcomer would run it, against the replay gateway at full speed:
// only its url is pointed at 127.0.0.1 (and reconnect turned off, so that the session ends with the
// replay). Its `for await` loop must print every event of the sample session, in order.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readCapture } from '../../cli/replay/capture.js';
import { buildSchedule } from '../../cli/replay/schedule.js';
import { startReplay } from '../../cli/replay/server.js';
import { events } from '../../generated/index.js';
import { decodeEventArgs, decodeFrame } from '../../runtime/index.js';
import { repoRoot } from '../cli/cli-fixture.js';

const run = promisify(execFile);
const README = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const SAMPLE = path.join(repoRoot, 'generated/samples/session.har');
const CONSTRUCTION = 'new GatewayClient({ cookie: process.env.GUILDED_COOKIE })';

/** The TypeScript blocks of the README's section for bot authors, in order. */
function botAuthorBlocks(): string[] {
  const section = README.slice(README.indexOf('## Bot authors'), README.indexOf('## Spec authors'));
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

/** The first: the bot example. */
function botExample(): string {
  const [block] = botAuthorBlocks();
  if (block === undefined) throw new Error('README.md has no ts block under "## Bot authors"');
  return block;
}

/** What the example's loop prints for a replayed frame. */
function expectedLine(data: string): string {
  const packet = decodeFrame(data);
  if (packet.type !== 'event') throw new Error(`not an event frame: ${data}`);
  const entry = events[packet.name];
  if (entry === undefined) return `not in the spec yet: ${packet.name}`;
  if (entry.name !== 'ChatMessageCreated') return entry.name;
  const decoded = decodeEventArgs(packet);
  const payload = (decoded.type === 'args' ? decoded.args[0] : undefined) as { message: { id: string } };
  return `message ${payload.message.id}`;
}

const example = suite("the README's bot example");

example('the example builds its client the way this test expects', () => {
  assert.ok(botExample().includes(CONSTRUCTION), `the example no longer contains ${CONSTRUCTION}`);
  assert.match(botExample(), /for await \(const event of client\)/);
});

example('the bot and diagnostics examples are type-checked, line for line, in test/types/readme-client.ts', () => {
  const checked = readFileSync(path.join(repoRoot, 'test/types/readme-client.ts'), 'utf8').split('\n').map((line) => line.trim());
  for (const block of botAuthorBlocks().slice(0, 2)) {
    let at = 0;
    for (const line of block.split('\n').map((text) => text.trim())) {
      if (line === '' || line.startsWith('import ')) continue;
      const found = checked.indexOf(line, at);
      assert.ok(found >= 0, `README line not in test/types/readme-client.ts (in this order): ${line}`);
      at = found + 1;
    }
  }
});

example('run against a replay at full speed, its for-await loop prints every event, in order', async () => {
  const schedule = buildSchedule((await readCapture(SAMPLE)).frames, Infinity);
  // After the events, an Engine.IO close packet (1): the session ends there, so does the loop, in order.
  const last = schedule.frames.at(-1)?.delayMs ?? 0;
  const replay = await startReplay({ schedule: { ...schedule, frames: [...schedule.frames, { delayMs: last, name: 'close', data: '1' }] } });
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-readme-'));
  try {
    const code = botExample()
      .replace("from 'guilded-gateway'", `from ${JSON.stringify(path.join(repoRoot, 'runtime/index.ts'))}`)
      .replace(CONSTRUCTION, `new GatewayClient({ cookie: process.env.GUILDED_COOKIE, url: ${JSON.stringify(replay.url)}, reconnect: false })`);
    const file = path.join(dir, 'bot.mts');
    writeFileSync(file, code);
    const env = { ...process.env, GUILDED_COOKIE: 'hmac_signed_session=readme-test' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', file], { cwd: repoRoot, env, timeout: 20_000 });
    const expected = schedule.frames.map((frame) => expectedLine(frame.data as string));
    const loopLines = stdout.split('\n').filter((line) => /^(message |not in the spec yet: |[A-Za-z_]+$)/.test(line));
    assert.equal(loopLines, expected);
  } finally {
    await replay.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

example.run();
