import { describeError } from './broker-error.js';
import type { Redis } from './ioredis.js';

/** Creates a consumer group (and its stream) unless it exists; `from` is where a new group starts. */
export async function ensureGroup(redis: Redis, key: string, group: string, from: string): Promise<void> {
  try {
    await redis.xgroup('CREATE', key, group, from, 'MKSTREAM');
  } catch (error) {
    if (!describeError(error).startsWith('BUSYGROUP')) throw error;
  }
}

/** Waits `ms`: the pause between retries while Redis is away. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
