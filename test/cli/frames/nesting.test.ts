import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_NESTING, nestsTooDeep } from '../../../cli/frames/nesting.js';

const test = suite('nestsTooDeep');
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

test('a frame at the bound is read; one level more is not', () => {
  assert.is(nestsTooDeep(nested(MAX_NESTING)), false);
  assert.is(nestsTooDeep(nested(MAX_NESTING + 1)), true);
  assert.is(nestsTooDeep(`42["Deep",${'{"a":'.repeat(MAX_NESTING + 1)}1${'}'.repeat(MAX_NESTING + 1)}]`), true);
});

test('many brackets side by side, or inside strings, are not depth', () => {
  const flat = `[${Array.from({ length: 3 * MAX_NESTING }, () => '[{}]').join(',')}]`;
  assert.is(nestsTooDeep(flat), false);
  assert.is(nestsTooDeep(JSON.stringify({ text: nested(5 * MAX_NESTING) })), false);
  // An escaped quote does not end the string its brackets are in.
  assert.is(nestsTooDeep(JSON.stringify({ text: `"${nested(5 * MAX_NESTING)}` })), false);
});

test('a long frame with few brackets', () => {
  assert.is(nestsTooDeep(JSON.stringify({ text: 'x'.repeat(100_000) })), false);
});

test.run();
