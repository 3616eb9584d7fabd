import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ClientEvent } from '../../runtime/client-events.js';
import { EventIterators } from '../../runtime/event-iterators.js';

const EVENT = { name: 'unknownEvent', payload: { name: 'SomethingNew', payload: 1 } } as const satisfies ClientEvent;

/** The tick after the current one: when the held iterator is dropped. */
function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const held = suite('the iterator held for the first one');

held('the first iterator after connect gets what arrived before it', async () => {
  const iterators = new EventIterators(() => {});
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
  const iterators = new EventIterators(() => {});
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
  const iterators = new EventIterators(() => {});
  iterators.iterate(undefined, false);
  iterators.holdForFirst();
  assert.is(iterators.size, 1);
});

held('an iterator made after the session ended ends at once', async () => {
  let changes = 0;
  const iterators = new EventIterators(() => changes++);
  const after = iterators.iterate(undefined, true);
  assert.equal(await after.next(), { value: undefined, done: true });
  assert.is(iterators.size, 0);
  assert.is(changes, 2, 'told when it started and when it ended');
});

held.run();
