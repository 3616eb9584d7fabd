/**
 * The broker figures, on a real redis-server of their own (as test/broker starts one):
 * - throughput: events a second from a gateway frame through GatewayPublisher, Redis and 2 GatewayWorkers,
 *   against a floor measured in the same run with the same Redis client (ioredis) doing only the bare
 *   work: the same frames taken from a raw `ws` socket, XADD in pipelined batches, and 2 consumers doing
 *   XREADGROUP and XACK. Rounds alternate between the two; the median of their ratios counts.
 * - latency: from the frame leaving the gateway to the worker's handler, at 5,000 events a second (p50, p99).
 * Without a redis-server the rows say so and the other figures still run.
 */
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { GatewayPublisher } from '../runtime/broker/publisher.js';
import { GatewayWorker } from '../runtime/broker/worker.js';
import { GatewayClient } from '../runtime/client.js';
import { findRedisServer, startRedis } from '../test/broker/redis-server.js';
import { startChild, type Child } from './children.js';
import { median } from './harness.js';
import { bounded, times, type Row } from './report.js';

const SOURCE = new URL('./broker-source.ts', import.meta.url);
const PARTITIONS = 2;
const THROUGHPUT_EVENTS = 30_000;
const ROUNDS = 3;
const LATENCY_RATE = 5_000;
const LATENCY_EVENTS = 20_000;
const THROUGHPUT_FIGURE = `broker throughput, gateway frame -> publisher -> Redis -> 2 workers, ${THROUGHPUT_EVENTS / 1000}k events`;
const LATENCY_FIGURE = `broker latency, gateway frame -> worker handler, at ${LATENCY_RATE.toLocaleString('en')} events/s`;

let rounds = 0;
const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Far past any round's length: a broker that lost events fails the bench instead of hanging it.
const GIVE_UP_MS = 120_000;

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('bench broker: events went missing (see the lines above)');
    await sleep(2);
  }
}

/** Sends `command` to the source and resolves once `done()` holds; resolves with the seconds it took. */
async function timed(source: Child, command: string, done: () => boolean): Promise<number> {
  const started = now();
  source.process.stdin?.write(`${command}\n`);
  await source.next<{ sent: number }>();
  await until(done);
  return (now() - started) / 1000;
}

/** The floor: the same frames, XADD pipelined one batch in flight, 2 consumers doing XREADGROUP and XACK. */
async function floor(source: Child, url: string, redisUrl: string): Promise<number> {
  const prefix = `bench-floor-${++rounds}`;
  const producer = new Redis(redisUrl);
  const consumers = [0, 1].map(() => new Redis(redisUrl));
  for (let partition = 0; partition < PARTITIONS; partition++) {
    await producer.xgroup('CREATE', `${prefix}:${partition}`, 'g', '0', 'MKSTREAM');
  }
  let consumed = 0;
  let stopped = false;
  const loops = consumers.map(async (redis, partition) => {
    const key = `${prefix}:${partition}`;
    while (!stopped) {
      const read = (await redis.xreadgroup('GROUP', 'g', `c${partition}`, 'COUNT', 100, 'BLOCK', 250, 'STREAMS', key, '>')) as
        | Array<[string, Array<[string, string[]]>]>
        | null;
      for (const [id] of read?.[0]?.[1] ?? []) {
        consumed++;
        void redis.xack(key, 'g', id);
      }
    }
  });
  const queue: string[] = [];
  let flushing = false;
  let sequence = 0;
  const flush = (): void => {
    if (flushing || queue.length === 0) return;
    flushing = true;
    const pipeline = producer.pipeline();
    for (const frame of queue.splice(0, 1000)) pipeline.xadd(`${prefix}:${sequence++ % PARTITIONS}`, 'MAXLEN', '~', '100000', '*', 'payload', frame);
    void pipeline.exec().then(() => {
      flushing = false;
      flush();
    });
  };
  const socket = new WebSocket(url);
  socket.on('message', (data) => {
    const frame = String(data);
    if (!frame.startsWith('42')) return;
    queue.push(frame);
    flush();
  });
  await new Promise((resolve) => socket.once('open', resolve));
  const seconds = await timed(source, `burst ${THROUGHPUT_EVENTS}`, () => consumed >= THROUGHPUT_EVENTS);
  stopped = true;
  socket.close();
  await Promise.all(loops);
  for (const redis of [producer, ...consumers]) redis.disconnect();
  return THROUGHPUT_EVENTS / seconds;
}

/** The broker itself: GatewayClient, GatewayPublisher and 2 GatewayWorkers, each owning one partition. */
async function brokered(url: string, redisUrl: string, onEvent: (userId: string) => void): Promise<{ close(): Promise<void> }> {
  const prefix = `bench-broker-${++rounds}`;
  const client = new GatewayClient({ cookie: 'hmac_signed_session=bench', url, reconnect: false });
  // A burst arrives faster than one batch in flight writes it: the buffer holds the whole burst, as the floor's queue does.
  const publisher = new GatewayPublisher({ redis: redisUrl, source: client, prefix, partitions: PARTITIONS, bufferSize: THROUGHPUT_EVENTS + LATENCY_EVENTS });
  await publisher.start();
  const workers = [0, 1].map(() => new GatewayWorker({ redis: redisUrl, prefix, group: 'g', partitions: PARTITIONS, leaseMs: 3000 }));
  for (const worker of workers) worker.on('ChatChannelTyping', (payload) => onEvent(payload.userId));
  await Promise.all(workers.map((worker) => worker.start()));
  await until(() => workers.every((worker) => worker.partitions.length === 1));
  await client.connect();
  return {
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await publisher.close();
      await client.close();
    },
  };
}

async function throughput(source: Child, url: string, redisUrl: string): Promise<number> {
  let handled = 0;
  const broker = await brokered(url, redisUrl, () => void handled++);
  const seconds = await timed(source, `burst ${THROUGHPUT_EVENTS}`, () => handled >= THROUGHPUT_EVENTS);
  await broker.close();
  return THROUGHPUT_EVENTS / seconds;
}

async function latency(source: Child, url: string, redisUrl: string): Promise<number[]> {
  const latencies: number[] = [];
  const broker = await brokered(url, redisUrl, (userId) => void latencies.push(now() - Number(userId)));
  await timed(source, `rate ${LATENCY_EVENTS} ${LATENCY_RATE}`, () => latencies.length >= LATENCY_EVENTS);
  await broker.close();
  return latencies.sort((a, b) => a - b);
}

/** The broker's rows: throughput against the bare-client floor, and latency at 5,000 events a second. */
export async function broker(): Promise<Row[]> {
  const binary = findRedisServer();
  if (binary === undefined) {
    const skipped = { baseline: '', measured: 'skipped: no redis-server', target: '', pass: undefined, note: 'skipped: no redis-server' };
    return [
      { figure: THROUGHPUT_FIGURE, ...skipped },
      { figure: LATENCY_FIGURE, ...skipped },
    ];
  }
  const redis = await startRedis(binary);
  const source = startChild(SOURCE, []);
  try {
    const { url } = await source.next<{ url: string }>();
    // A round of each first, to warm the JIT and the connections up.
    await floor(source, url, redis.url);
    await throughput(source, url, redis.url);
    const floors: number[] = [];
    const ours: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bare = await floor(source, url, redis.url);
      const brokeredRate = await throughput(source, url, redis.url);
      floors.push(bare);
      ours.push(brokeredRate);
      ratios.push(brokeredRate / bare);
    }
    const perSecond = (rate: number): string => `${Math.round(rate).toLocaleString('en')} events/s`;
    const ratio = median(ratios);
    const sorted = await latency(source, url, redis.url);
    const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] as number;
    return [
      bounded(
        {
          figure: THROUGHPUT_FIGURE,
          baseline: `bare ioredis XADD / XREADGROUP / XACK, same frames, 2 consumers: ${perSecond(median(floors))}`,
          measured: `${perSecond(median(ours))}, ${times(ratio)} the floor`,
        },
        ratio,
        { min: 0.8 },
        times,
      ),
      {
        figure: LATENCY_FIGURE,
        baseline: `${LATENCY_EVENTS.toLocaleString('en')} events, 2 workers, ${PARTITIONS} partitions`,
        measured: `p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`,
        target: '',
        pass: undefined,
        value: at(0.99),
      },
    ];
  } finally {
    source.process.stdin?.end();
    await source.exited;
    await redis.close();
  }
}
