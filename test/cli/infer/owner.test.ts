import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { whereToAdd } from '../../../cli/infer/owner.js';

const owner = suite('whereToAdd names the part of the spec that owns a new field');

const CASES: Array<{ event: string; pointer: string; want: string }> = [
  {
    event: 'ChatMessageCreated',
    pointer: '/message/embeds',
    want: 'add `embeds` to the Message object in spec/objects/message.yaml (reached from ChatMessageCreated at /message)',
  },
  { event: 'ChatMessageCreated', pointer: '/brandNew', want: 'add `brandNew` to the ChatMessageCreated payload in spec/events/chat-messages.yaml' },
  {
    event: 'ChatMessageCreated',
    pointer: '/message/content/document/nodes/*/foo',
    want: 'add `foo` to the ContentNode object in spec/objects/content.yaml (reached from ChatMessageCreated at /message/content/document/nodes/*)',
  },
  // A nullable object is an anyOf of the object and null.
  {
    event: 'ChatMessageDeleted',
    pointer: '/newLastMessage/foo',
    want: 'add `foo` to the Message object in spec/objects/message.yaml (reached from ChatMessageDeleted at /newLastMessage)',
  },
  // A map keyed by ids: * is the id.
  {
    event: 'teamRolesUpdated',
    pointer: '/rolesById/*/foo',
    want: 'add `foo` to the Role object in spec/objects/member.yaml (reached from teamRolesUpdated at /rolesById/*)',
  },
  // An object written inline in the payload belongs to the event.
  {
    event: 'TeamChannelUpdated',
    pointer: '/channel/foo',
    want: 'add `foo` to the TeamChannelUpdated payload at /channel in spec/events/team-channels.yaml',
  },
  // A key with a slash is escaped in the pointer, and written as it is in the sentence.
  { event: 'ChatMessageCreated', pointer: '/a~1b', want: 'add `a/b` to the ChatMessageCreated payload in spec/events/chat-messages.yaml' },
];

for (const { event, pointer, want } of CASES) {
  owner(`${pointer} of ${event}`, () => {
    assert.is(whereToAdd(event, pointer), want);
  });
}

owner('an event named by another of its wire spellings is answered with its spec name', () => {
  assert.is(whereToAdd('TeamGroupUpdated', '/foo'), 'add `foo` to the TEAM_GROUP_UPDATED payload in spec/events/team.yaml');
});

owner('without the schema bundle (the installed package) it says what it cannot name, and names only what it can', () => {
  assert.is(
    whereToAdd('ChatMessageCreated', '/message/embeds', null),
    'add `embeds` to what /message of the ChatMessageCreated payload is: the payload (spec/events/chat-messages.yaml) or a shared object (spec/objects/); infer names it when run in a checkout of the repository',
  );
  assert.is(whereToAdd('ChatMessageCreated', '/brandNew', null), 'add `brandNew` to the ChatMessageCreated payload in spec/events/chat-messages.yaml');
});

owner.run();
