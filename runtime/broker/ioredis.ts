import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';
import { BrokerError } from './broker-error.js';
import { describeRedisUrl, type WhenRedisDown } from './redis-connection.js';

type RedisConstructor = new (url: string, options: RedisOptions) => Redis;

/** What importing the broker says when its optional peer dependency is missing. */
export const IOREDIS_MISSING =
  'guilded-gateway/broker needs ioredis, an optional peer dependency that is not installed: npm install ioredis';

// Loaded when the entry is imported, so that a missing ioredis is one clear line and not a resolver's stack.
const RedisClient: RedisConstructor = (() => {
  try {
    return createRequire(import.meta.url)('ioredis').Redis as RedisConstructor;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw Object.assign(new Error(IOREDIS_MISSING), { code: 'ERR_BROKER_PEER_MISSING' });
  }
})();

/**
 * A connection as the broker uses them: no offline queue and no resend, so that a command sent while
 * Redis is away fails at once and the broker's own buffer and retries decide what happens; reconnects
 * go on forever, with ioredis's backoff.
 */
export function openRedis(url: string, name: string): Redis {
  return new RedisClient(url, {
    connectionName: name,
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 50, 1000),
  });
}

export type { Redis };

/**
 * Connects `redis`. With `fail`, a first attempt that does not reach Redis rejects with
 * REDIS_UNREACHABLE (and stops retrying); with `wait`, resolves whenever Redis is there.
 */
export async function connectRedis(redis: Redis, url: string, whenDown: WhenRedisDown): Promise<void> {
  let lastError = 'no answer';
  const remember = (error: Error): void => {
    lastError = error.message;
  };
  redis.on('error', remember);
  try {
    if (whenDown === 'wait') {
      redis.connect().catch(() => undefined);
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
      return;
    }
    await redis.connect().catch(() => {
      redis.disconnect();
      throw new BrokerError(
        'REDIS_UNREACHABLE',
        `cannot reach Redis at ${describeRedisUrl(url)} (${lastError}); start redis-server, check the URL, or wait for it (whenRedisDown: 'wait', publish --wait)`,
      );
    });
  } finally {
    redis.off('error', remember);
  }
}
