import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { code, fence, inline, paragraph, Slugger } from '../../../generator/emit/markdown.js';

const cases: { name: string; run: (text: string) => string; given: string; want: string }[] = [
  { name: 'a pipe is escaped so that it cannot end a table cell', run: inline, given: 'a | b', want: 'a \\| b' },
  { name: 'a backslash is escaped before the pipe escape is added', run: inline, given: 'a \\| b', want: 'a \\\\\\| b' },
  { name: 'line breaks, U+2028 and U+2029 become spaces', run: inline, given: 'a\nb\r\nc\u2028d\u2029e', want: 'a b c d e' },
  { name: 'raw HTML and entities are shown as text', run: inline, given: '<b> & <!-- x -->', want: '&lt;b> &amp; &lt;!-- x -->' },
  { name: 'a code span stays code, with only its pipes escaped', run: inline, given: 'see `a|<b>` here', want: 'see `a\\|<b>` here' },
  { name: 'a backslash before a pipe in code leaves the pipe escaped', run: inline, given: '`a\\|b` `c\\\\|d`', want: '`a\\\\\\|b` `c\\\\\\|d`' },
  { name: 'a lone backtick is left as text', run: inline, given: 'one ` tick', want: 'one ` tick' },
  { name: 'outside a table, a pipe needs no escape', run: (text) => inline(text, false), given: 'a | `b|c`', want: 'a | `b|c`' },
  { name: 'a paragraph cannot start a heading', run: paragraph, given: '# not a heading', want: '\\# not a heading' },
  { name: 'a paragraph cannot start an ordered list', run: paragraph, given: '1. not a list', want: '1\\. not a list' },
  { name: 'a paragraph cannot start a code fence', run: paragraph, given: '``` not a fence', want: '\\``` not a fence' },
  { name: 'a paragraph cannot start a link reference definition', run: paragraph, given: '[x]: /url', want: '\\[x]: /url' },
  { name: 'code with backticks gets a longer fence and padding', run: code, given: '`a` b', want: '`` `a` b ``' },
  { name: 'code escapes pipes for table cells', run: code, given: 'a|b', want: '`a\\|b`' },
  { name: 'a fence is longer than any backtick run inside it', run: (text) => fence(text, 'json'), given: '"````"', want: '`````json\n"````"\n`````' },
];

const markdown = suite('Markdown from spec text');
for (const { name, run, given, want } of cases) markdown(name, () => assert.is(run(given), want));
markdown.run();

const slugs = suite('heading anchors');

slugs('anchors follow GitHub: lowercase, punctuation dropped, spaces to dashes, underscores kept', () => {
  const slugger = new Slugger();
  assert.equal(
    ['Engine.IO packet types', 'Events: chat messages', 'TEAEM_SOCKET_RECONNECTED', 'ChatChannelTyping command'].map((text) => slugger.slug(text)),
    ['engineio-packet-types', 'events-chat-messages', 'teaem_socket_reconnected', 'chatchanneltyping-command'],
  );
});

slugs('a repeated heading is numbered in document order', () => {
  const slugger = new Slugger();
  assert.equal(['Message', 'message', 'Message-1', 'Message'].map((text) => slugger.slug(text)), ['message', 'message-1', 'message-1-1', 'message-2']);
});

slugs.run();
