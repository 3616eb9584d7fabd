// Shapes the spec names once: extends, variants, members, name-only events and misspelled wire names,
// as the generated types and validators show them, and the mistakes in them the loader reports.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BASE, generateWith } from '../spec-fixture.js';

const chat = BASE['events/chat.yaml']!;
const ENVELOPE = `objects:
  Envelope:
    description: Where it happened.
    sources: [deck]
    properties:
      channelId: { type: string, format: uuid }
      teamId: { type: string, optional: true }
`;
/** ChatMessageCreated with its channelId taken from Envelope, and `own` as its other fields. */
const extending = (own = '') => chat.replace('      properties:\n        channelId: { type: string, format: uuid }\n', `      extends: Envelope\n      properties:\n${own}`);

const CONTENT = `events:
  ContentCreated:
    description: Content was posted.
    status: fields
    sources: [deck]
    payload:
      properties:
        kind: { type: string, enum: [doc, list, chat] }
      variants:
        by: kind
        cases:
          doc: { doc: { type: string } }
          list: { entries: { type: array, items: { type: string }, optional: true } }
    examples:
      - { type: ContentCreated, kind: doc, doc: hello }
`;
const NAME_ONLY = `events:
  CONTNET_SEEN:
    description: Content was seen. The wire name is misspelled.
    status: name-only
    sources: [deck]
    aliases: [ContentSeen]
    misspelled: true
    payload: {}
    examples:
      - { type: CONTNET_SEEN }
`;
const LEVEL = `objects:
  Level:
    description: How loud.
    sources: [deck]
    type: integer
    members:
      Low: { value: 1, description: Quiet. }
      High: { value: 2, description: Loud. }
`;

/** Loads a generated validators module from text, as Node would load the committed file. */
async function loadValidators(files: ReadonlyMap<string, string>): Promise<Record<string, (data: unknown) => boolean>> {
  return import(`data:text/javascript;base64,${Buffer.from(files.get('validators.js')!).toString('base64')}`);
}

const generated = suite('shapes in the generated types and validators');

generated('a payload that extends an object is an interface extending it, and validates its fields too', async () => {
  const { files, problems } = await generateWith({ 'objects/envelope.yaml': ENVELOPE, 'events/chat.yaml': extending() });
  assert.is(problems, undefined, problems?.join('\n'));
  const types = files!.get('types.ts')!;
  assert.match(types, /^export interface ChatMessageCreatedPayload extends Envelope \{$/m);
  assert.match(types, /^export interface Envelope \{\n {2}channelId: Uuid;$/m);
  const { validateChatMessageCreatedPayload: validate } = await loadValidators(files!);
  const message = { id: 'b943384a-d951-4323-8e26-8e3e6b7c431a' };
  assert.ok(validate!({ type: 'ChatMessageCreated', channelId: 'd2242862-401c-42f8-9ce2-0c75977475a6', message }));
  assert.not.ok(validate!({ type: 'ChatMessageCreated', message }), 'the inherited channelId is required');
});

generated('a field that widens an inherited one leaves the base field out of the interface', async () => {
  const own = '        teamId: { type: string, optional: true, nullable: true, description: Null in DMs. }\n';
  const { files, problems } = await generateWith({ 'objects/envelope.yaml': ENVELOPE, 'events/chat.yaml': extending(own) });
  assert.is(problems, undefined, problems?.join('\n'));
  assert.match(files!.get('types.ts')!, /^export interface ChatMessageCreatedPayload extends Omit<Envelope, "teamId"> \{$/m);
});

generated('variants become a union on the field, and a case field written as required is checked', async () => {
  const { files, problems } = await generateWith({ 'events/content.yaml': CONTENT });
  assert.is(problems, undefined, problems?.join('\n'));
  const types = files!.get('types.ts')!;
  assert.ok(types.includes('export interface ContentCreatedDocPayload extends ContentCreatedPayloadFields {\n  kind: "doc";\n  doc: string;\n}'));
  assert.ok(types.includes('export interface ContentCreatedOtherPayload extends ContentCreatedPayloadFields {\n  kind: "chat";\n}'));
  assert.ok(types.includes('export type ContentCreatedPayload =\n  | ContentCreatedDocPayload\n  | ContentCreatedListPayload\n  | ContentCreatedOtherPayload;'));
  const { validateContentCreatedPayload: validate } = await loadValidators(files!);
  assert.not.ok(validate!({ type: 'ContentCreated', kind: 'doc' }), 'a doc case without its doc');
  assert.ok(validate!({ type: 'ContentCreated', kind: 'list' }), 'the list case has only an optional field');
  assert.ok(validate!({ type: 'ContentCreated', kind: 'chat' }), 'a value no case names');
});

generated('a name-only event is open, says why, and a misspelled one takes its alias as the type name', async () => {
  const { files, problems } = await generateWith({ 'events/seen.yaml': NAME_ONLY });
  assert.is(problems, undefined, problems?.join('\n'));
  const types = files!.get('types.ts')!;
  assert.match(types, /^export interface ContentSeenPayload \{\n(.*\n){3} {2}type: "CONTNET_SEEN";\n {2}\[field: string\]: unknown;\n\}$/m);
  assert.match(types, /@remarks No source shows this event's fields/);
  assert.match(types, /^ {2}CONTNET_SEEN: ContentSeenPayload;$/m);
  assert.match(types, /^ {2}ContentSeen: "CONTNET_SEEN",$/m);
  assert.not.match(types, /Contnet/);
});

generated('members become a constant beside the type, one TSDoc line each', async () => {
  const { files, problems } = await generateWith({ 'objects/level.yaml': LEVEL });
  assert.is(problems, undefined, problems?.join('\n'));
  const types = files!.get('types.ts')!;
  assert.match(types, /^export type Level = \(1 \| 2\);$/m);
  assert.ok(types.includes('export const Level = {\n  /** Quiet. */\n  Low: 1,\n  /** Loud. */\n  High: 2,\n} as const;'));
});

generated.run();

/** Each case: a change to the base spec and the exact problems it must produce. */
const cases: { name: string; given: Record<string, string>; want: string[] }[] = [
  {
    name: 'extending an unknown object names it',
    given: { 'events/chat.yaml': extending().replace('extends: Envelope', 'extends: Nope') },
    want: ['spec/events/chat.yaml:7:16: unknown object "Nope"; objects are defined in spec/objects/'],
  },
  {
    name: 'extends below the top of a payload is refused',
    given: { 'objects/envelope.yaml': ENVELOPE, 'events/chat.yaml': chat.replace('message: { $ref: Message }', 'message: { extends: Envelope, properties: { id: { type: string } } }') },
    want: ['spec/events/chat.yaml:9:20: extends only applies to an object in spec/objects/ or a payload, at its top'],
  },
  {
    name: 'variants on a field without an enum say what they need',
    given: { 'events/content.yaml': CONTENT.replace('kind: { type: string, enum: [doc, list, chat] }', 'kind: { type: string }') },
    want: ['spec/events/content.yaml:10:13: variants need kind to be a field with an enum (or a $ref to one), so that each case narrows it'],
  },
  {
    name: 'a case that is not a value of the field lists the values',
    given: { 'events/content.yaml': CONTENT.replace('          doc: { doc:', '          video: { doc:').replace(', kind: doc, doc: hello', ', kind: list') },
    want: ['spec/events/content.yaml:12:11: "video" is not a value of kind (doc, list, chat)'],
  },
  {
    name: 'a case field that the payload already has is refused',
    given: { 'events/content.yaml': CONTENT.replace('doc: { doc: { type: string } }', 'doc: { kind: { type: string } }').replace(', doc: hello', '') },
    want: ['spec/events/content.yaml:12:18: kind is already a field of the payload; a case only adds fields'],
  },
  {
    name: 'members beside an enum are refused',
    given: { 'objects/level.yaml': LEVEL.replace('    type: integer\n', '    type: integer\n    enum: [1, 2]\n') },
    want: ['spec/objects/level.yaml:7:5: members list the values themselves; remove the enum (or const) beside them'],
  },
  {
    name: 'a misspelled wire name without an alias cannot name its type',
    given: { 'events/seen.yaml': NAME_ONLY.replace('    aliases: [ContentSeen]\n', '') },
    want: ['spec/events/seen.yaml:6:5: a misspelled wire name needs an alias with the right spelling: the type is named from it'],
  },
  {
    name: 'a field copied from another entry, name and description, is reported at the copy',
    given: {
      'events/chat.yaml': chat.replace('        message: { $ref: Message }\n', '        message: { $ref: Message }\n        teamId: { type: string, description: Absent in DMs and outside any team at all. }\n').replace('        message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a }\n', '        message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a }\n        teamId: t\n'),
      'events/content.yaml': CONTENT.replace('        kind:', '        teamId: { type: string, description: Absent in DMs and outside any team at all. }\n        kind:').replace('kind: doc, doc: hello', 'teamId: t, kind: doc, doc: hello'),
    },
    want: ['spec/events/content.yaml:8:46: a copy of the field at spec/events/chat.yaml:10:9 (same name, same description); say it once, in an object in spec/objects/ to $ref or extend'],
  },
];

const errors = suite('mistakes in shapes');
for (const { name, given, want } of cases) {
  errors(name, async () => {
    const { files, problems } = await generateWith(given);
    assert.is(files, undefined, 'nothing is generated from a broken spec');
    assert.equal(problems, want);
  });
}
errors.run();
