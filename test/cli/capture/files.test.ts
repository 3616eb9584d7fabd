import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { expandInputs, singleInput } from '../../../cli/capture/files.js';
import { har, HELLO, tempFolder } from '../cli-fixture.js';

const text = [HELLO, '40', '2', '3'].join('\n');
const jsonLines = JSON.stringify({ direction: 'in', data: '2' });

const files = suite('expandInputs and singleInput find the files to read');

files('folders are walked recursively in a fixed order, hidden files skipped, missing paths kept in place', async () => {
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

files('a folder named on the command line that holds no file is a problem, not a silent nothing', async () => {
  const folder = tempFolder({ '.hidden.har': har([]) });
  try {
    mkdirSync(folder.file('empty-sub'));
    const found = await expandInputs([folder.dir]);
    assert.equal(found, [{ at: { file: folder.dir }, message: 'no files to read in this folder or its subfolders (hidden files are skipped)' }]);
  } finally {
    folder.cleanup();
  }
});

files('an empty subfolder next to files, and a folder whose files were named already, are no problem', async () => {
  const folder = tempFolder({ 'a.txt': text });
  try {
    mkdirSync(folder.file('empty-sub'));
    const found = await expandInputs([folder.file('a.txt'), folder.dir]);
    assert.equal(found.map((input) => ('size' in input ? input.display : input.message)), [folder.file('a.txt')]);
  } finally {
    folder.cleanup();
  }
});

files('singleInput gives the one file a command reads, and refuses a folder or a missing path', async () => {
  const folder = tempFolder({ 'a.txt': text });
  try {
    assert.equal(await singleInput(folder.file('a.txt')), { path: folder.file('a.txt'), display: folder.file('a.txt'), size: text.length });
    assert.equal(await singleInput(folder.dir), { at: { file: folder.dir }, message: 'is a folder; give one capture file' });
    assert.equal(await singleInput(folder.file('gone.har')), { at: { file: folder.file('gone.har') }, message: 'no such file or folder' });
  } finally {
    folder.cleanup();
  }
});

files.run();
