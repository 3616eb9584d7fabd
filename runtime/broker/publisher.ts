import { events as spec } from '../../generated/index.js';
import type { GatewayClient } from '../client.js';
import { TypedEmitter, type Listener } from '../emitter.js';
import type { GatewaySessions } from '../sessions.js';
import { runValidator } from '../validation.js';
import { BrokerError, describeError, printUnheardBrokerError } from './broker-error.js';
import { CommandRelay } from './command-relay.js';
import { readFrameEvent } from './event-frame.js';
import { connectRedis, openRedis, type Redis } from './ioredis.js';
import { describeRedisUrl, type WhenRedisDown } from './redis-connection.js';
import { partitionKey, partitionOf } from './partition.js';
import { PublishQueue, type QueuedItem } from './publish-queue.js';
import { publisherSource, type PublisherSource } from './publisher-source.js';
import { entryFields, type EntryValidation, type EventEntry } from './stream-entry.js';
import { checkPartitions, DEFAULT_PARTITIONS, streamKeys, type StreamKeys } from './stream-keys.js';

/** Options of `GatewayPublisher`. */
export interface GatewayPublisherOptions {
  /** A Redis URL, such as `redis://127.0.0.1:6379`. Its password never appears in a message. */
  readonly redis: string;
  /** The sockets to publish: one `GatewayClient`, or a `GatewaySessions` with its team sockets. */
  readonly source: GatewayClient | GatewaySessions;
  /** How many streams events are spread over; the workers must use the same. Default 8. */
  readonly partitions?: number;
  /** The prefix of every Redis key. Default `guilded-gateway`. */
  readonly prefix?: string;
  /** Each partition stream is trimmed to about this many entries (`MAXLEN ~`). Default 100,000. */
  readonly maxLength?: number;
  /** How many events may wait for Redis (away, or slower than a burst); past it they are dropped and counted (`overflow`). Default 10,000. */
  readonly bufferSize?: number;
  /** At `start()` with Redis away: `fail` (default) rejects with REDIS_UNREACHABLE; `wait` buffers and waits. */
  readonly whenRedisDown?: WhenRedisDown;
  /** The key whose events stay in order. Default: the payload's `channelId`, else its `teamId`, else the socket. */
  readonly partitionKey?: (name: string, payload: unknown, socket: string) => string;
}

/** Events dropped while the buffer was full (Redis away, or slower than the gateway). */
export interface Overflow {
  /** Events dropped so far in this gap, by partition. */
  readonly dropped: number;
  readonly partitions: Readonly<Record<number, number>>;
  /** False when the dropping starts; true once the gap, with its final counts, is in the streams. */
  readonly written: boolean;
}

/** What a publisher says. */
export interface PublisherEventMap {
  error: BrokerError;
  overflow: Overflow;
}

const BATCH = 1000;

/**
 * The gateway side of the broker: every event of its sockets is appended (XADD) to one of K Redis
 * streams, with its payload's text as received, its socket, receive time and validation result; and the
 * commands workers send come back through a commands stream and go out on the right socket.
 */
export class GatewayPublisher {
  readonly #url: string;
  readonly #source: PublisherSource;
  readonly #partitions: number;
  readonly #keys: StreamKeys;
  readonly #maxLength: string;
  readonly #whenDown: WhenRedisDown;
  readonly #key: (name: string, payload: unknown, socket: string) => string;
  readonly #queue: PublishQueue;
  readonly #redis: Redis;
  readonly #relay: CommandRelay;
  readonly #emitter: TypedEmitter<PublisherEventMap>;
  readonly #detach: () => void;
  // Each publisher run numbers its events; with the run, the number is the event's stable id.
  readonly #run = crypto.randomUUID().slice(0, 8);
  #sequence = 0;
  #published = 0;
  #flushing = false;
  #dropping = false;
  #down = false;
  #closed = false;
  #started = false;
  #drained: Array<() => void> = [];

  constructor(options: GatewayPublisherOptions) {
    this.#url = options.redis;
    this.#partitions = checkPartitions(options.partitions ?? DEFAULT_PARTITIONS);
    this.#keys = streamKeys(options.prefix);
    this.#maxLength = String(options.maxLength ?? 100_000);
    this.#whenDown = options.whenRedisDown ?? 'fail';
    this.#key = options.partitionKey ?? ((_name, payload, socket) => partitionKey(payload, socket));
    this.#queue = new PublishQueue(options.bufferSize ?? 10_000);
    this.#emitter = new TypedEmitter<PublisherEventMap>({ listenerError: (_name, error) => queueMicrotask(() => { throw error; }) });
    this.#redis = openRedis(options.redis, 'guilded-gateway:publisher');
    this.#redis.on('error', (error: Error) => this.#lost(error));
    this.#redis.on('ready', () => {
      if (this.#down) this.#down = false;
      this.#flush();
    });
    this.#source = publisherSource(options.source);
    this.#relay = new CommandRelay({
      redis: openRedis(options.redis, 'guilded-gateway:commands'),
      url: options.redis,
      key: this.#keys.commands,
      source: this.#source,
      report: (error) => this.#report(error),
    });
    // Attached now, so that events that arrive before start() are buffered, not missed.
    this.#detach = this.#source.attach((frame, socket) => this.#onFrame(frame, socket));
  }

  /** Events waiting for Redis. */
  get buffered(): number {
    return this.#queue.size;
  }

  /** Events written to the streams so far. */
  get published(): number {
    return this.#published;
  }

  /** Connects to Redis (per `whenRedisDown`) and starts relaying commands; buffered events flow from then on. */
  async start(): Promise<void> {
    await connectRedis(this.#redis, this.#url, this.#whenDown);
    await this.#relay.start(this.#whenDown);
    this.#started = true;
    this.#flush();
  }

  /** Stops taking events, writes what is buffered (while Redis is there), stops the command relay and disconnects. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#detach();
    if (this.#redis.status === 'ready' && !this.#queue.empty) await new Promise<void>((resolve) => this.#drained.push(resolve));
    await this.#relay.close();
    this.#redis.disconnect();
  }

  /** Adds a listener for `error` or `overflow`. */
  on<K extends keyof PublisherEventMap>(name: K, listener: Listener<PublisherEventMap[K]>): this {
    this.#emitter.on(name, listener);
    return this;
  }

  /** Removes a listener. */
  off<K extends keyof PublisherEventMap>(name: K, listener: Listener<PublisherEventMap[K]>): this {
    this.#emitter.off(name, listener);
    return this;
  }

  #onFrame(frame: string, socket: string): void {
    const event = readFrameEvent(frame);
    if (event === undefined) return;
    const receivedAt = Date.now();
    const entry = spec[event.name];
    let validation: EntryValidation = 'unknown';
    let errors: EventEntry['errors'] = [];
    if (entry !== undefined) {
      const result = runValidator(entry, event.payload);
      validation = result.ok ? 'valid' : 'invalid';
      errors = result.errors;
    }
    const name = entry?.name ?? event.name;
    const partition = partitionOf(this.#key(name, event.payload, socket), this.#partitions);
    const id = `${this.#run}:${++this.#sequence}`;
    const fields = entryFields({ kind: 'event', id, name, socket, payload: event.text, receivedAt, validation, errors });
    if (this.#queue.push({ kind: 'entry', partition, fields })) {
      this.#flush();
    } else if (!this.#dropping) {
      this.#dropping = true;
      this.#report(new BrokerError('BUFFER_OVERFLOW', `the buffer of ${this.#queue.size} events is full (Redis is away, or slower than the gateway); further events are dropped and counted until it drains`));
      this.#emitter.emit('overflow', { dropped: 1, partitions: { [partition]: 1 }, written: false });
    }
  }

  /** Writes the buffer in batches, one batch in flight at a time, so that the streams get events in arrival order. */
  #flush(): void {
    if (this.#flushing || this.#redis.status !== 'ready') return;
    if (this.#queue.empty) {
      for (const resolve of this.#drained.splice(0)) resolve();
      return;
    }
    this.#flushing = true;
    const batch = this.#queue.take(BATCH);
    this.#write(batch).then(
      (written) => {
        this.#flushing = false;
        if (written < batch.length) this.#queue.restore(batch.slice(written));
        // A failed write waits for 'ready' instead of spinning.
        if (written === batch.length) this.#flush();
      },
      (error: unknown) => {
        this.#flushing = false;
        this.#queue.restore(batch);
        this.#lost(error as Error);
      },
    );
  }

  /** XADDs a batch in one pipeline; resolves with how many items from its start were written. */
  async #write(batch: readonly QueuedItem[]): Promise<number> {
    const pipeline = this.#redis.pipeline();
    const commands: number[] = [];
    for (const item of batch) {
      if (item.kind === 'entry') {
        pipeline.xadd(this.#keys.events(item.partition), 'MAXLEN', '~', this.#maxLength, '*', ...item.fields);
        commands.push(1);
        continue;
      }
      for (const [partition, dropped] of item.dropped) {
        const fields = entryFields({ kind: 'gap', id: `${this.#run}:gap:${++this.#sequence}`, dropped });
        pipeline.xadd(this.#keys.events(partition), 'MAXLEN', '~', this.#maxLength, '*', ...fields);
      }
      commands.push(item.dropped.size);
    }
    const results = (await pipeline.exec()) ?? [];
    let done = 0;
    let command = 0;
    for (const [index, item] of batch.entries()) {
      const count = commands[index] as number;
      const failed = results.slice(command, command + count).find(([error]) => error !== null);
      if (failed !== undefined) {
        this.#lost(failed[0] as Error);
        return done;
      }
      command += count;
      done++;
      if (item.kind === 'gap') this.#gapWritten(item.dropped);
      else this.#published++;
    }
    return done;
  }

  #gapWritten(dropped: ReadonlyMap<number, number>): void {
    this.#dropping = false;
    let total = 0;
    for (const count of dropped.values()) total += count;
    this.#emitter.emit('overflow', { dropped: total, partitions: Object.fromEntries(dropped), written: true });
  }

  /** Redis went away: said once per outage; the buffer keeps events until 'ready'. */
  #lost(error: Error): void {
    // A failed first connect is start()'s to say.
    if (this.#down || this.#closed || (!this.#started && this.#whenDown === 'fail')) return;
    this.#down = true;
    this.#report(
      new BrokerError('REDIS_UNREACHABLE', `lost Redis at ${describeRedisUrl(this.#url)} (${describeError(error)}); events are buffered (up to the buffer size) until it is back`),
    );
  }

  #report(error: BrokerError): void {
    if (this.#emitter.has('error')) this.#emitter.emit('error', error);
    else printUnheardBrokerError(error);
  }
}
