import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detectFormat } from '../../../cli/capture/detect.js';
import { singleInput, type CaptureFile } from '../../../cli/capture/files.js';
import type { CaptureProblem } from '../../../cli/capture/problem.js';
import { eventExample, frame, har, HELLO, tempFolder } from '../cli-fixture.js';

const created = frame('ChatMessageCreated', eventExample('ChatMessageCreated'));
const typing = frame('ChatChannelTyping', { channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6' });
const jsonLines = [JSON.stringify({ direction: 'in', data: created }), JSON.stringify({ direction: 'out', data: typing })].join('\n');
const text = [HELLO, '40', created, '2', '3'].join('\n');

async function inputOf(file: string): Promise<CaptureFile> {
  const input = await singleInput(file);
  assert.ok('size' in input, `${file} is readable`);
  return input;
}

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

const NOT_CAPTURES: Array<{ name: string; content: string | Buffer; want: { readonly line?: number; readonly column?: number; readonly offset?: number }; message: RegExp }> = [
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
      const { at, message: said } = problem as CaptureProblem;
      assert.match(said, message);
      assert.equal(at, { file: folder.file(name), ...want });
    } finally {
      folder.cleanup();
    }
  });
}

detection.run();
