import type { CommandArgs } from '../client-options.js';
import type { CommandName } from '../../generated/index.js';
import { BrokerError, describeError } from './broker-error.js';
import { ensureGroup, sleep } from './consumer-group.js';
import { connectRedis, type Redis } from './ioredis.js';
import type { WhenRedisDown } from './redis-connection.js';
import type { PublisherSource } from './publisher-source.js';

/** What the relay needs of its publisher. */
export interface CommandRelayOptions {
  /** A connection of its own: its reads block. */
  readonly redis: Redis;
  readonly url: string;
  /** The commands stream. */
  readonly key: string;
  readonly source: PublisherSource;
  readonly report: (error: BrokerError) => void;
}

const GROUP = 'publisher';
const CONSUMER = 'publisher';
const BLOCK_MS = 1000;
const RETRY_MS = 200;

/**
 * The publisher's end of the commands stream: each command a worker queued is sent on the socket it
 * names and then acknowledged; one that cannot be sent (no such socket, not connected, invalid) is
 * acknowledged too and reported, as `GatewayClient.send` would have thrown it.
 */
export class CommandRelay {
  readonly #options: CommandRelayOptions;
  #running: Promise<void> | undefined;
  #closed = false;

  constructor(options: CommandRelayOptions) {
    this.#options = options;
  }

  /** Connects, makes sure the group exists, and starts relaying. */
  async start(whenDown: WhenRedisDown): Promise<void> {
    const { redis, url, key } = this.#options;
    await connectRedis(redis, url, whenDown);
    redis.on('error', () => undefined);
    await ensureGroup(redis, key, GROUP, '$');
    this.#running = this.#loop();
  }

  /** Stops relaying and disconnects. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#options.redis.disconnect();
    await this.#running;
  }

  async #loop(): Promise<void> {
    const { redis, key } = this.#options;
    // Its own pending commands first: a publisher that stopped mid-batch sends those before new ones.
    let from = '0';
    while (!this.#closed) {
      try {
        const read = (await redis.xreadgroup('GROUP', GROUP, CONSUMER, 'COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', key, from)) as
          | Array<[string, Array<[string, string[]]>]>
          | null;
        const entries = read?.[0]?.[1] ?? [];
        if (from === '0' && entries.length === 0) from = '>';
        for (const [id, fields] of entries) {
          this.#send(fields);
          await redis.xack(key, GROUP, id);
        }
      } catch {
        if (!this.#closed) await sleep(RETRY_MS);
      }
    }
  }

  #send(fields: readonly string[]): void {
    const values = new Map<string, string>();
    for (let i = 0; i + 1 < fields.length; i += 2) values.set(fields[i] as string, fields[i + 1] as string);
    const name = values.get('name') ?? '';
    const socketName = values.get('socket') ?? 'user';
    const socket = this.#options.source.socket(socketName);
    const failed = (why: string): void =>
      this.#options.report(new BrokerError('COMMAND_FAILED', `command ${name} from worker ${values.get('worker') ?? '?'} for socket ${socketName} was not sent: ${why}`));
    if (socket === undefined) return failed('the publisher has no such socket');
    try {
      const text = values.get('payload');
      const args = (text === undefined ? [] : [JSON.parse(text)]) as CommandArgs<CommandName>;
      socket.send(name as CommandName, ...args);
    } catch (error) {
      failed(describeError(error));
    }
  }
}
