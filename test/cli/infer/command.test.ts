import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { run } from '../../../cli/infer/command.js';
import { eventPayloadSchema } from '../../../generator/emit/json-schema.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import type { EventSpec } from '../../../generator/load/model.js';
import { capture, eventExample, frame, har, repoRoot, tempFolder } from '../cli-fixture.js';

const created = eventExample('ChatMessageCreated');
const uuid = (i: number) => `9c1a7e52-3b4d-4f6e-8a19-2d3c4b5a6f${String(i).padStart(2, '0')}`;

/**
 * Twelve frames of an event the spec lacks, shaped like the spec's ChatMessageCreated: teamId absent
 * from DMs, channelCategoryId null in some, channelType one of two values.
 */
const translated = Array.from({ length: 12 }, (_, i) => {
  const { teamId, ...rest }: Record<string, unknown> = { ...created, type: 'ChatMessageTranslated', contentId: uuid(i), language: i % 3 === 0 ? 'de' : 'fr' };
  return i % 4 === 0 ? { ...rest, channelType: 'DM', channelCategoryId: null } : { ...rest, teamId, channelType: 'Team' };
});

const CAPTURE = [
  ...translated.map((payload) => JSON.stringify({ direction: 'in', data: frame('ChatMessageTranslated', payload) })),
  JSON.stringify({ direction: 'in', data: frame('ChatMessageCreated', created) }),
  JSON.stringify({ direction: 'in', data: frame('ChatMessageCreated', { ...created, brandNew: 3, repliedToMessages: (created['repliedToMessages'] as object[]).map((m) => ({ ...m, extra: true })) }) }),
  JSON.stringify({ direction: 'in', data: frame('ChatMessageCreated', { ...created, brandNew: 4 }) }),
  JSON.stringify({ direction: 'in', data: frame('weird-name', { type: 'weird-name' }) }),
  JSON.stringify({ direction: 'out', data: frame('ChatChannelSomething', { channelId: uuid(1) }) }),
].join('\n');

/** Loads the real spec with `files` added to spec/events/ in a temp copy: the spec's own loader judges them. */
async function loadWith(files: Record<string, string>): Promise<{ events: readonly EventSpec[]; cleanup: () => void }> {
  const folder = tempFolder();
  const spec = path.join(folder.dir, 'spec');
  cpSync(path.join(repoRoot, 'spec'), spec, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(spec, 'events', name), text);
  try {
    return { events: (await loadSpec(spec)).events, cleanup: folder.cleanup };
  } catch (error) {
    folder.cleanup();
    throw error;
  }
}

/** Validates `value` as the generator would validate the event's payload. */
function validates(event: EventSpec, value: unknown): { ok: boolean; errors: unknown } {
  const validate = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false }).compile(eventPayloadSchema(event, 'validator'));
  return { ok: validate(value), errors: validate.errors };
}

async function infer(files: Record<string, string>, ...args: string[]) {
  const folder = tempFolder(files);
  try {
    return { ...(await capture(run, [...Object.keys(files).map((name) => folder.file(name)), ...args])), folder };
  } finally {
    folder.cleanup();
  }
}

const printed = suite('infer prints a proposal');

printed('the proposal is an events file that the spec\'s own loader accepts', async () => {
  const { code, stdout } = await infer({ 'capture.jsonl': CAPTURE });
  assert.is(code, 0);
  const { events, cleanup } = await loadWith({ 'zz-proposed.yaml': stdout });
  try {
    const event = events.find((candidate) => candidate.name === 'ChatMessageTranslated');
    assert.ok(event, 'the unknown event is proposed');
    assert.is(event.status, 'fields');
    assert.equal(event.sources, ['capture']);
    assert.is(event.description, 'Inferred by guilded-gateway infer from 12 samples in capture.jsonl. Review every field before merging.');
    assert.is(event.typeField, true, 'type always held the event name, so the generator adds it');
  } finally {
    cleanup();
  }
});

printed('the proposed payload merges every sample: optional, nullable, integer, uuid, date-time, enum', async () => {
  const { stdout } = await infer({ 'capture.jsonl': CAPTURE });
  const { events } = parse(stdout) as { events: Record<string, { payload: { properties: Record<string, unknown> }; examples: unknown[] }> };
  const properties = events['ChatMessageTranslated']!.payload.properties;
  assert.not.ok('type' in properties, 'the generator adds type');
  assert.equal(properties['teamId'], { optional: true, type: 'string' });
  assert.equal(properties['channelCategoryId'], { type: 'integer', nullable: true });
  assert.equal(properties['contentId'], { type: 'string', format: 'uuid' });
  assert.equal(properties['createdAt'], { type: 'string', format: 'date-time' });
  assert.equal((properties['channelType'] as { enum: string[] }).enum, ['DM', 'Team']);
  assert.match((properties['channelType'] as { description: string }).description, /^Seen only as these 2 values in 12 samples/);
  assert.equal((properties['language'] as { enum: string[] }).enum, ['de', 'fr']);
  assert.equal(events['ChatMessageTranslated']!.examples, [translated[0]]);
});

printed('the example taken from the samples validates against the proposed schema', async () => {
  const { stdout } = await infer({ 'capture.jsonl': CAPTURE });
  const { events, cleanup } = await loadWith({ 'zz-proposed.yaml': stdout });
  try {
    const event = events.find((candidate) => candidate.name === 'ChatMessageTranslated')!;
    for (const example of [...event.examples, ...translated]) {
      const { ok, errors } = validates(event, example);
      assert.ok(ok, JSON.stringify(errors));
    }
  } finally {
    cleanup();
  }
});

printed('the proposal names the captures by their base name, never by a local path that would be committed', async () => {
  const { stdout, folder } = await infer({ 'capture.jsonl': CAPTURE });
  assert.not.match(stdout, folder.dir);
  assert.match(stdout, '# ChatMessageCreated: 2 new fields, 3 frames in capture.jsonl\n');
});

printed('new fields of known events are listed under the event, with where to add them, their schema and count, as comments', async () => {
  const { stdout } = await infer({ 'capture.jsonl': CAPTURE });
  assert.match(stdout, '#   /brandNew (in 2 of 3 frames): add `brandNew` to the ChatMessageCreated payload in spec/events/chat-messages.yaml\n#     { optional: true, type: integer }\n');
  assert.match(
    stdout,
    '#   /repliedToMessages/*/extra (in 1 of 3 frames): add `extra` to the RepliedMessage object in spec/objects/message.yaml (reached from ChatMessageCreated at /repliedToMessages/*)\n#     { optional: true, type: boolean }\n',
  );
  assert.match(stdout, '# "weird-name" is not a name the spec can hold as a key; not proposed.\n');
  assert.match(stdout, '# sent command ChatChannelSomething (1 frame) is unknown; commands go in spec/commands.yaml by hand.\n');
});

printed('a new field of a shared object is proposed for that object, in the spec file that defines it', async () => {
  const message = { ...(created['message'] as object), embeds: [{ url: 'https://guildedapi.com' }] };
  const { stdout } = await infer({ 'session.jsonl': JSON.stringify({ direction: 'in', data: frame('ChatMessageCreated', { ...created, message }) }) });
  assert.match(stdout, '#   /message/embeds (in 1 of 1 frames): add `embeds` to the Message object in spec/objects/message.yaml (reached from ChatMessageCreated at /message)\n');
  const spec = parse(readFileSync(path.join(repoRoot, 'spec/objects/message.yaml'), 'utf8')) as { objects: Record<string, unknown> };
  assert.ok('Message' in spec.objects, 'the file named defines Message');
});

printed('a HAR works as well, and secrets in the samples stay out of the example', async () => {
  const leaky = { type: 'ChatMessageTranslated', channelId: uuid(1), note: 'hmac_signed_session=infer-secret-123' };
  const { stdout } = await infer({ 'capture.har': har([{ type: 'receive', data: frame('ChatMessageTranslated', leaky) }]) });
  assert.not.ok(stdout.includes('infer-secret'), stdout);
  assert.match(stdout, 'note: hmac_signed_session=[redacted]');
});

printed('nothing unknown says so', async () => {
  const { code, stdout } = await infer({ 'clean.txt': frame('ChatMessageCreated', created) });
  assert.is(code, 0);
  assert.is(stdout, '# No unknown events: every event name in these files is in the spec.\n');
});

printed.run();

const write = suite('infer --write');

write('writes one events file per unknown event and new-fields.yaml, each loadable', async () => {
  const folder = tempFolder({ 'capture.jsonl': CAPTURE });
  try {
    const out = folder.file('proposals');
    const { code, stdout } = await capture(run, [folder.file('capture.jsonl'), '--write', out]);
    assert.is(code, 0);
    assert.equal(readdirSync(out).sort(), ['ChatMessageTranslated.yaml', 'new-fields.yaml']);
    assert.match(stdout, `wrote ${path.join(out, 'ChatMessageTranslated.yaml')}`);
    const { events, cleanup } = await loadWith({ 'zz-proposed.yaml': readFileSync(path.join(out, 'ChatMessageTranslated.yaml'), 'utf8') });
    cleanup();
    assert.ok(events.some((event) => event.name === 'ChatMessageTranslated'));
    const fields = parse(readFileSync(path.join(out, 'new-fields.yaml'), 'utf8')) as Record<string, { frames: number; fields: Record<string, unknown> }>;
    assert.equal(fields['ChatMessageCreated']!.frames, 3);
    assert.equal(fields['ChatMessageCreated']!.fields['/brandNew'], {
      frames: 2,
      add: '`brandNew` to the ChatMessageCreated payload in spec/events/chat-messages.yaml',
      schema: { optional: true, type: 'integer' },
    });
  } finally {
    folder.cleanup();
  }
});

write('refuses a folder inside spec/, and writes nothing there', async () => {
  const folder = tempFolder({ 'capture.jsonl': CAPTURE });
  try {
    for (const target of [path.join(repoRoot, 'spec'), path.join(repoRoot, 'spec', 'events', 'proposals')]) {
      const { code, stderr } = await capture(run, [folder.file('capture.jsonl'), '--write', target]);
      assert.is(code, 2);
      assert.match(stderr, 'refusing to write inside spec/');
    }
    assert.not.ok(existsSync(path.join(repoRoot, 'spec', 'events', 'proposals')));
    assert.not.ok(existsSync(path.join(repoRoot, 'spec', 'ChatMessageTranslated.yaml')));
  } finally {
    folder.cleanup();
  }
});

write('a bad input is reported on stderr and the others still shape the proposal', async () => {
  const folder = tempFolder({ 'capture.jsonl': CAPTURE, 'empty.har': '' });
  try {
    mkdirSync(folder.file('sub'));
    const { code, stdout, stderr } = await capture(run, [folder.dir]);
    assert.is(code, 1);
    assert.match(stderr, `${folder.file('empty.har')}: empty file`);
    assert.match(stdout, 'ChatMessageTranslated:');
  } finally {
    folder.cleanup();
  }
});

write.run();
