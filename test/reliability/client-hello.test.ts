import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE, next, sleep } from '../runtime/peers.js';
import { collect } from './clients.js';
import { figure } from './figures.js';
import { accept, CONNECT, hello, startHostileGateway, type ServerSocket } from './hostile-gateway.js';

// Long enough that a client pinging in a loop, or every millisecond, would send dozens of pings.
const WATCH_MS = 300;

const HELLOS: Array<{ given: string; pingInterval: unknown; pinging: number; says: string }> = [
  {
    given: '0',
    pingInterval: 0,
    pinging: 25_000,
    says: "hello pingInterval 0 is not a positive number; using the spec's default 25000 ms",
  },
  {
    given: 'negative',
    pingInterval: -25_000,
    pinging: 25_000,
    says: "hello pingInterval -25000 is not a positive number; using the spec's default 25000 ms",
  },
  {
    given: '10^12',
    pingInterval: 1e12,
    pinging: 60_000,
    says: 'hello pingInterval 1000000000000 ms is outside 10 to 60000 ms; using 60000 ms',
  },
  {
    given: 'a string',
    pingInterval: '25000',
    pinging: 25_000,
    says: `hello pingInterval "25000" is not a positive number; using the spec's default 25000 ms`,
  },
  {
    given: 'missing',
    pingInterval: undefined,
    pinging: 25_000,
    says: "hello pingInterval is missing; using the spec's default 25000 ms",
  },
];

/** Runs a client against a gateway that sends `fields` in its hello and answers pings; returns what both saw. */
async function session(fields: Record<string, unknown>) {
  const connections: ServerSocket[] = [];
  const gateway = await startHostileGateway((request, socket) => {
    const server = accept(request, socket);
    connections.push(server);
    server.answerPings();
    server.send(hello(fields));
    server.send(CONNECT);
  });
  const client = new GatewayClient({
    cookie: COOKIE,
    url: gateway.url,
    reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 1 },
  });
  const warnings: Error[] = [];
  const onWarning = (warning: Error): number => warnings.push(warning);
  process.on('warning', onWarning);
  try {
    const errors = collect(client, 'error');
    const reconnects = collect(client, 'reconnecting');
    const greeted = next(client, 'hello');
    await client.connect();
    const heard = await greeted;
    await sleep(WATCH_MS);
    const pings = connections.flatMap((server) => server.received).filter((frame) => frame === '2').length;
    return { errors, reconnects, heard, pings, status: client.status, connections: connections.length, warnings };
  } finally {
    process.off('warning', onWarning);
    await client.close();
    await gateway.close();
  }
}

const hellos = suite('a hello with a hostile pingInterval');

for (const { given, pingInterval, pinging, says } of HELLOS) {
  hellos(
    `pingInterval ${given}: the client pings every ${pinging} ms, says so, and neither spins nor sets a timer Node cannot hold`,
    async () => {
      const seen = await session({ pingInterval });
      assert.equal(
        seen.errors.map((error) => [error.code, error.consequence, error.message]),
        [['INVALID_HELLO', 'continue', says]],
      );
      assert.is(seen.heard.pingInterval, pinging, 'the hello event carries what the client uses');
      assert.is(seen.pings, 0, `${seen.pings} pings in ${WATCH_MS} ms`);
      assert.equal(
        seen.warnings.map((warning) => warning.name),
        [],
        'no TimeoutOverflowWarning',
      );
      assert.is(seen.status, 'ready');
      assert.equal(seen.reconnects, []);
      figure(
        `hello pingInterval ${given}`,
        `pinging every ${pinging} ms; ${seen.pings} pings in ${WATCH_MS} ms, ${seen.connections} connection`,
      );
    },
  );
}

hellos('pingInterval 1: clamped to 10 ms, so the timer fires, at most once per 10 ms', async () => {
  const seen = await session({ pingInterval: 1, pingTimeout: 1000 });
  assert.equal(
    seen.errors.map((error) => error.message),
    ['hello pingInterval 1 ms is outside 10 to 60000 ms; using 10 ms'],
  );
  assert.ok(seen.pings >= 1, 'the heartbeat runs');
  assert.ok(seen.pings <= WATCH_MS / 10 + 1, `${seen.pings} pings in ${WATCH_MS} ms`);
  assert.is(seen.status, 'ready', 'every ping was answered');
  figure('hello pingInterval 1', `clamped to 10 ms; ${seen.pings} pings in ${WATCH_MS} ms`);
});

hellos.run();
