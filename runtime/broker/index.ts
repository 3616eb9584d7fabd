/**
 * guilded-gateway/broker: the gateway's events through Redis Streams to many workers, in order per
 * channel, at least once. Needs ioredis, an optional peer dependency (npm install ioredis): importing
 * this entry without it throws one line saying so (runtime/broker/ioredis.ts).
 */

export { GatewayPublisher, type GatewayPublisherOptions, type Overflow, type PublisherEventMap } from './publisher.js';
export { GatewayWorker, type GatewayWorkerOptions, type SendOptions, type WorkerListenerMap } from './worker.js';
export type { DeadLetter, Delivery, Gap, Handler, WorkerEventMap, WorkerNoticeMap } from './worker-events.js';
export { BrokerError, type BrokerErrorCode } from './broker-error.js';
export { describeRedisUrl, type WhenRedisDown } from './redis-connection.js';
export { DEFAULT_PARTITIONS, DEFAULT_PREFIX } from './stream-keys.js';
export { partitionKey, partitionOf } from './partition.js';
