import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { har, HELLO, tempFolder } from '../cli-fixture.js';
import { read } from './read-fixture.js';

const MESSAGES: Array<{ type: 'send' | 'receive'; data: string; opcode?: number }> = [
  { type: 'receive', data: HELLO, opcode: 1 },
  { type: 'receive', data: 'AAEC', opcode: 2 },
  { type: 'send', data: '', opcode: 8 },
  { type: 'receive', data: 'ping?', opcode: 9 },
  { type: 'send', data: '2', opcode: 1 },
];

const rule = suite('one rule for opcodes, in a HAR and in JSON lines alike');

rule('a HAR and its messages copied out as JSON lines (jq) give the same frames: text as written, binary as bytes, control frames none', async () => {
  const document = har(MESSAGES);
  const copied = (JSON.parse(document) as { log: { entries: Array<{ _webSocketMessages?: unknown[] }> } }).log.entries[1]!._webSocketMessages!;
  const folder = tempFolder({ 'capture.har': document, 'capture.jsonl': copied.map((message) => JSON.stringify(message)).join('\n') });
  try {
    const fromHar = await read(folder.file('capture.har'));
    const fromLines = await read(folder.file('capture.jsonl'));
    const frames = (records: typeof fromHar.records) => records.map(({ direction, time, data }) => ({ direction, time, data }));
    assert.equal(frames(fromHar.records), [
      { direction: 'in', time: 1700000000, data: HELLO },
      { direction: 'in', time: 1700000000 + 1 / 10, data: Buffer.from([0, 1, 2]) },
      { direction: 'out', time: 1700000000 + 4 / 10, data: '2' },
    ]);
    assert.equal(frames(fromLines.records), frames(fromHar.records));
    assert.equal([fromHar.problems, fromLines.problems], [[], []]);
  } finally {
    folder.cleanup();
  }
});

rule.run();
