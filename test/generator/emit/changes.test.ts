/** generated/CHANGES.md, written from the diff between spec/released/<version>/ and the spec, and the --record-release copy it reads. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { recordRelease } from '../../../generator/diff/record-release.js';
import { generate } from '../../../generator/generate.js';
import { BASE, generateWith, writeSpec } from '../spec-fixture.js';

/** BASE's files as the released copy of `version`. */
const released = (version: string, files: Record<string, string> = BASE) =>
  Object.fromEntries(Object.entries(files).map(([name, text]) => [`released/${version}/${name}`, text]));

const chat = BASE['events/chat.yaml']!;
const withField = chat.replace('        message: { $ref: Message }\n', '        message: { $ref: Message }\n        isPinned: { type: boolean, optional: true }\n');

const changes = suite('generated/CHANGES.md');

changes('a spec without a released copy has no changelog', async () => {
  const { files } = await generateWith();
  assert.not.ok(files!.has('CHANGES.md'));
});

changes('no changes since the release: it says the types are those of the release', async () => {
  const { files, problems } = await generateWith(released('0.1.0'));
  assert.is(problems, undefined, problems?.join('\n'));
  assert.match(files!.get('CHANGES.md')!, '# Protocol changes since 0.1.0\n');
  assert.match(files!.get('CHANGES.md')!, '\nNo changes: the protocol types are those of 0.1.0.\n');
});

changes('an optional field added: one non-breaking row with its rule, and the next version', async () => {
  const { files } = await generateWith({ ...released('0.1.0'), 'events/chat.yaml': withField });
  const text = files!.get('CHANGES.md')!;
  assert.match(text, '1 change: 1 non-breaking; the package needs a minor release, so the next version is 0.1.1');
  assert.match(text, '## Non-breaking\n\n| in | change | rule |\n|---|---|---|\n| event ChatMessageCreated /isPinned | an optional field was added | `field-added-optional` |\n');
});

changes('a field removed since 1.2.3: breaking, and the next version is 2.0.0', async () => {
  const { files } = await generateWith({ ...released('1.2.3', { ...BASE, 'events/chat.yaml': withField }) });
  const text = files!.get('CHANGES.md')!;
  assert.match(text, 'so the next version is 2.0.0.');
  assert.match(text, '| event ChatMessageCreated /isPinned | the field was removed | `field-removed` |');
});
changes.run();

const record = suite('generate --record-release');

record('copies the spec files without their editor line, drops the older copy, and the changelog then has no changes', async () => {
  const editorLine = '# yaml-language-server: $schema=../../generated/schema/spec-format.json\n';
  const { dir, cleanup } = writeSpec({ ...released('0.1.0'), 'events/chat.yaml': editorLine + withField });
  try {
    const target = await recordRelease(dir, '0.2.0');
    assert.equal(readdirSync(path.join(dir, 'released')).sort(), ['0.2.0', 'README.md']);
    assert.is(readFileSync(path.join(target, 'events/chat.yaml'), 'utf8'), withField);
    const text = (await generate(dir)).get('CHANGES.md')!;
    assert.match(text, 'No changes: the protocol types are those of 0.2.0.');
  } finally {
    cleanup();
  }
});
record.run();
