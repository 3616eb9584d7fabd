/**
 * One fixture pair per rule of generator/diff/rules.ts: two small specs that differ by that one change,
 * diffed, and the rule that fired with the impact it gives. Schema rules are tried in an event (the bot
 * reads it) and in a command (the bot sends it), so that each direction of the table is checked.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Changes, type Place } from '../../../generator/diff/change.js';
import { compareNodes } from '../../../generator/diff/schema-changes.js';
import { RULE_IDS, RULES, type Impact, type RuleId } from '../../../generator/diff/rules.js';
import { YamlFile } from '../../../generator/load/yaml-file.js';
import { Diagnostics } from '../../../generator/load/diagnostics.js';
import { BASE } from '../spec-fixture.js';
import { diffOf, edited } from './diff-fixture.js';

const covered = new Set<RuleId>();

/** Asserts that the diff found exactly one change, by `rule`, with `want`'s place and impact, besides one by each rule `alongside`. */
function assertOne(
  changes: readonly { rule: RuleId; impact: Impact; subject: string; pointer: string }[],
  rule: RuleId,
  want: { subject: string; pointer?: string; impact: Impact },
  alongside: readonly RuleId[] = [],
) {
  assert.equal(changes.filter((change) => alongside.includes(change.rule)).map((change) => change.rule), alongside);
  assert.equal(
    changes.filter((change) => !alongside.includes(change.rule)).map(({ rule, impact, subject, pointer }) => ({ rule, impact, subject, pointer })),
    [{ rule, impact: want.impact, subject: want.subject, pointer: want.pointer ?? '' }],
  );
  covered.add(rule);
}

// #region schema rules
/** A field `note` of ChatMessageCreated and of the ChatChannelTyping command: before and after ('' = absent). */
const FIELD_CASES: { rule: RuleId; before: string; after: string }[] = [
  { rule: 'field-added-required', before: '', after: '{ type: string }' },
  { rule: 'field-added-optional', before: '', after: '{ type: string, optional: true }' },
  { rule: 'field-removed', before: '{ type: string }', after: '' },
  { rule: 'field-became-optional', before: '{ type: string }', after: '{ type: string, optional: true }' },
  { rule: 'field-became-required', before: '{ type: string, optional: true }', after: '{ type: string }' },
  { rule: 'became-nullable', before: '{ type: string }', after: '{ type: string, nullable: true }' },
  { rule: 'became-non-nullable', before: '{ type: string, nullable: true }', after: '{ type: string }' },
  { rule: 'type-widened', before: '{ type: integer }', after: '{ type: [integer, string] }' },
  { rule: 'type-narrowed', before: '{ type: number }', after: '{ type: integer }' },
  { rule: 'type-changed', before: '{ type: string }', after: '{ type: boolean }' },
  { rule: 'values-widened', before: '{ type: string, enum: [Team] }', after: '{ type: string, enum: [Team, DM] }' },
  { rule: 'values-narrowed', before: '{ type: string }', after: '{ type: string, const: DM }' },
  { rule: 'values-changed', before: '{ type: string, enum: [Team] }', after: '{ type: string, enum: [DM] }' },
  { rule: 'format-added', before: '{ type: string }', after: '{ type: string, format: uuid }' },
  { rule: 'format-removed', before: '{ type: string, format: uuid }', after: '{ type: string }' },
  { rule: 'format-changed', before: '{ type: string, format: uuid }', after: '{ type: string, format: date-time }' },
  { rule: 'bound-narrowed', before: '{ type: integer, maximum: 10 }', after: '{ type: integer, maximum: 9 }' },
  { rule: 'bound-widened', before: '{ type: integer, minimum: 1 }', after: '{ type: integer }' },
  { rule: 'shape-added', before: '{ type: array }', after: '{ type: array, items: { type: string } }' },
  { rule: 'shape-removed', before: '{ type: object, additionalProperties: { type: string } }', after: '{ type: object }' },
  { rule: 'ref-changed', before: '{ $ref: Message }', after: '{ type: string }' },
  { rule: 'alternative-added', before: '{ anyOf: [{ type: integer }, { type: string }] }', after: '{ anyOf: [{ type: integer }, { type: string }, { type: boolean }] }' },
  { rule: 'alternative-removed', before: '{ anyOf: [{ type: integer }, { type: string }, { type: boolean }] }', after: '{ anyOf: [{ type: integer }, { type: string }] }' },
  { rule: 'description-changed', before: '{ type: string }', after: '{ type: string, description: What the author wrote. }' },
  { rule: 'sources-changed', before: '{ type: string, sources: [deck] }', after: '{ type: string, sources: [gpy] }' },
];

const line = (node: string) => (node === '' ? '' : `        note: ${node}\n`);
const inEvent = (node: string) => ({ 'events/chat.yaml': edited('events/chat.yaml', ['        message: { $ref: Message }\n', `        message: { $ref: Message }\n${line(node)}`]) });
const inCommand = (node: string) => ({ 'commands.yaml': edited('commands.yaml', ['        channelId: { type: string, format: uuid }\n', `        channelId: { type: string, format: uuid }\n${line(node)}`]) });

const schema = suite('schema rules, in an event and in a command');
for (const { rule, before, after } of FIELD_CASES) {
  schema(`${rule}: ${before || '(absent)'} → ${after || '(absent)'} is ${RULES[rule].read} in an event, ${RULES[rule].write} in a command`, async () => {
    const [event, command] = await Promise.all([diffOf(inEvent(before), inEvent(after)), diffOf(inCommand(before), inCommand(after))]);
    assertOne(event.changes, rule, { subject: 'event ChatMessageCreated', pointer: '/note', impact: RULES[rule].read });
    assertOne(command.changes, rule, { subject: 'command ChatChannelTyping', pointer: '/note', impact: RULES[rule].write });
  });
}
schema('a change inside an array element is placed with * for every element', async () => {
  const diff = await diffOf(inEvent('{ type: array, items: { type: string } }'), inEvent('{ type: array, items: { type: string, nullable: true } }'));
  assert.equal(diff.changes.map((change) => [change.rule, change.pointer]), [['became-nullable', '/note/*']]);
});
schema.run();
// #endregion

// #region entries
const EXTRA_EVENT = `events:
  ChatMessageDeleted:
    description: A message was deleted.
    status: name-only
    sources: [deck]
    payload: {}
    examples:
      - { type: ChatMessageDeleted }
`;
const EXTRA_OBJECT = `objects:
  Emoji:
    description: An emoji.
    properties:
      id: { type: integer }
`;
const BARE_COMMAND = '  leave:\n    description: Leave.\n    status: fields\n    sources: [gpy]\n';
const LOGOUT_PAYLOAD = '    sources: [gpy]\n    payload:\n      properties:\n        reason: { type: string }\n    examples:\n      - { reason: bye }\n';
const chat = (...pairs: [string, string][]) => ({ 'events/chat.yaml': edited('events/chat.yaml', ...pairs) });
const event = 'event ChatMessageCreated';

interface EntryCase {
  rule: RuleId;
  name: string;
  before: Record<string, string | null>;
  after: Record<string, string | null>;
  subject: string;
  impact: Impact;
  /** Rules that must fire too: a payload comes with its examples. */
  alongside?: RuleId[];
}

const ENTRY_CASES: EntryCase[] = [
  { rule: 'entry-added', name: 'an event', before: {}, after: { 'events/extra.yaml': EXTRA_EVENT }, subject: 'event ChatMessageDeleted', impact: 'non-breaking' },
  { rule: 'entry-added', name: 'a bare command', before: {}, after: { 'commands.yaml': BASE['commands.yaml'] + BARE_COMMAND }, subject: 'command leave', impact: 'non-breaking' },
  { rule: 'entry-added', name: 'an object', before: {}, after: { 'objects/extra.yaml': EXTRA_OBJECT }, subject: 'object Emoji', impact: 'non-breaking' },
  { rule: 'entry-removed', name: 'an event', before: { 'events/extra.yaml': EXTRA_EVENT }, after: {}, subject: 'event ChatMessageDeleted', impact: 'breaking' },
  { rule: 'entry-removed', name: 'a command', before: { 'commands.yaml': BASE['commands.yaml'] + BARE_COMMAND }, after: {}, subject: 'command leave', impact: 'breaking' },
  { rule: 'entry-removed', name: 'an object', before: { 'objects/extra.yaml': EXTRA_OBJECT }, after: {}, subject: 'object Emoji', impact: 'breaking' },
  { rule: 'wire-name-added', name: 'another spelling', before: {}, after: chat(['    payload:\n', '    wireNames: [chatMessageCreated]\n    payload:\n']), subject: event, impact: 'non-breaking' },
  { rule: 'wire-name-removed', name: 'a spelling', before: chat(['    payload:\n', '    wireNames: [chatMessageCreated]\n    payload:\n']), after: {}, subject: event, impact: 'breaking' },
  { rule: 'type-field-removed', name: 'typeField: false', before: {}, after: chat(['    payload:\n', '    typeField: false\n    payload:\n']), subject: event, impact: 'breaking' },
  { rule: 'type-field-added', name: 'typeField back to true', before: chat(['    payload:\n', '    typeField: false\n    payload:\n']), after: {}, subject: event, impact: 'non-breaking' },
  { rule: 'payload-added', name: 'a bare command gets a payload', before: {}, after: { 'commands.yaml': edited('commands.yaml', ['    sources: [gpy]\n', LOGOUT_PAYLOAD]) }, subject: 'command logout', impact: 'breaking', alongside: ['examples-changed'] },
  { rule: 'payload-removed', name: 'a command becomes bare', before: { 'commands.yaml': edited('commands.yaml', ['    sources: [gpy]\n', LOGOUT_PAYLOAD]) }, after: {}, subject: 'command logout', impact: 'breaking', alongside: ['examples-changed'] },
  { rule: 'description-changed', name: "an event's description", before: {}, after: chat(['A message was sent.', 'A message was posted.']), subject: event, impact: 'annotation' },
  { rule: 'sources-changed', name: "an event's sources", before: {}, after: chat(['    sources: [deck]\n', '    sources: [deck, gpy]\n']), subject: event, impact: 'annotation' },
  { rule: 'examples-changed', name: "an event's example", before: {}, after: chat(['b943384a-d951-4323-8e26-8e3e6b7c431a', 'c943384a-d951-4323-8e26-8e3e6b7c431a']), subject: event, impact: 'annotation' },
  { rule: 'status-changed', name: "an event's evidence", before: {}, after: chat(['status: fields', 'status: captured']), subject: event, impact: 'annotation' },
  { rule: 'aliases-changed', name: 'an alias added', before: {}, after: chat(['    payload:\n', '    aliases: [MessageCreated]\n    payload:\n']), subject: event, impact: 'annotation' },
  { rule: 'source-tag-changed', name: 'a source added to sources.yaml', before: {}, after: { 'sources.yaml': `${BASE['sources.yaml']}  extra: { title: "An extra source" }\n` }, subject: 'source extra', impact: 'annotation' },
];

const entries = suite('entry rules');
for (const { rule, name, before, after, subject, impact, alongside } of ENTRY_CASES) {
  entries(`${rule}: ${name} is ${impact}`, async () => {
    assertOne((await diffOf(before, after)).changes, rule, { subject, impact }, alongside);
  });
}
entries.run();
// #endregion

// #region objects and the hello
const objects = suite('shared objects and the hello');

const messageField = (node: string) => ({ 'objects/message.yaml': edited('objects/message.yaml', ['      id: { type: string, format: uuid }\n', `      id: { type: string, format: uuid }\n${node}`]) });
const typingSendsMessage = { 'commands.yaml': edited('commands.yaml', ['        channelId: { type: string, format: uuid }\n', '        channelId: { type: string, format: uuid }\n        message: { $ref: Message }\n']) };

objects('a required field added to an object only events use is non-breaking: the bot reads it', async () => {
  assertOne((await diffOf({}, messageField('      note: { type: string }\n'))).changes, 'field-added-required', { subject: 'object Message', pointer: '/note', impact: 'non-breaking' });
});

objects('the same field added to an object a command also sends is breaking: the worse of both sides', async () => {
  const diff = await diffOf(typingSendsMessage, { ...typingSendsMessage, ...messageField('      note: { type: string }\n') });
  assertOne(diff.changes, 'field-added-required', { subject: 'object Message', pointer: '/note', impact: 'breaking' });
});

objects('a hello field that may now be null is breaking: the client reads the hello', async () => {
  const connection = edited('connection.yaml', ['      sid: { type: string, description: The session id. }', '      sid: { type: string, nullable: true, description: The session id. }']);
  assertOne((await diffOf({}, { 'connection.yaml': connection })).changes, 'became-nullable', { subject: 'hello', pointer: '/sid', impact: 'breaking' });
});
objects.run();
// #endregion

// #region connection
const QUERY = '  - name: v\n    required: false\n    description: A version.\n    sources: [gdocs]\n';
const withQuery = { 'connection.yaml': edited('connection.yaml', ['query:\n', `query:\n${QUERY}`]) };

const connection = suite('connection rules: listed on their own');

connection('connection-item-added: a query parameter added', async () => {
  assertOne((await diffOf({}, withQuery)).changes, 'connection-item-added', { subject: 'query parameter v', impact: 'connection' });
});

connection('connection-item-removed: a query parameter removed', async () => {
  assertOne((await diffOf(withQuery, {})).changes, 'connection-item-removed', { subject: 'query parameter v', impact: 'connection' });
});

connection('connection-value-changed: the default heartbeat interval, with both values', async () => {
  const diff = await diffOf({}, { 'connection.yaml': edited('connection.yaml', ['    pingInterval: 25000', '    pingInterval: 30000']) });
  assertOne(diff.changes, 'connection-value-changed', { subject: 'hello defaults', impact: 'connection' });
  assert.match(diff.changes[0]!.message, 'pingInterval: 25000 → 30000');
});

connection("a close code's description is an annotation, not a connection change", async () => {
  const diff = await diffOf({}, { 'connection.yaml': edited('connection.yaml', ['Same as 1000 (going away).', 'Same as 1000.']) });
  assertOne(diff.changes, 'description-changed', { subject: 'close code 1001', impact: 'annotation' });
});
connection.run();
// #endregion

// #region keywords no rule knows
const unknown = suite('keywords the rules do not know yet');

/** A place in a one-line file: keywords the meta-schema lacks cannot pass the loader, so these nodes are compared directly. */
function placeIn(): Place {
  const file = YamlFile.parse('spec/x.yaml', 'x: {}\n', new Diagnostics())!;
  return { subject: 'event X', sides: ['read'], pointer: '', before: { file, path: ['x'] }, after: { file, path: ['x'] } };
}

unknown('keyword-changed: a new keyword is compared as a value and counted as breaking, naming it', () => {
  const changes = new Changes();
  compareNodes({ type: 'object', deprecated: false } as never, { type: 'object', deprecated: true } as never, placeIn(), changes);
  assertOne(changes.list, 'keyword-changed', { subject: 'event X', impact: 'breaking' });
  assert.match(changes.list[0]!.message, 'deprecated: false → true');
});
unknown('variants-added and variants-removed: stating cases narrows what a reader gets, and dropping them widens it', () => {
  const variants = { by: 'kind', cases: { doc: { doc: { type: 'string' } } } };
  const added = new Changes();
  compareNodes({ type: 'object' } as never, { type: 'object', variants } as never, placeIn(), added);
  assertOne(added.list, 'variants-added', { subject: 'event X', impact: 'non-breaking' });
  const removed = new Changes();
  compareNodes({ type: 'object', variants } as never, { type: 'object' } as never, placeIn(), removed);
  assertOne(removed.list, 'variants-removed', { subject: 'event X', impact: 'breaking' });
});
unknown('extends, ownKeys and members are how a shape is written: only the flat fields they give are compared', () => {
  const changes = new Changes();
  const field = { type: 'string' };
  compareNodes({ type: 'object', properties: { a: field } } as never, { type: 'object', extends: 'Base', ownKeys: [], properties: { a: field } } as never, placeIn(), changes);
  assert.equal(changes.list, []);
});
unknown.run();
// #endregion

const table = suite('the table');

table('every rule has a fixture above', () => {
  assert.equal(RULE_IDS.filter((rule) => !covered.has(rule)), []);
});

table('the real spec against itself has no changes', async () => {
  const diff = await diffOf({}, {});
  assert.equal({ changes: diff.changes, step: diff.step }, { changes: [], step: 'none' });
});
table.run();
