import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { events } from '../../generated/index.js';
import { ListenedEvents, type ListenedEvent } from '../../runtime/listened-events.js';

/** The listened events for `spellings`, as the client builds them from the dispatcher table. */
function listening(spellings: readonly string[]): ListenedEvents {
  return new ListenedEvents(spellings.map((spelling) => ({ spelling, entry: events[spelling]! }) satisfies ListenedEvent));
}

/** `name` inside an event frame, with where it starts and ends. */
function inFrame(name: string): [string, number, number] {
  const frame = `42["${name}",{"type":"x"}]`;
  return [frame, 4, 4 + name.length];
}

const ALL = Object.keys(events);

const find = suite('ListenedEvents.find');

find('finds every spec spelling in place when every event is listened', () => {
  const index = listening(ALL);
  for (const spelling of ALL) assert.is(index.find(...inFrame(spelling))?.spelling, spelling);
});

find('tells each spec event from every other of the same length', () => {
  for (const spelling of ALL) {
    const index = listening([spelling]);
    for (const other of ALL) {
      if (other !== spelling) assert.is(index.find(...inFrame(other)), undefined, `${other} taken for ${spelling}`);
    }
  }
});

find('a name one character away from a listened one is not taken for it, wherever the difference is', () => {
  const index = listening(['ChatMessageCreated', 'ChatChannelTyping', 'teamRolesUpdated']);
  for (const spelling of ['ChatMessageCreated', 'ChatChannelTyping', 'teamRolesUpdated']) {
    for (let i = 0; i < spelling.length; i++) {
      for (const replacement of ['X', '_', 'é', '\\']) {
        const near = `${spelling.slice(0, i)}${replacement}${spelling.slice(i + 1)}`;
        assert.is(index.find(...inFrame(near)), undefined, near);
      }
    }
  }
});

find('reads the name where it is told to, not from the start of the string', () => {
  const index = listening(['ChatChannelTyping']);
  const frame = '42/team,17["ChatChannelTyping",{}]';
  const start = frame.indexOf('"') + 1;
  assert.is(index.find(frame, start, start + 'ChatChannelTyping'.length)?.spelling, 'ChatChannelTyping');
  assert.is(index.find(frame, start + 1, start + 1 + 'ChatChannelTyping'.length), undefined);
});

find('finds nothing when nothing is listened, or for an empty or unknown name', () => {
  assert.is(listening([]).find(...inFrame('ChatChannelTyping')), undefined);
  const index = listening(ALL);
  assert.is(index.find(...inFrame('')), undefined);
  assert.is(index.find(...inFrame('SomethingNew')), undefined);
});

find.run();

const get = suite('ListenedEvents.get');

get('looks a listened event up by its exact spelling', () => {
  const index = listening(['ChatChannelTyping']);
  assert.is(index.get('ChatChannelTyping')?.entry, events['ChatChannelTyping']);
  assert.is(index.get('ChatChannelTypin'), undefined);
  assert.is(index.get('toString'), undefined);
});

get.run();
