// Faults on a real redis-server, each with nothing lost: a worker killed in a handler, Redis restarted
// under load, Redis down when the publisher starts, a poison message, an overflowing buffer.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { Redis } from 'ioredis';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayPublisher } from '../../runtime/broker/publisher.js';
import type { BrokerError } from '../../runtime/broker/broker-error.js';
import type { DeadLetter, Gap } from '../../runtime/broker/worker-events.js';
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE, sleep, startSocketIo } from '../runtime/peers.js';
import { findRedisServer, freePort, SKIPPED, startRedis, type RedisServer } from './redis-server.js';
import { freshPrefix, startGateway, startWorker, typing, until } from './setup.js';

const TSX = import.meta.resolve('tsx');
const binary = findRedisServer();
if (binary === undefined) {
  console.log(SKIPPED);
} else {
  const faults = suite('faults, with nothing lost');
  let redis: RedisServer;
  faults.before(async () => {
    redis = await startRedis(binary);
  });
  faults.after(async () => {
    await redis.close();
  });

  faults('a worker killed with SIGKILL in the middle of a handler: another worker handles its message, then the next', async () => {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix, partitions: 1 });
    const child = spawn(process.execPath, ['--import', TSX, path.join(import.meta.dirname, 'killable-worker.ts'), redis.url, prefix, 'bots'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const handled: Array<{ userId: string; deliveries: number }> = [];
    let survivor;
    try {
      await until('the child worker to own the partition', () => output.includes('ready'), 20_000);
      survivor = await startWorker({ redis: redis.url, prefix, group: 'bots', partitions: 1 }, (worker) =>
        worker.on('ChatChannelTyping', (payload, delivery) => void handled.push({ userId: payload.userId, deliveries: delivery.deliveries })),
      );
      gateway.socket.emit('ChatChannelTyping', typing(1, 1));
      await until('the child to be in its handler', () => output.includes('handling u1'));
      child.kill('SIGKILL');
      await once(child, 'exit');
      gateway.socket.emit('ChatChannelTyping', typing(1, 2));
      await until('both events at the surviving worker', () => handled.length === 2);
      assert.equal(handled, [
        { userId: 'u1', deliveries: 2 },
        { userId: 'u2', deliveries: 1 },
      ]);
    } finally {
      child.kill('SIGKILL');
      await survivor?.close();
      await gateway.close();
    }
  });

  faults('Redis restarted under load (AOF on): every event sent before, during and after is handled and acknowledged', async () => {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix, partitions: 4 });
    const errors: BrokerError[] = [];
    gateway.publisher.on('error', (error) => void errors.push(error));
    const handled = new Set<string>();
    const workers = await Promise.all(
      [1, 2].map(() =>
        startWorker({ redis: redis.url, prefix, group: 'bots', partitions: 4 }, (worker) => {
          worker.on('error', () => undefined);
          worker.on('ChatChannelTyping', (payload) => void handled.add(`${payload.channelId}/${payload.userId}`));
        }),
      ),
    );
    const total = 2000;
    try {
      let restarted: Promise<void> | undefined;
      for (let i = 0; i < total; i++) {
        gateway.socket.emit('ChatChannelTyping', typing(i % 20, i));
        if (i === total / 2) restarted = redis.restart(200);
        if (i % 50 === 0) await sleep(5);
      }
      await restarted;
      await until('every event handled', () => handled.size === total, 20_000);
      assert.ok(errors.some((error) => error.code === 'REDIS_UNREACHABLE'), 'the publisher said it lost Redis');
      const check = new Redis(redis.url);
      try {
        for (let partition = 0; partition < 4; partition++) {
          let pending = 1;
          for (let tries = 0; pending > 0 && tries < 200; tries++) {
            pending = ((await check.xpending(`${prefix}:events:${partition}`, 'bots')) as [number])[0];
            if (pending > 0) await sleep(20);
          }
          assert.is(pending, 0, `partition ${partition} has nothing pending`);
        }
      } finally {
        check.disconnect();
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await gateway.close();
    }
  });

  faults('Redis down when the publisher starts: a clear error with fail, and with wait the events sent meanwhile arrive in order', async () => {
    const port = await freePort();
    const peer = await startSocketIo();
    const client = new GatewayClient({ cookie: COOKIE, url: peer.url, reconnect: false });
    const prefix = freshPrefix();
    const url = `redis://127.0.0.1:${port}`;
    const failing = new GatewayPublisher({ redis: url, source: client, prefix });
    const refused = await failing.start().then(() => 'started', (error: Error) => error.message);
    assert.is(
      refused,
      `cannot reach Redis at ${url} (connect ECONNREFUSED 127.0.0.1:${port}); start redis-server, check the URL, or wait for it (whenRedisDown: 'wait', publish --wait)`,
    );
    await failing.close();

    const waiting = new GatewayPublisher({ redis: url, source: client, prefix, partitions: 1, whenRedisDown: 'wait' });
    waiting.on('error', () => undefined);
    const started = waiting.start();
    await client.connect();
    const socket = await peer.nextConnection(0);
    for (let i = 1; i <= 3; i++) socket.emit('ChatChannelTyping', typing(1, i));
    await until('three events buffered', () => waiting.buffered === 3);
    const late = await startRedis(binary, port);
    const handled: string[] = [];
    const worker = await startWorker({ redis: url, prefix, group: 'bots', partitions: 1 }, (worker) =>
      worker.on('ChatChannelTyping', (payload) => void handled.push(payload.userId)),
    );
    try {
      await started;
      await until('the buffered events at the worker', () => handled.length === 3);
      assert.equal(handled, ['u1', 'u2', 'u3']);
    } finally {
      await worker.close();
      await waiting.close();
      await client.close();
      await peer.close();
      await late.close();
    }
  });

  faults('a poison message goes to the dead-letter stream with its error after N deliveries, and the others flow on in order', async () => {
    const prefix = freshPrefix();
    const gateway = await startGateway({ redis: redis.url, prefix, partitions: 1 });
    const handled: string[] = [];
    const failures: BrokerError[] = [];
    const letters: DeadLetter[] = [];
    const worker = await startWorker({ redis: redis.url, prefix, group: 'bots', partitions: 1, maxDeliveries: 3, claimIdleMs: 50 }, (worker) => {
      worker.on('error', (error) => void failures.push(error));
      worker.on('deadLetter', (letter) => void letters.push(letter));
      worker.on('ChatChannelTyping', (payload) => {
        if (payload.userId === 'u2') throw new Error('poison u2');
        handled.push(payload.userId);
      });
    });
    try {
      for (let i = 1; i <= 5; i++) gateway.socket.emit('ChatChannelTyping', typing(1, i));
      await until('the others handled', () => handled.length === 4);
      assert.equal(handled, ['u1', 'u3', 'u4', 'u5']);
      assert.is(failures.filter((error) => error.code === 'HANDLER_FAILED').length, 3);
      assert.match(failures[0]?.message ?? '', /^a handler of ChatChannelTyping threw on [0-9a-f]{8}:2 \(delivery 1 of 3\): poison u2; it is delivered again after 50 ms$/);
      assert.equal(letters.map(({ name, deliveries, error }) => ({ name, deliveries, error })), [{ name: 'ChatChannelTyping', deliveries: 3, error: 'poison u2' }]);
      const check = new Redis(redis.url);
      try {
        const dead = (await check.xrange(`${prefix}:dead:bots`, '-', '+')) as Array<[string, string[]]>;
        assert.is(dead.length, 1);
        const fields = dead[0]?.[1] ?? [];
        const field = (name: string) => fields[fields.indexOf(name) + 1];
        assert.is(field('error'), 'poison u2');
        assert.is(field('deliveries'), '3');
        assert.is(JSON.parse(field('payload') ?? '{}').userId, 'u2');
      } finally {
        check.disconnect();
      }
    } finally {
      await worker.close();
      await gateway.close();
    }
  });

  faults('a full buffer while Redis is away drops events, counted: the workers get a gap where they are missing', async () => {
    const prefix = freshPrefix();
    const peer = await startSocketIo();
    const client = new GatewayClient({ cookie: COOKIE, url: peer.url, reconnect: false });
    const publisher = new GatewayPublisher({ redis: redis.url, source: client, prefix, partitions: 1, bufferSize: 5 });
    const overflows: Array<{ dropped: number; written: boolean }> = [];
    publisher.on('error', () => undefined);
    publisher.on('overflow', ({ dropped, written }) => void overflows.push({ dropped, written }));
    await publisher.start();
    await client.connect();
    const socket = await peer.nextConnection(0);
    const handled: string[] = [];
    const gaps: Gap[] = [];
    let worker;
    try {
      await redis.stop();
      for (let i = 1; i <= 8; i++) socket.emit('ChatChannelTyping', typing(1, i));
      await until('the buffer full', () => overflows.length === 1);
      await redis.start();
      worker = await startWorker({ redis: redis.url, prefix, group: 'bots', partitions: 1 }, (worker) => {
        worker.on('ChatChannelTyping', (payload) => void handled.push(payload.userId));
        worker.on('gap', (gap) => void gaps.push(gap));
      });
      await until('the kept events and the gap', () => handled.length === 5 && gaps.length === 1);
      assert.equal(handled, ['u1', 'u2', 'u3', 'u4', 'u5']);
      assert.equal(gaps, [{ partition: 0, dropped: 3 }]);
      assert.equal(overflows, [
        { dropped: 1, written: false },
        { dropped: 3, written: true },
      ]);
    } finally {
      await worker?.close();
      await publisher.close();
      await client.close();
      await peer.close();
    }
  });

  faults.run();
}
