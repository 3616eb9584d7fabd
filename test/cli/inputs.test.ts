import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { locate, type Cursor, type Direction, type InputProblem, type Location } from '../../cli/validate/frames.js';
import { detectFormat, expandInputs, streamInputFrames, singleInput, type InputFile } from '../../cli/validate/inputs.js';
import { Redactor } from '../../cli/validate/redact.js';
import { eventExample, frame, har, HELLO, tempFolder } from './cli-fixture.js';

const created = frame('ChatMessageCreated', eventExample('ChatMessageCreated'));
const typing = frame('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
const jsonLines = [JSON.stringify({ direction: 'in', data: created }), JSON.stringify({ direction: 'out', data: typing })].join('\n');
const text = [HELLO, '40', created, '2', '3'].join('\n');

async function inputOf(file: string): Promise<InputFile> {
  const [input] = await expandInputs([file]);
  assert.ok(input && 'size' in input, `${file} is readable`);
  return input;
}

/** Reads a file as its content says, recording every frame and problem. */
async function read(file: string): Promise<{ frames: Array<{ data: string | Uint8Array; direction: Direction; at: Location }>; problems: InputProblem[] }> {
  const frames: Array<{ data: string | Uint8Array; direction: Direction; at: Location }> = [];
  const problems: InputProblem[] = [];
  const input = await inputOf(file);
  const format = await detectFormat(input);
  if (typeof format === 'object') return { frames, problems: [format] };
  await streamInputFrames(input, format, {
    sink: { frame: (data, direction, at: Cursor) => frames.push({ data, direction, at: locate(at) }) },
    redactor: new Redactor(),
    problem: (problem) => problems.push(problem),
    advance: () => undefined,
  });
  return { frames, problems };
}

// #region detection
const detection = suite('detectFormat reads the content, not the extension');

const FORMATS: Array<{ name: string; content: string | Buffer; want: string }> = [
  { name: 'chrome.txt', content: har([{ type: 'receive', data: created }]), want: 'har' },
  { name: 'minified.log', content: har([{ type: 'receive', data: created }]).replace(/\n\s*/g, ''), want: 'har' },
  { name: 'bom.json', content: `\uFEFF\n\n${har([])}`, want: 'har' },
  { name: 'frames.har', content: jsonLines, want: 'jsonl' },
  { name: 'strings.txt', content: [JSON.stringify(created), JSON.stringify('2')].join('\n'), want: 'jsonl' },
  { name: 'capture.jsonl', content: text, want: 'text' },
];

for (const { name, content, want } of FORMATS) {
  detection(`${name} is read as ${want}`, async () => {
    const folder = tempFolder({ [name]: content });
    try {
      assert.is(await detectFormat(await inputOf(folder.file(name))), want);
    } finally {
      folder.cleanup();
    }
  });
}

const NOT_CAPTURES: Array<{ name: string; content: string | Buffer; want: Partial<InputProblem['at']>; message: RegExp }> = [
  { name: 'empty.har', content: '', want: {}, message: /empty file/ },
  { name: 'blank.jsonl', content: ' \n\n\t\n', want: {}, message: /only whitespace/ },
  { name: 'image.har', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), want: { offset: 0 }, message: /not UTF-8/ },
  { name: 'nul.txt', content: Buffer.from('42["a"]\n\0\0'), want: { offset: 8 }, message: /binary file: NUL byte/ },
  { name: 'capture.har.gz', content: Buffer.from([0x1f, 0x8b, 0x08, 0x00]), want: { offset: 0 }, message: /gzip/ },
  { name: 'array.json', content: '\n  ["ChatMessageCreated", {}]', want: { line: 2, column: 3 }, message: /not a HAR, JSON lines or frame text: it starts with "\["/ },
];

for (const { name, content, want, message } of NOT_CAPTURES) {
  detection(`${name} is refused with a reason and a position`, async () => {
    const folder = tempFolder({ [name]: content });
    try {
      const problem = await detectFormat(await inputOf(folder.file(name)));
      assert.type(problem, 'object');
      const { at, message: said } = problem as InputProblem;
      assert.match(said, message);
      assert.equal(at, { file: folder.file(name), ...want });
    } finally {
      folder.cleanup();
    }
  });
}

detection('folders are walked recursively in a fixed order, hidden files skipped, missing paths kept in place', async () => {
  const folder = tempFolder({ 'b.jsonl': jsonLines, 'a.txt': text, '.DS_Store': 'x' });
  try {
    mkdirSync(folder.file('sub'));
    writeFileSync(path.join(folder.file('sub'), 'c.har'), har([]));
    const found = await expandInputs([folder.dir, folder.file('missing.har'), folder.file('a.txt')]);
    assert.equal(
      found.map((input) => ('size' in input ? input.display : `${input.at.file}: ${input.message}`)),
      [folder.file('a.txt'), folder.file('b.jsonl'), path.join(folder.file('sub'), 'c.har'), `${folder.file('missing.har')}: no such file or folder`],
    );
  } finally {
    folder.cleanup();
  }
});

detection('a folder named on the command line that holds no file is a problem, not a silent nothing', async () => {
  const folder = tempFolder({ '.hidden.har': har([]) });
  try {
    mkdirSync(folder.file('empty-sub'));
    const found = await expandInputs([folder.dir]);
    assert.equal(found, [{ at: { file: folder.dir }, message: 'no files to read in this folder or its subfolders (hidden files are skipped)' }]);
  } finally {
    folder.cleanup();
  }
});

detection('an empty subfolder next to files, and a folder whose files were named already, are no problem', async () => {
  const folder = tempFolder({ 'a.txt': text });
  try {
    mkdirSync(folder.file('empty-sub'));
    const found = await expandInputs([folder.file('a.txt'), folder.dir]);
    assert.equal(found.map((input) => ('size' in input ? input.display : input.message)), [folder.file('a.txt')]);
  } finally {
    folder.cleanup();
  }
});

detection('singleInput gives the one file a command reads, and refuses a folder or a missing path', async () => {
  const folder = tempFolder({ 'a.txt': text });
  try {
    assert.equal(await singleInput(folder.file('a.txt')), { path: folder.file('a.txt'), display: folder.file('a.txt'), size: text.length });
    assert.equal(await singleInput(folder.dir), { at: { file: folder.dir }, message: 'is a folder; give one capture file' });
    assert.equal(await singleInput(folder.file('gone.har')), { at: { file: folder.file('gone.har') }, message: 'no such file or folder' });
  } finally {
    folder.cleanup();
  }
});

detection.run();
// #endregion

// #region readers
const readers = suite('streamInputFrames hands out each frame with its direction and place');

readers('a HAR gives received and sent messages, entry and message indexes, and binary messages as bytes', async () => {
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
    const { frames, problems } = await read(folder.file('capture.har'));
    assert.equal(problems, []);
    const at = (message: number) => ({ file: folder.file('capture.har'), entry: 1, message });
    assert.equal(frames, [
      { data: HELLO, direction: 'in', at: at(0) },
      { data: typing, direction: 'out', at: at(1) },
      { data: created, direction: 'in', at: at(2) },
      { data: Buffer.from([0, 1, 2]), direction: 'in', at: at(3) },
    ]);
  } finally {
    folder.cleanup();
  }
});

readers('JSON lines take in/out, receive/send and HAR\'s own message objects, and bare strings of unknown direction', async () => {
  const lines = [
    JSON.stringify({ direction: 'in', data: created, time: 1.5 }),
    JSON.stringify({ direction: 'send', data: typing }),
    JSON.stringify({ type: 'receive', time: 1.7, opcode: 1, data: '3' }),
    '',
    JSON.stringify('2'),
  ];
  const folder = tempFolder({ 'capture.jsonl': `${lines.join('\r\n')}\r\n` });
  try {
    const { frames, problems } = await read(folder.file('capture.jsonl'));
    assert.equal(problems, []);
    const at = (line: number) => ({ file: folder.file('capture.jsonl'), line });
    assert.equal(frames, [
      { data: created, direction: 'in', at: at(1) },
      { data: typing, direction: 'out', at: at(2) },
      { data: '3', direction: 'in', at: at(3) },
      { data: '2', direction: 'unknown', at: at(5) },
    ]);
  } finally {
    folder.cleanup();
  }
});

readers('a bad JSON line is reported at its line and column, and the lines after it are still read', async () => {
  const lines = [JSON.stringify({ direction: 'in', data: '2' }), '{"direction": "in", "data": 42["x"]}', JSON.stringify({ direction: 'up', data: '2' }), '{"direction": "in"}', JSON.stringify({ direction: 'in', data: '3' })];
  const folder = tempFolder({ 'capture.jsonl': lines.join('\n') });
  try {
    const { frames, problems } = await read(folder.file('capture.jsonl'));
    assert.equal(frames.map((f) => f.data), ['2', '3']);
    assert.equal(problems.map((p) => [p.at.line, p.at.column]), [[2, 31], [3, undefined], [4, undefined]]);
    assert.equal(problems[0], {
      at: { file: folder.file('capture.jsonl'), line: 2, column: 31 },
      message: "unexpected '[', expected ',' or '}'; line skipped",
      excerpt: lines[1],
    });
    assert.match(problems[1]!.message, /direction "up" is none of in, out, receive, send/);
    assert.match(problems[2]!.message, /no "data" string/);
  } finally {
    folder.cleanup();
  }
});

readers('a JSON-lines file that starts with a BOM reads its first line as JSON', async () => {
  const folder = tempFolder({ 'bom.jsonl': `\uFEFF${jsonLines}` });
  try {
    const { frames, problems } = await read(folder.file('bom.jsonl'));
    assert.equal(problems, []);
    assert.equal(frames.map((f) => f.direction), ['in', 'out']);
  } finally {
    folder.cleanup();
  }
});

readers('frame text gives one frame a line, direction unknown, trailing blanks trimmed', async () => {
  const folder = tempFolder({ 'frames.txt': `${text.replace('40', '40  ')}\n\n` });
  try {
    const { frames } = await read(folder.file('frames.txt'));
    assert.equal(frames.map((f) => [f.data, f.direction, (f.at as { line: number }).line]), [
      [HELLO, 'unknown', 1],
      ['40', 'unknown', 2],
      [created, 'unknown', 3],
      ['2', 'unknown', 4],
      ['3', 'unknown', 5],
    ]);
  } finally {
    folder.cleanup();
  }
});

readers('a truncated HAR is reported at its last line and column, after the messages before the cut', async () => {
  const whole = har([{ type: 'receive', data: HELLO }, { type: 'receive', data: created }]);
  const cut = whole.slice(0, whole.indexOf(created.slice(0, 20).replace(/"/g, '\\"')) + 10);
  const folder = tempFolder({ 'cut.har': cut });
  try {
    const { frames, problems } = await read(folder.file('cut.har'));
    assert.equal(frames.map((f) => f.data), [HELLO]);
    const lines = cut.split('\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0], {
      at: { file: folder.file('cut.har'), line: lines.length, column: lines.at(-1)!.length + 1 },
      message: 'the file ends inside a string in log.entries[1]._webSocketMessages[1].data (truncated?)',
      // The last line as the file holds it, without its indentation: `"data": "42[\"ChatMes`.
      excerpt: lines.at(-1)!.trim(),
    });
  } finally {
    folder.cleanup();
  }
});

readers('a HAR without WebSocket messages (as Firefox exports) says so', async () => {
  const firefox = JSON.stringify({ log: { version: '1.2', creator: { name: 'Firefox', version: '128.0' }, entries: [{ request: { url: 'wss://www.guilded.gg/ws/' }, response: { status: 101 } }] } });
  const folder = tempFolder({ 'firefox.har': firefox, 'notahar.har': '{"log": {"pages": []}}' });
  try {
    assert.match((await read(folder.file('firefox.har'))).problems[0]!.message, /no WebSocket messages in this HAR: Firefox leaves them out/);
    assert.match((await read(folder.file('notahar.har'))).problems[0]!.message, /not a HAR: there is no log.entries array/);
  } finally {
    folder.cleanup();
  }
});

readers.run();
// #endregion
