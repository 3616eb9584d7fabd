import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { plainText, summarize } from '../../../cli/demo/summary.js';
import type { Content, ReceivedEvent } from '../../../generated/index.js';
import { loadSpec } from '../../../generator/load/load-spec.js';

const paragraph = (...texts: string[]): Content => ({
  object: 'value',
  document: {
    object: 'document',
    data: {},
    nodes: texts.map((text) => ({ object: 'block', type: 'paragraph', data: {}, nodes: [{ object: 'text', leaves: [{ object: 'leaf', text, marks: [] }] }] })),
  },
});

const summary = suite('the demo summary');

const cases: { name: string; given: ReceivedEvent; want: string }[] = [
  {
    name: 'a message says who wrote what where',
    given: {
      name: 'ChatMessageCreated',
      payload: {
        type: 'ChatMessageCreated',
        channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6',
        channelType: 'Team',
        contentType: 'chat',
        contentId: '9c1a7e52-3b4d-4f6e-8a19-2d3c4b5a6f70',
        createdAt: '2023-10-25T23:38:20.100Z',
        createdBy: 'EdVMVKR4',
        silenceNotification: false,
        repliedToMessages: [],
        message: {
          id: '9c1a7e52-3b4d-4f6e-8a19-2d3c4b5a6f70',
          type: 'default',
          content: paragraph('hello world'),
          createdBy: 'EdVMVKR4',
          createdAt: '2023-10-25T23:38:20.100Z',
          repliesTo: null,
        },
      },
    },
    want: 'EdVMVKR4 in d2242862…: "hello world"',
  },
  {
    name: 'typing names the user and the channel',
    given: { name: 'ChatChannelTyping', payload: { type: 'ChatChannelTyping', channelId: 'f695a133-3812-4db4-b733-64a1efdf8fd2', userId: '2d2Wg8Pm' } },
    want: '2d2Wg8Pm is typing in f695a133…',
  },
  {
    name: 'presence is named',
    given: { name: 'USER_PRESENCE_MANUALLY_SET', payload: { type: 'USER_PRESENCE_MANUALLY_SET', status: 2 } },
    want: 'presence set to idle',
  },
  {
    name: 'an event without a summary of its own shows its first plain fields',
    given: { name: 'TeamGameAdded', payload: { type: 'TeamGameAdded', teamId: '4R5q39VR', gameId: 216000 } },
    want: 'teamId 4R5q39VR, gameId 216000',
  },
];
for (const { name, given, want } of cases) {
  summary(name, () => {
    assert.is(summarize(given), want);
  });
}

summary('reads text from every block and inline, one space between blocks', () => {
  assert.is(plainText(paragraph('first  line', 'second')), 'first line second');
});

summary('summarizes the first example of every event in the spec without undefined', async () => {
  const spec = await loadSpec('spec');
  for (const event of spec.events) {
    const text = summarize({ name: event.name, payload: event.examples[0] } as ReceivedEvent);
    assert.ok(text.length > 0 && !text.includes('undefined'), `${event.name}: ${text}`);
  }
});

summary.run();
