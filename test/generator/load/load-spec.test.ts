import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BASE, generateWith } from '../spec-fixture.js';

const chat = BASE['events/chat.yaml']!;

/** ChatMessageCreated with one more field in its payload and a value for it at the end of its example. */
const field = (property: string, exampleLine: string) =>
  chat.replace('        message: { $ref: Message }\n', `        message: { $ref: Message }\n${property}`).concat(exampleLine);

/** The 1-based line of the first line that starts with `start`: connection.yaml is the real file, so its lines move. */
const lineOf = (text: string, start: string) => text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

/** Each case: a change to the base spec and the exact problems it must produce. */
const cases: { name: string; given: Record<string, string | null>; edited?: string[]; want: string[] }[] = [
  {
    name: 'an unclosed bracket is reported at the bracket, not where the file ends',
    given: { 'events/chat.yaml': 'events:\n  ChatMessageCreated:\n    description: [unclosed\n' },
    want: ['spec/events/chat.yaml:3:18: this [ is not closed: end it with ], and indent the lines it continues on deeper than its key'],
  },
  {
    name: 'a first key indented too deep is reported once, on the line after it, with the line to check',
    given: { 'events/chat.yaml': chat.replace('        channelId: { type: string, format: uuid }\n', '         channelId: { type: string, format: uuid }\n') },
    want: ['spec/events/chat.yaml:9:9: the keys of one map must start at the same column: this line starts at column 9, line 8 above it at column 10; check the indentation of line 8'],
  },
  {
    name: 'a key indented less than the keys around it is reported at that key, once',
    given: { 'events/chat.yaml': chat.replace('    sources: [deck]\n', '   sources: [deck]\n') },
    want: ['spec/events/chat.yaml:5:4: the keys of one map must start at the same column: this line starts at column 4, the lines above it (line 4) at column 5; indent it like line 4'],
  },
  {
    name: 'a key given twice in one map names the key and the line of the first',
    given: { 'events/chat.yaml': chat.replace('        message: { $ref: Message }\n', '        message: { $ref: Message }\n        channelId: { type: string }\n') },
    want: ['spec/events/chat.yaml:10:9: the key "channelId" is already in this map, on line 8; a map holds each key once'],
  },
  {
    name: 'a misspelled type echoes it and lists the types',
    given: { 'events/chat.yaml': chat.replace('channelId: { type: string, format: uuid }', 'channelId: { type: strng, format: uuid }') },
    want: ['spec/events/chat.yaml:8:28: events.ChatMessageCreated.payload.properties.channelId.type: "strng" is not a type: string, integer, number, boolean, object, array or null (or a list of them)'],
  },
  {
    name: 'an unknown key points at the key',
    given: { 'events/chat.yaml': chat.replace('    status: fields\n', '    status: fields\n    colour: blue\n') },
    want: ['spec/events/chat.yaml:5:5: events.ChatMessageCreated: unknown key "colour"'],
  },
  {
    name: 'a single source where a list belongs says a list is wanted and echoes the value',
    given: { 'events/chat.yaml': chat.replace('sources: [deck]', 'sources: deck') },
    want: ['spec/events/chat.yaml:5:14: events.ChatMessageCreated.sources: must be a list, not "deck"'],
  },
  {
    name: 'a source cited twice points at the second',
    given: { 'events/chat.yaml': chat.replace('sources: [deck]', 'sources: [deck, deck]') },
    want: ['spec/events/chat.yaml:5:21: events.ChatMessageCreated.sources: lists "deck" twice'],
  },
  {
    name: 'a reference that is not an object name says what a reference is',
    given: { 'events/chat.yaml': chat.replace('$ref: Message', '$ref: message') },
    want: ['spec/events/chat.yaml:9:26: events.ChatMessageCreated.payload.properties.message.$ref: "message" is not the PascalCase name of an object in spec/objects/'],
  },
  {
    name: 'an object name that is not PascalCase points at the name',
    given: { 'objects/message.yaml': BASE['objects/message.yaml']!.replace('  Message:', '  message:'), 'events/chat.yaml': null },
    want: [
      'spec/objects/message.yaml:2:3: objects: "message" is not an object name (PascalCase: letters and digits, starting with a capital)',
    ],
  },
  {
    name: 'a source URL that is not https says what it must be',
    given: { 'sources.yaml': BASE['sources.yaml']!.replace('url: "https://github.com/shayypy/guilded.py" }', 'url: "http://github.com/shayypy/guilded.py" }') },
    want: [`spec/sources.yaml:${lineOf(BASE['sources.yaml']!, '  gpy:')}:98: sources.gpy.url: "http://github.com/shayypy/guilded.py" is not an https:// URL`],
  },
  {
    name: 'a missing required key points at the entry',
    given: { 'events/chat.yaml': chat.replace('    description: A message was sent.\n', '') },
    want: ['spec/events/chat.yaml:3:5: events.ChatMessageCreated: missing required key "description"'],
  },
  {
    name: 'a wrong enum value lists the allowed values',
    given: { 'events/chat.yaml': chat.replace('status: fields', 'status: guessed') },
    want: ['spec/events/chat.yaml:4:13: events.ChatMessageCreated.status: "guessed" is not one of "name-only", "fields", "captured"'],
  },
  {
    name: 'a reference to an unknown object points at the $ref',
    given: { 'events/chat.yaml': chat.replace('$ref: Message', '$ref: Mesage') },
    want: ['spec/events/chat.yaml:9:26: unknown object "Mesage"; objects are defined in spec/objects/'],
  },
  {
    name: 'an unknown source tag points at the tag',
    given: { 'events/chat.yaml': chat.replace('sources: [deck]', 'sources: [deck, rumour]') },
    want: ['spec/events/chat.yaml:5:21: unknown source "rumour"; add it to spec/sources.yaml'],
  },
  {
    name: 'an event defined in two files is one problem, at the second, naming the first',
    given: { 'events/more.yaml': chat },
    want: ['spec/events/more.yaml:2:3: the event "ChatMessageCreated" is already defined at spec/events/chat.yaml:2:3'],
  },
  {
    name: 'an event just added to a file that sorts first is reported there, naming the older definition',
    given: { 'events/alpha.yaml': chat },
    edited: ['events/alpha.yaml'],
    want: ['spec/events/alpha.yaml:2:3: the event "ChatMessageCreated" is already defined at spec/events/chat.yaml:2:3'],
  },
  {
    name: 'two wire names that make one type name fail with both locations',
    given: {
      'events/groups.yaml': `events:
  TEAM_GROUP_UPDATED:
    description: A group changed.
    status: name-only
    sources: [gapi]
    payload: {}
    examples: [{ type: TEAM_GROUP_UPDATED }]
  TeamGroupUpdated:
    description: A group changed (deck's spelling).
    status: name-only
    sources: [deck]
    payload: {}
    examples: [{ type: TeamGroupUpdated }]
`,
    },
    want: ['spec/events/groups.yaml:8:3: the type name TeamGroupUpdatedPayload is also generated for spec/events/groups.yaml:2:3'],
  },
  {
    name: 'an alias that is another event\'s wire name is refused',
    given: { 'events/chat.yaml': chat.replace('    status: fields\n', '    status: fields\n    aliases: [TeamUpdated]\n') + `  TeamUpdated:
    description: The team changed.
    status: name-only
    sources: [deck]
    payload: {}
    examples: [{ type: TeamUpdated }]
` },
    want: ['spec/events/chat.yaml:5:15: the alias "TeamUpdated" is already the event name at spec/events/chat.yaml:15:3'],
  },
  {
    name: 'an example that does not match its schema points into the example',
    given: { 'events/chat.yaml': chat.replace('message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a }', 'message: { id: 42 }') },
    want: ['spec/events/chat.yaml:13:24: example 1 of ChatMessageCreated: /message/id must be a string, not 42'],
  },
  {
    name: 'an example with the wrong type constant says which name was expected and which was given',
    given: { 'events/chat.yaml': chat.replace('      - type: ChatMessageCreated\n', '      - type: ChatMessageCreate\n') },
    want: ['spec/events/chat.yaml:11:15: example 1 of ChatMessageCreated: /type must be "ChatMessageCreated", not "ChatMessageCreate"'],
  },
  {
    name: 'a value of the wrong kind for a nullable reference is one problem that allows null',
    given: { 'events/chat.yaml': field('        replyTo: { $ref: Message, nullable: true }\n', '        replyTo: 42\n') },
    want: ['spec/events/chat.yaml:15:18: example 1 of ChatMessageCreated: /replyTo must be an object or null, not 42'],
  },
  {
    name: 'a bad field inside a nullable reference is reported alone, without the null alternative',
    given: { 'events/chat.yaml': field('        replyTo: { $ref: Message, nullable: true }\n', '        replyTo: { id: 42 }\n') },
    want: ['spec/events/chat.yaml:15:24: example 1 of ChatMessageCreated: /replyTo/id must be a string, not 42'],
  },
  {
    name: 'a value that is not a uuid says so, not the pattern',
    given: { 'events/chat.yaml': chat.replace('channelId: d2242862-401c-42f8-9ce2-0c75977475a6', 'channelId: d2242862') },
    want: ['spec/events/chat.yaml:12:20: example 1 of ChatMessageCreated: /channelId must be a uuid, not "d2242862"'],
  },
  {
    name: 'a value that is not a date-time says so, not the pattern',
    given: { 'events/chat.yaml': chat.replace('message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a }', 'message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a, editedAt: yesterday }') },
    want: ['spec/events/chat.yaml:13:72: example 1 of ChatMessageCreated: /message/editedAt must be an ISO 8601 date-time, not "yesterday"'],
  },
  {
    name: 'a value matching no alternative of an anyOf names every alternative',
    given: { 'events/chat.yaml': field('        ref: { anyOf: [{ type: integer }, { type: string, format: uuid }] }\n', '        ref: "7"\n') },
    want: ['spec/events/chat.yaml:15:14: example 1 of ChatMessageCreated: /ref must be an integer or a uuid, not "7"'],
  },
  {
    name: 'an example with a field the schema lacks is a problem',
    given: { 'events/chat.yaml': chat.replace('message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a }', 'message: { id: b943384a-d951-4323-8e26-8e3e6b7c431a, pinned: true }') },
    want: ['spec/events/chat.yaml:13:62: example 1 of ChatMessageCreated: field /message/pinned is not in the schema'],
  },
  {
    name: 'an example missing a required field names the pointer',
    given: { 'events/chat.yaml': chat.replace('        channelId: d2242862-401c-42f8-9ce2-0c75977475a6\n', '') },
    want: ['spec/events/chat.yaml:11:9: example 1 of ChatMessageCreated: / is missing required field "channelId"'],
  },
  {
    name: 'listing the generated type field is refused',
    given: { 'events/chat.yaml': chat.replace('      properties:\n', '      properties:\n        type: { type: string }\n') },
    want: ['spec/events/chat.yaml:8:9: the type field is generated from the event name; remove it (or set typeField: false)'],
  },
  {
    name: 'a $ref with a type beside it is refused',
    given: { 'events/chat.yaml': chat.replace('message: { $ref: Message }', 'message: { $ref: Message, type: object }') },
    want: ['spec/events/chat.yaml:9:35: "type" cannot sit beside $ref; describe the object in spec/objects/ instead'],
  },
  {
    name: 'a field with no type is refused',
    given: { 'objects/message.yaml': BASE['objects/message.yaml']!.replace('id: { type: string, format: uuid }', 'id: { description: the id }') },
    want: ['spec/objects/message.yaml:6:11: give this field a type (or a $ref, enum or const)'],
  },
  {
    name: 'an object may not take a name the generated package declares itself',
    given: { 'objects/reserved.yaml': 'objects:\n  EventEntry:\n    properties:\n      id: { type: string }\n' },
    want: ['spec/objects/reserved.yaml:2:3: the type name EventEntry is reserved by the generator'],
  },
  {
    name: 'an enum value of the wrong type is refused',
    given: { 'objects/message.yaml': BASE['objects/message.yaml']!.replace('editedAt:', 'kind: { type: string, enum: [default, 2] }\n      editedAt:') },
    want: ['spec/objects/message.yaml:7:45: 2 is not of type string'],
  },
  {
    name: 'a payload example naming an unknown event points at the name',
    given: { 'connection.yaml': BASE['connection.yaml']!.replace('exampleEvent: ChatMessageCreated', 'exampleEvent: ChatMessageCreate') },
    want: [`spec/connection.yaml:${lineOf(BASE['connection.yaml']!, '  exampleEvent:')}:17: unknown event "ChatMessageCreate"; name an event from spec/events/`],
  },
  {
    name: 'a packet type that example frames need cannot be left out',
    given: { 'connection.yaml': BASE['connection.yaml']!.replace(/^ {4}event: .*\n/m, '') },
    want: [`spec/connection.yaml:${lineOf(BASE['connection.yaml']!, '  socketPacketTypes:')}:3: the packet type event is missing`],
  },
];

const errors = suite('spec errors');
for (const { name, given, edited, want } of cases) {
  errors(name, async () => {
    const { files, problems } = await generateWith(given, edited);
    assert.is(files, undefined, 'nothing is generated from a broken spec');
    assert.equal(problems, want);
  });
}

errors('every problem is reported at once, not only the first', async () => {
  const { problems } = await generateWith({
    'events/chat.yaml': chat.replace('$ref: Message', '$ref: Nope').replace('sources: [deck]', 'sources: [nobody]'),
    'objects/message.yaml': BASE['objects/message.yaml']!.replace('sources: [deck]', 'sources: [nobody]'),
  });
  assert.equal(problems?.length, 3);
  assert.ok(problems?.every((line) => /^spec\/[a-z/]+\.yaml:\d+:\d+: /.test(line)));
});

errors.run();
