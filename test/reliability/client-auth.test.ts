import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayClient, type GatewayClientOptions } from '../../runtime/client.js';
import { COOKIE } from '../runtime/peers.js';
import { collect, rejection } from './clients.js';
import { figure } from './figures.js';
import { accept, hello, refuse, startHostileGateway, type Behaviour } from './hostile-gateway.js';

const REFUSALS: Array<{ how: string; behaviour: Behaviour; code: string; says: string }> = [
  {
    how: 'http 401 on the upgrade',
    behaviour: (_request, socket) => refuse(socket, 401, 'Unauthorized'),
    code: 'HANDSHAKE_REJECTED',
    says: 'the websocket upgrade was refused with http 401: the cookie was refused, log in again for a new hmac_signed_session',
  },
  {
    how: 'http 403 on the upgrade',
    behaviour: (_request, socket) => refuse(socket, 403, 'Forbidden'),
    code: 'HANDSHAKE_REJECTED',
    says: 'the websocket upgrade was refused with http 403: the cookie was refused, log in again for a new hmac_signed_session',
  },
  {
    how: '44 "unauthorized" after the hello',
    behaviour: (request, socket) => {
      const server = accept(request, socket);
      server.send(hello());
      server.send('44"unauthorized"');
    },
    code: 'CONNECT_REFUSED',
    says: 'the server refused the connection with 44 "unauthorized", check the cookie',
  },
];

/** Runs a client with `options` against a gateway that refuses every attempt the same way. */
async function refused(behaviour: Behaviour, options: Partial<GatewayClientOptions>) {
  const gateway = await startHostileGateway(behaviour);
  const client = new GatewayClient({ cookie: COOKIE, url: gateway.url, ...options });
  try {
    const reconnects = collect(client, 'reconnecting');
    const error = await rejection(client.connect());
    return { error, reconnects, upgrades: gateway.upgrades, status: client.status };
  } finally {
    await client.close();
    await gateway.close();
  }
}

const auth = suite('a gateway that refuses the cookie');

for (const { how, behaviour, code, says } of REFUSALS) {
  auth(
    `${how}: with the default reconnect policy, one attempt and a fatal error that says the cookie was refused`,
    async () => {
      const seen = await refused(behaviour, {});
      assert.is(seen.error.code, code);
      assert.is(seen.error.consequence, 'stop');
      assert.is(seen.error.message, `${says}; the session ended`);
      assert.not.match(seen.error.message, 'SECRET');
      assert.is(seen.upgrades, 1, 'no reconnect');
      assert.equal(seen.reconnects, []);
      assert.is(seen.status, 'closed');
      figure(
        `cookie refused (${how}), default policy`,
        `${seen.upgrades} connection, ${seen.reconnects.length} reconnects`,
      );
    },
  );

  auth(`${how}: with retryAuthRefusal, at most maxAttempts retries, each after a backoff`, async () => {
    const reconnect = { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 3, retryAuthRefusal: true };
    const seen = await refused(behaviour, { reconnect });
    assert.is(seen.error.code, code);
    assert.is(seen.error.consequence, 'stop');
    assert.is(seen.error.message, `${says}; the session ended, gave up after 3 reconnect attempts`);
    assert.is(seen.upgrades, 4);
    assert.equal(
      seen.reconnects.map(({ attempt, error }) => [attempt, error.code, error.consequence]),
      [1, 2, 3].map((attempt) => [attempt, code, 'reconnect']),
    );
    seen.reconnects.forEach(({ delayMs }, index) =>
      assert.ok(delayMs < [10, 20, 20][index]!, `delay ${delayMs} ms over its cap`),
    );
    figure(
      `cookie refused (${how}), retryAuthRefusal`,
      `${seen.upgrades} connections, ${seen.reconnects.length} reconnects`,
    );
  });
}

auth.run();
