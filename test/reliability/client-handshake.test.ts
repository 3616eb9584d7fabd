import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayClient } from '../../runtime/client.js';
import { COOKIE } from '../runtime/peers.js';
import { collect, rejection } from './clients.js';
import { figure } from './figures.js';
import { accept, hello, startHostileGateway, type Behaviour } from './hostile-gateway.js';

const HANDSHAKE_TIMEOUT_MS = 80;
const RECONNECT = { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 3 };
// The cap of each attempt's delay: initialDelayMs * 2^(attempt - 1), at most maxDelayMs.
const CAPS = [10, 20, 20];

const STALLS: Array<{ where: string; behaviour: Behaviour; says: string }> = [
  {
    where: 'accepts TCP and never answers the upgrade',
    behaviour: () => {},
    says: 'the websocket upgrade was not answered within 80 ms of opening the socket',
  },
  {
    where: 'upgrades and never sends the hello',
    behaviour: (request, socket) => void accept(request, socket),
    says: 'the upgrade succeeded but no engine.io hello (0) followed within 80 ms of opening the socket',
  },
  {
    where: 'sends the hello and never 40',
    behaviour: (request, socket) => void accept(request, socket).send(hello()),
    says: 'the hello came but no socket.io connect (40) followed within 80 ms of opening the socket',
  },
];

const handshake = suite('a gateway that stalls the handshake');

for (const { where, behaviour, says } of STALLS) {
  handshake(
    `a gateway that ${where}: HANDSHAKE_TIMEOUT naming the step, then reconnects with backoff until the attempts run out`,
    async () => {
      const gateway = await startHostileGateway(behaviour);
      const client = new GatewayClient({
        cookie: COOKIE,
        url: gateway.url,
        handshakeTimeoutMs: HANDSHAKE_TIMEOUT_MS,
        reconnect: RECONNECT,
      });
      const reconnects = collect(client, 'reconnecting');
      try {
        const error = await rejection(client.connect());
        assert.is(error.code, 'HANDSHAKE_TIMEOUT');
        assert.is(error.consequence, 'stop');
        assert.is(error.message, `${says}; the session ended, gave up after 3 reconnect attempts`);
        assert.equal(
          reconnects.map(({ attempt, error: cause }) => [
            attempt,
            cause.code,
            cause.consequence,
            cause.message.split('; ')[0],
          ]),
          [1, 2, 3].map((attempt) => [attempt, 'HANDSHAKE_TIMEOUT', 'reconnect', says]),
        );
        reconnects.forEach(({ delayMs }, index) =>
          assert.ok(delayMs < (CAPS[index] as number), `delay ${delayMs} ms over its cap`),
        );
        assert.is(gateway.upgrades, 4, 'the first attempt and 3 reconnects, no more');
        assert.is(client.status, 'closed');
        assert.not.match(error.message, 'SECRET');
        figure(
          `handshake stalled (${where})`,
          `${gateway.upgrades} connections, ${reconnects.length} reconnects with delays ${reconnects.map((r) => r.delayMs).join(', ')} ms`,
        );
      } finally {
        await client.close();
        await gateway.close();
      }
    },
  );
}

handshake.run();
