import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exampleJson, jsonLine } from '../../../generator/emit/compact-json.js';

const cases: { name: string; given: unknown; width?: number; want: string }[] = [
  { name: 'a value that fits stays on one line, spaced like the spread-out form', given: { a: 1, b: [true, null] }, want: '{"a": 1, "b": [true, null]}' },
  {
    name: 'a longer object puts its members on lines of their own, short ones sharing a line',
    given: { type: 'X', teamId: 'abc', channelId: 'd2242862' },
    width: 34,
    want: '{\n  "type": "X", "teamId": "abc",\n  "channelId": "d2242862"\n}',
  },
  {
    name: 'a member stays on one line however deep and long it is',
    given: { id: 1, nodes: [{ object: 'block', nodes: [{ text: 'long enough to pass the width' }] }] },
    width: 30,
    want: '{\n  "id": 1,\n  "nodes": [{"object": "block", "nodes": [{"text": "long enough to pass the width"}]}]\n}',
  },
  { name: 'an array spreads the same way', given: ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'], width: 26, want: '[\n  "aaaaaaaa", "bbbbbbbb",\n  "cccccccc"\n]' },
  { name: 'U+2028 is escaped, so the text is safe in any code', given: ['a\u2028b'], want: '["a\\u2028b"]' },
];

const layout = suite('example JSON');
for (const { name, given, width, want } of cases) layout(name, () => assert.is(exampleJson(given, width), want));

layout('every layout reads back as the value it shows', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer({ min: 10, max: 120 }), (value, width) => {
      assert.equal(JSON.parse(exampleJson(value, width)), JSON.parse(JSON.stringify(value)));
      assert.equal(JSON.parse(jsonLine(value)), JSON.parse(JSON.stringify(value)));
    }),
  );
});

layout.run();
