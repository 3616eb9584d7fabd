import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listSpecFolder } from '../../../generator/load/spec-files.js';
import { BASE, generateWith, writeSpec } from '../spec-fixture.js';

/** A one-event spec file for `name`, as a spec author writes it. */
const eventFile = (name: string) => `events:
  ${name}:
    description: Something happened.
    status: name-only
    sources: [gapi]
    payload: {}
    examples: [{ type: ${name} }]
`;

/** The Inputs line of a generated file's header. */
const inputsLine = (text: string) => /Inputs: (.*)/.exec(text)![1];

const read = suite('spec files that are read');

read('an event in a .yml file is generated', async () => {
  const { files, problems } = await generateWith({ 'events/streaks.yml': eventFile('UserStreakUpdated') });
  assert.is(problems, undefined, problems?.join('\n'));
  assert.match(files!.get('dispatcher.ts')!, '"UserStreakUpdated"');
});

read('an event in a subfolder of events/ is generated, and so is an object in a subfolder of objects/', async () => {
  const { files, problems } = await generateWith({
    'events/voice/calls.yaml': eventFile('VoiceCallStarted'),
    'objects/voice/call.yaml': 'objects:\n  VoiceCall:\n    properties:\n      id: { type: string }\n',
  });
  assert.is(problems, undefined, problems?.join('\n'));
  assert.match(files!.get('dispatcher.ts')!, '"VoiceCallStarted"');
  assert.match(files!.get('types.ts')!, 'export interface VoiceCall {');
});

read('the headers name the inputs as they are: a plain folder of .yaml files as one glob', async () => {
  const { files } = await generateWith();
  assert.is(inputsLine(files!.get('types.ts')!), 'spec/connection.yaml, spec/commands.yaml, spec/objects/*.yaml, spec/events/*.yaml');
  assert.is(inputsLine(files!.get('dispatcher.ts')!), 'spec/commands.yaml, spec/events/*.yaml');
});

read('the headers stay true of subfolders and .yml files', async () => {
  const { files } = await generateWith({ 'events/voice/calls.yml': eventFile('VoiceCallStarted'), 'commands.yaml': null, 'commands.yml': BASE['commands.yaml']! });
  assert.is(inputsLine(files!.get('types.ts')!), 'spec/connection.yaml, spec/commands.yml, spec/objects/*.yaml, spec/events/**/*.{yaml,yml}');
});

read('files are read in code-point order of their paths, subfolders included', async () => {
  const { dir, cleanup } = writeSpec({ 'events/b.yaml': eventFile('B'), 'events/a/z.yaml': eventFile('Z'), 'events/B.yml': eventFile('Y') });
  try {
    const { read: files } = await listSpecFolder(dir);
    assert.equal(
      files.filter((file) => file.kind === 'events').map((file) => file.relative),
      ['events/B.yml', 'events/a/z.yaml', 'events/b.yaml', 'events/chat.yaml'],
    );
  } finally {
    cleanup();
  }
});

const unread = suite('files that are not read are reported');

unread('a stray note and a JSON file fail generation, each named, in path order', async () => {
  const { files, problems } = await generateWith({ 'notes.txt': 'todo\n', 'events/x.json': '{}\n' });
  assert.is(files, undefined);
  assert.equal(problems, [
    'spec/events/x.json:1:1: not read: only .yaml and .yml files under events/ are spec files',
    'spec/notes.txt:1:1: not read: spec/ holds YAML spec files, README.md and reference/; move this file out of spec/, or into spec/reference/ if the spec cites it',
  ]);
});

unread('a YAML file at the top of spec/ that is not one of the three names, or in an unknown folder', async () => {
  const { problems } = await generateWith({ 'team.yaml': eventFile('TeamUpdated'), 'event/chat.yaml': eventFile('ChatMessageUpdated') });
  assert.equal(problems, [
    'spec/event/chat.yaml:1:1: not read: the folders of spec/ are events/, objects/, reference/ and released/',
    'spec/team.yaml:1:1: not read: the top of spec/ holds only sources, connection, commands and sample-session; events go in events/, objects in objects/',
  ]);
});

unread('a file present as both .yaml and .yml is reported: only one is read', async () => {
  const { problems } = await generateWith({ 'sources.yml': BASE['sources.yaml']! });
  assert.equal(problems, ['spec/sources.yml:1:1: not read: spec/sources.yaml is read instead; keep one of the two']);
});

unread('README.md files, reference/ and dot-files are expected and not reported', async () => {
  const { problems } = await generateWith({
    'README.md': '# The spec\n',
    'events/README.md': '# Events\n',
    'reference/captures/Hello-1.json': '{}\n',
    'reference/README.md': '# Reference\n',
    '.DS_Store': 'x',
  });
  assert.is(problems, undefined, problems?.join('\n'));
});

unread('a missing single file is named', async () => {
  const { problems } = await generateWith({ 'commands.yaml': null });
  assert.equal(problems, ['spec/commands.yaml:1:1: missing spec file']);
});

read.run();
unread.run();
