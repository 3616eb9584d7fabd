/**
 * One bad input reads the same in every command that reads captures: validate's report, infer's
 * stderr and replay's stderr all give `<file>[:<line>:<column>]: <message>[: <the text there>]`.
 */
import { mkdirSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { run as infer } from '../../cli/infer/command.js';
import { run as replay } from '../../cli/replay/command.js';
import { run as validate } from '../../cli/validate/command.js';
import { capture, eventExample, frame, har, HELLO, tempFolder } from './cli-fixture.js';

const same = suite('a bad capture is reported in one style by validate, infer and replay');

const whole = har([{ type: 'receive', data: HELLO }, { type: 'receive', data: frame('ChatMessageCreated', eventExample('ChatMessageCreated')) }]);
const CUT_HAR = whole.slice(0, whole.indexOf('ChatMessageCreated') + 'ChatMe'.length);
const CUT_LINE = String.raw`{"type":"receive","data":"42[\"ChatMessageCreated\",{\"type\":\"ChatMe`;

/** The three commands' output on `file`, each with its exit code. */
async function outputs(file: string): Promise<{ validate: string; infer: string; replay: string; codes: number[] }> {
  const checked = await capture(validate, [file]);
  const inferred = await capture(infer, [file]);
  // Every input here fails before replay listens, so it returns like the others.
  const replayed = await capture(replay, [file]);
  return { validate: checked.stdout, infer: inferred.stderr, replay: replayed.stderr, codes: [checked.code, inferred.code, replayed.code] };
}

/** Asserts that `line` is what each command says about the input, at the start of a line of its output. */
function saidByAll(said: Awaited<ReturnType<typeof outputs>>, line: string): void {
  assert.equal(said.codes, [1, 1, 1], 'each command exits 1');
  assert.match(said.validate, `\n  ${line}\n`, 'validate, under "input problems"');
  assert.ok(said.infer.startsWith(`${line}\n`), `infer:\n${said.infer}`);
  assert.ok(said.replay.startsWith(`${line}\n`), `replay:\n${said.replay}`);
}

same('a missing file', async () => {
  const folder = tempFolder();
  try {
    saidByAll(await outputs(folder.file('missing.har')), `${folder.file('missing.har')}: no such file or folder`);
  } finally {
    folder.cleanup();
  }
});

same('an empty file', async () => {
  const folder = tempFolder({ 'empty.har': '' });
  try {
    saidByAll(await outputs(folder.file('empty.har')), `${folder.file('empty.har')}: empty file: no frames to read`);
  } finally {
    folder.cleanup();
  }
});

same('a truncated HAR, with its place, the part of the document and its last line', async () => {
  const folder = tempFolder({ 'cut.har': CUT_HAR });
  try {
    const lines = CUT_HAR.split('\n');
    const where = `${folder.file('cut.har')}:${lines.length}:${lines.at(-1)!.length + 1}`;
    saidByAll(await outputs(folder.file('cut.har')), `${where}: the file ends inside a string in log.entries[1]._webSocketMessages[1].data (truncated?): ${lines.at(-1)!.trim()}`);
  } finally {
    folder.cleanup();
  }
});

same('a JSON line cut off inside a string', async () => {
  const folder = tempFolder({ 'cut.jsonl': `${CUT_LINE}\n` });
  try {
    const where = `${folder.file('cut.jsonl')}:1:${CUT_LINE.length + 1}`;
    saidByAll(await outputs(folder.file('cut.jsonl')), String.raw`${where}: the line ends inside a string (truncated?); line skipped: …\",{\"type\":\"ChatMe`);
  } finally {
    folder.cleanup();
  }
});

same('a folder: validate and infer read it, and say when it holds no file; replay takes one file and says so', async () => {
  const folder = tempFolder();
  try {
    const dir = folder.file('captures');
    mkdirSync(dir);
    const said = await outputs(dir);
    assert.equal(said.codes, [1, 1, 1]);
    const empty = `${dir}: no files to read in this folder or its subfolders (hidden files are skipped)`;
    assert.match(said.validate, `\n  ${empty}\n`);
    assert.ok(said.infer.startsWith(`${empty}\n`), said.infer);
    assert.is(said.replay, `${dir}: is a folder; give one capture file\n`);
  } finally {
    folder.cleanup();
  }
});

same.run();
