import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GatewayError } from '../../runtime/errors.js';
import { EventQueue, type EventQueueHooks } from '../../runtime/event-queue.js';

/** Hooks of a producer that cannot pause, counting how often the queue finished. */
function unpausable(onFinish: () => void = () => {}): EventQueueHooks {
  return { finished: onFinish, full: () => false, drained: () => {} };
}

const queue = suite('EventQueue');

queue('hands buffered values out in order, then waits for the next', async () => {
  const values = new EventQueue<number>(10, unpausable());
  values.push(1);
  values.push(2);
  assert.equal(await values.next(), { value: 1, done: false });
  assert.equal(await values.next(), { value: 2, done: false });
  const waiting = values.next();
  values.push(3);
  assert.equal(await waiting, { value: 3, done: false });
});

queue('end finishes after the buffered values and resolves a waiting consumer', async () => {
  let finished = 0;
  const values = new EventQueue<number>(10, unpausable(() => finished++));
  const waiting = values.next();
  values.end();
  assert.equal(await waiting, { value: undefined, done: true });
  const later = new EventQueue<number>(10, unpausable(() => finished++));
  later.push(1);
  later.end();
  later.push(2);
  assert.equal(await later.next(), { value: 1, done: false });
  assert.equal(await later.next(), { value: undefined, done: true });
  assert.is(finished, 2);
});

queue('fail rejects once after the buffered values, then the queue is done', async () => {
  const values = new EventQueue<number>(10, unpausable());
  values.push(1);
  values.fail(new GatewayError('CLIENT_CLOSED', 'closed', 'stop'));
  assert.equal(await values.next(), { value: 1, done: false });
  await values.next().then(
    () => assert.unreachable(),
    (error: GatewayError) => assert.is(error.code, 'CLIENT_CLOSED'),
  );
  assert.equal(await values.next(), { value: undefined, done: true });
});

queue('a consumer that falls more than capacity behind a producer that cannot pause gets BUFFER_OVERFLOW after the buffer', async () => {
  let finished = 0;
  const values = new EventQueue<number>(2, unpausable(() => finished++));
  for (const value of [1, 2, 3, 4]) values.push(value);
  assert.is(finished, 1);
  assert.equal(await values.next(), { value: 1, done: false });
  assert.equal(await values.next(), { value: 2, done: false });
  await values.next().then(
    () => assert.unreachable(),
    (error: GatewayError) => {
      assert.is(error.code, 'BUFFER_OVERFLOW');
      assert.is(error.consequence, 'stop');
      assert.match(error.message, 'more than 2 events behind');
    },
  );
});

queue('a full queue pauses its producer, keeps what is on its way, and lets it go on at half capacity', async () => {
  const calls: string[] = [];
  const values = new EventQueue<number>(4, {
    finished: () => calls.push('finished'),
    full: () => calls.push('full') > 0,
    drained: () => calls.push('drained'),
  });
  for (let value = 1; value <= 7; value++) values.push(value);
  assert.equal(calls, ['full', 'full', 'full'], 'asked to pause for each value past capacity');
  const taken: number[] = [];
  for (let i = 0; i < 5; i++) taken.push(((await values.next()) as IteratorYieldResult<number>).value);
  assert.equal(taken, [1, 2, 3, 4, 5], 'nothing lost or reordered');
  assert.equal(calls, ['full', 'full', 'full', 'drained'], 'released once, when 2 of 4 were left');
  values.end();
  assert.equal(calls.at(-1), 'finished');
});

queue('a full queue that finishes releases its producer', () => {
  const calls: string[] = [];
  const values = new EventQueue<number>(1, {
    finished: () => calls.push('finished'),
    full: () => calls.push('full') > 0,
    drained: () => calls.push('drained'),
  });
  values.push(1);
  values.push(2);
  void values.return();
  assert.equal(calls, ['full', 'finished', 'drained']);
});

queue('breaking out of for await finishes the queue and drops what was buffered', async () => {
  let finished = 0;
  const values = new EventQueue<number>(10, unpausable(() => finished++));
  values.push(1);
  values.push(2);
  for await (const value of values) {
    assert.is(value, 1);
    break;
  }
  assert.is(finished, 1);
  assert.equal(await values.next(), { value: undefined, done: true });
});

queue('a capacity that is not a positive integer is refused', () => {
  assert.throws(() => new EventQueue(0, unpausable()), /event buffer size 0/);
  assert.throws(() => new EventQueue(1.5, unpausable()), /event buffer size 1.5/);
});

queue.run();
