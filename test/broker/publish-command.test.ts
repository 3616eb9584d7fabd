// `guilded-gateway publish` as a user runs it, against a real redis-server: a capture published whole,
// and the one-line refusals (Redis down, no cookie for a real gateway).
import path from 'node:path';
import { Redis } from 'ioredis';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot, runTsx, type ChildRun } from '../cli/cli-fixture.js';
import { findRedisServer, freePort, SKIPPED, startRedis, type RedisServer } from './redis-server.js';
import { freshPrefix } from './setup.js';

const SAMPLE = path.join(repoRoot, 'generated/samples/session.har');

function publish(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildRun> {
  const { GUILDED_COOKIE: _ignored, ...rest } = process.env;
  return runTsx(path.join(repoRoot, 'cli/main.ts'), ['publish', ...args], { env: { ...rest, ...env } });
}

const binary = findRedisServer();
if (binary === undefined) {
  console.log(SKIPPED);
} else {
  const command = suite('guilded-gateway publish');
  let redis: RedisServer;
  command.before(async () => {
    redis = await startRedis(binary);
  });
  command.after(async () => {
    await redis.close();
  });

  command('--capture publishes every event of the capture into the streams and exits 0', async () => {
    const prefix = freshPrefix();
    const run = await publish(['--capture', SAMPLE, '--redis', redis.url, '--prefix', prefix, '--partitions', '2']);
    assert.is(run.stderr, '');
    assert.is(run.code, 0);
    const count = Number(/(\d+) events to publish/.exec(run.stdout)?.[1]);
    assert.ok(count > 0, run.stdout);
    assert.match(run.stdout, `stopped: ${count} events published`);
    const check = new Redis(redis.url);
    try {
      const lengths = await Promise.all([0, 1].map((partition) => check.xlen(`${prefix}:events:${partition}`)));
      assert.is(lengths[0]! + lengths[1]!, count);
    } finally {
      check.disconnect();
    }
  });

  command('Redis down: exit 1 with one line naming the URL and what to do', async () => {
    const port = await freePort();
    const run = await publish(['--capture', SAMPLE, '--redis', `redis://:hunter2@127.0.0.1:${port}`]);
    assert.is(run.code, 1);
    assert.is(
      run.stderr,
      `publish: cannot reach Redis at redis://:***@127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}); start redis-server, check the URL, or wait for it (whenRedisDown: 'wait', publish --wait)\n`,
    );
  });

  command("a real gateway without GUILDED_COOKIE: exit 1 saying where the cookie goes, before anything connects", async () => {
    const run = await publish(['--url', 'wss://www.guilded.gg/ws/', '--redis', redis.url]);
    assert.is(run.code, 1);
    assert.is(run.stderr, 'publish: GUILDED_COOKIE is not set: export the cookie header (hmac_signed_session=...) in it; it is never taken as an argument\n');
  });

  command.run();
}
