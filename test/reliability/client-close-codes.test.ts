import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE, next, within } from '../runtime/peers.js';
import { collect } from './clients.js';
import { accept, CONNECT, hello, startHostileGateway, type ServerSocket } from './hostile-gateway.js';

interface Ending {
  readonly how: string;
  /** What the gateway does to the first connection once the client is ready. */
  readonly end: (server: ServerSocket) => void;
  readonly reconnects: boolean;
  readonly code: string;
  /** The close code the error carries. */
  readonly closeCode: number;
}

const reconnecting = (how: string, closeCode: number): Ending => ({
  how: `close ${how}`,
  end: (server) => server.close(closeCode),
  reconnects: true,
  code: 'CONNECTION_CLOSED',
  closeCode,
});

const ENDINGS: Ending[] = [
  {
    how: '44 "unauthorized"',
    end: (server) => server.send('44"unauthorized"'),
    reconnects: false,
    code: 'CONNECT_REFUSED',
    closeCode: 1000,
  },
  {
    how: '44 without a reason',
    end: (server) => server.send('44'),
    reconnects: false,
    code: 'CONNECT_REFUSED',
    closeCode: 1000,
  },
  {
    how: '41 (namespace disconnect)',
    end: (server) => server.send('41'),
    reconnects: true,
    code: 'NAMESPACE_DISCONNECTED',
    closeCode: 4000,
  },
  {
    how: 'close 1008 (policy violation)',
    end: (server) => server.close(1008, 'policy'),
    reconnects: false,
    code: 'CONNECTION_CLOSED',
    closeCode: 1008,
  },
  reconnecting('1000 from the server', 1000),
  reconnecting('1001 (going away)', 1001),
  reconnecting('1011 (server error)', 1011),
  reconnecting('4000', 4000),
  reconnecting('4001', 4001),
  reconnecting('4403', 4403),
  reconnecting('4999', 4999),
  {
    how: 'a close frame without a status',
    end: (server) => server.close(),
    reconnects: true,
    code: 'CONNECTION_CLOSED',
    closeCode: 1005,
  },
  {
    how: 'TCP closed without a close frame',
    end: (server) => server.drop(),
    reconnects: true,
    code: 'CONNECTION_CLOSED',
    closeCode: 1006,
  },
];

const endings = suite('how the gateway ends a connection, and what follows');

for (const { how, end, reconnects, code, closeCode } of ENDINGS) {
  endings(
    `${how}: ${code} with close code ${closeCode}, ${reconnects ? 'then a reconnect' : 'and the session ends'}`,
    async () => {
      const gateway = await startHostileGateway((request, socket) => {
        const server = accept(request, socket);
        server.send(hello());
        server.send(CONNECT);
        // Only the first connection is ended: a reconnect finds a gateway that works.
        if (gateway.upgrades === 1) end(server);
      });
      const client = new GatewayClient({
        cookie: COOKIE,
        url: gateway.url,
        reconnect: { initialDelayMs: 1, maxDelayMs: 1, maxAttempts: 3 },
      });
      try {
        const errors = collect(client, 'error');
        const reconnectEvents = collect(client, 'reconnecting');
        const reopened = new Promise<void>((resolve) =>
          client.on('open', ({ reconnected }) => reconnected && resolve()),
        );
        const after = reconnects ? within(2000, reopened, 'the reconnect') : next(client, 'close');
        await client.connect();
        await after;
        if (reconnects) {
          assert.is(reconnectEvents.length, 1);
          const { error } = reconnectEvents[0]!;
          assert.equal([error.code, error.closeCode, error.consequence], [code, closeCode, 'reconnect']);
          assert.is(client.status, 'ready');
          assert.is(gateway.upgrades, 2);
        } else {
          assert.equal(reconnectEvents, []);
          assert.equal(
            errors.map((error) => [error.code, error.closeCode, error.consequence]),
            [[code, closeCode, 'stop']],
          );
          assert.is(client.status, 'closed');
          assert.is(gateway.upgrades, 1);
        }
      } finally {
        await client.close();
        await gateway.close();
      }
    },
  );
}

endings.run();
