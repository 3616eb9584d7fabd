import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ClientEvent } from '../../runtime/client-events.js';
import { EventIterators, type EventIteratorsHooks } from '../../runtime/event-iterators.js';

/** Hooks of a client whose socket cannot pause; `changes` counts iterators starting and ending. */
function hooks(changed: () => void = () => {}): EventIteratorsHooks {
  return { countChanged: changed, pause: () => false, resume: () => {} };
}

const EVENT = { name: 'unknownEvent', payload: { name: 'SomethingNew', payload: 1 } } as const satisfies ClientEvent;

/** The tick after the current one: when the held iterator is dropped. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const held = suite('the iterator held for the first one');

held('the first iterator after connect gets what arrived before it', async () => {
  const iterators = new EventIterators(hooks());
  iterators.holdForFirst();
  iterators.push(EVENT);
  iterators.connectionReady();
  const first = iterators.iterate(undefined, false);
  assert.equal(await first.next(), { value: EVENT, done: false });
  await nextTick();
  iterators.push(EVENT);
  assert.equal(await first.next(), { value: EVENT, done: false }, 'taken over, it is not dropped');
});

held('an iterator made after the tick the connection was ready starts empty', async () => {
  const iterators = new EventIterators(hooks());
  iterators.holdForFirst();
  iterators.push(EVENT);
  iterators.connectionReady();
  await nextTick();
  assert.is(iterators.size, 0);
  const late = iterators.iterate(undefined, false);
  iterators.sessionEnded();
  assert.equal(await late.next(), { value: undefined, done: true });
});

held('nothing is held while an iterator runs', () => {
  const iterators = new EventIterators(hooks());
  iterators.iterate(undefined, false);
  iterators.holdForFirst();
  assert.is(iterators.size, 1);
});

held('an iterator made after the session ended ends at once', async () => {
  let changes = 0;
  const iterators = new EventIterators(hooks(() => changes++));
  const after = iterators.iterate(undefined, true);
  assert.equal(await after.next(), { value: undefined, done: true });
  assert.is(iterators.size, 0);
  assert.is(changes, 2, 'told when it started and when it ended');
});

held('the socket is paused while any iterator is full, and resumed when the last one drains', async () => {
  const calls: string[] = [];
  const iterators = new EventIterators({
    countChanged: () => {},
    pause: () => calls.push('pause') > 0,
    resume: () => calls.push('resume'),
  });
  const a = iterators.iterate(2, false);
  const b = iterators.iterate(2, false);
  for (let i = 0; i < 3; i++) iterators.push(EVENT);
  assert.equal(calls, ['pause', 'pause'], 'each full iterator asks');
  await a.next();
  await a.next();
  assert.equal(calls, ['pause', 'pause'], 'b is still full');
  await b.return?.();
  assert.equal(calls, ['pause', 'pause', 'resume']);
});

held.run();
