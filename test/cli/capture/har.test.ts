import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eventExample, frame, har, HELLO, tempFolder } from '../cli-fixture.js';
import { read } from './read-fixture.js';

const created = frame('ChatMessageCreated', eventExample('ChatMessageCreated'));
const typing = frame('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
// The time the fixture's HAR gives its message `i`.
const timeOf = (i: number) => 1700000000 + i / 10;

const reader = suite('a HAR is streamed as records, one a WebSocket message');

reader('received and sent messages, with their entry and message indexes, times, and binary messages as bytes', async () => {
  const folder = tempFolder({
    'capture.har': har([
      { type: 'receive', data: HELLO },
      { type: 'send', data: typing },
      { type: 'receive', data: created },
      { type: 'receive', data: 'AAEC', opcode: 2 },
      { type: 'send', data: '', opcode: 9 },
    ]),
  });
  try {
    const { records, problems, complete } = await read(folder.file('capture.har'));
    assert.equal(problems, []);
    assert.ok(complete);
    const record = (message: number, direction: string, data: string | Uint8Array) => ({ file: folder.file('capture.har'), position: { entry: 1, message }, direction, time: timeOf(message), data });
    assert.equal(records, [record(0, 'in', HELLO), record(1, 'out', typing), record(2, 'in', created), record(3, 'in', Buffer.from([0, 1, 2]))]);
  } finally {
    folder.cleanup();
  }
});

reader('a message that is not an object, or has no data, is skipped at its place and the next one read', async () => {
  const document = JSON.parse(har([{ type: 'receive', data: HELLO }])) as { log: { entries: Array<{ _webSocketMessages?: unknown[] }> } };
  document.log.entries[1]!._webSocketMessages!.push('2', { type: 'receive', opcode: 1 }, { type: 'receive', data: '3' });
  const folder = tempFolder({ 'odd.har': JSON.stringify(document) });
  try {
    const { records, problems, complete } = await read(folder.file('odd.har'));
    assert.equal(records.map((record) => [record.position, record.data, record.time]), [
      [{ entry: 1, message: 0 }, HELLO, timeOf(0)],
      [{ entry: 1, message: 3 }, '3', undefined],
    ]);
    assert.equal(problems, [
      { at: { file: folder.file('odd.har'), entry: 1, message: 1 }, message: 'a WebSocket message that is not an object; skipped' },
      { at: { file: folder.file('odd.har'), entry: 1, message: 2 }, message: 'a WebSocket message without a "data" string; skipped' },
    ]);
    assert.ok(complete, 'skipped messages leave the file a capture');
  } finally {
    folder.cleanup();
  }
});

reader('a truncated HAR is reported at its last line and column, after the messages before the cut, and is not complete', async () => {
  const whole = har([{ type: 'receive', data: HELLO }, { type: 'receive', data: created }]);
  const cut = whole.slice(0, whole.indexOf(created.slice(0, 20).replace(/"/g, '\\"')) + 10);
  const folder = tempFolder({ 'cut.har': cut });
  try {
    const { records, problems, complete } = await read(folder.file('cut.har'));
    assert.equal(records.map((record) => record.data), [HELLO]);
    const lines = cut.split('\n');
    assert.equal(problems, [
      {
        at: { file: folder.file('cut.har'), line: lines.length, column: lines.at(-1)!.length + 1 },
        message: 'the file ends inside a string in log.entries[1]._webSocketMessages[1].data (truncated?)',
        // The last line as the file holds it, without its indentation: `"data": "42[\"ChatMes`.
        excerpt: lines.at(-1)!.trim(),
      },
    ]);
    assert.not.ok(complete);
  } finally {
    folder.cleanup();
  }
});

reader('a HAR without WebSocket messages (as Firefox exports) says so; a JSON document without log.entries is no HAR', async () => {
  const firefox = JSON.stringify({ log: { version: '1.2', creator: { name: 'Firefox', version: '128.0' }, entries: [{ request: { url: 'wss://www.guilded.gg/ws/' }, response: { status: 101 } }] } });
  const folder = tempFolder({ 'firefox.har': firefox, 'notahar.har': '{"log": {"pages": []}}' });
  try {
    const fromFirefox = await read(folder.file('firefox.har'));
    assert.match(fromFirefox.problems[0]!.message, /^no WebSocket messages in this HAR: Firefox leaves them out/);
    assert.equal(fromFirefox.problems[0]!.at, { file: folder.file('firefox.har') });
    const notAHar = await read(folder.file('notahar.har'));
    assert.equal(notAHar.problems, [{ at: { file: folder.file('notahar.har') }, message: 'not a HAR: there is no log.entries array' }]);
    assert.not.ok(notAHar.complete);
  } finally {
    folder.cleanup();
  }
});

reader.run();
