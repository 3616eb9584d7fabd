import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runChild } from './child-process.js';
import { figure } from './figures.js';
import { accept, CONNECT, hello, startHostileGateway, type ServerSocket } from './hostile-gateway.js';

const TOTAL = 200_000;
// 1 ms per event for all 200,000 would take over 200 s; this many show the pause and its release.
const SLOW = 3000;
const BUFFER_SIZE = 1000;
const MiB = 1024 * 1024;
// What may still arrive after a pause: the rest of one 64 KiB read, and the event the loop is on.
const READ_SLACK = Math.ceil((64 * 1024) / frame(0).length) + 1;

function frame(seq: number): string {
  return `42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"d2242862-401c-42f8-9ce2-0c75977475a6","userId":"seq-${seq}"}]`;
}

/** Writes `count` frames as fast as the socket takes them, counting them in `progress.written`. */
async function flood(server: ServerSocket, count: number, progress: { written: number }): Promise<void> {
  for (; progress.written < count && !server.socket.destroyed; progress.written++) {
    if (!server.send(frame(progress.written))) await server.drained();
  }
}

const floods = suite('a gateway that floods a slow consumer');

floods(
  '200,000 frames as fast as the socket allows, a for await loop at 1 ms per event: the client pauses reading, holds bounded memory, loses and reorders nothing',
  async () => {
    let flooding: Promise<void> | undefined;
    let sentWhenSlowEnded: number | undefined;
    const progress = { written: 0 };
    const gateway = await startHostileGateway((request, socket) => {
      const server = accept(request, socket);
      // Pongs queue behind the flood, and a pause lasts longer than pingTimeout: only the hold keeps the link.
      server.answerPings();
      server.send(hello({ pingInterval: 100, pingTimeout: 100 }));
      server.send(CONNECT);
      socket.on('data', () => {
        const commands = server.received.filter((text) => text.startsWith('42[')).length;
        if (commands === 1) flooding ??= flood(server, TOTAL, progress);
        if (commands === 2) sentWhenSlowEnded ??= progress.written;
      });
    });
    try {
      const seen = await runChild<{
        received: number;
        consumed: number;
        outOfOrder: number;
        mostBehind: number;
        pauses: number;
        slowGrowth: number;
        peakGrowth: number;
        status: string;
      }>('./flood-client.ts', [gateway.url, String(TOTAL), String(SLOW)]);
      assert.is(seen.consumed, TOTAL, `every frame reached the loop: ${JSON.stringify(seen)}`);
      assert.is(seen.outOfOrder, 0);
      assert.is(seen.status, 'ready', 'the heartbeat did not count pongs stuck behind unread frames');
      assert.ok(seen.pauses >= 1, 'reading was paused');
      assert.ok(seen.mostBehind <= BUFFER_SIZE + READ_SLACK, `the loop fell ${seen.mostBehind} events behind`);
      assert.ok(
        seen.slowGrowth < 8 * MiB,
        `the client held ${(seen.slowGrowth / MiB).toFixed(1)} MiB more at the end of the slow phase`,
      );
      await flooding;
      assert.is(progress.written, TOTAL);
      assert.ok((sentWhenSlowEnded ?? TOTAL) < TOTAL, 'the gateway was held back while the loop was slow');
      figure(
        '200,000 frames, loop at 1 ms per event',
        `${seen.consumed} of ${TOTAL} in order; at most ${seen.mostBehind} events waiting; ${seen.pauses} pauses; ` +
          `live heap+buffers +${(seen.slowGrowth / MiB).toFixed(1)} MiB after the slow phase, peak with garbage +${(seen.peakGrowth / MiB).toFixed(1)} MiB; ` +
          `the gateway had ${sentWhenSlowEnded} frames out when the slow phase ended`,
      );
    } finally {
      await gateway.close();
    }
  },
);

floods.run();
