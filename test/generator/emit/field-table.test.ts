import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { SchemaNode } from '../../../generator/load/model.js';
import { fieldTable, typeText } from '../../../generator/emit/field-table.js';

const link = (name: string) => `[${name}](#${name.toLowerCase()})`;

const typeCases: { given: SchemaNode; want: string }[] = [
  { given: { type: 'string', format: 'uuid' }, want: 'string (uuid)' },
  { given: { type: ['integer', 'string'], nullable: true }, want: 'integer or string or null' },
  { given: { type: 'integer', minimum: 1, maximum: 4 }, want: 'integer (min 1, max 4)' },
  { given: { type: 'string', enum: ['a', 'b|c'] }, want: 'one of `"a"`, `"b\\|c"`' },
  {
    given: { type: 'integer', members: { Online: { value: 1, description: 'Online.' }, Idle: { value: 2, description: 'Idle, or away.' } } },
    want: 'one of: `1` Online: Online. `2` Idle: Idle, or away.',
  },
  { given: { $ref: 'Message' }, want: '[Message](#message)' },
  { given: { type: 'array', items: { $ref: 'Message', nullable: true } }, want: 'array of ([Message](#message) or null)' },
  { given: { type: 'object', additionalProperties: { type: 'integer' } }, want: 'map of integer' },
  { given: { type: 'object' }, want: 'object (any keys)' },
  { given: { anyOf: [{ type: 'integer' }, { $ref: 'Role' }] }, want: 'integer or [Role](#role)' },
];

const types = suite('field types in words');
for (const { given, want } of typeCases) types(`${JSON.stringify(given)} reads "${want}"`, () => assert.is(typeText(given, link), want));
types.run();

const tables = suite('field tables');

tables('inline objects are flattened to dotted paths; arrays add [] and maps *', () => {
  const table = fieldTable(
    {
      properties: {
        message: { properties: { id: { type: 'string' } } },
        items: { type: 'array', items: { properties: { name: { type: 'string', optional: true } } } },
        byId: { type: 'object', additionalProperties: { properties: { on: { type: 'boolean', nullable: true } } } },
      },
    },
    link,
  )!;
  const paths = table.split('\n').slice(2).map((row) => row.split(' | ')[0]!.slice(2));
  assert.equal(paths, ['`message`', '`message.id`', '`items`', '`items[].name?`', '`byId`', '`byId.*.on`']);
});

tables('three columns: the path with ? when the key may be absent, the type with "or null", the description with its sources', () => {
  const table = fieldTable(
    {
      properties: {
        editedAt: { type: 'string', format: 'date-time', optional: true, nullable: true, description: 'When it was edited.', sources: ['deck', 'gpy'] },
        id: { type: 'string' },
      },
    },
    link,
  )!;
  assert.equal(table.split('\n'), [
    '| Field | Type | Description |',
    '| --- | --- | --- |',
    '| `editedAt?` | string (date-time) or null | When it was edited. Sources: deck, gpy. |',
    '| `id` | string |  |',
  ]);
});

tables('what an item, a map value or an alternative says joins its field, which is its only row', () => {
  const table = fieldTable(
    {
      properties: {
        embeds: { type: 'array', description: 'The embeds.', items: { type: 'object', description: 'A Discord-shaped embed.', sources: ['deck'] } },
        byId: { type: 'object', additionalProperties: { type: 'integer', description: 'A count.' } },
        id: { anyOf: [{ type: 'integer', description: 'In gjs1.' }, { type: 'string' }] },
      },
    },
    link,
  )!;
  assert.match(table, '| `embeds` | array of object (any keys) | The embeds. Each item: A Discord-shaped embed. Sources: deck. |');
  assert.match(table, '| `byId` | map of integer | Each value: A count. |');
  assert.match(table, '| `id` | integer or string | Alternative 1: In gjs1. |');
});

tables('a node without fields has no table', () => {
  assert.is(fieldTable({}, link), undefined);
});

tables.run();
