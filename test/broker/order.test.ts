// Order per channel: 10,000 events over 50 channels through 8 partitions to 3 workers whose handlers
// take random time; each channel's events must be handled in the order the gateway sent them.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sleep } from '../runtime/peers.js';
import { findRedisServer, SKIPPED, startRedis, type RedisServer } from './redis-server.js';
import { freshPrefix, startGateway, startWorker, typing, until } from './setup.js';

const EVENTS = 10_000;
const CHANNELS = 50;
const PARTITIONS = 8;
const WORKERS = 3;

/** A small seeded generator (mulberry32), so that a failing run can be run again as it was. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const binary = findRedisServer();
if (binary === undefined) {
  console.log(SKIPPED);
} else {
  const order = suite('order per channel');
  let redis: RedisServer;
  order.before(async () => {
    redis = await startRedis(binary);
  });
  order.after(async () => {
    await redis.close();
  });

  order(`${EVENTS.toLocaleString('en')} events over ${CHANNELS} channels, ${WORKERS} workers, random handler delays: each channel in the order sent`, async () => {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix, partitions: PARTITIONS });
    const byChannel = new Map<string, number[]>();
    const byWorker = new Map<string, number>();
    let handled = 0;
    const next = random(16);
    const workers = await Promise.all(
      Array.from({ length: WORKERS }, () =>
        // A long lease: on a busy machine a missed renewal would hand a partition over mid-batch, which is
        // delivery again (at least once), not what this test is about.
        startWorker({ redis: redis.url, prefix, group: 'bots', partitions: PARTITIONS, leaseMs: 3000 }, (worker) =>
          worker.on('ChatChannelTyping', async (payload) => {
            // Mostly at once, sometimes after a few milliseconds: enough to interleave the workers.
            if (next() < 0.05) await sleep(Math.floor(next() * 4));
            else await Promise.resolve();
            const seen = byChannel.get(payload.channelId) ?? [];
            seen.push(Number(payload.userId.slice(1)));
            byChannel.set(payload.channelId, seen);
            byWorker.set(worker.consumer, (byWorker.get(worker.consumer) ?? 0) + 1);
            handled++;
          }),
        ),
      ),
    );
    try {
      await until('every worker owning partitions', () => workers.every((worker) => worker.partitions.length > 0));
      const sent = new Map<string, number[]>();
      for (let i = 0; i < EVENTS; i++) {
        const payload = typing(i % CHANNELS, i);
        sent.set(payload.channelId, [...(sent.get(payload.channelId) ?? []), i]);
        gateway.socket.emit('ChatChannelTyping', payload);
        if (i % 500 === 0) await sleep(1);
      }
      await until('every event handled', () => handled >= EVENTS, 30_000);
      assert.is(handled, EVENTS, 'each event handled once');
      for (const [channel, sequence] of sent) assert.equal(byChannel.get(channel), sequence, `channel ${channel}`);
      assert.is(byWorker.size, WORKERS, 'every worker handled events');
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await gateway.close();
    }
  });

  order.run();
}
