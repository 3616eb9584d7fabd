import type { Redis } from './ioredis.js';
import type { StreamKeys } from './stream-keys.js';

/** What the leases tell the worker. */
export interface LeaseHooks {
  /** The worker now owns `partition`: start reading it. */
  acquired(partition: number): void;
  /** The worker must stop reading `partition`; the lease is released once this resolves. */
  release(partition: number): Promise<void>;
  /** The lease ran out (Redis away too long): stop reading at once, another worker may own it now. */
  lost(partition: number): void;
}

// Renews only the owner's lease, and releases only its own: another worker's is left alone.
const RENEW = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

/**
 * Which partitions this worker owns. Each partition has a lease key (SET NX PX) that its owner renews;
 * the live workers of a group heartbeat into a sorted set, and each aims at its share, ceil(K / live):
 * one that owns too many releases the extra ones between messages, one that owns too few takes free
 * ones. A worker that dies stops renewing, and its partitions go to others when their leases expire.
 */
export class PartitionLeases {
  readonly #redis: Redis;
  readonly #keys: StreamKeys;
  readonly #group: string;
  readonly #consumer: string;
  readonly #partitions: number;
  readonly #leaseMs: number;
  readonly #hooks: LeaseHooks;
  readonly #owned = new Set<number>();
  readonly #releasing = new Set<number>();

  constructor(redis: Redis, keys: StreamKeys, settings: { group: string; consumer: string; partitions: number; leaseMs: number }, hooks: LeaseHooks) {
    this.#redis = redis;
    this.#keys = keys;
    this.#group = settings.group;
    this.#consumer = settings.consumer;
    this.#partitions = settings.partitions;
    this.#leaseMs = settings.leaseMs;
    this.#hooks = hooks;
  }

  /** The partitions owned now. */
  get owned(): ReadonlySet<number> {
    return this.#owned;
  }

  /** One round: heartbeat, renew, then release or take partitions to reach this worker's share. */
  async tick(): Promise<void> {
    const now = Date.now();
    const workers = this.#keys.workers(this.#group);
    const results = await this.#redis
      .multi()
      .zadd(workers, now, this.#consumer)
      .zremrangebyscore(workers, '-inf', now - this.#leaseMs)
      .zcard(workers)
      .exec();
    const live = Math.max(1, Number(results?.[2]?.[1] ?? 1));
    const share = Math.ceil(this.#partitions / live);

    // Renewed in one pipeline, so that a busy Redis delays them all by one round trip, not one each.
    const owned = [...this.#owned];
    const renewals = this.#redis.pipeline();
    for (const partition of owned) renewals.eval(RENEW, 1, this.#keys.lease(this.#group, partition), this.#consumer, this.#leaseMs);
    const renewed = (await renewals.exec()) ?? [];
    for (const [index, partition] of owned.entries()) {
      const [error, result] = renewed[index] ?? [null, 0];
      if (error !== null) throw error;
      if (result === 0 && !this.#releasing.has(partition)) {
        this.#owned.delete(partition);
        this.#hooks.lost(partition);
      }
    }
    const extra = [...this.#owned].filter((partition) => !this.#releasing.has(partition)).slice(share);
    for (const partition of extra) void this.#release(partition);
    if (this.#owned.size >= share) return;
    // Each worker starts looking at another place, so that new workers do not all race for partition 0.
    const start = offset(this.#consumer, this.#partitions);
    for (let i = 0; i < this.#partitions && this.#owned.size < share; i++) {
      const partition = (start + i) % this.#partitions;
      if (this.#owned.has(partition)) continue;
      const taken = await this.#redis.set(this.#keys.lease(this.#group, partition), this.#consumer, 'PX', this.#leaseMs, 'NX');
      if (taken !== 'OK') continue;
      this.#owned.add(partition);
      this.#hooks.acquired(partition);
    }
  }

  /** Releases every partition (after its reader stopped) and leaves the group's live set. */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.#owned].map((partition) => this.#release(partition)));
    await this.#redis.zrem(this.#keys.workers(this.#group), this.#consumer);
  }

  async #release(partition: number): Promise<void> {
    if (this.#releasing.has(partition)) return;
    this.#releasing.add(partition);
    try {
      await this.#hooks.release(partition);
      await this.#redis.eval(RELEASE, 1, this.#keys.lease(this.#group, partition), this.#consumer);
    } finally {
      this.#owned.delete(partition);
      this.#releasing.delete(partition);
    }
  }
}

function offset(consumer: string, partitions: number): number {
  let hash = 0;
  for (let i = 0; i < consumer.length; i++) hash = (Math.imul(hash, 31) + consumer.charCodeAt(i)) | 0;
  return (hash >>> 0) % partitions;
}
