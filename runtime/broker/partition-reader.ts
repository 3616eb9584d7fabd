import { BrokerError, describeError } from './broker-error.js';
import { sleep } from './consumer-group.js';
import type { Redis } from './ioredis.js';
import { readEntry, type StreamEntry } from './stream-entry.js';
import type { DeadLetter, Delivery } from './worker-events.js';

/** How a worker reads its partitions. */
export interface ReaderSettings {
  readonly group: string;
  readonly consumer: string;
  /** How long a message must wait unacknowledged before it is claimed again (XAUTOCLAIM). */
  readonly claimIdleMs: number;
  /** Deliveries after which a message goes to the dead-letter stream. */
  readonly maxDeliveries: number;
  readonly batch: number;
  readonly deadKey: string;
  readonly errorsKey: string;
  /** Runs the handlers of a message; rejects when one threw. Resolves to a reason to dead-letter it instead. */
  readonly dispatch: (entry: StreamEntry, delivery: Delivery) => Promise<string | undefined>;
  readonly report: (error: BrokerError) => void;
  readonly deadLettered: (letter: DeadLetter) => void;
}

type Pending = [id: string, consumer: string, idleMs: number, deliveries: number];
type Entries = Array<[id: string, fields: string[]]>;

// Short, so that a reader asked to stop is done soon: it finishes the read in hand rather than cut it.
const BLOCK_MS = 250;
const RETRY_MS = 100;
// How long a wait for a message's idle time may last before the loop looks at `stopping` again.
const LONGEST_WAIT_MS = 250;

/**
 * One partition, owned by one worker at a time: its messages are handled one after another, in stream
 * order. Pending messages come first, oldest first (a failed one, or those of a worker that died), each
 * claimed with XAUTOCLAIM once it has waited `claimIdleMs`; then new ones with XREADGROUP. A message is
 * acknowledged only once its handlers resolved; after `maxDeliveries` it goes to the dead-letter stream.
 */
export class PartitionReader {
  readonly partition: number;
  readonly #redis: Redis;
  readonly #stream: string;
  readonly #settings: ReaderSettings;
  #stopping = false;
  #abandoned = false;
  // Only this reader makes pending messages once it owns the partition (by failing), so it looks for
  // them at the start, after a failure or an outage, and not before every read.
  #mayHavePending = true;
  // Handled messages of the batch in hand, acknowledged together in one XACK when it ends.
  #handled: string[] = [];
  #outage = false;
  readonly #done: Promise<void>;

  constructor(redis: Redis, stream: string, partition: number, settings: ReaderSettings) {
    this.#redis = redis;
    this.#stream = stream;
    this.partition = partition;
    this.#settings = settings;
    this.#done = this.#loop();
  }

  /**
   * Stops once the batch in hand is handled and acknowledged (its lease is still held meanwhile, so no
   * other worker takes it); resolves when the connection is closed, its acknowledgements processed.
   */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#done;
    this.#acknowledge();
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }

  /** The lease is gone and another worker may own the partition: stop after the message in hand, leave the rest pending. */
  abandon(): Promise<void> {
    this.#abandoned = true;
    return this.stop();
  }

  async #loop(): Promise<void> {
    // Its connection opens alongside; nothing is reported until it had its chance.
    while (this.#redis.status !== 'ready' && this.#redis.status !== 'end' && !this.#stopping) await sleep(10);
    while (!this.#stopping) {
      try {
        if (!this.#mayHavePending || !(await this.#pendingFirst())) await this.#readNew();
        this.#outage = false;
      } catch (error) {
        if (this.#stopping) break;
        this.#mayHavePending = true;
        if (!this.#outage) {
          this.#outage = true;
          this.#settings.report(new BrokerError('REDIS_UNREACHABLE', `partition ${this.partition}: ${describeError(error)}; retrying until Redis answers`));
        }
        await sleep(RETRY_MS);
      }
    }
  }

  /** Handles the oldest pending message, or waits for it; false when nothing is pending. */
  async #pendingFirst(): Promise<boolean> {
    const { group, consumer, claimIdleMs } = this.#settings;
    // Sent first on the same connection: a message handled but not yet acknowledged is no pending head.
    this.#acknowledge();
    const [head] = (await this.#redis.xpending(this.#stream, group, '-', '+', 1)) as Pending[];
    if (head === undefined) {
      this.#mayHavePending = false;
      return false;
    }
    const [id, , idleMs, deliveries] = head;
    if (idleMs < claimIdleMs) {
      await sleep(Math.min(claimIdleMs - idleMs, LONGEST_WAIT_MS));
      return true;
    }
    const [, claimed, deleted] = (await this.#redis.xautoclaim(this.#stream, group, consumer, claimIdleMs, id, 'COUNT', 1)) as [string, Entries, string[]];
    const [entry] = claimed;
    if (entry?.[0] === id) await this.#handle(id, entry[1], deliveries + 1);
    else if (deleted.includes(id)) {
      // Trimmed (MAXLEN) before anyone handled it: nothing is left to deliver, which is said, not hidden.
      this.#settings.report(new BrokerError('HANDLER_FAILED', `partition ${this.partition}: message ${id} was trimmed from the stream before it was handled`));
    }
    return true;
  }

  async #readNew(): Promise<void> {
    const { group, consumer, batch } = this.#settings;
    const read = (await this.#redis.xreadgroup('GROUP', group, consumer, 'COUNT', batch, 'BLOCK', BLOCK_MS, 'STREAMS', this.#stream, '>')) as
      | Array<[string, Entries]>
      | null;
    try {
      for (const [id, fields] of read?.[0]?.[1] ?? []) {
        // After a failure, or once abandoned, the rest stay pending, and come back through #pendingFirst in order.
        if (this.#abandoned) return;
        if (!(await this.#handle(id, fields, 1))) {
          this.#mayHavePending = true;
          return;
        }
      }
    } finally {
      this.#acknowledge();
    }
  }

  /** Handles one delivery; resolves to whether it is done with (acknowledged or dead-lettered). */
  async #handle(entryId: string, fields: string[], deliveries: number): Promise<boolean> {
    const { maxDeliveries, errorsKey } = this.#settings;
    const entry = readEntry(fields);
    const errorField = `${this.partition}/${entryId}`;
    if (entry === undefined) return this.#ack(entryId, deliveries, errorField);
    if (deliveries > maxDeliveries) {
      const last = (await this.#redis.hget(errorsKey, errorField)) ?? 'its worker stopped before acknowledging it';
      await this.#deadLetter(entryId, entry, fields, deliveries - 1, last, errorField);
      return true;
    }
    const delivery: Delivery = {
      id: entry.id,
      entryId,
      partition: this.partition,
      socket: entry.kind === 'event' ? entry.socket : 'user',
      receivedAt: entry.kind === 'event' ? entry.receivedAt : 0,
      deliveries,
    };
    let refused: string | undefined;
    try {
      refused = await this.#settings.dispatch(entry, delivery);
    } catch (error) {
      const message = describeError(error);
      const name = entry.kind === 'event' ? entry.name : 'gap';
      // Kept in Redis, so that whichever worker gives up on it can say why.
      this.#redis.hset(errorsKey, errorField, message).catch(() => undefined);
      const next = deliveries >= maxDeliveries ? 'it goes to the dead-letter stream' : `it is delivered again after ${this.#settings.claimIdleMs} ms`;
      this.#settings.report(new BrokerError('HANDLER_FAILED', `a handler of ${name} threw on ${entry.id} (delivery ${deliveries} of ${maxDeliveries}): ${message}; ${next}`));
      return false;
    }
    if (refused !== undefined) {
      await this.#deadLetter(entryId, entry, fields, deliveries, refused, errorField);
      return true;
    }
    return this.#ack(entryId, deliveries, errorField);
  }

  #ack(entryId: string, deliveries: number, errorField: string): true {
    this.#handled.push(entryId);
    if (deliveries > 1) this.#redis.hdel(this.#settings.errorsKey, errorField).catch(() => undefined);
    return true;
  }

  /**
   * Acknowledges the handled messages in one XACK. Not awaited: the next command on this connection runs
   * after it, and a lost acknowledgement means a delivery again, which at least once allows.
   */
  #acknowledge(): void {
    if (this.#handled.length === 0) return;
    this.#redis.xack(this.#stream, this.#settings.group, ...this.#handled).catch(() => undefined);
    this.#handled = [];
  }

  async #deadLetter(entryId: string, entry: StreamEntry, fields: string[], deliveries: number, error: string, errorField: string): Promise<void> {
    const { deadKey, group } = this.#settings;
    const name = entry.kind === 'event' ? entry.name : 'gap';
    await this.#redis
      .multi()
      .xadd(deadKey, 'MAXLEN', '~', '10000', '*', ...fields, 'partition', String(this.partition), 'entryId', entryId, 'deliveries', String(deliveries), 'error', error)
      .xack(this.#stream, group, entryId)
      .hdel(this.#settings.errorsKey, errorField)
      .exec();
    this.#settings.deadLettered({ id: entry.id, name, partition: this.partition, deliveries, error });
  }
}
