import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Shape } from '../../../cli/infer/merge.js';
import { toNode } from '../../../cli/infer/to-yaml.js';
import { eventExample } from '../cli-fixture.js';

/** The node proposed for a field `x` after seeing each of `values` in an object (undefined: the key absent). */
function fieldNode(values: unknown[]): unknown {
  const shape = new Shape();
  for (const value of values) shape.add(value === undefined ? {} : { x: value });
  return toNode(shape).properties?.['x'];
}

const uuid = (i: number) => `d2242862-401c-42f8-9ce2-0c75977475${String(i).padStart(2, '0')}`;
const ENUM_NOTE = (count: number, samples: number) =>
  `Seen only as ${count === 1 ? 'this value' : `these ${count} values`} in ${samples} samples (infer proposes an enum for 5 or fewer values over 10 or more samples); Guilded may send others.`;

const merge = suite('merging samples into a schema node');

const CASES: Array<{ name: string; given: unknown[]; want: unknown }> = [
  { name: 'a field in every sample is required', given: ['a', 'b'], want: { type: 'string' } },
  { name: 'a field absent from some samples is optional', given: ['a', undefined], want: { optional: true, type: 'string' } },
  { name: 'a null makes a field nullable', given: ['a', null], want: { type: 'string', nullable: true } },
  { name: 'only nulls leave the type unknown', given: [null, null], want: { type: 'null', description: 'Only null was seen, so the type is unknown.' } },
  { name: 'whole numbers are integers', given: [1, 264537], want: { type: 'integer' } },
  { name: 'one fraction makes them numbers', given: [1, 2.5], want: { type: 'number' } },
  { name: 'two types become a list', given: [264537, 'abc'], want: { type: ['string', 'integer'] } },
  { name: 'uuids get the uuid format', given: [uuid(1), uuid(2)], want: { type: 'string', format: 'uuid' } },
  { name: 'one non-uuid drops the format', given: [uuid(1), 'EdVMVKR4'], want: { type: 'string' } },
  { name: 'ISO 8601 timestamps get the date-time format', given: ['2022-01-20T17:04:51.325Z', '2021-03-07T05:22:09+02:00'], want: { type: 'string', format: 'date-time' } },
  {
    name: 'a few values over many samples become an enum, with a note',
    given: Array.from({ length: 12 }, (_, i) => ['Team', 'DM', 'Team'][i % 3]),
    want: { type: 'string', enum: ['DM', 'Team'], description: ENUM_NOTE(2, 12) },
  },
  { name: 'too few samples make no enum', given: Array.from({ length: 9 }, (_, i) => ['Team', 'DM'][i % 2]), want: { type: 'string' } },
  { name: 'six values make no enum', given: Array.from({ length: 30 }, (_, i) => `v${i % 6}`), want: { type: 'string' } },
  {
    name: 'a nullable enum keeps its values',
    given: [...Array.from({ length: 10 }, () => 'voice'), null],
    want: { type: 'string', enum: ['voice'], description: ENUM_NOTE(1, 10), nullable: true },
  },
  { name: 'array elements merge into items', given: [[1, 2], [], [3]], want: { type: 'array', items: { type: 'integer' } } },
  { name: 'arrays never seen with elements are free-form', given: [[], []], want: { type: 'array' } },
  { name: 'empty objects are free-form', given: [{}, {}], want: { type: 'object' } },
  {
    name: 'nested objects merge key by key',
    given: [{ id: 1, name: 'a' }, { id: 2 }],
    want: { properties: { id: { type: 'integer' }, name: { optional: true, type: 'string' } } },
  },
  {
    name: 'objects keyed by ids become maps',
    given: [{ '264537': { id: 264537 }, '264538': { id: 264538, color: 'red' } }, { [uuid(3)]: { id: 1 } }],
    want: { additionalProperties: { properties: { id: { type: 'integer' }, color: { optional: true, type: 'string' } } } },
  },
];

for (const { name, given, want } of CASES) {
  merge(name, () => {
    assert.equal(fieldNode(given), want);
  });
}

merge('the spec\'s ChatMessageCreated example, seen twice with differences, merges into its own shape', () => {
  const first = eventExample('ChatMessageCreated');
  const { teamId: _teamId, ...second }: Record<string, unknown> = { ...first, channelCategoryId: null };
  const shape = new Shape();
  shape.add(first);
  shape.add(second);
  const node = toNode(shape);
  assert.equal(node.properties?.['channelId'], { type: 'string', format: 'uuid' });
  assert.equal(node.properties?.['teamId'], { optional: true, type: 'string' });
  assert.equal(node.properties?.['channelCategoryId'], { type: 'integer', nullable: true });
  assert.equal(node.properties?.['createdAt'], { type: 'string', format: 'date-time' });
  assert.equal(node.properties?.['silenceNotification'], { type: 'boolean' });
});

merge('an object with more distinct keys than a spec would list is taken for a map', () => {
  const shape = new Shape();
  for (let i = 0; i < 300; i++) shape.add({ [`user${i}`]: { status: `status ${i}` } });
  assert.equal(toNode(shape), { additionalProperties: { properties: { status: { type: 'string' } } } });
  assert.is(shape.properties.size, 0);
});

merge.run();
