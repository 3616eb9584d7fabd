// The pieces of a broker test, all real: a socket.io 2.x gateway, GatewayClient on it, a publisher
// into the test's redis-server, and workers; every key under a prefix of the test's own.
import { GatewayClient } from '../../runtime/client.js';
import { GatewayPublisher, type GatewayPublisherOptions } from '../../runtime/broker/publisher.js';
import { GatewayWorker, type GatewayWorkerOptions } from '../../runtime/broker/worker.js';
import { COOKIE, sleep, startSocketIo, type ServerSocket, type SocketIoPeer } from '../runtime/peers.js';

let prefixes = 0;

/** A key prefix no other test uses. */
export function freshPrefix(): string {
  return `gg-test-${process.pid}-${++prefixes}`;
}

/** A gateway with one client connected and a publisher on it. */
export interface Gateway {
  readonly peer: SocketIoPeer;
  /** The server's end of the client's socket: what `emit`s events to it. */
  readonly socket: ServerSocket;
  readonly client: GatewayClient;
  readonly publisher: GatewayPublisher;
  close(): Promise<void>;
}

/** Starts a gateway, connects a client and starts a publisher on it. */
export async function startGateway(options: Omit<GatewayPublisherOptions, 'source'>): Promise<Gateway> {
  const peer = await startSocketIo();
  const client = new GatewayClient({ cookie: COOKIE, url: peer.url, reconnect: false });
  const publisher = new GatewayPublisher({ ...options, source: client });
  await publisher.start();
  await client.connect();
  const socket = await peer.nextConnection(0);
  return {
    peer,
    socket,
    client,
    publisher,
    async close() {
      await publisher.close();
      await client.close();
      await peer.close();
    },
  };
}

/** Starts a worker with the test's quick timings, its handlers added by `setup` before it starts. */
export async function startWorker(options: GatewayWorkerOptions, setup: (worker: GatewayWorker) => void = () => undefined): Promise<GatewayWorker> {
  const worker = new GatewayWorker({ leaseMs: 600, claimIdleMs: 200, ...options });
  setup(worker);
  await worker.start();
  return worker;
}

/** Waits until `done()` holds, checking every few milliseconds; fails after `ms` saying what was awaited. */
export async function until(what: string, done: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(5);
  }
}

/** A ChatChannelTyping payload for a channel; `userId` carries a number so that order can be checked. */
export function typing(channel: number, sequence: number): { type: 'ChatChannelTyping'; channelId: string; userId: string } {
  const hex = channel.toString(16).padStart(12, '0');
  return { type: 'ChatChannelTyping', channelId: `d2242862-401c-42f8-9ce2-${hex}`, userId: `u${sequence}` };
}
