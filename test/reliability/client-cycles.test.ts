import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runChild } from './child-process.js';
import { figure } from './figures.js';
import { accept, hello, startHostileGateway } from './hostile-gateway.js';

const CYCLES = 1000;
// Cycles of another client before the start is taken: the JIT's and V8's own growth (see cycles-client.ts).
const WARM_UP = 100;

const cycles = suite('a gateway that drops every connection after the hello');

cycles(
  '1,000 connect/drop cycles leave no listener, timer or socket behind, and the heap within 10% of the start',
  async () => {
    const gateway = await startHostileGateway((request, socket) => {
      const server = accept(request, socket);
      server.send(hello());
      server.drop();
    });
    try {
      const seen = await runChild<{
        hellos: number;
        failure: string;
        status: string;
        listeners: [number, number];
        resources: [Record<string, number>, Record<string, number>];
        heap: [number, number];
      }>('./cycles-client.ts', [gateway.url, String(WARM_UP), String(CYCLES)]);
      assert.is(gateway.upgrades, WARM_UP + CYCLES);
      assert.is(seen.hellos, CYCLES, 'every connection got as far as the hello');
      assert.match(
        seen.failure,
        /^the server closed the connection with 1006; the session ended, gave up after 999 reconnect attempts$/,
      );
      assert.is(seen.status, 'closed');
      const [listenersBefore, listenersAfter] = seen.listeners;
      assert.is(listenersAfter, listenersBefore);
      const [before, after] = seen.resources;
      assert.equal(after, before, 'the same timers, sockets and handles as before the first connect');
      const [heapBefore, heapAfter] = seen.heap;
      assert.ok(heapAfter <= heapBefore * 1.1, `heap ${heapBefore} bytes before, ${heapAfter} after`);
      figure(
        '1,000 connect/drop cycles',
        `${CYCLES} connections after ${WARM_UP} warm-up ones; resources before ${JSON.stringify(before)} after ${JSON.stringify(after)}; ` +
          `heap ${(heapBefore / 1e6).toFixed(2)} MB before, ${(heapAfter / 1e6).toFixed(2)} MB after (${(((heapAfter - heapBefore) / heapBefore) * 100).toFixed(1)}%)`,
      );
    } finally {
      await gateway.close();
    }
  },
);

cycles.run();
