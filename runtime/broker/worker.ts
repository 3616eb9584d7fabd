import { hostname } from 'node:os';
import type { CommandName, CommandPayloadMap } from '../../generated/index.js';
import type { ValidationMode } from '../client-options.js';
import { TypedEmitter } from '../emitter.js';
import { validateCommand } from '../validation.js';
import { BrokerError, describeError, printUnheardBrokerError } from './broker-error.js';
import { ensureGroup } from './consumer-group.js';
import { connectRedis, openRedis, type Redis } from './ioredis.js';
import type { WhenRedisDown } from './redis-connection.js';
import { PartitionLeases } from './partition-leases.js';
import { PartitionReader, type ReaderSettings } from './partition-reader.js';
import type { StreamEntry } from './stream-entry.js';
import { checkPartitions, DEFAULT_PARTITIONS, streamKeys, type StreamKeys } from './stream-keys.js';
import type { Delivery, Handler, WorkerEventMap, WorkerNoticeMap } from './worker-events.js';

/** Options of `GatewayWorker`. */
export interface GatewayWorkerOptions {
  /** A Redis URL, such as `redis://127.0.0.1:6379`. */
  readonly redis: string;
  /** The consumer group: workers of one group share the events, each event handled by one of them. */
  readonly group: string;
  /** The publisher's partition count. Default 8. */
  readonly partitions?: number;
  /** The publisher's key prefix. Default `guilded-gateway`. */
  readonly prefix?: string;
  /** This worker's name in the group. Default: host, process id and a random suffix. */
  readonly consumer?: string;
  /** What an invalid payload does: `warn` (default) typed handler and `invalidPayload`; `strict` only `invalidPayload`; `off` typed only. */
  readonly validation?: ValidationMode;
  /** How long an unacknowledged message waits before it is delivered again. Default 30 s. */
  readonly claimIdleMs?: number;
  /** Deliveries before a message goes to the dead-letter stream. Default 5. */
  readonly maxDeliveries?: number;
  /** How long a partition stays owned by a worker that stopped renewing it. Default 10 s. */
  readonly leaseMs?: number;
  /** Messages read at once per partition. Default 100. */
  readonly batch?: number;
  /** At `start()` with Redis away: `fail` (default) rejects with REDIS_UNREACHABLE; `wait` waits. */
  readonly whenRedisDown?: WhenRedisDown;
}

/** What `on` takes for each name: handlers for messages, listeners for the worker's notices. */
export type WorkerListenerMap = { [K in keyof WorkerEventMap]: Handler<WorkerEventMap[K]> } & {
  [K in keyof WorkerNoticeMap]: (notice: WorkerNoticeMap[K]) => void;
};

/** Options of `GatewayWorker.send`. */
export interface SendOptions {
  /** The socket to send on: `user` (default) or a team id; a handler has it as `delivery.socket`. */
  readonly socket?: string;
}

/**
 * The consumer side of the broker: typed handlers like `GatewayClient`'s, fed from the partition streams
 * through a consumer group. At least once: a message is acknowledged only once its handlers resolved,
 * delivered again when they throw or the worker dies, and dead-lettered after `maxDeliveries`.
 */
export class GatewayWorker {
  readonly #url: string;
  readonly #keys: StreamKeys;
  readonly #partitions: number;
  readonly #validation: ValidationMode;
  readonly #whenDown: WhenRedisDown;
  readonly #leaseMs: number;
  readonly #settings: ReaderSettings;
  readonly #redis: Redis;
  readonly #leases: PartitionLeases;
  readonly #readers = new Map<number, PartitionReader>();
  readonly #handlers = new Map<string, Array<Handler<unknown>>>();
  readonly #notices: TypedEmitter<WorkerNoticeMap>;
  #timer: ReturnType<typeof setInterval> | undefined;
  #outage = false;
  #closed = false;

  constructor(options: GatewayWorkerOptions) {
    if (typeof options.group !== 'string' || options.group === '') throw new TypeError('the group option is missing: workers of one group share the events');
    this.#url = options.redis;
    this.#keys = streamKeys(options.prefix);
    this.#partitions = checkPartitions(options.partitions ?? DEFAULT_PARTITIONS);
    this.#validation = options.validation ?? 'warn';
    this.#whenDown = options.whenRedisDown ?? 'fail';
    this.#leaseMs = options.leaseMs ?? 10_000;
    const consumer = options.consumer ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 4)}`;
    this.#notices = new TypedEmitter<WorkerNoticeMap>({ listenerError: (_name, error) => queueMicrotask(() => { throw error; }) });
    this.#settings = {
      group: options.group,
      consumer,
      claimIdleMs: options.claimIdleMs ?? 30_000,
      maxDeliveries: options.maxDeliveries ?? 5,
      batch: options.batch ?? 100,
      deadKey: this.#keys.dead(options.group),
      errorsKey: this.#keys.errors(options.group),
      dispatch: (entry, delivery) => this.#dispatch(entry, delivery),
      report: (error) => this.#report(error),
      deadLettered: (letter) => this.#notices.emit('deadLetter', letter),
    };
    this.#redis = openRedis(options.redis, `guilded-gateway:worker:${consumer}`);
    this.#redis.on('error', () => undefined);
    this.#leases = new PartitionLeases(
      this.#redis,
      this.#keys,
      { group: options.group, consumer, partitions: this.#partitions, leaseMs: this.#leaseMs },
      {
        acquired: (partition) => this.#startReader(partition),
        release: (partition) => this.#stopReader(partition),
        lost: (partition) => void this.#stopReader(partition, true),
      },
    );
  }

  /** This worker's name in its group. */
  get consumer(): string {
    return this.#settings.consumer;
  }

  /** The partitions this worker reads now. */
  get partitions(): readonly number[] {
    return [...this.#leases.owned].sort((a, b) => a - b);
  }

  /** Connects, creates the group on every partition (from the start of the streams) and takes its share of partitions. */
  async start(): Promise<void> {
    await connectRedis(this.#redis, this.#url, this.#whenDown);
    for (let partition = 0; partition < this.#partitions; partition++) {
      await ensureGroup(this.#redis, this.#keys.events(partition), this.#settings.group, '0');
    }
    await this.#tick();
    this.#timer = setInterval(() => void this.#tick(), Math.max(10, Math.floor(this.#leaseMs / 3)));
  }

  /** Finishes the messages in hand, releases the partitions to the other workers and disconnects. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#leases.releaseAll().catch(() => undefined);
    await Promise.all([...this.#readers.keys()].map((partition) => this.#stopReader(partition)));
    this.#redis.disconnect();
  }

  /** Adds a handler for a message kind, or a listener for `error` or `deadLetter`. */
  on<K extends keyof WorkerListenerMap>(name: K, listener: WorkerListenerMap[K]): this {
    if (name === 'error' || name === 'deadLetter') {
      this.#notices.on(name as keyof WorkerNoticeMap, listener as (notice: unknown) => void);
      return this;
    }
    this.#handlers.set(name, [...(this.#handlers.get(name) ?? []), listener as Handler<unknown>]);
    return this;
  }

  /** Removes a handler or listener. */
  off<K extends keyof WorkerListenerMap>(name: K, listener: WorkerListenerMap[K]): this {
    if (name === 'error' || name === 'deadLetter') {
      this.#notices.off(name as keyof WorkerNoticeMap, listener as (notice: unknown) => void);
      return this;
    }
    const remaining = (this.#handlers.get(name) ?? []).filter((handler) => handler !== listener);
    if (remaining.length === 0) this.#handlers.delete(name);
    else this.#handlers.set(name, remaining);
    return this;
  }

  /**
   * Queues a command for the publisher, which sends it on `options.socket` (default `user`). Rejects with
   * INVALID_COMMAND when the payload fails the spec's check; resolves with the command's entry id.
   */
  async send<K extends CommandName>(name: K, payload: CommandPayloadMap[K], options: SendOptions = {}): Promise<string> {
    const result = validateCommand(name, payload);
    if (!result.ok || !result.known) {
      const why = result.known ? result.errors.map((error) => `${error.pointer || '/'} ${error.message}`).join('; ') : 'the spec has no such command';
      throw new BrokerError('INVALID_COMMAND', `${name} was not queued: ${why}`);
    }
    const fields = ['name', name, 'socket', options.socket ?? 'user', 'worker', this.#settings.consumer];
    if (payload !== undefined) fields.push('payload', JSON.stringify(payload));
    return (await this.#redis.xadd(this.#keys.commands, 'MAXLEN', '~', '10000', '*', ...fields)) as string;
  }

  #startReader(partition: number): void {
    const redis = openRedis(this.#url, `guilded-gateway:worker:${this.#settings.consumer}:${partition}`);
    redis.on('error', () => undefined);
    redis.connect().catch(() => undefined);
    this.#readers.set(partition, new PartitionReader(redis, this.#keys.events(partition), partition, this.#settings));
  }

  async #stopReader(partition: number, abandon = false): Promise<void> {
    const reader = this.#readers.get(partition);
    this.#readers.delete(partition);
    await (abandon ? reader?.abandon() : reader?.stop());
  }

  async #tick(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.#leases.tick();
      this.#outage = false;
    } catch (error) {
      if (this.#outage || this.#closed) return;
      this.#outage = true;
      this.#report(new BrokerError('REDIS_UNREACHABLE', `cannot renew partition leases: ${describeError(error)}; retrying`));
    }
  }

  /** Calls the handlers a message has under the validation mode; resolves to a reason to dead-letter it instead. */
  async #dispatch(entry: StreamEntry, delivery: Delivery): Promise<string | undefined> {
    if (entry.kind === 'gap') return this.#call('gap', () => ({ partition: delivery.partition, dropped: entry.dropped }), delivery);
    const { name } = entry;
    const parse = (): unknown => JSON.parse(entry.payload);
    if (entry.validation === 'unknown') return this.#call('unknownEvent', () => ({ name, payload: parse() }), delivery);
    if (entry.validation === 'invalid' && this.#validation !== 'off') {
      if (this.#validation === 'strict' && !this.#handlers.has('invalidPayload')) {
        return `invalid payload, held back in strict validation with no invalidPayload handler: ${entry.errors.map((error) => `${error.pointer || '/'} ${error.message}`).join('; ')}`;
      }
      await this.#call('invalidPayload', () => ({ name, payload: parse(), errors: entry.errors }), delivery);
      if (this.#validation === 'strict') return undefined;
    }
    return this.#call(name, parse, delivery);
  }

  /** Runs the handlers of `name` one after another; the payload is parsed only when there is one. */
  async #call(name: string, payload: () => unknown, delivery: Delivery): Promise<undefined> {
    const handlers = this.#handlers.get(name);
    if (handlers === undefined) return undefined;
    const value = payload();
    for (const handler of handlers) await handler(value, delivery);
    return undefined;
  }

  #report(error: BrokerError): void {
    if (this.#notices.has('error')) this.#notices.emit('error', error);
    else printUnheardBrokerError(error);
  }
}
