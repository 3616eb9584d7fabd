/** The hostile inputs of the capture-tools cases, written into a temp folder at test time. */
import { chmodSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const MB = 1024 * 1024;
/** The size of the single-line file. */
export const HUGE_LINE_MB = 200;
/** How deep the nested frame nests. */
export const NESTING = 100_000;

const TYPING = '42["ChatChannelTyping",{"type":"ChatChannelTyping","channelId":"d2242862-401c-42f8-9ce2-0c75977475a6","userId":"x"}]';

/** Writes every hostile input, and one good file, into a fresh folder; returns the folder and each input's name. */
export function writeHostileFiles(): { dir: string; inputs: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gg-hostile-'));
  // Readable by the unprivileged user that the unreadable-file case runs as.
  chmodSync(dir, 0o755);
  const at = (name: string) => path.join(dir, name);

  // 200 MB without a newline, written from one repeated buffer: a frame that never ends.
  const huge = openSync(at('huge-line.txt'), 'w');
  writeSync(huge, '42["ChatMessageCreated",{"message":"');
  const block = Buffer.alloc(MB, 'a');
  for (let i = 0; i < HUGE_LINE_MB; i++) writeSync(huge, block);
  closeSync(huge);

  writeFileSync(at('deep.jsonl'), `42["ChatMessageCreated",{"message":${'['.repeat(NESTING)}${']'.repeat(NESTING)}}]\n${TYPING}\n`);
  writeFileSync(at('not-an-array.har'), JSON.stringify({ log: { version: '1.2', entries: [{ request: {}, _webSocketMessages: 'none' }] } }));
  mkdirSync(at('folder.har'));
  writeFileSync(at('folder.har/inside.jsonl'), `${TYPING}\n`);
  mkdirSync(at('loop'));
  symlinkSync('.', at('loop/again'));
  symlinkSync('b', at('loop/a'));
  symlinkSync('a', at('loop/b'));
  writeFileSync(at('unreadable.jsonl'), `${TYPING}\n`);
  chmodSync(at('unreadable.jsonl'), 0o000);
  writeFileSync(at('zero.jsonl'), '');
  writeFileSync(at('latin1.txt'), Buffer.concat([Buffer.from('42["ChatChannelTyping",{"userId":"caf'), Buffer.from([0xe9]), Buffer.from('"}]\n')]));
  writeFileSync(at('capture.jsonl.gz'), gzipSync(`${TYPING}\n`));
  writeFileSync(at('good.jsonl'), `${TYPING}\n`);
  const inputs = {
    hugeLine: 'huge-line.txt',
    deep: 'deep.jsonl',
    notAnArray: 'not-an-array.har',
    folder: 'folder.har',
    loop: 'loop',
    unreadable: 'unreadable.jsonl',
    zero: 'zero.jsonl',
    invalidUtf8: 'latin1.txt',
    gzip: 'capture.jsonl.gz',
    good: 'good.jsonl',
  };
  return { dir, inputs: Object.fromEntries(Object.entries(inputs).map(([key, name]) => [key, at(name)])) };
}
