// The broker end to end on a real redis-server: socket.io gateway -> GatewayClient -> publisher ->
// Redis streams -> GatewayWorker, and commands back the other way.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Delivery } from '../../runtime/broker/worker-events.js';
import type { GatewayWorker } from '../../runtime/broker/worker.js';
import type { InvalidPayload } from '../../runtime/client-events.js';
import { findRedisServer, SKIPPED, startRedis, type RedisServer } from './redis-server.js';
import { freshPrefix, startGateway, startWorker, typing, until } from './setup.js';

const binary = findRedisServer();
if (binary === undefined) {
  console.log(SKIPPED);
} else {
  const broker = suite('the broker on a real Redis');
  let redis: RedisServer;
  broker.before(async () => {
    redis = await startRedis(binary);
  });
  broker.after(async () => {
    await redis.close();
  });

  broker('an event reaches a worker typed, with its socket, a stable id, its receive time and its text as sent', async () => {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix });
    const seen: Array<{ channelId: string; delivery: Delivery }> = [];
    const worker = await startWorker({ redis: redis.url, group: 'bots', prefix }, (worker) =>
      worker.on('ChatChannelTyping', (payload, delivery) => {
        seen.push({ channelId: payload.channelId, delivery });
      }),
    );
    try {
      const before = Date.now();
      gateway.socket.emit('ChatChannelTyping', typing(1, 1));
      await until('the event at the worker', () => seen.length === 1);
      const [{ channelId, delivery }] = seen as [(typeof seen)[number]];
      assert.is(channelId, typing(1, 1).channelId);
      assert.is(delivery.socket, 'user');
      assert.is(delivery.deliveries, 1);
      assert.match(delivery.id, /^[0-9a-f]{8}:1$/);
      assert.ok(delivery.receivedAt >= before && delivery.receivedAt <= Date.now());
      // The stream holds the payload's text exactly as the gateway sent it.
      const [, fields] = (await rawEntries(redis.url, `${prefix}:events:${delivery.partition}`))[0] as [string, string[]];
      assert.is(fields[fields.indexOf('payload') + 1], JSON.stringify(typing(1, 1)));
    } finally {
      await worker.close();
      await gateway.close();
    }
  });

  broker('a command a worker sends goes out on the socket, and a wrong one is refused before it is queued', async () => {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix });
    const worker = await startWorker({ redis: redis.url, group: 'bots', prefix });
    try {
      const received = new Promise<unknown>((resolve) => gateway.socket.on('ChatChannelTyping', resolve));
      await worker.send('ChatChannelTyping', { channelId: typing(2, 0).channelId });
      assert.equal(await received, { channelId: typing(2, 0).channelId });
      // @ts-expect-error a channelId is a string
      const refused = await worker.send('ChatChannelTyping', { channelId: 7 }).then(() => undefined, (error: Error) => error.message);
      assert.is(refused, 'ChatChannelTyping was not queued: /channelId must be string');
    } finally {
      await worker.close();
      await gateway.close();
    }
  });

  /** What a worker in `validation` mode does with one invalid payload and one valid one. */
  async function deliveredIn(validation: 'warn' | 'strict', withInvalidHandler: boolean): Promise<{ typed: string[]; invalid: InvalidPayload[]; dead: number }> {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix, partitions: 1 });
    const typed: string[] = [];
    const invalid: InvalidPayload[] = [];
    let dead = 0;
    const worker = await startWorker({ redis: redis.url, group: 'bots', prefix, partitions: 1, validation }, (worker: GatewayWorker) => {
      worker.on('ChatChannelTyping', (payload) => void typed.push(payload.userId));
      if (withInvalidHandler) worker.on('invalidPayload', (payload) => void invalid.push(payload));
      worker.on('deadLetter', () => void dead++);
    });
    try {
      gateway.socket.emit('ChatChannelTyping', { ...typing(3, 1), userId: 42 });
      gateway.socket.emit('ChatChannelTyping', typing(3, 2));
      await until('the valid event after the invalid one', () => typed.includes('u2'));
      return { typed, invalid, dead };
    } finally {
      await worker.close();
      await gateway.close();
    }
  }

  broker('warn: an invalid payload reaches its typed handler and invalidPayload, with the errors', async () => {
    const { typed, invalid, dead } = await deliveredIn('warn', true);
    assert.equal(typed, [42 as unknown as string, 'u2']);
    assert.equal(invalid.map((entry) => entry.errors), [[{ pointer: '/userId', message: 'must be string' }]]);
    assert.is(dead, 0);
  });

  broker('strict: an invalid payload reaches invalidPayload only; with no such handler it is dead-lettered, not dropped', async () => {
    const held = await deliveredIn('strict', true);
    assert.equal(held.typed, ['u2']);
    assert.is(held.invalid.length, 1);
    const unheard = await deliveredIn('strict', false);
    assert.equal(unheard.typed, ['u2']);
    assert.is(unheard.dead, 1);
  });

  broker.run();
}

/** The entries of a stream, read with a plain connection. */
async function rawEntries(url: string, key: string): Promise<Array<[string, string[]]>> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url);
  try {
    return (await redis.xrange(key, '-', '+')) as Array<[string, string[]]>;
  } finally {
    redis.disconnect();
  }
}
