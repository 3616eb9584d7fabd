import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { eventExample, frame, HELLO, tempFolder } from '../cli-fixture.js';
import { read } from './read-fixture.js';

const created = frame('ChatMessageCreated', eventExample('ChatMessageCreated'));
const typing = frame('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
const jsonLines = [JSON.stringify({ direction: 'in', data: created }), JSON.stringify({ direction: 'out', data: typing })].join('\n');
const text = [HELLO, '40', created, '2', '3'].join('\n');

const reader = suite('JSON lines and frame text are streamed as records, one a line');

reader("JSON lines take in/out, receive/send and HAR's own message objects with their times, and bare strings of unknown direction", async () => {
  const lines = [
    JSON.stringify({ direction: 'in', data: created, time: 1.5 }),
    JSON.stringify({ direction: 'send', data: typing }),
    JSON.stringify({ type: 'receive', time: 1.7, opcode: 1, data: '3' }),
    '',
    JSON.stringify('2'),
  ];
  const folder = tempFolder({ 'capture.jsonl': `${lines.join('\r\n')}\r\n` });
  try {
    const { records, problems, complete } = await read(folder.file('capture.jsonl'));
    assert.equal(problems, []);
    assert.ok(complete);
    const record = (line: number, direction: string, time: number | undefined, data: string) => ({ file: folder.file('capture.jsonl'), position: { line }, direction, time, data });
    assert.equal(records, [record(1, 'in', 1.5, created), record(2, 'out', undefined, typing), record(3, 'in', 1.7, '3'), record(5, 'unknown', undefined, '2')]);
  } finally {
    folder.cleanup();
  }
});

reader('a bad JSON line is reported at its line and column, and the lines after it are still read', async () => {
  const lines = [JSON.stringify({ direction: 'in', data: '2' }), '{"direction": "in", "data": 42["x"]}', JSON.stringify({ direction: 'up', data: '2' }), '{"direction": "in"}', JSON.stringify({ direction: 'in', data: '3' })];
  const folder = tempFolder({ 'capture.jsonl': lines.join('\n') });
  try {
    const { records, problems, complete } = await read(folder.file('capture.jsonl'));
    const file = folder.file('capture.jsonl');
    assert.equal(records.map((record) => record.data), ['2', '3']);
    assert.equal(problems, [
      { at: { file, line: 2, column: 31 }, message: "unexpected '[', expected ',' or '}'; line skipped", excerpt: lines[1] },
      { at: { file, line: 3 }, message: 'direction "up" is none of in, out, receive, send; line skipped' },
      { at: { file, line: 4 }, message: 'no "data" string holding the frame; line skipped' },
    ]);
    assert.ok(complete, 'skipped lines leave the file a capture');
  } finally {
    folder.cleanup();
  }
});

reader('a JSON-lines file that starts with a BOM reads its first line as JSON', async () => {
  const folder = tempFolder({ 'bom.jsonl': `\uFEFF${jsonLines}` });
  try {
    const { records, problems } = await read(folder.file('bom.jsonl'));
    assert.equal(problems, []);
    assert.equal(records.map((record) => record.direction), ['in', 'out']);
  } finally {
    folder.cleanup();
  }
});

reader('frame text gives one frame a line, direction unknown and no time, trailing blanks trimmed', async () => {
  const folder = tempFolder({ 'frames.txt': `${text.replace('40', '40  ')}\n\n` });
  try {
    const { records } = await read(folder.file('frames.txt'));
    assert.equal(records.map((record) => [record.data, record.direction, record.position, record.time]), [
      [HELLO, 'unknown', { line: 1 }, undefined],
      ['40', 'unknown', { line: 2 }, undefined],
      [created, 'unknown', { line: 3 }, undefined],
      ['2', 'unknown', { line: 4 }, undefined],
      ['3', 'unknown', { line: 5 }, undefined],
    ]);
  } finally {
    folder.cleanup();
  }
});

reader.run();
