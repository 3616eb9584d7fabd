import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Heartbeat } from '../../runtime/heartbeat.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

/** A heartbeat whose hooks record what happened; `answer` makes every ping get a pong at once. */
function recorded(answer: boolean) {
  const log = { pings: 0, dead: [] as number[], latencies: [] as number[] };
  const heartbeat: Heartbeat = new Heartbeat({
    ping: () => {
      log.pings++;
      if (answer) heartbeat.acknowledge();
    },
    dead: (timeoutMs) => {
      log.dead.push(timeoutMs);
      heartbeat.stop();
    },
    pong: (latency) => log.latencies.push(latency),
  });
  return { heartbeat, log };
}

const heartbeat = suite('Heartbeat');

heartbeat('pings once per interval, the first after one interval, while pongs come back', async () => {
  const { heartbeat, log } = recorded(true);
  heartbeat.start(20, 15);
  await sleep(10);
  assert.is(log.pings, 0);
  await sleep(100);
  heartbeat.stop();
  assert.ok(log.pings >= 3 && log.pings <= 6, `${log.pings} pings in 110 ms`);
  assert.equal(log.dead, []);
  assert.is(log.latencies.length, log.pings);
  assert.ok(log.latencies.every((latency) => latency >= 0));
});

heartbeat('a ping unanswered within pingTimeout is declared dead once', async () => {
  const { heartbeat, log } = recorded(false);
  const started = performance.now();
  let diedAt = 0;
  const died = new Promise<void>((resolve) => {
    const watch = setInterval(() => {
      if (log.dead.length > 0) {
        diedAt = performance.now();
        clearInterval(watch);
        resolve();
      }
    }, 1);
  });
  heartbeat.start(20, 10);
  await died;
  await sleep(50);
  assert.equal(log.dead, [10]);
  assert.ok(diedAt - started >= 29 && diedAt - started < 60, `dead after ${(diedAt - started).toFixed(0)} ms`);
});

heartbeat('a ping still unanswered at the next beat is dead even when pingTimeout is longer', async () => {
  const { heartbeat, log } = recorded(false);
  heartbeat.start(10, 10_000);
  await sleep(45);
  assert.equal(log.dead, [10_000]);
  assert.is(log.pings, 1);
});

heartbeat('frames that keep arriving keep an unanswered ping from declaring the link dead', async () => {
  const { heartbeat, log } = recorded(false);
  const frames = setInterval(() => heartbeat.heard(), 2);
  heartbeat.start(10, 10);
  await sleep(60);
  clearInterval(frames);
  assert.equal(log.dead, []);
  assert.ok(log.pings >= 2, 'pings went on');
  await sleep(40);
  heartbeat.stop();
  assert.equal(log.dead, [10], 'dead once the frames stopped');
});

heartbeat('while held, pings go on and none is declared dead; released, a ping gets a full pingTimeout', async () => {
  const { heartbeat, log } = recorded(false);
  heartbeat.start(10, 10);
  heartbeat.hold();
  await sleep(60);
  assert.equal(log.dead, []);
  assert.ok(log.pings >= 2, `${log.pings} pings while held`);
  heartbeat.release();
  await sleep(40);
  heartbeat.stop();
  assert.equal(log.dead, [10]);
});

heartbeat('a pong that answers no ping is ignored', () => {
  const { heartbeat, log } = recorded(false);
  heartbeat.acknowledge();
  assert.equal(log.latencies, []);
});

heartbeat('stop clears every timer, and start replaces an earlier schedule', async () => {
  const before = timers();
  const { heartbeat } = recorded(false);
  heartbeat.start(10, 5);
  heartbeat.start(10, 5);
  assert.is(timers(), before + 1);
  await sleep(12);
  assert.is(timers(), before + 2, 'a beat timer and a pong deadline');
  heartbeat.stop();
  assert.is(timers(), before);
});

heartbeat.run();
