/**
 * Client CPU per event, end to end over loopback: a socket.io@2 peer in its own process sends a backlog
 * of mix events to each connection, and three clients, each in its own process, take turns draining
 * it: socket.io-client@2, GatewayClient with validation off, and with validation warn. Each reports the
 * CPU it used from the first event to the last. Taking turns drain by drain puts the three under the
 * same load of the shared machine; the median over rounds of each one's ratio to socket.io-client counts.
 */
import { startChild, type Child } from './children.js';
import type { Drain } from './end-to-end-client.js';
import { median } from './harness.js';
import { bounded, times, type Row } from './report.js';

const PEER = new URL('./end-to-end-peer.ts', import.meta.url);
const CLIENT = new URL('./end-to-end-client.ts', import.meta.url);
const KINDS = ['socket.io-client', 'off', 'warn'] as const;

/** Options of `endToEnd`. */
export interface EndToEndOptions {
  /** Events in the backlog. Default 100 000. */
  readonly events?: number;
  /** Measured drains of every client, after one to warm up. Default 7. */
  readonly rounds?: number;
}

async function drain(client: Child): Promise<Drain> {
  client.process.stdin?.write('drain\n');
  return client.next<Drain>();
}

/** The end-to-end figures: GatewayClient with validation off and warn, against socket.io-client@2. */
export async function endToEnd(options: EndToEndOptions = {}): Promise<Row[]> {
  const { events = 100_000, rounds = 7 } = options;
  const peer = startChild(PEER, [String(events)]);
  const clients = new Map<string, Child>();
  try {
    const { url } = await peer.next<{ url: string }>();
    for (const kind of KINDS) clients.set(kind, startChild(CLIENT, [kind, url, String(events)]));
    // The first drain warms the JIT up: the hot path and the validators get compiled.
    for (const client of clients.values()) await drain(client);
    const perEvent = new Map<string, number[]>(KINDS.map((kind) => [kind, []]));
    const ratios = new Map<string, number[]>(KINDS.map((kind) => [kind, []]));
    for (let round = 0; round < rounds; round++) {
      const measured = new Map<string, number>();
      for (let i = 0; i < KINDS.length; i++) {
        const kind = KINDS[(round + i) % KINDS.length] as string;
        const { cpuNsPerEvent } = await drain(clients.get(kind) as Child);
        measured.set(kind, cpuNsPerEvent);
        perEvent.get(kind)?.push(cpuNsPerEvent);
      }
      for (const kind of KINDS) ratios.get(kind)?.push((measured.get(kind) as number) / (measured.get('socket.io-client') as number));
    }
    const us = (kind: string): string => `${(median(perEvent.get(kind) ?? []) / 1000).toFixed(2)} us`;
    const ratio = (kind: string): number => median(ratios.get(kind) ?? []);
    const baseline = `socket.io-client@2 (websocket only): ${us('socket.io-client')}/event`;
    const row = (kind: 'off' | 'warn', max: number): Row =>
      bounded(
        {
          figure: `client CPU per event, end to end, ${events / 1000}k mix events, validation ${kind}`,
          baseline,
          measured: `${us(kind)}/event, ${times(ratio(kind))} socket.io-client`,
        },
        ratio(kind),
        { max },
        (value) => `${times(value)} socket.io-client`,
      );
    return [row('off', 0.5), row('warn', 0.65)];
  } finally {
    for (const client of clients.values()) client.process.stdin?.end();
    await Promise.all([...clients.values()].map((client) => client.exited));
    peer.process.stdin?.end();
    await peer.exited;
  }
}
