import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TypedEmitter } from '../../runtime/emitter.js';

interface Events {
  a: number;
  b: string;
}

function emitter() {
  const failures: Array<[string, unknown, string | undefined]> = [];
  const changes: string[] = [];
  const events = new TypedEmitter<Events, string | undefined>({
    listenerError: (name, error, origin) => failures.push([name, error, origin]),
    countChanged: (name) => changes.push(name),
  });
  return { events, failures, changes };
}

const typed = suite('TypedEmitter');

typed('calls listeners in the order they were added, with the payload and origin', () => {
  const { events } = emitter();
  const calls: string[] = [];
  events.on('a', (value, origin) => calls.push(`first ${value} ${origin}`));
  events.on('a', (value) => calls.push(`second ${value}`));
  events.emit('a', 1, 'user');
  assert.equal(calls, ['first 1 user', 'second 1']);
});

typed('a once listener runs a single time', () => {
  const { events } = emitter();
  let calls = 0;
  events.once('b', () => calls++);
  events.emit('b', 'x', undefined);
  events.emit('b', 'y', undefined);
  assert.is(calls, 1);
  assert.is(events.listenerCount('b'), 0);
  assert.not.ok(events.has('b'));
});

typed('off removes the most recent registration of a listener, once ones included', () => {
  const { events } = emitter();
  const calls: number[] = [];
  const listener = (value: number): number => calls.push(value);
  events.on('a', listener);
  events.once('a', listener);
  events.off('a', listener);
  events.emit('a', 1, undefined);
  events.emit('a', 2, undefined);
  assert.equal(calls, [1, 2], 'the permanent registration stayed');
  events.off('a', listener);
  events.off('a', listener);
  assert.is(events.listenerCount(), 0);
});

typed('listeners added or removed during an emit take effect from the next emit', () => {
  const { events } = emitter();
  const calls: string[] = [];
  const late = (): number => calls.push('late');
  const removed = (): number => calls.push('removed');
  events.on('a', () => {
    calls.push('first');
    events.on('a', late);
    events.off('a', removed);
  });
  events.on('a', removed);
  events.emit('a', 1, undefined);
  assert.equal(calls, ['first', 'removed']);
});

typed('a listener that throws is reported and the others still run', () => {
  const { events, failures } = emitter();
  const error = new Error('boom');
  let ran = false;
  events.on('a', () => {
    throw error;
  });
  events.on('a', () => (ran = true));
  events.emit('a', 1, 'team');
  assert.ok(ran);
  assert.equal(failures, [['a', error, 'team']]);
});

typed('counts listeners per name and in all, and says when a name gains or loses one', () => {
  const { events, changes } = emitter();
  const listener = (): void => {};
  events.on('a', listener).on('a', listener).on('b', listener);
  assert.is(events.listenerCount('a'), 2);
  assert.is(events.listenerCount(), 3);
  assert.equal(events.names().sort(), ['a', 'b']);
  events.off('b', listener);
  assert.equal(events.names(), ['a']);
  assert.equal(changes, ['a', 'a', 'b', 'b']);
});

typed('emitting a name nobody listens to does nothing', () => {
  const { events, failures } = emitter();
  events.emit('b', 'x', undefined);
  assert.equal(failures, []);
});

typed.run();
